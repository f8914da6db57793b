package de.paliad.migration.autoconfigure;

import de.paliad.migration.core.MigrationState;
import de.paliad.migration.health.MigrationsHealthIndicator;
import de.paliad.migration.status.MigrationStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsHealthContributorAutoConfiguration}.
 */
class MigrationsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsHealthContributorAutoConfiguration.class));

	@Test
	void reportsDisabledWithoutAMigrator() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("state", "DISABLED");
		});
	}

	@Test
	void reportsTheStatusOfTheMigrator() {
		this.contextRunner.withBean(MigrationStatus.class).run((context) -> {
			context.getBean(MigrationStatus.class).stateChanged(MigrationState.FAILED);
			assertThat(context.getBean(MigrationsHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void backsOffWhenTheIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffFromAUserDefinedIndicator() {
		this.contextRunner
			.withBean("migrationsHealthIndicator", HealthIndicator.class, () -> () -> Health.outOfService().build())
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

}
