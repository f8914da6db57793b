package de.paliad.migration.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import de.paliad.migration.core.MigrationState;
import de.paliad.migration.fixtures.StarterApplicationTest;
import de.paliad.migration.fixtures.app.Http;
import de.paliad.migration.status.MigrationStatus;
import de.paliad.migration.testing.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database is down when the application boots and comes up later: the application
 * starts refusing traffic, retries every {@code retry-interval}, and becomes ready
 * without a restart.
 */
@StarterApplicationTest(
		properties = { "paliad.migration.locations=classpath:paliad/good", "paliad.migration.retry-interval=500ms",
				"spring.datasource.hikari.connection-timeout=2000", "management.endpoint.health.show-details=always" })
class DatabaseDownAtBootApplicationTests {

	static final int databasePort = freePort();

	static EmbeddedPostgres server;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationAvailability availability;

	@Autowired
	MigrationStatus status;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + databasePort + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@AfterAll
	static void stopServer() throws IOException {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void becomesReadyWhenTheDatabaseComesUp() throws Exception {
		assertThat(this.status.snapshot().state()).isIn(MigrationState.FAILED, MigrationState.PENDING,
				MigrationState.WAITING_FOR_LOCK);
		HttpResponse<String> notReady = Http.get(this.port, "/actuator/health/readiness");
		assertThat(notReady.statusCode()).isEqualTo(503);
		assertThat(notReady.body()).contains("\"sqlState\":\"08001\"");
		assertThat(Http.get(this.port, "/items").statusCode()).isEqualTo(503);
		assertThat(Http.get(this.port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

		server = EmbeddedServer.start(databasePort);

		HttpResponse<String> ready = Http.await(this.port, "/actuator/health/readiness",
				(response) -> response.statusCode() == 200, Duration.ofSeconds(60));
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"state\":\"APPLIED\"").contains("\"applied\":3");
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(this.availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		HttpResponse<String> items = Http.get(this.port, "/items");
		assertThat(items.statusCode()).isEqualTo(200);
		assertThat(items.body()).isEqualTo("[\"first\"]");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
