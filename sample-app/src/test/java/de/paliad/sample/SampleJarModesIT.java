package de.paliad.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import de.paliad.sample.SampleJar.Run;
import de.paliad.sample.SampleJar.Running;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command-line mode of the deployed artifact, run as {@code java -jar} against a
 * fresh real database: the exit code a pipeline or an init container sees, for success
 * and for failure, and that no mode but {@code migrate} ever opens the web port.
 */
class SampleJarModesIT {

	/**
	 * Generous for a cold JVM on a busy 2-core machine; a hung mode still fails the
	 * build.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static final List<Long> SHIPPED = List.of(1L, 2L, 3L, 4L, 5L, 6L);

	/** What an embedded web server logs when it listens, or when its port is taken. */
	private static final List<String> WEB_SERVER_LISTENED = List.of("Tomcat started on port", "Netty started on port",
			"Jetty started on port", "Undertow started on port", "was already in use");

	/**
	 * What Tomcat logs when it is created, before it binds; a mode must not even get that
	 * far.
	 */
	private static final String WEB_SERVER_CREATED = "Tomcat initialized with port";

	/** The seed's 125 incident: valid SQL that uses a column migration 006 dropped. */
	private static final String USES_DROPPED_COLUMN = "CREATE INDEX approval_requests_note_idx ON approval_requests (note);\n";

	@TempDir
	private Path temp;

	private TestDatabase database;

	private MigrationDirectory extra;

	private SampleJar jar;

	@BeforeEach
	void prepare() {
		this.database = TestDatabases.create();
		this.extra = new MigrationDirectory(this.temp.resolve("extra-migrations"));
		this.jar = new SampleJar(this.temp, TIMEOUT);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void migrateServesFromTheFatJarOnceEveryMigrationIsApplied() throws Exception {
		int port = HeldPort.unused();
		try (Running app = this.jar.start(args(this.database.jdbcUrl(), port))) {
			HttpResponse<String> readiness = LocalHttp.awaitOk(app, port, "/actuator/health/readiness", TIMEOUT);
			assertThat(readiness.body()).contains("\"UP\"");
			// The port opens only after the migrations ran: the schema is complete.
			assertThat(applied()).containsExactlyElementsOf(SHIPPED);
			assertThat(LocalHttp.get(port, "/api/approval-requests").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void migrateOnlyAppliesEveryMigrationAndExits() {
		assertExit(runMode("migrate-only"), 0);
		assertThat(applied()).containsExactlyElementsOf(SHIPPED);
		assertThat(exists("approval_requests")).isTrue();
	}

	@Test
	void migrateOnlyExits4WhenAMigrationFails() {
		this.extra.write("7_index_request_notes.up.sql", USES_DROPPED_COLUMN);
		Run run = runMode("migrate-only", withExtraLocation());
		assertExit(run, 4);
		assertThat(run.output()).contains("index_request_notes");
		assertThat(applied()).containsExactlyElementsOf(SHIPPED);
	}

	@Test
	void planExits0AndChangesNothing() {
		Run run = runMode("plan");
		assertExit(run, 0);
		assertThat(run.output()).contains("create_projects", "move_notes_to_comments");
		assertThat(applied()).isEmpty();
		assertThat(exists("projects")).isFalse();
	}

	@Test
	void planWithJsonOutputPrintsOnlyJsonOnStdout() {
		Run run = runMode("plan", "--paliad.migration.output=json");
		assertExit(run, 0);
		// Strict: one JSON document and nothing else, so `| jq` works in a pipeline.
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		JsonNode report = strict.readTree(run.stdout());
		assertThat(report.path("mode").asString()).as(run.describe()).isEqualTo("plan");
		assertThat(report.path("exitCode").asInt(-1)).isZero();
		assertThat(report.path("pending").valueStream().map((item) -> item.path("version").asLong()))
			.containsExactlyElementsOf(SHIPPED);
	}

	@Test
	void validateExits0WithoutADatabase() {
		assertExit(runAgainst(unreachableUrl(), "validate"), 0);
	}

	@Test
	void validateExits3ForAMalformedFileName() {
		this.extra.write("7-add_priority.sql", "ALTER TABLE approval_requests ADD COLUMN priority int;\n");
		Run run = runAgainst(unreachableUrl(), "validate", withExtraLocation());
		assertExit(run, 3);
		assertThat(run.output()).contains("7-add_priority.sql");
	}

	@Test
	void validateExits3ForADuplicateVersion() {
		// The seed's 123 incident: two branches picked the same number.
		this.extra.write("6_backups.up.sql", "CREATE TABLE backups (id bigint PRIMARY KEY);\n");
		Run run = runAgainst(unreachableUrl(), "validate", withExtraLocation());
		assertExit(run, 3);
		assertThat(run.output()).contains("6_backups.up.sql", "006_move_notes_to_comments.up.sql");
	}

	@Test
	void dryRunExits0AndRollsEverythingBack() {
		assertExit(runMode("dry-run"), 0);
		assertThat(applied()).isEmpty();
		assertThat(exists("projects")).isFalse();
	}

	@Test
	void dryRunExits4ForAMigrationThatUsesADroppedColumn() {
		assertExit(runMode("migrate-only"), 0);
		this.extra.write("7_index_request_notes.up.sql", USES_DROPPED_COLUMN);
		Run run = runMode("dry-run", withExtraLocation());
		assertExit(run, 4);
		assertThat(run.output()).contains("note");
		assertThat(applied()).containsExactlyElementsOf(SHIPPED);
	}

	@Test
	void verifyExits5OnAnEmptyDatabase() {
		assertExit(runMode("verify"), 5);
	}

	@Test
	void verifyExits0AfterMigrateOnly() {
		assertExit(runMode("migrate-only"), 0);
		assertExit(runMode("verify"), 0);
	}

	@Test
	void repairExits0AndRerecordsDriftedChecksums() throws IOException {
		assertExit(runMode("migrate-only"), 0);
		jdbc().sql("UPDATE applied_migrations SET checksum = repeat('0', 64) WHERE version = 2").update();
		assertExit(runMode("verify"), 3);

		assertExit(runMode("repair"), 0);
		String recorded = jdbc().sql("SELECT checksum FROM applied_migrations WHERE version = 2")
			.query(String.class)
			.single();
		assertThat(recorded).isEqualTo(sha256("db/migration/002_create_approval_requests.up.sql"));
		assertExit(runMode("verify"), 0);
	}

	@Test
	void baselineExits0AndRecordsVersionsUpToTargetWithoutRunningThem() {
		assertExit(runMode("baseline", "--paliad.migration.target=3"), 0);
		assertThat(applied()).containsExactly(1L, 2L, 3L);
		assertThat(exists("projects")).isFalse();
	}

	@Test
	void baselineExits2WithoutATarget() {
		assertExit(runMode("baseline"), 2);
		assertThat(applied()).isEmpty();
	}

	@Test
	void downExits0AndRevertsAVersionThatHasADownFile() {
		assertExit(runMode("migrate-only"), 0);
		assertExit(runMode("down", "--paliad.migration.target=4"), 0);
		assertThat(applied()).containsExactly(1L, 2L, 3L, 5L, 6L);
		assertThat(jdbc().sql("SELECT to_regproc('touch_updated_at') IS NULL").query(Boolean.class).single()).isTrue();
	}

	@Test
	void downExits2ForAVersionWithoutADownFile() {
		assertExit(runMode("migrate-only"), 0);
		assertExit(runMode("down", "--paliad.migration.target=6"), 2);
		assertThat(applied()).containsExactlyElementsOf(SHIPPED);
	}

	@Test
	void migrateWithOnFailureExitExits4BeforeTheWebServerListens() {
		this.extra.write("7_index_request_notes.up.sql", USES_DROPPED_COLUMN);
		try (HeldPort port = new HeldPort()) {
			Run run = this.jar.run(args(this.database.jdbcUrl(), port.port(), "--paliad.migration.on-failure=exit",
					withExtraLocation()));
			assertExit(run, 4);
			assertWebPortNeverOpened(run);
		}
		assertThat(applied()).containsExactlyElementsOf(SHIPPED);
	}

	@Test
	void migrateOnlyExits6WhenTheDatabaseIsUnreachable() {
		assertExit(runAgainst(unreachableUrl(), "migrate-only"), 6);
	}

	private Run runMode(String mode, String... more) {
		return runAgainst(this.database.jdbcUrl(), mode, more);
	}

	/** Runs a non-{@code migrate} mode, which must never open the web port. */
	private Run runAgainst(String url, String mode, String... more) {
		List<String> modeArgs = new ArrayList<>(List.of(more));
		modeArgs.add(0, "--paliad.migration.mode=" + mode);
		try (HeldPort port = new HeldPort()) {
			Run run = this.jar.run(args(url, port.port(), modeArgs.toArray(String[]::new)));
			assertWebPortNeverOpened(run);
			assertThat(run.output()).as(run.describe()).doesNotContain(WEB_SERVER_CREATED);
			return run;
		}
	}

	private List<String> args(String url, int port, String... more) {
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=" + url);
		args.add("--spring.datasource.username=" + this.database.user());
		args.add("--spring.datasource.password=" + this.database.password());
		args.add("--server.port=" + port);
		args.addAll(List.of(more));
		return args;
	}

	private String withExtraLocation() {
		return "--paliad.migration.locations=classpath:db/migration," + this.extra.location();
	}

	private static String unreachableUrl() {
		return "jdbc:postgresql://127.0.0.1:" + HeldPort.unused() + "/nowhere";
	}

	private static void assertExit(Run run, int expected) {
		assertThat(run.exitCode()).as("exit code of %s", run.describe()).isEqualTo(expected);
	}

	private static void assertWebPortNeverOpened(Run run) {
		assertThat(run.output()).as(run.describe()).doesNotContain(WEB_SERVER_LISTENED);
	}

	private List<Long> applied() {
		if (!exists("applied_migrations")) {
			return List.of();
		}
		return jdbc().sql("SELECT version FROM applied_migrations ORDER BY version").query(Long.class).list();
	}

	private boolean exists(String table) {
		return jdbc().sql("SELECT to_regclass(:table) IS NOT NULL")
			.param("table", "public." + table)
			.query(Boolean.class)
			.single();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.database.dataSource());
	}

	private static String sha256(String resource) throws IOException {
		try (InputStream in = SampleJarModesIT.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
