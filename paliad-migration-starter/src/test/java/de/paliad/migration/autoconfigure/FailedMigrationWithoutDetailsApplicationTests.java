package de.paliad.migration.autoconfigure;

import java.net.http.HttpResponse;

import de.paliad.migration.fixtures.StarterApplicationTest;
import de.paliad.migration.fixtures.app.Http;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failing migration again, with {@code show-details=never} (Spring Boot's default):
 * anonymous callers learn that the application is not ready, nothing about why.
 */
@StarterApplicationTest(properties = { "paliad.migration.locations=classpath:paliad/failing",
		"management.endpoint.health.show-details=never" })
class FailedMigrationWithoutDetailsApplicationTests {

	@LocalServerPort
	int port;

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
