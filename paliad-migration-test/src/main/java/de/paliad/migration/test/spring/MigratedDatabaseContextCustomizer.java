package de.paliad.migration.test.spring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import de.paliad.migration.test.MigratedDatabase;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the test context's data source at a copy of the migrated template: sets the
 * annotation's {@code paliad.migration.*} values (so the starter checks the same set and
 * finds it applied) and adds {@link CopyingConnectionDetailsPostProcessor}, which
 * replaces the context's {@code JdbcConnectionDetails} — whether they come from
 * {@code spring.datasource.*} or a Testcontainers {@code @ServiceConnection} — with the
 * copy's, and drops the copy when the context closes.
 * <p>
 * Equal only for the same test class: each class gets a context, and a copy, of its own.
 */
final class MigratedDatabaseContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE = "paliadMigratedDatabase";

	private final Class<?> testClass;

	private final MigratedDatabase settings;

	MigratedDatabaseContextCustomizer(Class<?> testClass, MigratedDatabase settings) {
		this.testClass = testClass;
		this.settings = settings;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.settings.locations().length > 0) {
			properties.put("paliad.migration.locations", String.join(",", this.settings.locations()));
		}
		if (!this.settings.schema().isEmpty()) {
			properties.put("paliad.migration.schema", this.settings.schema());
		}
		if (!this.settings.table().isEmpty()) {
			properties.put("paliad.migration.table", this.settings.table());
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		CopyingConnectionDetailsPostProcessor postProcessor = new CopyingConnectionDetailsPostProcessor(context,
				this.testClass);
		context.getBeanFactory().addBeanPostProcessor(postProcessor);
		context.addApplicationListener(postProcessor);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof MigratedDatabaseContextCustomizer customizer)) {
			return false;
		}
		return this.testClass.equals(customizer.testClass) && this.settings.equals(customizer.settings);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.testClass, this.settings);
	}

	@Override
	public String toString() {
		return "@MigratedDatabase(" + Arrays.toString(this.settings.locations()) + ", copyPer = "
				+ this.settings.copyPer() + ") on " + this.testClass.getName();
	}

}
