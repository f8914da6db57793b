package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 14: every tracker error used to be reported as "Lost the database connection",
 * because it was classified after the session had closed the connection; and a lost
 * connection did not say what had committed. A tracker error is a tracker error; a lost
 * connection names what this run committed and whether the migration in flight did.
 */
class ConnectionLossReportTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@Test
	void aDuplicateKeyOnTheTrackerIsATrackerErrorNotALostConnection() {
		this.fixture.files()
			.write("1_orders.up.sql", "CREATE TABLE orders (id bigint);"
					+ " INSERT INTO applied_migrations (version, name) VALUES (1, 'orders');");

		assertThatExceptionOfType(TrackerAccessException.class).isThrownBy(this.fixture.migrator()::migrate)
			.satisfies((ex) -> {
				assertThat(ex.getMessage())
					.contains("public.applied_migrations", "SQLSTATE 23505", "Another run recorded the same migration")
					.doesNotContain("Lost the database connection");
				assertThat(ex.exitCode()).isEqualTo(ExitCode.UNEXPECTED);
				assertThat(ex.isTransient()).isFalse();
			});
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations")).isEmpty();
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "orders")).isFalse();
	}

	@Test
	void aLostConnectionNamesWhatCommittedAndThatTheTransactionInFlightDidNot() throws Exception {
		this.fixture.files()
			.write("1_orders.up.sql", "CREATE TABLE orders (id bigint);")
			.write("2_slow.up.sql", "CREATE TABLE invoices (id bigint); SELECT pg_sleep(30);");

		CompletableFuture<Void> killer = terminateWhenSleeping();
		assertThatExceptionOfType(DatabaseUnavailableException.class).isThrownBy(this.fixture.migrator()::migrate)
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("Lost the database connection",
						"Committed by this run: 1 (1_orders.up.sql).", "In flight: 2 (2_slow.up.sql): not committed");
				assertThat(ex.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
				assertThat(ex.isTransient()).isTrue();
			});
		killer.get(30, TimeUnit.SECONDS);
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(1L);
	}

	@Test
	void aLostConnectionUnderANoTransactionMigrationSaysToCheckTheTracker() throws Exception {
		this.fixture.files()
			.write("1_orders.up.sql", "CREATE TABLE orders (id bigint);")
			.write("2_slow.up.sql", "-- paliad:no-transaction\nSELECT pg_sleep(30);");

		CompletableFuture<Void> killer = terminateWhenSleeping();
		assertThatExceptionOfType(DatabaseUnavailableException.class).isThrownBy(this.fixture.migrator()::migrate)
			.withMessageContaining("Lost the database connection")
			.withMessageContaining("Committed by this run: 1 (1_orders.up.sql).")
			.withMessageContaining("In flight: 2 (2_slow.up.sql), a no-transaction migration")
			.withMessageContaining("unknown — check the tracker");
		killer.get(30, TimeUnit.SECONDS);
	}

	@Test
	void aLostConnectionBeforeAnyMigrationSaysNothingCommitted() throws Exception {
		this.fixture.files().write("1_slow.up.sql", "SELECT pg_sleep(30);");

		CompletableFuture<Void> killer = terminateWhenSleeping();
		assertThatExceptionOfType(DatabaseUnavailableException.class).isThrownBy(this.fixture.migrator()::migrate)
			.withMessageContaining("No migration of this run had committed.")
			.withMessageContaining("In flight: 1 (1_slow.up.sql): not committed");
		killer.get(30, TimeUnit.SECONDS);
	}

	/** Terminates the backend that runs pg_sleep, once it does; gives up after 30 s. */
	private CompletableFuture<Void> terminateWhenSleeping() {
		return CompletableFuture.runAsync(() -> {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			try (Connection connection = this.fixture.db().dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				while (System.nanoTime() < deadline) {
					try (ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
							+ " WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()"
							+ " AND datname = current_database()")) {
						if (rs.next()) {
							return;
						}
					}
					Thread.sleep(50);
				}
				throw new IllegalStateException("No migration ran pg_sleep within 30 s");
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
