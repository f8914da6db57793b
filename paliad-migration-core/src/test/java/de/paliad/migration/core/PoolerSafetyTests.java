package de.paliad.migration.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.PgBouncer;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Seen before this check: four runners booted at once through PgBouncer 1.18 in
 * transaction pooling mode all took the "lock", and three of them failed on the tracker's
 * primary key; a {@code no-transaction} migration would have run more than once. Through
 * a real PgBouncer, several migrators at once (threads and JVMs): in transaction pooling
 * every one refuses before changing anything, alone or with others; in session pooling
 * every one succeeds and each migration runs exactly once.
 */
class PoolerSafetyTests {

	private static final int THREADS = 4;

	private static final int PROCESSES = 3;

	private static final Duration BOUND = Duration.ofMinutes(3);

	private static final List<Long> VERSIONS = List.of(1L, 2L, 3L);

	/**
	 * Several runners at once through transaction pooling: every one refuses, before the
	 * lock, and nothing is applied. Before the notification check, one of the seven got
	 * through now and then (about one run in ten): the pooler had handed its lock
	 * connection the same server session for every transaction and the probe another one.
	 */
	@Test
	void throughTransactionPoolingEveryRunnerRefusesAndNothingIsApplied(@TempDir Path dir) throws Exception {
		MigrationDirectory files = writeMigrations(dir.resolve("migrations"));
		try (TestDatabase db = TestDatabases.create(); PgBouncer bouncer = PgBouncer.start(db, "transaction")) {
			Outcomes outcomes = runAtOnce(db, bouncer, files, dir);

			assertThat(outcomes.exceptions).as("thread runners' failures: each a refusal").hasSize(THREADS);
			assertThat(outcomes.exceptions).allSatisfy((ex) -> {
				assertThat(ex).isInstanceOf(TransactionPoolingException.class);
				assertThat(((MigrationException) ex).exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
				assertRefusal(ex.getMessage());
			});
			assertThat(outcomes.exitCodes).as("process runners' exit codes (stderr: %s)", outcomes.stderr)
				.hasSize(PROCESSES)
				.containsOnly(ExitCode.INVALID_CONFIGURATION.code());
			assertThat(outcomes.stderr).allSatisfy(PoolerSafetyTests::assertRefusal);
			assertThat(outcomes.applied).as("versions applied, summed over all runners").isEmpty();
			assertNothingApplied(db);
			assertThat(Queries.advisoryLocks(db.dataSource())).as("advisory locks left behind").isZero();
		}
	}

	@Test
	void aLoneRunnerThroughTransactionPoolingRefusesToo(@TempDir Path dir) {
		// Alone, the pooler hands it the same server session for every transaction: the
		// probe connection is what gives the pooler away.
		MigrationDirectory files = writeMigrations(dir);
		try (TestDatabase db = TestDatabases.create(); PgBouncer bouncer = PgBouncer.start(db, "transaction")) {
			for (int run = 0; run < 3; run++) {
				Migrator migrator = new Migrator(through(bouncer, db),
						MigrationConfiguration.builder().locations(files.location()).build());
				assertThatExceptionOfType(TransactionPoolingException.class).isThrownBy(migrator::migrate)
					.satisfies((ex) -> assertRefusal(ex.getMessage()))
					.satisfies((ex) -> assertThat(ex.exitCode().code()).isEqualTo(2))
					.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
			}
			assertNothingApplied(db);
		}
	}

	/**
	 * The notification alone gives transaction pooling away: the probe here is a direct
	 * connection, so it can never be handed the lock connection's server session, and the
	 * pooler, alone with one client, hands that client the same server session every time
	 * — exactly what let a runner through before.
	 */
	@Test
	void throughTransactionPoolingTheNotificationNeverReachesTheIdleLockConnection() throws Exception {
		try (TestDatabase db = TestDatabases.create();
				PgBouncer bouncer = PgBouncer.start(db, "transaction");
				Connection connection = through(bouncer, db).getConnection()) {
			LockSessionCheck check = new LockSessionCheck(
					new AdvisoryLock(new TableName("public", "applied_migrations")), db.dataSource()::getConnection);
			int pid = SessionQueries.backendPid(connection);
			assertThat(SessionQueries.backendPid(connection)).as("the same server session each time").isEqualTo(pid);
			assertThatExceptionOfType(TransactionPoolingException.class)
				.isThrownBy(() -> check.verifyBeforeLock(connection, pid))
				.withMessageContaining("a notification sent to its server session (pid " + pid + ")")
				.satisfies((ex) -> assertRefusal(ex.getMessage()));
		}
	}

	/**
	 * The counterpart: through session pooling the notification arrives, and the check
	 * passes.
	 */
	@Test
	void throughSessionPoolingTheNotificationReachesTheIdleLockConnection() throws Exception {
		try (TestDatabase db = TestDatabases.create();
				PgBouncer bouncer = PgBouncer.start(db, "session");
				Connection connection = through(bouncer, db).getConnection()) {
			AdvisoryLock lock = new AdvisoryLock(new TableName("public", "applied_migrations"));
			LockSessionCheck check = new LockSessionCheck(lock, db.dataSource()::getConnection);
			int pid = SessionQueries.backendPid(connection);
			assertThat(connection.unwrap(PGConnection.class).getBackendPID()).as("PgBouncer's own cancel key")
				.isNotEqualTo(pid);
			check.verifyBeforeLock(connection, pid);
			lock.acquire(connection, Duration.ofSeconds(30), MigrationListener.NONE, pid);
			check.verifyLocked(connection, pid);
			try (Statement statement = connection.createStatement();
					ResultSet channels = statement.executeQuery("SELECT count(*) FROM pg_listening_channels()")) {
				channels.next();
				assertThat(channels.getInt(1)).as("channels the check left it listening on").isZero();
			}
			assertThat(lock.release(connection, pid)).isTrue();
		}
	}

	@Test
	void everyRunnerThroughSessionPoolingSucceedsAndEachMigrationRunsOnce(@TempDir Path dir) throws Exception {
		MigrationDirectory files = writeMigrations(dir.resolve("migrations"));
		try (TestDatabase db = TestDatabases.create(); PgBouncer bouncer = PgBouncer.start(db, "session")) {
			Outcomes outcomes = runAtOnce(db, bouncer, files, dir);

			assertThat(outcomes.exceptions).as("thread runners' failures").isEmpty();
			assertThat(outcomes.exitCodes).as("process runners' exit codes (stderr: %s)", outcomes.stderr)
				.containsOnly(ExitCode.SUCCESS.code())
				.hasSize(PROCESSES);
			assertThat(outcomes.applied).as("versions applied, summed over all runners")
				.containsExactlyInAnyOrderElementsOf(VERSIONS);
			assertThat(Queries.trackedVersions(db.dataSource(), "public.applied_migrations"))
				.containsExactlyElementsOf(VERSIONS);
			assertThat(Queries.rows(db.dataSource(), "SELECT version FROM side_effects ORDER BY version"))
				.as("one side effect per migration run")
				.containsExactly("1", "2", "3");
			assertThat(Queries.advisoryLocks(db.dataSource())).as("advisory locks left behind").isZero();
		}
	}

	/**
	 * Every migration records that it ran; the second one runs outside a transaction,
	 * where a second run would not be rolled back by anything.
	 */
	private static MigrationDirectory writeMigrations(Path dir) {
		try {
			java.nio.file.Files.createDirectories(dir);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return new MigrationDirectory(dir).write("1_side_effects.up.sql",
				"CREATE TABLE side_effects (version bigint NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());"
						+ " INSERT INTO side_effects (version) VALUES (1);")
			.write("2_log_outside_a_transaction.up.sql",
					"-- paliad:no-transaction\nINSERT INTO side_effects (version) VALUES (2);\n"
							+ "CREATE INDEX CONCURRENTLY side_effects_version ON side_effects (version);")
			.write("3_slow.up.sql", "SELECT pg_sleep(0.2); INSERT INTO side_effects (version) VALUES (3);");
	}

	/** Starts every runner, threads and processes, at the same moment. */
	private static Outcomes runAtOnce(TestDatabase db, PgBouncer bouncer, MigrationDirectory files, Path dir)
			throws Exception {
		Outcomes outcomes = new Outcomes();
		List<MigrateMainProcess> processes = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			for (int i = 0; i < PROCESSES; i++) {
				processes.add(MigrateMainProcess.start(bouncer.jdbcUrl(db.name()), db.user(), db.password(), files,
						dir.resolve("runner-" + i + ".err")));
			}
			for (MigrateMainProcess process : processes) {
				process.awaitReady(Duration.ofMinutes(2));
			}
			CyclicBarrier start = new CyclicBarrier(THREADS + 1);
			List<Future<MigrateResult>> runs = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				Migrator migrator = new Migrator(through(bouncer, db),
						MigrationConfiguration.builder()
							.locations(files.location())
							.lockWaitTimeout(Duration.ofMinutes(2))
							.build());
				runs.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return migrator.migrate();
				}));
			}
			start.await(30, TimeUnit.SECONDS);
			for (MigrateMainProcess process : processes) {
				process.go();
			}
			for (Future<MigrateResult> run : runs) {
				try {
					run.get(BOUND.toSeconds(), TimeUnit.SECONDS)
						.applied()
						.forEach((migration) -> outcomes.applied.add(migration.version()));
				}
				catch (ExecutionException ex) {
					outcomes.exceptions.add(ex.getCause());
				}
			}
			for (MigrateMainProcess process : processes) {
				outcomes.exitCodes.add(process.awaitExit(BOUND));
				outcomes.applied.addAll(process.applied());
				outcomes.stderr.add(process.errors());
			}
		}
		finally {
			pool.shutdownNow();
			processes.forEach(MigrateMainProcess::destroy);
		}
		return outcomes;
	}

	private static DataSource through(PgBouncer bouncer, TestDatabase db) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(bouncer.jdbcUrl(db.name()));
		dataSource.setUser(db.user());
		dataSource.setPassword(db.password());
		return dataSource;
	}

	private static void assertRefusal(String message) {
		assertThat(message).contains("transaction pooling", "paliad.migration.url", "direct connection",
				"session pooling", "Nothing was changed");
	}

	private static void assertNothingApplied(TestDatabase db) {
		DataSource direct = db.dataSource();
		assertThat(Queries.relationExists(direct, "side_effects")).as("side-effect table").isFalse();
		if (Queries.relationExists(direct, "public.applied_migrations")) {
			assertThat(Queries.trackedVersions(direct, "public.applied_migrations")).as("tracker rows").isEmpty();
		}
		assertThat(Queries.userTables(direct)).as("tables").isEmpty();
	}

	/** What all runners did. */
	private static final class Outcomes {

		final List<Long> applied = new ArrayList<>();

		final List<Throwable> exceptions = new ArrayList<>();

		final List<Integer> exitCodes = new ArrayList<>();

		final List<String> stderr = new ArrayList<>();

	}

}
