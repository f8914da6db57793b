package de.paliad.migration.core;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

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
	private static final class CountingDataSource implements DataSource {

		final AtomicInteger opened = new AtomicInteger();

		private final DataSource delegate;

		CountingDataSource(DataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.opened.incrementAndGet();
			return this.delegate.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.opened.incrementAndGet();
			return this.delegate.getConnection(username, password);
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.delegate.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.delegate.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.delegate.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.delegate.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.delegate.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return this.delegate.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return this.delegate.isWrapperFor(type);
		}

	}

}
