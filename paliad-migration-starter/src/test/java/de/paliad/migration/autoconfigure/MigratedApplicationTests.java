package de.paliad.migration.autoconfigure;

import java.net.http.HttpResponse;

import de.paliad.migration.fixtures.StarterApplicationTest;
import de.paliad.migration.fixtures.app.Http;
import de.paliad.migration.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application whose migrations all apply, over real HTTP.
 */
@StarterApplicationTest(properties = { "paliad.migration.locations=classpath:paliad/good",
		"management.endpoint.health.show-details=always",
		"management.endpoints.web.exposure.include=health,prometheus,migrations", "spring.application.name=paliad-test",
		"spring.application.version=9.9.9" })
class MigratedApplicationTests {

	@Autowired
	TestDatabase database;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationAvailability availability;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void readinessIsUpWithTheMigrationDetails() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/health/readiness");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"migrations\"")
			.contains("\"state\":\"APPLIED\"")
			.contains("\"applied\":3")
			.contains("\"onDisk\":3")
			.contains("\"pending\":[]")
			.contains("\"durationMs\":")
			.doesNotContain("\"error\"");
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void livenessIsUp() {
		assertThat(Http.get(this.port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
	}

	@Test
	void applicationRequestsAreServed() {
		HttpResponse<String> response = Http.get(this.port, "/items");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("[\"first\"]");
	}

	@Test
	void prometheusShowsEveryMigrationMeter() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("paliad_migrations_applied 3.0")
			.contains("paliad_migrations_pending 0.0")
			.contains("paliad_migrations_state{state=\"APPLIED\"} 1.0")
			.contains("paliad_migrations_state{state=\"FAILED\"} 0.0")
			.contains("paliad_migrations_state{state=\"PENDING\"} 0.0")
			.contains("paliad_migration_duration_seconds_count{outcome=\"success\"} 3")
			.contains("paliad_migration_duration_seconds_count{outcome=\"failure\"} 0")
			.contains("paliad_migration_lock_wait_seconds_count 1")
			.contains("paliad_migration_failures_total{sqlstate_class=\"none\"} 0.0")
			.containsPattern("paliad_migrations_last_success_seconds 1\\.[0-9]+E9");
	}

	@Test
	void migrationsEndpointListsEveryVersion() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"version\":1,\"name\":\"create_items\",\"status\":\"applied\"")
			.contains("\"version\":2,\"name\":\"seed_items\",\"status\":\"applied\"")
			.contains("\"version\":3,\"name\":\"add_price\",\"status\":\"applied\"")
			.contains("\"appliedAt\":\"")
			.contains("\"executionMs\":")
			.doesNotContain("\"error\"");
	}

	@Test
	void trackerRecordsHostAndApplicationVersion() {
		String appliedBy = this.jdbc.queryForObject("SELECT applied_by FROM applied_migrations WHERE version = 1",
				String.class);
		assertThat(appliedBy).startsWith(this.database.user() + "@").endsWith(" paliad-test 9.9.9");
	}

}
