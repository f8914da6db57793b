package de.paliad.bench.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network between the migrator and PostgreSQL cut in the middle of a migration: a
 * {@link CuttableProxy} in between resets the connections, in both directions, while a
 * migration sleeps inside its transaction or at a random time of the run. The runner must
 * fail with a classified message (exit 6, "Lost the database connection", naming the
 * migration in flight and that it did not commit), the database must hold every migration
 * exactly before or after, and the next start through the same proxy must complete.
 */
@Tag("fault")
class NetworkCutFaultTests {

	private static final int DURING_STATEMENT = 4;

	private static final int RANDOM_TIME = 4;

	private static FaultServer server;

	private static Path work;

	@BeforeAll
	static void startServer() {
		work = FaultTrials.work("6-network-cut");
		server = FaultServer.start(work.resolve("pgdata"));
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aCutConnectionFailsTheRunCleanlyAndTheNextStartCompletes() throws Exception {
		long seed = FaultTrials.seed();
		Random random = new Random(seed);
		FaultSet set = FaultSet.write(work.resolve("migrations"), 10, Map.of(4, 2.0, 8, 2.0));
		int inconsistent = 0;
		int twice = 0;
		int retriedAndCompleted = 0;
		List<String> problems = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (int trial = 1; trial <= DURING_STATEMENT + RANDOM_TIME; trial++) {
			String database = "cut_" + trial;
			String app = "cut-" + trial;
			server.createDatabase(database);
			set.prepare(server, database);
			boolean duringStatement = trial <= DURING_STATEMENT;
			try (CuttableProxy proxy = new CuttableProxy(server.port())) {
				String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database;
				ChildProcess child = ChildProcess.java(List.of("-XX:TieredStopAtLevel=1"),
						FaultMigrateMain.class.getName(),
						List.of(url, FaultServer.USER, FaultServer.PASSWORD, set.location(), app, "5000", "3"),
						work.resolve("logs/trial-" + trial + ".log"));
				if (duringStatement) {
					awaitSleeping(database, app);
				}
				else {
					assertThat(child.awaitLine((line) -> line.contains("Applying"), Duration.ofMinutes(2))).isTrue();
					Thread.sleep((long) (random.nextDouble() * 3000));
				}
				proxy.cut();
				int exit = child.waitFor(Duration.ofMinutes(2));
				String failure = child.lines()
					.stream()
					.filter((line) -> line.startsWith(FaultMigrateMain.FAILED))
					.findFirst()
					.orElse("(no failure line)");
				boolean classified = exit == 6 && failure.contains("Lost the database connection");
				if (!classified && !(exit == 0 && !duringStatement)) {
					problems.add("trial " + trial + ": exit " + exit + ", " + failure);
				}
				FaultTrials.awaitSessionsGone(server, database, app, Duration.ofSeconds(60));
				FaultTrials.Verdict verdict = FaultTrials.Verdict.of(set.read(server, database));
				inconsistent += verdict.inconsistent();
				twice += verdict.appliedTwice();
				problems.addAll(verdict.problems());
				long locks = Long
					.parseLong(server.query(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
				if (locks != 0) {
					problems.add("trial " + trial + ": " + locks + " advisory lock(s) left");
				}
				ChildProcess next = ChildProcess.java(List.of("-XX:TieredStopAtLevel=1"),
						FaultMigrateMain.class.getName(), List.of(url, FaultServer.USER, FaultServer.PASSWORD,
								set.location(), app + "-next", "5000", "3"),
						work.resolve("logs/trial-" + trial + "-next.log"));
				int nextExit = next.waitFor(Duration.ofMinutes(2));
				FaultTrials.Verdict after = FaultTrials.Verdict.of(set.read(server, database));
				if (nextExit == 0 && after.allAfter(set.size()) && after.appliedTwice() == 0) {
					retriedAndCompleted++;
				}
				else {
					problems.add("trial " + trial + ": next start exit " + nextExit + ", " + after);
				}
				notes.add("trial " + trial + " ("
						+ (duringStatement ? "cut while a migration sleeps" : "cut at a random time") + "): exit "
						+ exit + " — `" + failure + "`; " + verdict.after() + " of " + set.size()
						+ " applied at the cut, consistent: " + (verdict.inconsistent() == 0)
						+ "; next start through the proxy: exit " + nextExit);
			}
		}
		notes.add(0, "10 migrations per run (4 and 8 sleep 2 s inside their transaction); a TCP proxy in the test"
				+ " between the runner and PostgreSQL resets every connection (RST both ways); " + DURING_STATEMENT
				+ " cuts while a migration sleeps, " + RANDOM_TIME + " at a random time; seed " + seed
				+ "; next start completed in " + retriedAndCompleted + " of " + (DURING_STATEMENT + RANDOM_TIME));
		FaultReport.record("6-network-cut", "(6) network cut mid-migration (TCP proxy reset)",
				DURING_STATEMENT + RANDOM_TIME, inconsistent, twice, problems.size(), notes);
		assertThat(problems).isEmpty();
		assertThat(retriedAndCompleted).isEqualTo(DURING_STATEMENT + RANDOM_TIME);
	}

	private static void awaitSleeping(String database, String app) throws Exception {
		for (int i = 0; i < 1200; i++) {
			if (FaultTrials.sessions(server, database, app, "pg_sleep") > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No migration of " + app + " ever slept");
	}

}
