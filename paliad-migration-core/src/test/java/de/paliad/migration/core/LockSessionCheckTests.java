package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import de.paliad.migration.testing.ForwardingDataSource;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check on a direct connection costs no second connection (issue 11: none at boot
 * unless a lock wait happens); the pooler side is in {@link PoolerSafetyTests}.
 */
class LockSessionCheckTests {

	@Test
	void aDirectConnectionTakesTheLockWithoutAProbeConnection() throws Exception {
		try (TestDatabase db = TestDatabases.create()) {
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			MigrationConfiguration configuration = MigrationConfiguration.builder().build();
			MigrationSession session = MigrationSession.open(counting, configuration, MigrationListener.NONE,
					new Tracker(configuration.trackerTable()));
			try (session) {
				session.lock();
				assertThat(Queries.advisoryLocks(db.dataSource())).as("the lock and this run's identity lock")
					.isEqualTo(2);
			}
			assertThat(counting.opened.get()).as("connections opened for the session and its lock").isEqualTo(1);
			assertThat(Queries.advisoryLocks(db.dataSource())).as("advisory locks left behind").isZero();
		}
	}

	/** Counts the connections a real data source hands out. */
	private static final class CountingDataSource extends ForwardingDataSource {

		final AtomicInteger opened = new AtomicInteger();

		CountingDataSource(DataSource delegate) {
			super(delegate);
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.opened.incrementAndGet();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.opened.incrementAndGet();
			return super.getConnection(username, password);
		}

	}

}
