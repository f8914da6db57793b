package de.paliad.migration.core;

import java.nio.file.Path;
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
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Seen before this check: four runners booted at once through PgBouncer 1.18 in
 * transaction pooling mode all took the "lock", and three of them failed on the tracker's
 * primary key; a {@code no-transaction} migration would have run more than once. Through
 * a real PgBouncer, several migrators at once (threads and JVMs): in transaction pooling
 * they refuse before changing anything (a lone one always; of many at once, one may get
 * through now and then, and then it alone migrates) and no migration runs twice; in
 * session pooling every one succeeds and each migration runs exactly once.
 */
class PoolerSafetyTests {

	private static final int THREADS = 4;

	private static final int PROCESSES = 3;

	private static final Duration BOUND = Duration.ofMinutes(3);

	private static final List<Long> VERSIONS = List.of(1L, 2L, 3L);

	/**
	 * Several runners at once through transaction pooling. Most refuse; a client cannot
	 * prove it is NOT pooled (the pooler may hand it the same server session every time,
	 * and hands the probe another one while other clients keep the first busy), so one
	 * runner may pass the check now and then (seen once in about ten runs here). What is
	 * guaranteed, and asserted: every runner that did not refuse holds the only lock, so
	 * no migration runs twice, the no-transaction one included, and the tracker agrees
	 * with what ran. A lone runner is always refused (the next test).
	 */
	@Test
	void throughTransactionPoolingRunnersRefuseAndNoMigrationRunsTwice(@TempDir Path dir) throws Exception {
		MigrationDirectory files = writeMigrations(dir.resolve("migrations"));
		try (TestDatabase db = TestDatabases.create(); PgBouncer bouncer = PgBouncer.start(db, "transaction")) {
			Outcomes outcomes = runAtOnce(db, bouncer, files, dir);

			assertThat(outcomes.exceptions).as("thread runners' failures: each a refusal").allSatisfy((ex) -> {
				assertThat(ex).isInstanceOf(InvalidConfigurationException.class);
				assertThat(((MigrationException) ex).exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION);
				assertRefusal(ex.getMessage());
			});
			assertThat(outcomes.exitCodes).as("process runners' exit codes: refused (2) or done (0)")
				.hasSize(PROCESSES)
				.allMatch((code) -> code == ExitCode.INVALID_CONFIGURATION.code() || code == ExitCode.SUCCESS.code());
			for (int i = 0; i < PROCESSES; i++) {
				if (outcomes.exitCodes.get(i) != ExitCode.SUCCESS.code()) {
					assertRefusal(outcomes.stderr.get(i));
				}
			}
			int refused = outcomes.exceptions.size()
					+ (int) outcomes.exitCodes.stream().filter((code) -> code != ExitCode.SUCCESS.code()).count();
			assertThat(refused).as("runners that refused, of %d", THREADS + PROCESSES).isPositive();
			assertThat(outcomes.applied).as("versions applied, summed over all runners").doesNotHaveDuplicates();
			if (outcomes.applied.isEmpty()) {
				assertNothingApplied(db);
			}
			else {
				assertThat(outcomes.applied).containsExactlyInAnyOrderElementsOf(VERSIONS);
				assertThat(Queries.trackedVersions(db.dataSource(), "public.applied_migrations"))
					.containsExactlyElementsOf(VERSIONS);
				assertThat(Queries.rows(db.dataSource(), "SELECT version FROM side_effects ORDER BY version"))
					.as("one side effect per migration run")
					.containsExactly("1", "2", "3");
			}
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
