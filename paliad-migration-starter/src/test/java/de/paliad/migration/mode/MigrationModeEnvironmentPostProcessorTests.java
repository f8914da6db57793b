package de.paliad.migration.mode;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationModeEnvironmentPostProcessor}.
 */
class MigrationModeEnvironmentPostProcessorTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final MigrationModeEnvironmentPostProcessor postProcessor = new MigrationModeEnvironmentPostProcessor();

	@Test
	void migrateKeepsTheWebServer() {
		this.environment.setProperty("spring.main.web-application-type", "servlet");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
	}

	@Test
	void everyOtherModeTurnsTheWebServerOffWhateverIsConfigured() {
		this.environment.setProperty("paliad.migration.mode", "dry-run");
		this.environment.setProperty("spring.main.web-application-type", "servlet");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void aDisabledMigratorLeavesTheApplicationAlone() {
		this.environment.setProperty("paliad.migration.mode", "plan");
		this.environment.setProperty("paliad.migration.enabled", "false");
		postProcess();
		assertThat(this.environment.getPropertySources()
			.contains(MigrationModeEnvironmentPostProcessor.MODE_PROPERTY_SOURCE)).isFalse();
	}

	@Test
	void jsonOutputTurnsBannerAndConsoleLoggingOffByDefault() {
		this.environment.setProperty("paliad.migration.mode", "plan");
		this.environment.setProperty("paliad.migration.output", "json");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(this.environment.getProperty("logging.console.enabled")).isEqualTo("false");
	}

	@Test
	void jsonOutputKeepsConsoleLoggingTheApplicationTurnedOn() {
		this.environment.setProperty("paliad.migration.mode", "plan");
		this.environment.setProperty("paliad.migration.output", "json");
		this.environment.setProperty("logging.console.enabled", "true");
		postProcess();
		assertThat(this.environment.getProperty("logging.console.enabled")).isEqualTo("true");
	}

	@Test
	void anUnknownModeIsLeftToThePropertiesBinding() {
		this.environment.setProperty("paliad.migration.mode", "explode");
		postProcess();
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isNull();
	}

	private void postProcess() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
	}

}
