package de.paliad.migration.test.spring;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.test.DatabaseCopy;
import de.paliad.migration.test.DatabaseTemplates;
import de.paliad.migration.test.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Replaces the context's {@link JdbcConnectionDetails} with those of a new copy of the
 * migrated template, and drops the copy when the context closes.
 * <p>
 * The server: the one the original details point at when they come from a service
 * connection or a test's own bean (a Testcontainers {@code @ServiceConnection}, an
 * embedded server bean); when they are only {@code spring.datasource.*}, which in a test
 * usually still points at a developer's or production database, the server of
 * {@link PostgresServer#fromEnvironment()} instead.
 */
final class CopyingConnectionDetailsPostProcessor implements BeanPostProcessor, ApplicationListener<ApplicationEvent> {

	private static final Logger logger = LoggerFactory.getLogger(CopyingConnectionDetailsPostProcessor.class);

	private static final String PROPERTIES_DETAILS = "org.springframework.boot.jdbc.autoconfigure.PropertiesJdbcConnectionDetails";

	private final ConfigurableApplicationContext context;

	private final Class<?> testClass;

	private final List<DatabaseCopy> copies = new CopyOnWriteArrayList<>();

	CopyingConnectionDetailsPostProcessor(ConfigurableApplicationContext context, Class<?> testClass) {
		this.context = context;
		this.testClass = testClass;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof JdbcConnectionDetails details) || bean instanceof CopyConnectionDetails) {
			return bean;
		}
		PostgresServer server = details.getClass().getName().equals(PROPERTIES_DETAILS)
				? PostgresServer.fromEnvironment()
				: PostgresServer.of(details.getJdbcUrl(), details.getUsername(), details.getPassword());
		DatabaseCopy copy = DatabaseTemplates.on(server).copy(configuration(this.context.getEnvironment()));
		this.copies.add(copy);
		logger.info("{}: bean '{}' now points at {}", this.testClass.getSimpleName(), beanName, copy);
		return new CopyConnectionDetails(copy);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event.getSource() != this.context) {
			return;
		}
		if (event instanceof ContextRefreshedEvent && this.copies.isEmpty()) {
			throw new IllegalStateException("@MigratedDatabase on " + this.testClass.getName()
					+ " found no JdbcConnectionDetails bean to point at a copy: it works with Spring Boot's DataSource"
					+ " auto-configuration (spring.datasource.* or a @ServiceConnection), not with a DataSource bean"
					+ " of the test's own");
		}
		if (event instanceof ContextClosedEvent) {
			this.copies.forEach(DatabaseCopy::close);
			this.copies.clear();
		}
	}

	static MigrationConfiguration configuration(Environment environment) {
		String locations = environment.getProperty("paliad.migration.locations", "classpath:db/migration");
		return MigrationConfiguration.builder()
			.locations(Arrays.stream(StringUtils.commaDelimitedListToStringArray(locations))
				.map(String::trim)
				.filter((location) -> !location.isEmpty())
				.toList())
			.schema(environment.getProperty("paliad.migration.schema", "public"))
			.table(environment.getProperty("paliad.migration.table", "applied_migrations"))
			.build();
	}

	/**
	 * The copy's connection details.
	 */
	record CopyConnectionDetails(DatabaseCopy copy) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return this.copy.user();
		}

		@Override
		public String getPassword() {
			return this.copy.password();
		}

		@Override
		public String getJdbcUrl() {
			return this.copy.jdbcUrl();
		}

	}

}
