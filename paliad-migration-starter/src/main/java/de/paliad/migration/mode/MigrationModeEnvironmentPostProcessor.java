package de.paliad.migration.mode;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares a command-line mode ({@code paliad.migration.mode} other than
 * {@code migrate}): the application starts without a web server, so no port opens while a
 * mode runs. With {@code paliad.migration.output=json} the banner and console logging
 * default to off, so standard output is the JSON report alone.
 */
class MigrationModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String MODE_PROPERTY_SOURCE = "paliadMigrationMode";

	static final String JSON_DEFAULTS_PROPERTY_SOURCE = "paliadMigrationJsonOutputDefaults";

	@Override
	public int getOrder() {
		// After the application's configuration files were loaded.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (!bind(binder, "paliad.migration.enabled", Boolean.class, true)) {
			return;
		}
		if (bind(binder, "paliad.migration.mode", Mode.class, Mode.MIGRATE) == Mode.MIGRATE) {
			return;
		}
		// First: a mode must never open the port, whatever else is configured.
		environment.getPropertySources()
			.addFirst(new MapPropertySource(MODE_PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "none")));
		if (bind(binder, "paliad.migration.output", Output.class, Output.TEXT) == Output.JSON) {
			Map<String, Object> defaults = new LinkedHashMap<>();
			putIfUnset(binder, defaults, "spring.main.banner-mode", "off");
			putIfUnset(binder, defaults, "logging.console.enabled", "false");
			if (!defaults.isEmpty()) {
				environment.getPropertySources()
					.addLast(new MapPropertySource(JSON_DEFAULTS_PROPERTY_SOURCE, defaults));
			}
		}
	}

	private static void putIfUnset(Binder binder, Map<String, Object> defaults, String name, String value) {
		if (!binder.bind(name, String.class).isBound()) {
			defaults.put(name, value);
		}
	}

	/**
	 * Binds a value; a value that does not convert is left to the properties binding,
	 * whose failure analysis names it.
	 */
	private static <T> T bind(Binder binder, String name, Class<T> type, T defaultValue) {
		try {
			return binder.bind(name, type).orElse(defaultValue);
		}
		catch (BindException ex) {
			return defaultValue;
		}
	}

}
