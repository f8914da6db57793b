package de.paliad.bench.fault;

import java.nio.file.Files;
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
 * SIGTERM during a migration run — what Docker, Swarm and Kubernetes send when a rollout
 * replaces a starting container. (5a) 24 trials at random points of a run of the
 * starter's shutdown handling around the core runner; (5b) the sample app's fat jar
 * stopped while a migration sleeps inside its transaction. Each: the process ends within
 * Docker's 10 s stop grace period, every migration is exactly before or after, no
 * advisory lock is left, nothing is reported as a failed migration, and the next start
 * completes.
 */
@Tag("fault")
class SigtermFaultTests {

	private static final int TRIALS = 24;

	private static final long SHUTDOWN_WAIT_MS = 500;

	/** Docker's default stop grace period: after it, SIGKILL. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private static FaultServer server;

	private static Path work;

	@BeforeAll
	static void startServer() {
		work = FaultTrials.work("5-sigterm");
		server = FaultServer.start(work.resolve("pgdata"));
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void sigtermAtRandomPointsLeavesEveryMigrationBeforeOrAfterAndNoLock() throws Exception {
		long seed = FaultTrials.seed();
		Random random = new Random(seed);
		FaultSet set = FaultSet.write(work.resolve("migrations"), 12, Map.of(6, 1.5, 10, 0.8));
		long runMs = calibrate(set);
		int finished = 0;
		int stoppedBetween = 0;
		int cancelledInFlight = 0;
		int inconsistent = 0;
		int twice = 0;
		int locksLeft = 0;
		int nextStartsCompleted = 0;
		long slowestStopMs = 0;
		List<String> problems = new ArrayList<>();
		List<Integer> appliedAtSignal = new ArrayList<>();
		for (int trial = 1; trial <= TRIALS; trial++) {
			String database = "sigterm_" + trial;
			String app = "sigterm-" + trial;
			server.createDatabase(database);
			set.prepare(server, database);
			long delay = (long) (random.nextDouble() * runMs);
			ChildProcess child = child(set, database, app, work.resolve("logs/trial-" + trial + ".log"));
			assertThat(child.awaitLine((line) -> line.equals(SigtermMigrateMain.MIGRATING), Duration.ofMinutes(2)))
				.as("trial %d started", trial)
				.isTrue();
			Thread.sleep(delay);
			long signalled = System.nanoTime();
			child.sigterm();
			int exit = child.waitFor(Duration.ofSeconds(60));
			long stopMs = (System.nanoTime() - signalled) / 1_000_000;
			slowestStopMs = Math.max(slowestStopMs, stopMs);
			String outcome = String.join("\n", child.lines());
			if (outcome.contains(FaultMigrateMain.APPLIED)) {
				finished++;
			}
			else if (outcome.contains(SigtermMigrateMain.STOPPED) && outcome.contains("was cancelled in flight")) {
				cancelledInFlight++;
			}
			else if (outcome.contains(SigtermMigrateMain.STOPPED)) {
				stoppedBetween++;
			}
			else {
				problems.add("trial " + trial + ": neither applied nor stopped (exit " + exit + ")");
			}
			if (exit != 143 && !(exit == 0 && outcome.contains(FaultMigrateMain.APPLIED))) {
				problems.add("trial " + trial + ": exit " + exit + ", expected 143 (SIGTERM) or 0 (finished first)");
			}
			if (outcome.contains("Migration run failed") || outcome.contains(FaultMigrateMain.FAILED)) {
				problems.add("trial " + trial + ": a shutdown reported as a migration failure");
			}
			if (stopMs > STOP_GRACE.toMillis()) {
				problems.add("trial " + trial + ": took " + stopMs + " ms to stop, longer than " + STOP_GRACE);
			}
			FaultTrials.awaitSessionsGone(server, database, app, Duration.ofSeconds(30));
			FaultTrials.Verdict verdict = FaultTrials.Verdict.of(set.read(server, database));
			appliedAtSignal.add(verdict.after());
			inconsistent += verdict.inconsistent();
			twice += verdict.appliedTwice();
			problems.addAll(verdict.problems());
			long locks = Long
				.parseLong(server.query(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
			locksLeft += (int) locks;
			ChildProcess next = FaultTrials.migrate(server, database, set, app + "-next", List.of(), 5000, 3,
					work.resolve("logs/trial-" + trial + "-next.log"));
			int nextExit = next.waitFor(Duration.ofMinutes(2));
			FaultTrials.Verdict after = FaultTrials.Verdict.of(set.read(server, database));
			if (nextExit == 0 && after.allAfter(set.size()) && after.appliedTwice() == 0) {
				nextStartsCompleted++;
			}
			else {
				problems.add("trial " + trial + ": next start exit " + nextExit + ", " + after);
			}
		}
		List<String> notes = new ArrayList<>();
		notes.add("12 migrations per run (as in (1); 6 and 10 sleep 1.5 s / 0.8 s inside their transaction); a full"
				+ " run took " + runMs + " ms; SIGTERM at a uniformly random time of the run; shutdown-wait "
				+ SHUTDOWN_WAIT_MS + " ms; one fresh database per trial; seed " + seed);
		notes.add("outcomes: " + finished + " finished within the wait, " + cancelledInFlight
				+ " cancelled a migration in flight (rolled back), " + stoppedBetween
				+ " stopped between migrations; migrations applied at the signal per trial: " + appliedAtSignal);
		notes.add("slowest stop after SIGTERM: " + slowestStopMs + " ms (Docker's grace period: 10 s)");
		notes.add("advisory locks left after the process ended: " + locksLeft + "; next start completed in "
				+ nextStartsCompleted + " of " + TRIALS + " trials, every migration applied once");
		problems.forEach((problem) -> notes.add("PROBLEM " + problem));
		FaultReport.record("5-sigterm", "(5a) SIGTERM at random points of a run", TRIALS, inconsistent, twice,
				problems.size() + locksLeft, notes);
		assertThat(problems).isEmpty();
		assertThat(inconsistent).isZero();
		assertThat(twice).isZero();
		assertThat(locksLeft).isZero();
		assertThat(nextStartsCompleted).isEqualTo(TRIALS);
		assertThat(cancelledInFlight).as("some trials must hit a migration in flight").isPositive();
	}

	@Test
	void theSampleAppStoppedDuringASlowMigrationRollsItBackAndSaysItStopped() throws Exception {
		server.createDatabase("sigterm_app");
		Path extra = Files.createDirectories(work.resolve("app-migrations"));
		Path slow = extra.resolve("900_slow_for_sigterm.up.sql");
		Files.writeString(slow, "CREATE TABLE sigterm_probe (id int);\nSELECT pg_sleep(60);\n");
		String locations = "--paliad.migration.locations=classpath:db/migration,filesystem:" + extra.toAbsolutePath();
		SampleApp app = SampleApp.start(server, "sigterm_app", List.of(locations), work.resolve("logs/app.log"));
		ChildProcess process = app.process();
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (!"1".equals(server.query("sigterm_app",
				"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"))) {
			assertThat(process.isAlive()).as("the app runs until its slow migration").isTrue();
			assertThat(System.nanoTime()).as("the slow migration starts within 4 minutes").isLessThan(deadline);
			Thread.sleep(100);
		}
		long signalled = System.nanoTime();
		process.sigterm();
		int exit = process.waitFor(Duration.ofMinutes(1));
		long stopMs = (System.nanoTime() - signalled) / 1_000_000;
		String log = String.join("\n", process.lines());
		FaultTrials.awaitSessionsGone(server, "sigterm_app", "PostgreSQL JDBC Driver", Duration.ofSeconds(30));
		String tracked = server.query("sigterm_app",
				"SELECT string_agg(version::text, ',' ORDER BY version) FROM applied_migrations");
		String probe = server.query("sigterm_app", "SELECT to_regclass('sigterm_probe') IS NOT NULL");
		String locks = server.query("sigterm_app", "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
		// The next start, with the sleep taken out of the (never applied) migration.
		Files.writeString(slow, "CREATE TABLE sigterm_probe (id int);\nSELECT pg_sleep(0);\n");
		SampleApp next = SampleApp.start(server, "sigterm_app",
				List.of(locations, "--paliad.migration.mode=migrate-only"), work.resolve("logs/app-next.log"));
		int nextExit = next.process().waitFor(Duration.ofMinutes(4));
		String trackedAfter = server.query("sigterm_app",
				"SELECT string_agg(version::text, ',' ORDER BY version) FROM applied_migrations");
		FaultReport.record("5-sigterm-app", "(5b) SIGTERM to the sample app during a slow migration", 1,
				("1,2,3,4,5,6".equals(tracked) && "f".equals(probe)) ? 0 : 1, 0, 0,
				List.of("the sample app's fat jar (on-failure=unready, shutdown-wait 5 s) with a migration 900 that"
						+ " sleeps 60 s inside its transaction; SIGTERM while it sleeps",
						"exit " + exit + " after " + stopMs + " ms (Docker's grace period: 10 s)",
						"tracker after the stop: " + tracked + "; migration 900's table exists: " + probe
								+ "; advisory locks: " + locks,
						"next start (migrate-only): exit " + nextExit + ", tracker " + trackedAfter));
		assertThat(exit).as("a JVM stopped by SIGTERM exits 128 + 15").isEqualTo(143);
		assertThat(stopMs).as("stopped within Docker's grace period").isLessThan(STOP_GRACE.toMillis());
		assertThat(log).contains("Shutdown requested while migrations run: waiting up to 5000 ms")
			.contains("did not finish within 5000 ms: cancelling it")
			.contains("Migration run stopped: The migration run was stopped by a shutdown")
			.contains("900_slow_for_sigterm.up.sql) was cancelled in flight")
			.contains("Startup stopped by a shutdown during the migrations (not a failure)")
			.doesNotContain("APPLICATION FAILED TO START")
			.doesNotContain("failed permanently")
			.doesNotContain("Migration run failed")
			.doesNotContain("Stopping the application with exit code");
		assertThat(tracked).isEqualTo("1,2,3,4,5,6");
		assertThat(probe).isEqualTo("f");
		assertThat(locks).isEqualTo("0");
		assertThat(nextExit).isZero();
		assertThat(trackedAfter).isEqualTo("1,2,3,4,5,6,900");
	}

	/** One undisturbed run, to spread the signals over a run's real length. */
	private long calibrate(FaultSet set) throws Exception {
		server.createDatabase("sigterm_calibration");
		set.prepare(server, "sigterm_calibration");
		ChildProcess child = child(set, "sigterm_calibration", "sigterm-calibration",
				work.resolve("logs/calibration.log"));
		assertThat(child.awaitLine((line) -> line.equals(SigtermMigrateMain.MIGRATING), Duration.ofMinutes(2)))
			.isTrue();
		long start = System.nanoTime();
		assertThat(child.awaitLine((line) -> line.startsWith(FaultMigrateMain.APPLIED), Duration.ofMinutes(2)))
			.isTrue();
		long runMs = (System.nanoTime() - start) / 1_000_000;
		child.waitFor(Duration.ofSeconds(30));
		return runMs;
	}

	private static ChildProcess child(FaultSet set, String database, String app, Path log) throws Exception {
		Files.createDirectories(log.getParent());
		return ChildProcess.java(List.of("-XX:TieredStopAtLevel=1"), SigtermMigrateMain.class.getName(),
				List.of(server.jdbcUrl(database), FaultServer.USER, FaultServer.PASSWORD, set.location(), app,
						String.valueOf(SHUTDOWN_WAIT_MS)),
				log);
	}

}
