package de.paliad.migration.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * Many instances of a service boot at once against one database: each migration must run
 * exactly once, no runner may fail, and a runner that waits says who it waits for.
 */
class ConcurrencyTests {

	private static final int MIGRATIONS = 10;

	private static final int RUNNERS = 8;

	private static final int PROCESSES = 8;

	private static final long NO_TRANSACTION_VERSION = 6;

	private static final Duration BOUND = Duration.ofMinutes(3);

	@Test
	void eightRunnersApplyEachMigrationExactlyOnce(@TempDir Path dir) throws Exception {
		MigrationDirectory files = writeMigrations(dir);
		try (TestDatabase db = TestDatabases.create()) {
			CyclicBarrier start = new CyclicBarrier(RUNNERS);
			ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
			try {
				List<Future<MigrateResult>> runs = new ArrayList<>();
				for (int i = 0; i < RUNNERS; i++) {
					// A Migrator of its own per runner, as in separate containers; the
					// data
					// source is unpooled, so every runner has its own connections.
					Migrator migrator = new Migrator(db.dataSource(), configuration(files).build());
					runs.add(pool.submit(() -> {
						start.await(30, TimeUnit.SECONDS);
						return migrator.migrate();
					}));
				}
				List<Long> appliedByRunners = new ArrayList<>();
				List<String> failures = new ArrayList<>();
				for (Future<MigrateResult> run : runs) {
					try {
						run.get(BOUND.toSeconds(), TimeUnit.SECONDS)
							.applied()
							.forEach((migration) -> appliedByRunners.add(migration.version()));
					}
					catch (ExecutionException ex) {
						failures.add(ex.getCause().toString());
					}
				}
				assertThat(failures).as("runners that threw").isEmpty();
				assertThat(appliedByRunners).as("versions applied, summed over all runners")
					.containsExactlyInAnyOrderElementsOf(allVersions());
			}
			finally {
				pool.shutdownNow();
			}
			assertExactlyOnce(db);
		}
	}

	@Test
	void eightProcessesApplyEachMigrationExactlyOnce(@TempDir Path dir) throws Exception {
		MigrationDirectory files = writeMigrations(dir.resolve("migrations"));
		try (TestDatabase db = TestDatabases.create()) {
			List<MigrateMainProcess> runners = new ArrayList<>();
			try {
				for (int i = 0; i < PROCESSES; i++) {
					runners.add(MigrateMainProcess.start(db, files, dir.resolve("runner-" + i + ".err")));
				}
				for (MigrateMainProcess runner : runners) {
					runner.awaitReady(Duration.ofMinutes(2));
				}
				// All JVMs are up and have read the migrations: release them together.
				for (MigrateMainProcess runner : runners) {
					runner.go();
				}
				List<Long> appliedByProcesses = new ArrayList<>();
				for (MigrateMainProcess runner : runners) {
					int exitCode = runner.awaitExit(BOUND);
					assertThat(exitCode).as("exit code of %s", runner).isEqualTo(ExitCode.SUCCESS.code());
					appliedByProcesses.addAll(runner.applied());
				}
				assertThat(appliedByProcesses).as("versions applied, summed over all processes")
					.containsExactlyInAnyOrderElementsOf(allVersions());
			}
			finally {
				runners.forEach(MigrateMainProcess::destroy);
			}
			assertExactlyOnce(db);
		}
	}

	@Test
	void runnerThatCannotGetTheLockNamesTheHolder(@TempDir Path dir) throws Exception {
		MigrationDirectory files = new MigrationDirectory(dir).write("1_create_accounts.up.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY);");
		try (TestDatabase db = TestDatabases.create();
				Connection holder = connect(db, "deploy-v41 (still migrating)")) {
			int holderPid = holdMigrationLock(holder);
			Migrator migrator = new Migrator(db.dataSource(),
					configuration(files).lockWaitTimeout(Duration.ofSeconds(1)).build());
			assertThatExceptionOfType(LockNotAcquiredException.class).isThrownBy(migrator::migrate).satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("public.applied_migrations", "pid " + holderPid,
						"application_name 'deploy-v41 (still migrating)'", "pg_terminate_backend");
				assertThat(ex.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
				assertThat(ex.exitCode().code()).isEqualTo(6);
				assertThat(ex.isTransient()).as("a held lock is worth retrying later").isTrue();
			});
			assertThat(Queries.userTables(db.dataSource())).as("tables after giving up on the lock").isEmpty();
		}
	}

	@Test
	void runnerWaitsForTheLockAndMigratesOnceTheHolderReleasesIt(@TempDir Path dir) throws Exception {
		MigrationDirectory files = new MigrationDirectory(dir).write("1_create_accounts.up.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY);");
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		try (TestDatabase db = TestDatabases.create(); Connection holder = connect(db, "deploy-v41")) {
			holdMigrationLock(holder);
			AtomicBoolean released = new AtomicBoolean();
			MigrationListener releaseWhenWaiting = new MigrationListener() {
				@Override
				public void stateChanged(MigrationState state) {
					if (state == MigrationState.WAITING_FOR_LOCK) {
						scheduler.schedule(() -> released.set(releaseMigrationLock(holder)), 500,
								TimeUnit.MILLISECONDS);
					}
				}
			};
			Migrator migrator = new Migrator(db.dataSource(),
					configuration(files).lockWaitTimeout(Duration.ofSeconds(30)).build(), releaseWhenWaiting);
			MigrateResult result = migrator.migrate();
			assertThat(released).as("the holder released the lock").isTrue();
			assertThat(result.applied()).extracting(Migration::version).containsExactly(1L);
			assertThat(result.lockWait()).as("time spent waiting for the holder")
				.isGreaterThanOrEqualTo(Duration.ofMillis(500));
			assertThat(Queries.trackedVersions(db.dataSource(), "public.applied_migrations")).containsExactly(1L);
		}
		finally {
			scheduler.shutdownNow();
		}
	}

	/**
	 * Migration 1 creates the side-effect table; every migration inserts its version into
	 * it. Some sleep, one is a {@code no-transaction} {@code CREATE INDEX CONCURRENTLY},
	 * which deadlocks with a runner that waits for the lock inside a transaction.
	 */
	private static MigrationDirectory writeMigrations(Path dir) {
		MigrationDirectory files = new MigrationDirectory(dir).write("1_create_applied_log.up.sql",
				"CREATE TABLE applied_log (version bigint NOT NULL);\nINSERT INTO applied_log VALUES (1);\n");
		for (long version = 2; version <= MIGRATIONS; version++) {
			if (version == NO_TRANSACTION_VERSION) {
				files.write(version + "_index_applied_log.up.sql",
						"-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY applied_log_version_idx"
								+ " ON applied_log (version);\nINSERT INTO applied_log VALUES (" + version + ");\n");
				continue;
			}
			String slow = (version % 3 == 0) ? "SELECT pg_sleep(0.2);\n" : "";
			files.write(String.format("%03d_step_%d.up.sql", version, version), slow + "CREATE TABLE step_" + version
					+ " (id bigint);\nINSERT INTO applied_log VALUES (" + version + ");\n");
		}
		return files;
	}

	private static List<Long> allVersions() {
		return LongStream.rangeClosed(1, MIGRATIONS).boxed().toList();
	}

	private static void assertExactlyOnce(TestDatabase db) {
		assertThat(Queries.rows(db.dataSource(),
				"SELECT version, count(*) FROM applied_log GROUP BY version ORDER BY version"))
			.as("side effects per version (version|count)")
			.containsExactlyElementsOf(allVersions().stream().map((version) -> version + "|1").toList());
		assertThat(Queries.trackedVersions(db.dataSource(), "public.applied_migrations")).as("tracker")
			.containsExactlyElementsOf(allVersions());
		assertThat(Queries.value(db.dataSource(),
				"SELECT bool_and(indisvalid) FROM pg_index"
						+ " WHERE indexrelid = 'applied_log_version_idx'::regclass"))
			.as("the concurrently built index is valid")
			.isEqualTo("t");
	}

	private static MigrationConfiguration.Builder configuration(MigrationDirectory files) {
		return MigrationConfiguration.builder().locations(files.location()).lockWaitTimeout(BOUND.dividedBy(2));
	}

	static Connection connect(TestDatabase db, String applicationName) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", db.user());
		properties.setProperty("password", db.password());
		properties.setProperty("ApplicationName", applicationName);
		return DriverManager.getConnection(db.jdbcUrl(), properties);
	}

	/**
	 * Takes the default tracker's migration lock on {@code holder}; returns its backend
	 * pid.
	 */
	static int holdMigrationLock(Connection holder) throws SQLException {
		try (PreparedStatement statement = holder.prepareStatement("SELECT pg_advisory_lock(?), pg_backend_pid()")) {
			statement.setLong(1, AdvisoryLock.keyOf(new TableName("public", "applied_migrations")));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(2);
			}
		}
	}

	static boolean releaseMigrationLock(Connection holder) {
		try (PreparedStatement statement = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, AdvisoryLock.keyOf(new TableName("public", "applied_migrations")));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
