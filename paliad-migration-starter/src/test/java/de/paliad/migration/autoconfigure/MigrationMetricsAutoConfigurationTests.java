package de.paliad.migration.autoconfigure;

import de.paliad.migration.metrics.MigrationMetrics;
import de.paliad.migration.status.MigrationStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationMetricsAutoConfiguration}.
 */
class MigrationMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationMetricsAutoConfiguration.class));

	@Test
	void registersTheMetersWithAMeterRegistryAndAMigrator() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).withBean(MigrationStatus.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationMetrics.class);
			assertThat(context.getBean(SimpleMeterRegistry.class).find(MigrationMetrics.PENDING).gauge()).isNotNull();
		});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.contextRunner.withBean(MigrationStatus.class)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationMetrics.class));
	}

	@Test
	void backsOffWithoutAMigrator() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationMetrics.class));
	}

}
