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
 * Fault 1: {@code kill -9} of the migrating JVM at random points. After every kill the
 * database must be exactly before or exactly after each migration (all four traces and
 * the tracker row together, or none), and the next start must complete without applying
 * anything twice.
 */
@Tag("fault")
class KillDuringMigrationFaultTests {

	private static final int SIZE = 12;

	/** Kinds of strike point and how many trials each gets (32 in all by default). */
	private enum Strike {

		/** At a uniformly random time during the run. */
		RANDOM_TIME(12),
		/** While migration 6 or 10 sleeps inside its transaction. */
		DURING_LONG_MIGRATION(8),
		/** After a migration's SQL and tracker row ran, before its COMMIT is sent. */
		BETWEEN_SQL_AND_COMMIT(8),
		/** After the COMMIT returned, before the runner reported anything. */
		AFTER_COMMIT(4);

		private final int trials;

		Strike(int trials) {
			this.trials = trials;
		}

	}

	private static FaultServer server;

	private static FaultSet set;

	private static Path work;

	@BeforeAll
	static void startServer() throws Exception {
		work = FaultTrials.work("kill");
		server = FaultServer.start(work.resolve("pgdata"));
		set = FaultSet.write(work.resolve("migrations"), SIZE, Map.of(6, 1.5, 10, 0.8));
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void killNineAtRandomPointsLeavesEachMigrationExactlyBeforeOrAfterAndTheNextStartCompletes() throws Exception {
		long seed = FaultTrials.seed();
		Random random = new Random(seed);
		long fullRunMs = calibrate();
		int trials = 0;
		int inconsistent = 0;
		int twice = 0;
		int failedRestarts = 0;
		int strikesMissed = 0;
		List<String> problems = new ArrayList<>();
		List<String> landed = new ArrayList<>();
		for (Strike strike : Strike.values()) {
			int strikeAfter = 0;
			for (int i = 0; i < strike.trials; i++) {
				trials++;
				int trial = trials;
				String database = "kill_" + trials;
				String app = "kill-trial-" + trials;
				server.createDatabase(database);
				set.prepare(server, database);
				boolean struck = strike(strike, database, app, random, fullRunMs, trials);
				strikesMissed += struck ? 0 : 1;
				FaultTrials.awaitSessionsGone(server, database, app, Duration.ofSeconds(60));
				FaultTrials.Verdict atKill = FaultTrials.Verdict.of(set.read(server, database));
				strikeAfter += atKill.after();
				ChildProcess next = FaultTrials.migrate(server, database, set, app + "-next", List.of(), 5000, 3,
						work.resolve("logs/trial-" + trials + "-next.log"));
				int exit = next.waitFor(Duration.ofMinutes(3));
				FaultTrials.Verdict afterNext = FaultTrials.Verdict.of(set.read(server, database));
				inconsistent += atKill.inconsistent() + afterNext.inconsistent();
				twice += afterNext.appliedTwice();
				if (exit != 0 || !afterNext.allAfter(SIZE)) {
					failedRestarts++;
					problems.add("trial " + trials + ": next start exited " + exit + ", " + afterNext);
				}
				atKill.problems().forEach((p) -> problems.add("trial " + trial + " after the kill: " + p));
				afterNext.problems().forEach((p) -> problems.add("trial " + trial + " after the next start: " + p));
			}
			landed.add(strike + ": " + strike.trials + " trials, on average "
					+ String.format("%.1f", (double) strikeAfter / strike.trials) + " of " + SIZE
					+ " migrations were applied when the process died");
		}
		List<String> notes = new ArrayList<>();
		notes.add(SIZE + " migrations per run (each: CREATE TABLE, INSERT " + FaultSet.ROWS
				+ " rows, ALTER TABLE ADD COLUMN, UPDATE, a marker row; 6 and 10 also sleep 1.5 s / 0.8 s inside their"
				+ " transaction); one fresh database per trial; seed " + seed + "; a full run took " + fullRunMs
				+ " ms");
		notes.addAll(landed);
		notes.add("next start after the kill: " + (trials - failedRestarts) + " of " + trials + " completed with exit 0"
				+ " and every migration applied exactly once");
		notes
			.add("strikes that found the process already finished (counted as trials, still judged): " + strikesMissed);
		problems.forEach((p) -> notes.add("PROBLEM " + p));
		FaultReport.record("1-kill", "(1) kill -9 of the migrating JVM", trials, inconsistent, twice, problems.size(),
				notes);
		assertThat(problems).isEmpty();
		assertThat(trials).isGreaterThanOrEqualTo(30);
	}

	@Test
	void theCheckFindsTheHalfDoneMigrationOfARunnerWithoutAtomicity() throws Exception {
		server.createDatabase("kill_control");
		set.prepare(server, "kill_control");
		try (ChildProcess child = ChildProcess.java(List.of(), NonAtomicMain.class.getName(),
				List.of(server.jdbcUrl("kill_control"), FaultServer.USER, FaultServer.PASSWORD,
						set.location().substring("filesystem:".length()), "kill-control"),
				work.resolve("logs/control.log"))) {
			assertThat(awaitSleepingMigration(child, "kill_control", "kill-control")).isTrue();
			child.kill9();
		}
		FaultTrials.awaitSessionsGone(server, "kill_control", "kill-control", Duration.ofSeconds(60));
		FaultTrials.Verdict verdict = FaultTrials.Verdict.of(set.read(server, "kill_control"));
		assertThat(verdict.inconsistent()).as("a non-atomic runner killed in migration 6 leaves it half done")
			.isEqualTo(1);
	}

	/** A full undisturbed run, to spread the random kills over its real length. */
	private long calibrate() throws Exception {
		server.createDatabase("kill_calibration");
		set.prepare(server, "kill_calibration");
		long start = System.nanoTime();
		ChildProcess child = FaultTrials.migrate(server, "kill_calibration", set, "kill-calibration", List.of(), 5000,
				3, work.resolve("logs/calibration.log"));
		assertThat(child.waitFor(Duration.ofMinutes(3))).isZero();
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * Starts a run and kills it at the strike point; {@code false} if it had already
	 * finished.
	 */
	private boolean strike(Strike strike, String database, String app, Random random, long fullRunMs, int trial)
			throws Exception {
		List<String> options = switch (strike) {
			case BETWEEN_SQL_AND_COMMIT -> List.of("-Dfault.pause-before-commit-ms=400");
			case AFTER_COMMIT -> List.of("-Dfault.pause-after-commit-ms=400");
			default -> List.of();
		};
		try (ChildProcess child = FaultTrials.migrate(server, database, set, app, options, 5000, 3,
				work.resolve("logs/trial-" + trial + "-" + strike + ".log"))) {
			boolean found = switch (strike) {
				case RANDOM_TIME -> {
					Thread.sleep(fullRunMs / 4 + (long) (random.nextDouble() * fullRunMs * 3 / 4));
					yield child.isAlive();
				}
				case DURING_LONG_MIGRATION -> {
					yield awaitSleepingMigration(child, database, app) && sleep(random.nextInt(1200));
				}
				case BETWEEN_SQL_AND_COMMIT -> {
					int commit = 1 + random.nextInt(SIZE);
					yield child.awaitLine((line) -> line.equals(PausingDataSource.BEFORE_COMMIT + " " + commit),
							Duration.ofMinutes(2));
				}
				case AFTER_COMMIT -> {
					int commit = 1 + random.nextInt(SIZE);
					yield child.awaitLine((line) -> line.equals(PausingDataSource.AFTER_COMMIT + " " + commit),
							Duration.ofMinutes(2));
				}
			};
			boolean alive = child.isAlive();
			child.kill9();
			return found && alive;
		}
	}

	private static boolean awaitSleepingMigration(ChildProcess child, String database, String app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline && child.isAlive()) {
			if (FaultTrials.sessions(server, database, app, "pg_sleep") > 0) {
				return true;
			}
			Thread.sleep(10);
		}
		return false;
	}

	private static boolean sleep(long millis) throws InterruptedException {
		Thread.sleep(millis);
		return true;
	}

}
