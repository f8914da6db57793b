package de.paliad.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;

/**
 * The sample app against a fresh database on the embedded PostgreSQL server (or the
 * server of {@code PALIAD_TEST_JDBC_URL}): no Docker needed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests extends SampleApplicationContract {

	/**
	 * The database lives exactly as long as the application context that uses it: a
	 * static field with {@code @DynamicPropertySource} would outlive {@code @AfterAll},
	 * because the test framework caches contexts until the JVM exits.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Database {

		@Bean(destroyMethod = "close")
		TestDatabase testDatabase() {
			return TestDatabases.create();
		}

		@Bean
		DynamicPropertyRegistrar testDatabaseProperties(TestDatabase database) {
			return (registry) -> {
				registry.add("spring.datasource.url", database::jdbcUrl);
				registry.add("spring.datasource.username", database::user);
				registry.add("spring.datasource.password", database::password);
			};
		}

	}

}
