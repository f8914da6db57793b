package de.paliad.sample;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the running sample app must do, whichever real PostgreSQL it runs against;
 * subclasses supply the database.
 */
abstract class SampleApplicationContract {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern APPLIED = Pattern.compile("(?m)^paliad_migrations_applied(\\{[^}]*})? (\\S+)$");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void readinessIsUpOnceMigrated() {
		ResponseEntity<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(readiness.getBody()).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthShowsAnonymousCallersNoDetails() {
		// show-details=when-authorized, no security: errors and SQL must not leak.
		ResponseEntity<String> health = get("/actuator/health");
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(health.getBody()).has("components")).isFalse();
		assertThat(health.getBody()).doesNotContain("jdbc:postgresql");
	}

	@Test
	void approvalRequestCanBeFiledAndReadBack() {
		long demo = this.jdbc.sql("SELECT id FROM projects WHERE slug = 'demo'").query(Long.class).single();
		String body = json.writeValueAsString(
				Map.of("projectId", demo, "title", "Publish the Q3 newsletter", "requestedBy", "hermes"));

		ResponseEntity<String> created = client().post()
			.uri("/api/approval-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode request = json.readTree(created.getBody());
		assertThat(request.path("status").asString()).isEqualTo("pending");
		assertThat(created.getHeaders().getLocation()).hasPath("/api/approval-requests/" + request.path("id").asLong());

		ResponseEntity<String> read = get("/api/approval-requests/" + request.path("id").asLong());
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(read.getBody())).isEqualTo(request);

		JsonNode list = json.readTree(get("/api/approval-requests").getBody());
		assertThat(list.valueStream().map((item) -> item.path("id").asLong())).contains(request.path("id").asLong());
	}

	@Test
	void filingAgainstAnUnknownProjectIsRejected() {
		String body = json.writeValueAsString(Map.of("projectId", 999_999, "title", "x", "requestedBy", "hermes"));
		ResponseEntity<String> response = client().post()
			.uri("/api/approval-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(get("/api/approval-requests/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void prometheusCountsEveryMigrationAsApplied() throws IOException {
		int onDisk = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.up.sql").length;
		assertThat(onDisk).as("migrations shipped with the sample").isGreaterThanOrEqualTo(6);

		ResponseEntity<String> scrape = get("/actuator/prometheus");
		assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
		Matcher applied = APPLIED.matcher(scrape.getBody());
		assertThat(applied.find()).as("paliad_migrations_applied in\n%s", scrape.getBody()).isTrue();
		assertThat(Double.parseDouble(applied.group(2))).isEqualTo(onDisk);
	}

	@Test
	void migrationsEndpointListsEveryMigration() {
		ResponseEntity<String> migrations = get("/actuator/migrations");
		assertThat(migrations.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(migrations.getBody()).contains("create_projects", "create_approval_requests", "create_comments",
				"touch_updated_at", "index_comments_by_request", "move_notes_to_comments");
	}

	@Test
	void dataMigrationMovedNotesAndDroppedTheColumn() {
		Integer noteColumns = this.jdbc
			.sql("SELECT count(*) FROM information_schema.columns"
					+ " WHERE table_name = 'approval_requests' AND column_name = 'note'")
			.query(Integer.class)
			.single();
		assertThat(noteColumns).isZero();
	}

	private ResponseEntity<String> get(String path) {
		return client().get().uri(path).retrieve().toEntity(String.class);
	}

	private RestClient client() {
		// The tests assert status codes, so none may turn into an exception.
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
