package de.paliad.migration.core;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import de.paliad.migration.testing.ForwardingDataSource;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a boot costs in connections and threads: the migration session's connection only,
 * unless a statement actually waits for a lock, which starts the blocker watch and its
 * sampling session. Counted through a real data source that counts
 * {@code getConnection()} calls (no mocks). The embedded server is a direct connection,
 * so {@link LockSessionCheck} opens no probe: every connection counts.
 */
class BootConnectionTests {

	private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);

	@Test
	void nothingPendingOpensOneConnectionAndStartsNoThread(@TempDir Path dir) throws Exception {
		MigrationDirectory files = twoMigrations(dir);
		try (TestDatabase db = TestDatabases.create()) {
			new Migrator(db.dataSource(), configuration(files)).migrate();
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			long threadsBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
			MigrateResult result = new Migrator(counting, configuration(files)).migrate();
			long threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsBefore;
			assertThat(result.applied()).isEmpty();
			assertThat(result.appliedTotal()).isEqualTo(2);
			assertThat(counting.migratorConnections()).as("connections").isEqualTo(1);
			assertThat(threadsStarted).as("threads started by the boot check").isZero();
		}
	}

	@Test
	void pendingMigrationThatDoesNotWaitOpensNoWatchConnection(@TempDir Path dir) throws Exception {
		MigrationDirectory files = twoMigrations(dir);
		try (TestDatabase db = TestDatabases.create()) {
			new Migrator(db.dataSource(), configuration(files)).migrate();
			files.write("3_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email text;");
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			MigrateResult result = new Migrator(counting, configuration(files)).migrate();
			assertThat(result.applied()).extracting(Migration::version).containsExactly(3L);
			assertThat(counting.migratorConnections()).as("connections").isEqualTo(1);
		}
	}

	@Test
	void lockWaitStartsTheWatchWhichNamesTheBlocker(@TempDir Path dir) throws Exception {
		MigrationDirectory files = twoMigrations(dir);
		try (TestDatabase db = TestDatabases.create()) {
			new Migrator(db.dataSource(), configuration(files)).migrate();
			files.write("3_add_email.up.sql", "ALTER TABLE accounts ADD COLUMN email text;");
			try (Connection oldVersion = ConcurrencyTests.connect(db, "old version")) {
				int blockerPid = LockTimeoutRetryTests.openReadTransaction(oldVersion);
				CountingDataSource counting = new CountingDataSource(db.dataSource());
				List<List<SessionInfo>> blocked = new CopyOnWriteArrayList<>();
				MigrationListener listener = new MigrationListener() {
					@Override
					public void blocked(Migration migration, List<SessionInfo> blockers) {
						blocked.add(blockers);
					}
				};
				assertThatExceptionOfType(MigrationFailedException.class)
					.isThrownBy(() -> new Migrator(counting, configuration(files), listener).migrate())
					.satisfies((ex) -> {
						assertThat(ex.sqlState()).isEqualTo("55P03");
						assertThat(ex.getMessage()).contains("pid " + blockerPid);
					});
				assertThat(counting.migratorConnections()).as("the session and the watch's sampling session")
					.isEqualTo(2);
				assertThat(blocked).isNotEmpty()
					.allSatisfy((blockers) -> assertThat(blockers).extracting(SessionInfo::pid).contains(blockerPid));
				oldVersion.rollback();
			}
		}
	}

	private static MigrationDirectory twoMigrations(Path dir) {
		return new MigrationDirectory(dir)
			.write("1_create_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);")
			.write("2_seed_accounts.up.sql", "INSERT INTO accounts VALUES (1), (2);");
	}

	private static MigrationConfiguration configuration(MigrationDirectory files) {
		return MigrationConfiguration.builder()
			.locations(files.location())
			.lockTimeout(LOCK_TIMEOUT)
			.lockRetries(0)
			.build();
	}

	/** A real data source that counts the connections it hands out. */
	private static final class CountingDataSource extends ForwardingDataSource {

		private final AtomicInteger migratorConnections = new AtomicInteger();

		CountingDataSource(DataSource delegate) {
			super(delegate);
		}

		int migratorConnections() {
			return this.migratorConnections.get();
		}

		@Override
		public Connection getConnection() throws SQLException {
			count();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			count();
			return super.getConnection(username, password);
		}

		private void count() {
			this.migratorConnections.incrementAndGet();
		}

	}

}
