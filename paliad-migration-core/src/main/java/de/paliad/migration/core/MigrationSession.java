package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection every operation of the {@link Migrator} runs on: opened from the data
 * source, switched to the configured role, and for changing work holding the migration
 * lock with the tracker prepared. Turns connection-level SQL errors into the migrator's
 * exceptions.
 */
final class MigrationSession {

	private static final Logger logger = LoggerFactory.getLogger(MigrationSession.class);

	private final DataSource dataSource;

	private final MigrationConfiguration configuration;

	private final MigrationListener listener;

	private final Tracker tracker;

	private final AdvisoryLock lock;

	MigrationSession(DataSource dataSource, MigrationConfiguration configuration, MigrationListener listener,
			Tracker tracker) {
		this.dataSource = dataSource;
		this.configuration = configuration;
		this.listener = listener;
		this.tracker = tracker;
		this.lock = new AdvisoryLock(configuration.trackerTable());
	}

	/**
	 * Runs {@code work} on one connection holding the migration lock, after creating the
	 * tracker and importing a legacy tracker unless {@code onDisk} is {@code null}
	 * (read-only work).
	 */
	<T> T withLock(MigrationSet onDisk, LockedWork<T> work) {
		return withConnection((connection) -> {
			long waitStart = System.nanoTime();
			this.listener.stateChanged(MigrationState.WAITING_FOR_LOCK);
			Duration lockWait;
			try {
				this.lock.acquire(connection, this.configuration.lockWaitTimeout(), this.listener);
			}
			finally {
				lockWait = Duration.ofNanos(System.nanoTime() - waitStart);
				this.listener.lockWaited(lockWait);
			}
			logger.debug("Acquired the migration lock on {} in {} ms", this.configuration.tracker(),
					lockWait.toMillis());
			try {
				if (onDisk != null) {
					this.tracker.createSchemaIfMissing(connection);
					this.tracker.create(connection);
					new LegacyTrackerImport(this.configuration.legacyType(), this.configuration.legacyTrackerTable(),
							this.tracker)
						.importIfNeeded(connection, onDisk, this.tracker.readApplied(connection));
				}
				return work.run(connection, lockWait);
			}
			finally {
				releaseQuietly(connection);
			}
		});
	}

	private void releaseQuietly(Connection connection) {
		try {
			this.lock.release(connection);
		}
		catch (SQLException ex) {
			// The session is gone, and a session-level lock goes with it.
			logger.debug("Could not release the migration lock explicitly", ex);
		}
	}

	<T> T withConnection(ConnectionWork<T> work) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException("Cannot connect to the database to run migrations: "
					+ MigrationFailedException.firstLine(ex.getMessage()) + " (SQLSTATE " + ex.getSQLState()
					+ "). Check that the database is up and reachable; the run will not start without it.", ex);
		}
		try (connection) {
			connection.setAutoCommit(true);
			if (this.configuration.role() != null) {
				setRole(connection, this.configuration.role());
			}
			try {
				return work.run(connection);
			}
			finally {
				if (this.configuration.role() != null && !connection.isClosed()) {
					setRole(connection, null);
				}
			}
		}
		catch (SQLException ex) {
			if ((ex.getSQLState() != null && ex.getSQLState().startsWith("08"))
					|| MigrationExecutor.isClosed(connection)) {
				throw new DatabaseUnavailableException("Lost the database connection during the migration run: "
						+ MigrationFailedException.firstLine(ex.getMessage()) + ".", ex);
			}
			throw new TrackerAccessException("Database error while reading or writing the tracker "
					+ this.configuration.tracker() + ": " + MigrationFailedException.firstLine(ex.getMessage())
					+ " (SQLSTATE " + ex.getSQLState() + ").", ex);
		}
	}

	/**
	 * {@code SET ROLE} to a validated identifier, or back to the login role
	 * ({@code null}), so pooled connections go back clean.
	 */
	private static void setRole(Connection connection, String role) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute((role != null) ? "SET ROLE \"" + role + "\"" : "RESET ROLE");
		}
	}

	@FunctionalInterface
	interface ConnectionWork<T> {

		T run(Connection connection) throws SQLException;

	}

	@FunctionalInterface
	interface LockedWork<T> {

		T run(Connection connection, Duration lockWait) throws SQLException;

	}

}
