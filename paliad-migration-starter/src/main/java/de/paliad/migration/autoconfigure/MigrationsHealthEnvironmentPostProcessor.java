package de.paliad.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Defaults that put the {@code migrations} health indicator into readiness: health probes
 * on (so {@code /actuator/health/readiness} and {@code /liveness} exist outside
 * Kubernetes) and {@code readiness} made of {@code readinessState} and
 * {@code migrations}. Each default applies only when the application did not set the
 * property itself, and the group only when the {@code migrations} indicator will exist
 * (Spring Boot fails the startup for a group member that does not).
 */
class MigrationsHealthEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "paliadMigrationHealthDefaults";

	static final String PROBES_ENABLED = "management.endpoint.health.probes.enabled";

	static final String READINESS_INCLUDE = "management.endpoint.health.group.readiness.include";

	private static final String HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

	@Override
	public int getOrder() {
		// After the application's configuration files were loaded.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent(HEALTH_INDICATOR, application.getClassLoader())) {
			return;
		}
		Binder binder = Binder.get(environment);
		Map<String, Object> defaults = new LinkedHashMap<>();
		Boolean probes = bind(binder, PROBES_ENABLED);
		if (probes == null) {
			defaults.put(PROBES_ENABLED, "true");
		}
		// The readinessState member exists only with probes on.
		boolean probesEnabled = probes == null || probes;
		if (probesEnabled && indicatorEnabled(binder)
				&& !binder.bind(READINESS_INCLUDE, Bindable.setOf(String.class)).isBound()) {
			defaults.put(READINESS_INCLUDE, "readinessState,migrations");
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
		}
	}

	/**
	 * Mirrors {@code @ConditionalOnEnabledHealthIndicator("migrations")}.
	 */
	private static boolean indicatorEnabled(Binder binder) {
		Boolean enabled = bind(binder, "management.health.migrations.enabled");
		if (enabled == null) {
			enabled = bind(binder, "management.health.defaults.enabled");
		}
		return enabled == null || enabled;
	}

	private static @Nullable Boolean bind(Binder binder, String name) {
		try {
			return binder.bind(name, Boolean.class).orElse(null);
		}
		catch (BindException ex) {
			// Spring Boot reports the bad value itself; this only stays out of the way.
			return null;
		}
	}

}
