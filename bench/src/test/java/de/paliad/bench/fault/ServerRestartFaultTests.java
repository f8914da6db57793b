package de.paliad.bench.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 2: the PostgreSQL server restarted ({@code pg_ctl restart}, fast and immediate)
 * while a run is in progress. The run must fail cleanly (an exit code, no hang) or retry,
 * and must never record a migration that did not commit; the next start (or, in the
 * sample app, the starter's own retry) completes.
 */
@Tag("fault")
class ServerRestartFaultTests {

	private static final int SIZE = 10;

	private static FaultServer server;

	private static FaultSet set;

	private static Path work;

	private final List<String> notes = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private int trials;

	private int inconsistent;

	private int twice;

	@BeforeAll
	static void startServer() throws Exception {
		work = FaultTrials.work("restart");
		server = FaultServer.start(work.resolve("pgdata"));
		// Every migration sleeps 0.3 s inside its transaction, so a restart finds one
		// running.
		set = FaultSet.write(work.resolve("migrations"), SIZE,
				IntStream.rangeClosed(1, SIZE).boxed().collect(Collectors.toMap((v) -> v, (v) -> 0.3)));
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void serverRestartDuringARunNeverRecordsAnUncommittedMigration() throws Exception {
		long seed = FaultTrials.seed();
		Random random = new Random(seed);
		List<String> outcomes = new ArrayList<>();
		for (String mode : List.of("fast", "immediate")) {
			for (boolean betweenSqlAndCommit : List.of(false, true)) {
				for (int i = 0; i < 2; i++) {
					outcomes.add(coreRunTrial(mode, betweenSqlAndCommit, random));
				}
			}
		}
		for (String mode : List.of("fast", "immediate")) {
			outcomes.add(sampleAppTrial(mode));
		}
		this.notes.add(SIZE + " migrations per run, each sleeping 0.3 s inside its transaction; PostgreSQL with fsync"
				+ " and synchronous_commit on; seed " + seed);
		this.notes.addAll(outcomes);
		this.problems.forEach((p) -> this.notes.add("PROBLEM " + p));
		FaultReport.record("2-restart", "(2) PostgreSQL restarted during a run", this.trials, this.inconsistent,
				this.twice, this.problems.size(), this.notes);
		assertThat(this.problems).isEmpty();
	}

	/**
	 * The core runner in its own JVM; the server restarts under a running statement or
	 * before a COMMIT.
	 */
	private String coreRunTrial(String mode, boolean betweenSqlAndCommit, Random random) throws Exception {
		int trial = ++this.trials;
		String database = "restart_" + trial;
		String app = "restart-trial-" + trial;
		server.createDatabase(database);
		set.prepare(server, database);
		List<String> options = betweenSqlAndCommit ? List.of("-Dfault.pause-before-commit-ms=1500") : List.of();
		int exit;
		String failure;
		try (ChildProcess child = FaultTrials.migrate(server, database, set, app, options, 5000, 3,
				work.resolve("logs/trial-" + trial + ".log"))) {
			int target = 2 + random.nextInt(SIZE - 2);
			boolean found = betweenSqlAndCommit ? child
				.awaitLine((line) -> line.equals(PausingDataSource.BEFORE_COMMIT + " " + target), Duration.ofMinutes(2))
					: awaitMigrationRunning(child, database, app, target);
			if (!found) {
				this.problems.add("trial " + trial + ": the run ended before the restart point");
			}
			server.restart(mode, work.resolve("logs/pg-restart-" + trial + ".log"));
			exit = child.waitFor(Duration.ofMinutes(3));
			failure = child.lines()
				.stream()
				.filter((line) -> line.startsWith(FaultMigrateMain.FAILED) || line.startsWith(FaultMigrateMain.APPLIED))
				.findFirst()
				.orElse("no outcome line");
		}
		FaultTrials.Verdict afterFault = FaultTrials.Verdict.of(set.read(server, database));
		ChildProcess next = FaultTrials.migrate(server, database, set, app + "-next", List.of(), 5000, 3,
				work.resolve("logs/trial-" + trial + "-next.log"));
		int nextExit = next.waitFor(Duration.ofMinutes(3));
		FaultTrials.Verdict afterNext = FaultTrials.Verdict.of(set.read(server, database));
		judge(trial, afterFault, afterNext, nextExit == 0);
		return "trial " + trial + " (core runner, restart -m " + mode + ", "
				+ (betweenSqlAndCommit ? "between the SQL and the COMMIT" : "during a statement") + "): exit " + exit
				+ " — `" + failure.replace('|', '/') + "`; " + afterFault.after() + " of " + SIZE
				+ " applied at the fault, all consistent: " + (afterFault.inconsistent() == 0) + "; next start exit "
				+ nextExit;
	}

	/**
	 * The sample app (on-failure=unready, retry-interval 2 s): it must retry by itself
	 * and become ready.
	 */
	private String sampleAppTrial(String mode) throws Exception {
		int trial = ++this.trials;
		String database = "restart_" + trial;
		server.createDatabase(database);
		set.prepare(server, database);
		long start = System.nanoTime();
		SampleApp app = SampleApp.start(server, database,
				List.of("--paliad.migration.locations=" + set.location(), "--paliad.migration.retry-interval=2s",
						"--spring.application.name=restart-app-" + trial),
				work.resolve("logs/trial-" + trial + "-app.log"));
		boolean ready;
		long retries;
		try {
			boolean running = awaitAnyMigrationRunning(app.process(), database, 4);
			if (!running) {
				this.problems.add("trial " + trial + ": the app never reached migration 4");
			}
			server.restart(mode, work.resolve("logs/pg-restart-" + trial + ".log"));
			ready = app.awaitReady(Duration.ofMinutes(2));
			retries = app.process().count((line) -> line.contains("Retrying the migration run"));
		}
		finally {
			app.stop();
		}
		long seconds = (System.nanoTime() - start) / 1_000_000_000L;
		FaultTrials.Verdict after = FaultTrials.Verdict.of(set.read(server, database));
		judge(trial, after, after, ready);
		return "trial " + trial + " (sample app, restart -m " + mode + " during migration 4): ready by itself: " + ready
				+ " after " + seconds + " s, " + retries + " retry run(s), " + after.after() + " of " + SIZE
				+ " applied, all consistent: " + (after.inconsistent() == 0);
	}

	private void judge(int trial, FaultTrials.Verdict afterFault, FaultTrials.Verdict afterNext, boolean completed) {
		this.inconsistent += afterFault.inconsistent() + ((afterNext != afterFault) ? afterNext.inconsistent() : 0);
		this.twice += afterNext.appliedTwice();
		afterFault.problems().forEach((p) -> this.problems.add("trial " + trial + " after the restart: " + p));
		if (afterNext != afterFault) {
			afterNext.problems().forEach((p) -> this.problems.add("trial " + trial + " after the next start: " + p));
		}
		if (!completed || !afterNext.allAfter(SIZE)) {
			this.problems.add("trial " + trial + ": did not complete afterwards: " + afterNext);
		}
	}

	/**
	 * Waits until migration {@code version} is running (its table exists in an open
	 * transaction: it sleeps).
	 */
	private static boolean awaitMigrationRunning(ChildProcess child, String database, String app, int version)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline && child.isAlive()) {
			if (FaultTrials.sessions(server, database, app, "pg_sleep") > 0
					&& FaultTrials.sessions(server, database, app, "") > 0 && markers(database) >= version - 1) {
				return true;
			}
			Thread.sleep(10);
		}
		return false;
	}

	private static boolean awaitAnyMigrationRunning(ChildProcess child, String database, int version) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (System.nanoTime() < deadline && child.isAlive()) {
			if (markers(database) >= version - 1) {
				return true;
			}
			Thread.sleep(10);
		}
		return false;
	}

	/** Committed markers: how many migrations have committed so far. */
	private static long markers(String database) throws Exception {
		try (java.sql.Connection connection = server.dataSource(database, "fault-watch").getConnection();
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery("SELECT count(*) FROM fault_marker")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
