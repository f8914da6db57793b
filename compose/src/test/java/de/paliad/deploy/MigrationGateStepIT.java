package de.paliad.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipelines' migration gate, {@code compose/ci/steps/migration-gate.sh}, run exactly
 * as the pipelines run it (bash, psql, {@code java -jar} of the repackaged sample)
 * against a real PostgreSQL: the embedded server of the tests, or the CI's service when
 * {@code PALIAD_TEST_JDBC_URL} is set. It passes the shipped migrations, fails the seed's
 * "column dropped long ago" migration with the jar's exit code 4, and with a production
 * snapshot it catches what only production's real shape shows.
 */
class MigrationGateStepIT {

	/** The seed's 125 incident in this schema: valid SQL on a column 006 dropped. */
	private static final String USES_DROPPED_COLUMN = "CREATE TABLE cross_cutting_filters (request_id bigint);\n"
			+ "INSERT INTO cross_cutting_filters SELECT id FROM approval_requests WHERE note IS NOT NULL;\n";

	/**
	 * Fine on the schema the migrations build; fails where production drifted from it.
	 */
	private static final String INDEX_REQUESTED_BY = "CREATE INDEX approval_requests_requested_by_idx"
			+ " ON approval_requests (requested_by);\n";

	private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/");

	private static TestDatabase probe;

	@TempDir
	private Path temp;

	@BeforeAll
	static void startServer() {
		// Only to learn the server's address; the gate creates (and drops) its own
		// database.
		probe = TestDatabases.create();
	}

	@AfterAll
	static void stopServer() {
		probe.close();
	}

	@Test
	void passesTheShippedMigrationsAndDropsItsDatabase() throws Exception {
		Result result = gate(Map.of());
		assertThat(result.code()).as(result.output()).isEqualTo(0);
		assertThat(result.output()).contains("gate: dry-run", "gate: migrate-only", "gate: verify", "gate: passed");
		assertThat(gateDatabasesLeft()).isEmpty();
	}

	@Test
	void failsTheSeedsMigrationWithExitCode4AndItsSqlState() throws Exception {
		Path extra = migrations("125_cross_cutting_filter_legal_source.up.sql", USES_DROPPED_COLUMN);
		Result result = gate(Map.of("PALIAD_MIGRATION_LOCATIONS", "classpath:db/migration,filesystem:" + extra));
		assertThat(result.code()).as(result.output()).isEqualTo(4);
		assertThat(result.output()).contains("GATE FAILED: dry-run exited 4", "42703",
				"cross_cutting_filter_legal_source");
		assertThat(gateDatabasesLeft()).isEmpty();
	}

	@Test
	void withAProductionSnapshotOnlyTheNewMigrationIsPendingAndPasses() throws Exception {
		Path extra = migrations("007_index_requested_by.up.sql", INDEX_REQUESTED_BY);
		Result result = gate(Map.of("PALIAD_MIGRATION_LOCATIONS", "classpath:db/migration,filesystem:" + extra,
				"GATE_SNAPSHOT", snapshot(false).toString()));
		assertThat(result.code()).as(result.output()).isEqualTo(0);
		assertThat(result.output()).contains("gate: restoring", "restored from snapshot", "gate: passed");
	}

	@Test
	void withAProductionSnapshotItCatchesDriftAnEmptyDatabaseHides() throws Exception {
		// Production lost approval_requests.requested_by outside the migrations.
		Path extra = migrations("007_index_requested_by.up.sql", INDEX_REQUESTED_BY);
		Result result = gate(Map.of("PALIAD_MIGRATION_LOCATIONS", "classpath:db/migration,filesystem:" + extra,
				"GATE_SNAPSHOT", snapshot(true).toString()));
		assertThat(result.code()).as(result.output()).isEqualTo(4);
		assertThat(result.output()).contains("restored from snapshot", "GATE FAILED: dry-run exited 4", "42703");
	}

	@Test
	void aNamedSnapshotThatIsMissingFailsTheGate() throws Exception {
		Result result = gate(Map.of("GATE_SNAPSHOT", this.temp.resolve("nowhere.sql").toString()));
		assertThat(result.code()).isEqualTo(2);
		assertThat(result.output()).contains("is not a readable file");
	}

	private Result gate(Map<String, String> environment) throws Exception {
		Matcher server = SERVER.matcher(probe.jdbcUrl());
		assertThat(server.find()).as(probe.jdbcUrl()).isTrue();
		ProcessBuilder builder = new ProcessBuilder(DeployFiles.file("compose/ci/steps/migration-gate.sh").toString())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("PGHOST", server.group(1));
		env.put("PGPORT", server.group(2));
		env.put("PGUSER", probe.user());
		env.put("PGPASSWORD", probe.password());
		env.put("APP_JAR", sampleJar());
		env.putAll(environment);
		Path output = this.temp.resolve("gate-" + System.nanoTime() + ".log");
		Process process = builder.redirectOutput(output.toFile()).start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the gate did not finish within 5 minutes:\n" + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private static String sampleJar() {
		String jar = System.getProperty("sample.jar");
		assertThat(jar).as("set by the failsafe configuration").isNotBlank();
		return jar;
	}

	private Path migrations(String fileName, String sql) throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve("extra-migrations"));
		Files.writeString(dir.resolve(fileName), sql, StandardCharsets.UTF_8);
		return dir;
	}

	private List<String> gateDatabasesLeft() {
		List<String> names = new java.util.ArrayList<>();
		try (var connection = probe.dataSource().getConnection();
				var statement = connection.createStatement();
				var rows = statement
					.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'paliad_gate_%'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return names;
	}

	/**
	 * What the documented dump of production gives (pg_dump --schema-only plus the
	 * tracker's rows with --data-only), in pg_dump's own form: qualified names, the COPY
	 * block, keys added last. The schema is the one 001..006 build, optionally with a
	 * drifted column.
	 */
	private Path snapshot(boolean drifted) throws Exception {
		StringBuilder sql = new StringBuilder("""
				SET statement_timeout = 0;
				SET client_encoding = 'UTF8';
				SET standard_conforming_strings = on;
				SELECT pg_catalog.set_config('search_path', '', false);
				CREATE TABLE public.projects (
				    id bigint NOT NULL,
				    slug text NOT NULL,
				    name text NOT NULL,
				    created_at timestamp with time zone DEFAULT now() NOT NULL
				);
				ALTER TABLE public.projects ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
				    SEQUENCE NAME public.projects_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1
				);
				CREATE TABLE public.approval_requests (
				    id bigint NOT NULL,
				    project_id bigint NOT NULL,
				    title text NOT NULL,
				""");
		if (!drifted) {
			sql.append("    requested_by text NOT NULL,\n");
		}
		sql.append(
				"""
						    status text DEFAULT 'pending'::text NOT NULL,
						    created_at timestamp with time zone DEFAULT now() NOT NULL,
						    updated_at timestamp with time zone DEFAULT now() NOT NULL
						);
						CREATE TABLE public.comments (
						    id bigint NOT NULL,
						    request_id bigint NOT NULL,
						    author text NOT NULL,
						    body text NOT NULL,
						    created_at timestamp with time zone DEFAULT now() NOT NULL
						);
						CREATE TABLE public.applied_migrations (
						    version bigint NOT NULL,
						    name text NOT NULL,
						    applied_at timestamp with time zone DEFAULT now() NOT NULL,
						    checksum text,
						    execution_ms integer,
						    applied_by text
						);
						COPY public.applied_migrations (version, name, applied_at, checksum, execution_ms, applied_by) FROM stdin;
						""");
		for (Path file : shippedMigrations()) {
			String name = file.getFileName().toString();
			long version = Long.parseLong(name.substring(0, name.indexOf('_')));
			String shortName = name.substring(name.indexOf('_') + 1, name.length() - ".up.sql".length());
			sql.append(version)
				.append('\t')
				.append(shortName)
				.append("\t2026-05-01 10:00:00+00\t")
				.append(sha256(file))
				.append("\t12\tpaliad\n");
		}
		sql.append("""
				\\.
				ALTER TABLE ONLY public.applied_migrations ADD CONSTRAINT applied_migrations_pkey PRIMARY KEY (version);
				ALTER TABLE ONLY public.projects ADD CONSTRAINT projects_pkey PRIMARY KEY (id);
				ALTER TABLE ONLY public.approval_requests ADD CONSTRAINT approval_requests_pkey PRIMARY KEY (id);
				ALTER TABLE ONLY public.comments ADD CONSTRAINT comments_pkey PRIMARY KEY (id);
				""");
		Path file = this.temp.resolve(drifted ? "drifted.sql" : "snapshot.sql");
		Files.writeString(file, sql, StandardCharsets.UTF_8);
		return file;
	}

	private static List<Path> shippedMigrations() throws IOException {
		try (Stream<Path> files = Files.list(DeployFiles.file("sample-app/src/main/resources/db/migration"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".up.sql")).sorted().toList();
		}
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	record Result(int code, String output) {
	}

}
