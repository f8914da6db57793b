package de.paliad.migration.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsHealthEnvironmentPostProcessor}.
 */
class MigrationsHealthEnvironmentPostProcessorTests {

	private static final String PROBES = "management.endpoint.health.probes.enabled";

	private static final String INCLUDE = "management.endpoint.health.group.readiness.include";

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void turnsProbesOnAndPutsMigrationsIntoReadiness() {
		postProcess();
		assertThat(this.environment.getProperty(PROBES)).isEqualTo("true");
		assertThat(this.environment.getProperty(INCLUDE)).isEqualTo("readinessState,migrations");
	}

	@Test
	void keepsTheApplicationsReadinessGroup() {
		this.environment.setProperty(INCLUDE + "[0]", "readinessState");
		postProcess();
		assertThat(this.environment.getProperty(INCLUDE)).isNull();
	}

	@Test
	void keepsProbesTheApplicationTurnedOffAndAddsNoGroup() {
		this.environment.setProperty(PROBES, "false");
		postProcess();
		assertThat(this.environment.getProperty(PROBES)).isEqualTo("false");
		assertThat(this.environment.getProperty(INCLUDE)).isNull();
	}

	@Test
	void addsNoGroupWhenTheIndicatorIsDisabled() {
		this.environment.setProperty("management.health.migrations.enabled", "false");
		postProcess();
		assertThat(this.environment.getProperty(INCLUDE)).isNull();
	}

	@Test
	void addsNoGroupWhenHealthIndicatorsAreDisabledByDefault() {
		this.environment.setProperty("management.health.defaults.enabled", "false");
		postProcess();
		assertThat(this.environment.getProperty(INCLUDE)).isNull();
	}

	@Test
	void addsTheGroupWhenTheIndicatorIsEnabledExplicitly() {
		this.environment.setProperty("management.health.defaults.enabled", "false");
		this.environment.setProperty("management.health.migrations.enabled", "true");
		postProcess();
		assertThat(this.environment.getProperty(INCLUDE)).isEqualTo("readinessState,migrations");
	}

	private void postProcess() {
		new MigrationsHealthEnvironmentPostProcessor().postProcessEnvironment(this.environment,
				new SpringApplication());
	}

}
