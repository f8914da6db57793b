package de.paliad.migration.startup;

import java.time.Duration;
import java.util.List;

import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.status.MigrationStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationReadiness}, with Spring Boot's availability bean.
 */
class MigrationReadinessTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class))
		.withBean(MigrationStatus.class)
		.withBean(MigrationReadiness.class);

	@Test
	void refusesTrafficAfterBootAcceptsItWhileNotApplied() {
		this.contextRunner.run((context) -> {
			context.getBean(MigrationStatus.class).stateChanged(MigrationState.FAILED);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		});
	}

	@Test
	void leavesReadinessAloneWhenApplied() {
		this.contextRunner.run((context) -> {
			context.getBean(MigrationStatus.class).stateChanged(MigrationState.APPLIED);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

	@Test
	void acceptsTrafficWhenARetryAppliesTheMigrations() {
		this.contextRunner.run((context) -> {
			MigrationStatus status = context.getBean(MigrationStatus.class);
			status.stateChanged(MigrationState.FAILED);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			status.runSucceeded(new MigrateResult(List.of(), 1, 1, Duration.ZERO, Duration.ZERO));
			context.getBean(MigrationReadiness.class).migrationsApplied();
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

	@Test
	void aRetryBeforeTheApplicationIsReadyLeavesTheDecisionToBoot() {
		this.contextRunner.run((context) -> {
			context.getBean(MigrationReadiness.class).migrationsApplied();
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		});
	}

	@Test
	void ignoresItsOwnEvents() {
		this.contextRunner.run((context) -> {
			MigrationReadiness readiness = context.getBean(MigrationReadiness.class);
			AvailabilityChangeEvent.publish(context, readiness, ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

}
