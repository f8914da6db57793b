package de.paliad.migration.test.spring;

import java.util.List;

import de.paliad.migration.test.MigratedDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Adds a {@link MigratedDatabaseContextCustomizer} to the context of every test class
 * annotated with {@link MigratedDatabase}. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class MigratedDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	private static final String JDBC_CONNECTION_DETAILS = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		MigratedDatabase settings = TestContextAnnotationUtils.findMergedAnnotation(testClass, MigratedDatabase.class);
		if (settings == null) {
			return null;
		}
		if (!ClassUtils.isPresent(JDBC_CONNECTION_DETAILS, testClass.getClassLoader())) {
			throw new IllegalStateException("@MigratedDatabase on " + testClass.getName()
					+ " needs Spring Boot's JDBC support (spring-boot-starter-jdbc) on the test classpath");
		}
		return new MigratedDatabaseContextCustomizer(testClass, settings);
	}

}
