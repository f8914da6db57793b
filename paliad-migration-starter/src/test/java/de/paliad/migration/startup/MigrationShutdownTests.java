package de.paliad.migration.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.MigrationCancelledException;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link MigrationShutdown} with the {@link FailureHandler} and the
 * {@link MigrationStopReporter}: a shutdown during a real migration (a {@code pg_sleep}
 * inside its transaction) cancels it after the wait, the migration rolls back with its
 * tracker row, and the startup is reported as stopped, without an exit code of the
 * migrator. The real SIGTERM of a real JVM is the fault suite's
 * {@code SigtermFaultTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationShutdownTests {

	private final List<Integer> exits = new CopyOnWriteArrayList<>();

	private TestDatabase db;

	@BeforeEach
	void database() {
		this.db = TestDatabases.create();
	}

	@AfterEach
	void drop() {
		this.db.close();
	}

	@Test
	void aShutdownCancelsTheSlowMigrationAfterTheWaitAndTheStartupIsReportedAsStopped(@TempDir Path dir,
			CapturedOutput output) throws Exception {
		Migrator migrator = migrator(new MigrationDirectory(dir).write("1_first.up.sql", "CREATE TABLE first (id int);")
			.write("2_slow.up.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(60);"));
		MigrationShutdown shutdown = new MigrationShutdown(Duration.ofMillis(300));
		FailureHandler failures = new FailureHandler(OnFailure.EXIT, this.exits::add, null, shutdown);
		MigrationShutdown.Watch watch = shutdown.watch(migrator);
		CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(migrator::migrate);
		awaitSleepingBackend();
		CompletableFuture<Void> hook = CompletableFuture.runAsync(watch::shutdown);
		Throwable failure = run.handle((result, ex) -> ex.getCause()).join();
		watch.close();
		hook.join();
		assertThat(failure).isInstanceOf(MigrationCancelledException.class);
		assertThat(shutdown.requested()).isTrue();
		assertThatExceptionOfType(MigrationStoppedException.class)
			.isThrownBy(() -> failures.runFailed((RuntimeException) failure))
			.withMessageContaining("stopped by a shutdown after applying 1 migration(s)");
		assertThat(this.exits).as("no exit during a shutdown: the JVM is exiting already").isEmpty();
		assertThat(Queries.trackedVersions(this.db.dataSource(), "public.applied_migrations")).containsExactly(1L);
		assertThat(Queries.relationExists(this.db.dataSource(), "slow")).isFalse();
		assertThat(Queries.advisoryLocks(this.db.dataSource())).isZero();
		assertThat(output).contains("waiting up to 300 ms for the run to finish")
			.contains("did not finish within 300 ms: cancelling it")
			.contains("Migration run stopped: The migration run was stopped by a shutdown")
			.doesNotContain("Migration run failed");
		MigrationStopReporter reporter = new MigrationStopReporter();
		assertThat(reporter.reportException(new BeanCreationException("paliadMigrationInitializer", "init failed",
				new MigrationStoppedException((MigrationCancelledException) failure))))
			.isTrue();
		assertThat(output).contains("Startup stopped by a shutdown during the migrations (not a failure)");
	}

	@Test
	void withoutAShutdownTheSameFailureEndsTheProcessAndIsNotReportedAsAStop(@TempDir Path dir) {
		// The negative of the guard: a cancelled run with no shutdown under way is a
		// failure with its exit code, and the reporter leaves other failures to Boot.
		Migrator migrator = migrator(
				new MigrationDirectory(dir).write("1_first.up.sql", "CREATE TABLE first (id int);"));
		migrator.cancel();
		MigrationCancelledException failure = catchThrowableOfType(MigrationCancelledException.class,
				migrator::migrate);
		FailureHandler failures = new FailureHandler(OnFailure.EXIT, this.exits::add, null,
				new MigrationShutdown(Duration.ofSeconds(5)));
		assertThatExceptionOfType(MigrationStartupException.class).isThrownBy(() -> failures.runFailed(failure));
		assertThat(this.exits).containsExactly(6);
		assertThat(new MigrationStopReporter().reportException(new MigrationStartupException(failure))).isFalse();
	}

	private Migrator migrator(MigrationDirectory files) {
		return new Migrator(this.db.dataSource(), MigrationConfiguration.builder().locations(files.location()).build());
	}

	private void awaitSleepingBackend() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (!"0".equals(Queries.value(this.db.dataSource(),
					"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"))) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The slow migration never started");
	}

}
