package de.paliad.migration.autoconfigure;

import java.net.http.HttpResponse;

import de.paliad.migration.autoconfigure.app.Http;
import de.paliad.migration.autoconfigure.app.TestApplication;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failing migration again, with {@code show-details=never} (Spring Boot's default):
 * anonymous callers learn that the application is not ready, nothing about why.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "paliad.migration.locations=classpath:paliad/failing",
				"management.endpoint.health.show-details=never" })
@DirtiesContext
class FailedMigrationWithoutDetailsApplicationTests {

	static final TestDatabase database = TestDatabases.create();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void readinessIsDownWithoutDetails() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/health/readiness");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
	}

	@Test
	void healthShowsNoSqlStateMessageOrSql() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/health");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).doesNotContain("42703")
			.doesNotContain("legacy_code")
			.doesNotContain("ALTER")
			.doesNotContain("error")
			.doesNotContain("migrations");
	}

}
