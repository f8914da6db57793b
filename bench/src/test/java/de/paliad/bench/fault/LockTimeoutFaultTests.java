package de.paliad.bench.fault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 4: the "running old version" holds a lock on a table a migration needs (an open
 * transaction that read it), while its request traffic keeps querying the table. The
 * migration must hit {@code lock_timeout}, retry, and succeed once the lock is released;
 * meanwhile no query of the old version may wait longer than about {@code lock_timeout}
 * (a waiting {@code ALTER TABLE} queues every later reader behind it, which is why the
 * timeout must be short).
 */
@Tag("fault")
class LockTimeoutFaultTests {

	private static final long LOCK_TIMEOUT_MS = 1000;

	/**
	 * How much longer than lock_timeout a reader may wait: scheduling on a busy 2-core
	 * machine.
	 */
	private static final long SLACK_MS = 500;

	private static final int TRIALS = 3;

	private static FaultServer server;

	private static Path work;

	@BeforeAll
	static void startServer() throws Exception {
		work = FaultTrials.work("lock");
		server = FaultServer.start(work.resolve("pgdata"));
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void migrationBlockedByTheOldVersionRetriesAndNeverBlocksItsQueriesLongerThanLockTimeout() throws Exception {
		Path migrations = Files.createDirectories(work.resolve("migrations"));
		Files.writeString(migrations.resolve("001_create_accounts.up.sql"), """
				CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL);
				INSERT INTO accounts SELECT g, 'owner ' || g FROM generate_series(1, 1000) AS g;
				""", StandardCharsets.UTF_8);
		Files.writeString(migrations.resolve("002_add_account_note.up.sql"), """
				ALTER TABLE accounts ADD COLUMN note text;
				""", StandardCharsets.UTF_8);
		Random random = new Random(FaultTrials.seed());
		List<String> notes = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		long worstReaderMs = 0;
		int totalRetries = 0;
		int inconsistent = 0;
		for (int trial = 1; trial <= TRIALS; trial++) {
			String database = "lock_" + trial;
			server.createDatabase(database);
			server.execute(database, "CREATE TABLE applied_migrations (version bigint PRIMARY KEY, name text NOT NULL,"
					+ " applied_at timestamptz NOT NULL DEFAULT now(), checksum text NULL, execution_ms integer NULL,"
					+ " applied_by text NULL)");
			server.execute(database, Files.readString(migrations.resolve("001_create_accounts.up.sql")),
					"INSERT INTO applied_migrations (version, name, checksum) VALUES (1, 'create_accounts', NULL)");
			Outcome outcome = trial(database, migrations, random, trial);
			worstReaderMs = Math.max(worstReaderMs, outcome.maxReaderMs());
			totalRetries += outcome.retries();
			// The tracker row and the column must agree: both there, or neither.
			inconsistent += (outcome.tracked() != outcome.columnAdded()) ? 1 : 0;
			notes.add("trial " + trial + ": lock held " + outcome.heldMs() + " ms; migration exit " + outcome.exit()
					+ " after " + outcome.retries() + " lock_timeout retr" + ((outcome.retries() == 1) ? "y" : "ies")
					+ "; blocker named in the log: " + outcome.blockerNamed() + "; old version's reader: "
					+ outcome.reads() + " queries, slowest " + outcome.maxReaderMs() + " ms");
			if (outcome.exit() != 0 || outcome.retries() < 1 || !outcome.columnAdded() || !outcome.tracked()) {
				problems.add("trial " + trial + ": " + outcome);
			}
			if (outcome.maxReaderMs() > LOCK_TIMEOUT_MS + SLACK_MS) {
				problems.add("trial " + trial + ": the old version's query waited " + outcome.maxReaderMs() + " ms");
			}
		}
		notes.add(0, "lock_timeout " + LOCK_TIMEOUT_MS + " ms, lock-retries 5; the old version holds ACCESS SHARE on"
				+ " `accounts` in an open transaction (application_name old-version) while a second connection"
				+ " queries the table every 50 ms; the migration is `ALTER TABLE accounts ADD COLUMN note text`");
		notes.add("slowest query of the old version over all trials: " + worstReaderMs + " ms (limit "
				+ (LOCK_TIMEOUT_MS + SLACK_MS) + " ms = lock_timeout + " + SLACK_MS + " ms scheduling slack)");
		problems.forEach((p) -> notes.add("PROBLEM " + p));
		FaultReport.record("4-lock", "(4) old version holds a lock the migration needs", TRIALS, inconsistent, 0,
				problems.size(), notes);
		assertThat(problems).isEmpty();
		assertThat(totalRetries).isGreaterThanOrEqualTo(TRIALS);
	}

	private Outcome trial(String database, Path migrations, Random random, int trial) throws Exception {
		AtomicBoolean reading = new AtomicBoolean(true);
		AtomicLong maxReaderMs = new AtomicLong();
		AtomicLong reads = new AtomicLong();
		Thread reader = new Thread(() -> readContinuously(database, reading, maxReaderMs, reads),
				"old-version-traffic");
		long heldMs;
		int exit;
		long retries;
		boolean blockerNamed;
		try (Connection oldVersion = server.dataSource(database, "old-version").getConnection();
				Statement statement = oldVersion.createStatement()) {
			oldVersion.setAutoCommit(false);
			// A long report transaction of the running release: it read the table and
			// keeps its lock.
			statement.execute("SELECT count(*) FROM accounts");
			long lockedAt = System.nanoTime();
			reader.start();
			ChildProcess child = ChildProcess.java(List.of("-XX:TieredStopAtLevel=1"), FaultMigrateMain.class.getName(),
					List.of(server.jdbcUrl(database), FaultServer.USER, FaultServer.PASSWORD,
							"filesystem:" + migrations.toAbsolutePath(), "new-version-migrator",
							String.valueOf(LOCK_TIMEOUT_MS), "5"),
					work.resolve("logs/trial-" + trial + ".log"));
			try (child) {
				boolean hit = child.awaitLine((line) -> line.contains("hit lock_timeout"), Duration.ofMinutes(2));
				assertThat(hit).as("the migration should hit lock_timeout").isTrue();
				// Keep the lock a little longer, so some retries also find it taken.
				Thread.sleep(500 + random.nextInt(1500));
				oldVersion.commit();
				heldMs = (System.nanoTime() - lockedAt) / 1_000_000;
				exit = child.waitFor(Duration.ofMinutes(2));
				retries = child.count((line) -> line.contains("hit lock_timeout"));
				blockerNamed = child.lines().stream().anyMatch((line) -> line.contains("old-version"));
			}
		}
		finally {
			Thread.sleep(300);
			reading.set(false);
			reader.join(10_000);
		}
		boolean column = "1".equals(String.valueOf(count(database,
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'note'")));
		boolean tracked = count(database, "SELECT count(*) FROM applied_migrations WHERE version = 2") == 1;
		return new Outcome(heldMs, exit, (int) retries, blockerNamed, maxReaderMs.get(), reads.get(), column, tracked);
	}

	private static void readContinuously(String database, AtomicBoolean reading, AtomicLong maxMs, AtomicLong reads) {
		try (Connection connection = server.dataSource(database, "old-version-traffic").getConnection();
				Statement statement = connection.createStatement()) {
			while (reading.get()) {
				long start = System.nanoTime();
				statement.executeQuery("SELECT count(*) FROM accounts").close();
				maxMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
				reads.incrementAndGet();
				Thread.sleep(50);
			}
		}
		catch (Exception ex) {
			maxMs.set(Long.MAX_VALUE);
		}
	}

	private static long count(String database, String sql) throws Exception {
		try (Connection connection = server.dataSource(database, "fault-check").getConnection();
				Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** One trial's observations. */
	private record Outcome(long heldMs, int exit, int retries, boolean blockerNamed, long maxReaderMs, long reads,
			boolean columnAdded, boolean tracked) {

	}

}
