package de.paliad.migration.autoconfigure;

import java.net.http.HttpResponse;

import de.paliad.migration.core.MigrationState;
import de.paliad.migration.fixtures.StarterApplicationTest;
import de.paliad.migration.fixtures.app.Http;
import de.paliad.migration.status.MigrationStatus;
import de.paliad.migration.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application whose second migration fails (valid SQL, wrong for the schema) with
 * the default {@code on-failure=unready}: the process lives, readiness refuses traffic
 * with the reason, application requests are gated.
 */
@StarterApplicationTest(properties = { "paliad.migration.locations=classpath:paliad/failing",
		"paliad.migration.retry-interval=7s", "management.endpoint.health.show-details=always",
		"management.endpoints.web.exposure.include=health,prometheus,migrations" })
class FailedMigrationApplicationTests {

	@Autowired
	TestDatabase database;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationAvailability availability;

	@Autowired
	MigrationStatus status;

	@Test
	void readinessIsDownWithTheFailingVersionAndSqlState() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/health/readiness");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"status\":\"DOWN\"")
			.contains("\"state\":\"FAILED\"")
			.contains("\"applied\":1")
			.contains("\"pending\":[2]")
			.contains("\"version\":2")
			.contains("\"name\":\"drop_legacy_code\"")
			.contains("\"sqlState\":\"42703\"")
			.contains("legacy_code")
			.doesNotContain("ALTER TABLE")
			.doesNotContain("jdbc:postgresql")
			.doesNotContain(this.database.password() + "\"");
	}

	@Test
	void readinessStateRefusesTrafficAfterTheApplicationIsReady() {
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.FAILED);
	}

	@Test
	void livenessStaysUp() {
		assertThat(Http.get(this.port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
	}

	@Test
	void applicationRequestsAreGatedWithRetryAfter() {
		HttpResponse<String> response = Http.get(this.port, "/items");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(response.body()).contains("migrations are not applied").doesNotContain("legacy_code");
	}

	@Test
	void aPathThroughTheActuatorPrefixIsGatedToo() {
		assertThat(Http.get(this.port, "/actuator/../items").statusCode()).isEqualTo(503);
	}

	@Test
	void prometheusCountsTheFailureBySqlStateClass() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("paliad_migrations_state{state=\"FAILED\"} 1.0")
			.contains("paliad_migrations_state{state=\"APPLIED\"} 0.0")
			.contains("paliad_migrations_applied 1.0")
			.contains("paliad_migrations_pending 1.0")
			.contains("paliad_migration_failures_total{sqlstate_class=\"42\"} 1.0")
			.contains("paliad_migration_duration_seconds_count{outcome=\"success\"} 1")
			.contains("paliad_migration_duration_seconds_count{outcome=\"failure\"} 1")
			.contains("paliad_migrations_last_success_seconds 0.0");
	}

	@Test
	void migrationsEndpointShowsThePendingVersion() {
		HttpResponse<String> response = Http.get(this.port, "/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"version\":1,\"name\":\"create_items\",\"status\":\"applied\"")
			.contains("\"version\":2,\"name\":\"drop_legacy_code\",\"status\":\"pending\"");
	}

}
