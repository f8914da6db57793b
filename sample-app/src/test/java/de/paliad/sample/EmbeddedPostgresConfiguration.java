package de.paliad.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import de.paliad.migration.testing.EmbeddedServer;

/**
 * A real PostgreSQL server for local runs, started from the binaries on the test
 * classpath and stopped with the application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class EmbeddedPostgresConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/**
	 * System property for a fixed port, so a psql session survives restarts; any free
	 * port by default.
	 */
	static final String PORT_PROPERTY = "sample.postgres.port";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() {
		EmbeddedPostgres postgres = EmbeddedServer.start(Integer.getInteger(PORT_PROPERTY, 0));
		logger.info("Embedded PostgreSQL is listening: psql -h localhost -p {} -U postgres postgres",
				postgres.getPort());
		return postgres;
	}

	// A JdbcConnectionDetails bean wins over spring.datasource.*, as a Testcontainers
	// @ServiceConnection does, so the app's own configuration stays untouched.
	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "postgres";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

}
