package de.paliad.bench.fault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 3: 16 JVMs of the sample app started at the same moment against one empty
 * database, as an orchestrator scaling a service from zero does. Every migration must be
 * applied exactly once (by exactly one of them), all 16 must reach readiness, none may
 * crash.
 */
@Tag("fault")
class ConcurrentStartFaultTests {

	private static final int INSTANCES = 16;

	private static final int EXTRA = 20;

	private static final Pattern APPLIED = Pattern.compile("Applied migration (\\d+) \\(");

	private static FaultServer server;

	private static Path work;

	@BeforeAll
	static void startServer() throws Exception {
		work = FaultTrials.work("concurrent");
		server = FaultServer.start(work.resolve("pgdata"));
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void sixteenInstancesStartedAtOnceApplyEveryMigrationExactlyOnceAndAllBecomeReady() throws Exception {
		Path extra = writeExtraMigrations(work.resolve("extra-migrations"));
		server.createDatabase("concurrent");
		List<SampleApp> apps = new ArrayList<>();
		long start = System.nanoTime();
		try {
			// No stagger: all 16 are launched back to back, before any has finished
			// starting.
			for (int i = 1; i <= INSTANCES; i++) {
				apps.add(SampleApp.start(server, "concurrent", List
					.of("--paliad.migration.locations=classpath:db/migration,filesystem:" + extra.toAbsolutePath()),
						work.resolve("logs/instance-" + i + ".log")));
			}
			int ready = 0;
			int crashed = 0;
			long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
			for (SampleApp app : apps) {
				boolean isReady = app.awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
				ready += isReady ? 1 : 0;
				crashed += app.process().isAlive() ? 0 : 1;
			}
			long seconds = (System.nanoTime() - start) / 1_000_000_000L;
			Map<Long, Integer> appliedBy = new TreeMap<>();
			Map<Long, List<Integer>> instancesOf = new HashMap<>();
			for (int i = 0; i < apps.size(); i++) {
				for (String line : apps.get(i).process().lines()) {
					Matcher matcher = APPLIED.matcher(line);
					if (matcher.find()) {
						long version = Long.parseLong(matcher.group(1));
						appliedBy.merge(version, 1, Integer::sum);
						instancesOf.computeIfAbsent(version, (v) -> new ArrayList<>()).add(i + 1);
					}
				}
			}
			long tracked = number("SELECT count(*) FROM applied_migrations");
			long markersOff = number("SELECT count(*) FROM (SELECT version FROM concurrent_marker GROUP BY version"
					+ " HAVING count(*) <> 1) AS wrong");
			long markerVersions = number("SELECT count(DISTINCT version) FROM concurrent_marker");
			long demoProjects = number("SELECT count(*) FROM projects WHERE slug = 'demo'");
			long invalidIndexes = number("SELECT count(*) FROM pg_index WHERE NOT indisvalid");
			int expected = 6 + EXTRA;
			int twice = (int) appliedBy.values().stream().filter((n) -> n > 1).count() + (int) markersOff;
			long appliers = instancesOf.values().stream().flatMap(List::stream).distinct().count();
			boolean consistent = tracked == expected && appliedBy.size() == expected && markerVersions == EXTRA
					&& demoProjects == 1 && invalidIndexes == 0;
			List<String> notes = new ArrayList<>();
			notes.add(INSTANCES + " `java -jar sample-app.jar` processes (JVM options " + SampleApp.JVM_OPTIONS
					+ ") launched back to back against one empty database; " + expected
					+ " migrations (the app's 6, one of them CREATE INDEX CONCURRENTLY, plus " + EXTRA
					+ " that each log a marker row without a key)");
			notes.add("ready: " + ready + " of " + INSTANCES + " within " + seconds + " s; crashed: " + crashed);
			notes.add("tracker rows " + tracked + " of " + expected + "; \"Applied migration\" log lines per version: "
					+ appliedBy.values().stream().distinct().toList() + " (versions applied by " + appliers
					+ " distinct instance(s)); marker rows per version all exactly 1: " + (markersOff == 0)
					+ "; invalid indexes: " + invalidIndexes + "; demo projects: " + demoProjects);
			int problems = (INSTANCES - ready) + crashed + (consistent ? 0 : 1);
			FaultReport.record("3-concurrent", "(3) 16 sample-app JVMs started at once on an empty database", INSTANCES,
					consistent ? 0 : 1, twice, problems, notes);
			assertThat(ready).isEqualTo(INSTANCES);
			assertThat(crashed).isZero();
			assertThat(twice).isZero();
			assertThat(consistent).as(String.join("; ", notes)).isTrue();
		}
		finally {
			for (SampleApp app : apps) {
				app.stop();
			}
		}
	}

	/**
	 * Migrations 100..119: no schema needed beforehand, and each records itself once in a
	 * table without a key.
	 */
	private static Path writeExtraMigrations(Path directory) throws Exception {
		Files.createDirectories(directory);
		for (int v = 100; v < 100 + EXTRA; v++) {
			Files.writeString(directory.resolve(v + "_concurrent_step_" + v + ".up.sql"),
					"""
							CREATE TABLE IF NOT EXISTS concurrent_marker (version int NOT NULL, backend int NOT NULL DEFAULT pg_backend_pid());
							CREATE TABLE IF NOT EXISTS concurrent_%1$d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
							INSERT INTO concurrent_%1$d (note) SELECT 'row ' || g FROM generate_series(1, 200) AS g;
							SELECT pg_sleep(0.05);
							INSERT INTO concurrent_marker (version) VALUES (%1$d);
							"""
						.formatted(v),
					StandardCharsets.UTF_8);
		}
		return directory;
	}

	private static long number(String sql) throws Exception {
		try (Connection connection = server.dataSource("concurrent", "fault-check").getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
