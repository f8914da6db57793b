package de.paliad.migration.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A rolling deploy: the old version still serves and holds locks on the table a migration
 * alters. The migration must give up its lock wait after {@code lock-timeout} (so it does
 * not queue the old version's queries behind it), retry, name the blocker, and fail
 * cleanly when the blocker never goes away.
 */
class LockTimeoutRetryTests {

	private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);

	private static final int LOCK_RETRIES = 3;

	private static final String OLD_VERSION = "paliad-app v41";

	/**
	 * How long a read of the old version may wait behind the migration: lock-timeout plus
	 * a generous margin.
	 */
	private static final Duration MAX_READ_WAIT = LOCK_TIMEOUT.plusSeconds(2);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final ListAppender<ILoggingEvent> executorLog = new ListAppender<>();

	@BeforeEach
	void captureExecutorLog() {
		this.executorLog.start();
		((Logger) LoggerFactory.getLogger(Migrator.class)).addAppender(this.executorLog);
	}

	@AfterEach
	void stopCapturingLogAndScheduler() {
		((Logger) LoggerFactory.getLogger(Migrator.class)).detachAppender(this.executorLog);
		this.scheduler.shutdownNow();
	}

	@Test
	void migrationBlockedByTheOldVersionSucceedsOnRetryOnceItsTransactionEnds(@TempDir Path dir) throws Exception {
		MigrationDirectory files = accountsMigrated(dir);
		try (TestDatabase db = TestDatabases.create()) {
			new Migrator(db.dataSource(), configuration(files)).migrate();
			files.write("2_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email text;");
			try (Connection oldVersion = ConcurrencyTests.connect(db, OLD_VERSION)) {
				int oldVersionPid = openReadTransaction(oldVersion);
				AtomicBoolean released = new AtomicBoolean();
				BlockedRecorder recorder = new BlockedRecorder(() -> this.scheduler.schedule(() -> {
					commit(oldVersion);
					released.set(true);
				}, 700, TimeUnit.MILLISECONDS));
				MigrateResult result = migrateWithin(new Migrator(db.dataSource(), configuration(files), recorder));
				assertThat(released).as("the old version's transaction ended during the run").isTrue();
				assertThat(result.applied()).extracting(Migration::version).containsExactly(2L);
				assertThat(Queries.columnExists(db.dataSource(), "accounts", "email")).isTrue();
				assertThat(Queries.trackedVersions(db.dataSource(), "public.applied_migrations")).containsExactly(1L,
						2L);
				assertThat(recorder.events()).as("blocked(...) callbacks").isNotEmpty().allSatisfy((event) -> {
					assertThat(event.migration().version()).isEqualTo(2L);
					assertThat(event.blockers()).singleElement().satisfies((blocker) -> {
						assertThat(blocker.pid()).isEqualTo(oldVersionPid);
						assertThat(blocker.applicationName()).isEqualTo(OLD_VERSION);
						assertThat(blocker.state()).isEqualTo("idle in transaction");
						assertThat(blocker.transactionAge()).isNotNull();
					});
				});
				assertThat(retryWarnings()).as("log of the failed attempt")
					.anySatisfy((message) -> assertThat(message).contains("2 (2_add_email.up.sql)", "attempt 1 of 4",
							"pid " + oldVersionPid, OLD_VERSION));
			}
		}
	}

	@Test
	void migrationBlockedUntilTheEndFailsNamingTheBlockerAndLeavesNothing(@TempDir Path dir) throws Exception {
		MigrationDirectory files = accountsMigrated(dir);
		try (TestDatabase db = TestDatabases.create()) {
			new Migrator(db.dataSource(), configuration(files)).migrate();
			files.write("2_add_email.up.sql",
					"CREATE TABLE audit (id bigint);\nALTER TABLE accounts ADD COLUMN email text;");
			try (Connection oldVersion = ConcurrencyTests.connect(db, OLD_VERSION)) {
				int oldVersionPid = openReadTransaction(oldVersion);
				BlockedRecorder recorder = new BlockedRecorder(() -> {
				});
				Migrator migrator = new Migrator(db.dataSource(), configuration(files), recorder);
				assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrateWithin(migrator))
					.satisfies((ex) -> {
						assertThat(ex.sqlState()).isEqualTo("55P03");
						assertThat(ex.version()).isEqualTo(2L);
						assertThat(ex.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
						assertThat(ex.isTransient()).isTrue();
						assertThat(ex.getMessage()).contains("2_add_email.up.sql", "line 2", "lock-timeout (300 ms)",
								"in " + (LOCK_RETRIES + 1) + " attempt(s)", "pid " + oldVersionPid,
								"application_name '" + OLD_VERSION + "'", "rolled back");
					});
				assertThat(recorder.events()).as("blocked(...) callbacks")
					.isNotEmpty()
					.allSatisfy((event) -> assertThat(event.blockers()).extracting(SessionInfo::pid)
						.containsExactly(oldVersionPid));
				assertThat(retryWarnings()).as("one warning per failed attempt that is retried")
					.hasSize(LOCK_RETRIES)
					.allSatisfy((message) -> assertThat(message).contains("pid " + oldVersionPid));
				commit(oldVersion);
			}
			assertThat(Queries.trackedVersions(db.dataSource(), "public.applied_migrations")).containsExactly(1L);
			assertThat(Queries.columnExists(db.dataSource(), "accounts", "email")).isFalse();
			assertThat(Queries.relationExists(db.dataSource(), "public.audit")).isFalse();
		}
	}

	@Test
	void oldVersionQueriesWaitAtMostLockTimeoutWhileTheMigrationIsBlocked(@TempDir Path dir) throws Exception {
		MigrationDirectory files = accountsMigrated(dir);
		try (TestDatabase db = TestDatabases.create()) {
			new Migrator(db.dataSource(), configuration(files)).migrate();
			files.write("2_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email text;");
			try (Connection oldVersion = ConcurrencyTests.connect(db, OLD_VERSION);
					Connection oldVersionRequests = ConcurrencyTests.connect(db, OLD_VERSION + " requests");
					Connection observer = ConcurrencyTests.connect(db, "observer")) {
				openReadTransaction(oldVersion);
				CountDownLatch blocked = new CountDownLatch(1);
				AtomicBoolean migrationDone = new AtomicBoolean();
				BlockedRecorder recorder = new BlockedRecorder(blocked::countDown);
				CompletableFuture<Throwable> migration = CompletableFuture.supplyAsync(() -> {
					try {
						new Migrator(db.dataSource(), configuration(files), recorder).migrate();
						return null;
					}
					catch (RuntimeException ex) {
						return ex;
					}
					finally {
						migrationDone.set(true);
					}
				});
				assertThat(blocked.await(30, TimeUnit.SECONDS)).as("the migration reported being blocked").isTrue();
				// The old version keeps serving requests that read the table while the
				// migration retries.
				List<Duration> latencies = new ArrayList<>();
				boolean requestQueuedBehindMigration = false;
				long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
				while (!migrationDone.get() && System.nanoTime() < deadline) {
					long requestDeadline = System.nanoTime() + MAX_READ_WAIT.toNanos();
					CompletableFuture<Duration> request = CompletableFuture
						.supplyAsync(() -> timedRead(oldVersionRequests));
					while (!request.isDone() && System.nanoTime() < requestDeadline) {
						requestQueuedBehindMigration |= waitsForLock(observer, OLD_VERSION + " requests");
					}
					assertThat(request).as("a read of the old version while the migration waits for its lock").isDone();
					latencies.add(request.get());
				}
				assertThat(migration.get(60, TimeUnit.SECONDS)).as("the migration's outcome")
					.isInstanceOfSatisfying(MigrationFailedException.class,
							(ex) -> assertThat(ex.sqlState()).isEqualTo("55P03"));
				assertThat(requestQueuedBehindMigration)
					.as("a request of the old version queued behind the migration's lock request")
					.isTrue();
				assertThat(latencies).as("latencies of the old version's reads")
					.isNotEmpty()
					.allSatisfy((latency) -> assertThat(latency).isLessThan(MAX_READ_WAIT));
				commit(oldVersion);
			}
			assertThat(Queries.columnExists(db.dataSource(), "accounts", "email")).isFalse();
		}
	}

	/**
	 * Runs the migration, but not for longer than a minute: without lock-timeout it would
	 * wait forever.
	 */
	private static MigrateResult migrateWithin(Migrator migrator) throws Exception {
		CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(migrator::migrate);
		try {
			return run.get(1, TimeUnit.MINUTES);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The migration was still waiting after a minute", ex);
		}
	}

	private static MigrationDirectory accountsMigrated(Path dir) {
		return new MigrationDirectory(dir).write("1_create_accounts.up.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY);\nINSERT INTO accounts VALUES (1), (2);");
	}

	private static MigrationConfiguration configuration(MigrationDirectory files) {
		return MigrationConfiguration.builder()
			.locations(files.location())
			.lockTimeout(LOCK_TIMEOUT)
			.lockRetries(LOCK_RETRIES)
			.lockWaitTimeout(Duration.ofMinutes(1))
			.build();
	}

	/**
	 * The old version reads the table in a transaction it keeps open, holding ACCESS
	 * SHARE, which conflicts with the ACCESS EXCLUSIVE lock of {@code ALTER TABLE}.
	 * @return the session's pid
	 */
	static int openReadTransaction(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*), pg_backend_pid() FROM accounts")) {
			rs.next();
			return rs.getInt(2);
		}
	}

	private static void commit(Connection connection) {
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Duration timedRead(Connection connection) {
		long start = System.nanoTime();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM accounts")) {
			rs.next();
			return Duration.ofNanos(System.nanoTime() - start);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean waitsForLock(Connection observer, String applicationName) {
		try (Statement statement = observer.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
						+ applicationName + "' AND wait_event_type = 'Lock'")) {
			rs.next();
			return rs.getInt(1) > 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> retryWarnings() {
		return this.executorLog.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter((message) -> message.contains("hit lock_timeout"))
			.toList();
	}

	/**
	 * Records {@code blocked(...)} callbacks and runs an action on the first one.
	 */
	private static final class BlockedRecorder implements MigrationListener {

		private final List<Blocked> events = Collections.synchronizedList(new ArrayList<>());

		private final Runnable onFirst;

		BlockedRecorder(Runnable onFirst) {
			this.onFirst = onFirst;
		}

		@Override
		public void blocked(Migration migration, List<SessionInfo> blockers) {
			this.events.add(new Blocked(migration, blockers));
			if (this.events.size() == 1) {
				this.onFirst.run();
			}
		}

		List<Blocked> events() {
			synchronized (this.events) {
				return List.copyOf(this.events);
			}
		}

	}

	private record Blocked(Migration migration, List<SessionInfo> blockers) {

	}

}
