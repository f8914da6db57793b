package de.paliad.migration.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Migrator#cancel()}, what a shutdown hook calls on SIGTERM: the migration in
 * flight rolls back with its tracker row, no further migration starts, the lock is
 * released, and the run ends with {@link MigrationCancelledException} (transient, so the
 * next start goes on), not with a migration failure.
 */
class MigrationCancelTests {

	private static final String TRACKER = "public.applied_migrations";

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@Test
	void cancelDuringAStatementRollsBackThatMigrationAndStartsNoOther() throws Exception {
		this.fixture.files()
			.write("1_first.up.sql", "CREATE TABLE first (id int);")
			.write("2_slow.up.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(60);")
			.write("3_third.up.sql", "CREATE TABLE third (id int);");
		Migrator migrator = this.fixture.migrator();
		CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(migrator::migrate);
		awaitSleepingBackend();
		cancelUntilDone(migrator, run);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(run::join)
			.havingCause()
			.isInstanceOfSatisfying(MigrationCancelledException.class, (ex) -> {
				assertThat(ex.rolledBack()).extracting(Migration::version).isEqualTo(2L);
				assertThat(ex.isTransient()).isTrue();
				assertThat(ex.getMessage()).contains("stopped by a shutdown after applying 1 migration(s)",
						"2_slow.up.sql", "rolled back");
			});
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), TRACKER)).containsExactly(1L);
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "slow")).isFalse();
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "third")).isFalse();
		assertThat(Queries.advisoryLocks(this.fixture.db().dataSource())).isZero();
		// The next start applies the rest.
		this.fixture.files().write("2_slow.up.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(0);");
		assertThat(this.fixture.migrator().migrate().applied()).extracting(Migration::version).containsExactly(2L, 3L);
	}

	@Test
	void aRunAskedToStopBeforeItStartsAppliesNothing() {
		this.fixture.files().write("1_first.up.sql", "CREATE TABLE first (id int);");
		Migrator migrator = this.fixture.migrator();
		migrator.cancel();
		assertThatExceptionOfType(MigrationCancelledException.class).isThrownBy(migrator::migrate)
			.satisfies((ex) -> assertThat(ex.rolledBack()).isNull());
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "first")).isFalse();
		assertThat(Queries.advisoryLocks(this.fixture.db().dataSource())).isZero();
	}

	@Test
	void aFailureWithoutAStopIsStillAMigrationFailure() {
		// The negative: a statement cancelled by somebody else (no stop requested) is the
		// migration's failure, reported as such.
		this.fixture.files().write("1_cancelled.up.sql", "SET LOCAL statement_timeout = '10ms';\nSELECT pg_sleep(1);");
		Migrator migrator = this.fixture.migrator();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("57014"));
	}

	private void awaitSleepingBackend() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (!"0".equals(Queries.value(this.fixture.db().dataSource(),
					"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"))) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The slow migration never started");
	}

	private static void cancelUntilDone(Migrator migrator, CompletableFuture<?> run) throws Exception {
		while (!run.isDone()) {
			migrator.cancel();
			try {
				run.get(200, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// Not done yet, or done with the expected failure: checked by the caller.
			}
		}
	}

}
