package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection one operation of the {@link Migrator} runs on: opened from the data
 * source, switched to the configured role, and for changing work holding the migration
 * lock with the tracker prepared. Closing it releases the lock, resets the role and
 * closes the connection. A connection-level SQL error becomes the migrator's exception
 * through {@link #failure(SQLException)}, once the session is closed:
 *
 * <pre>{@code
 * MigrationSession session = context.openSession();
 * try (session) {
 *     ...
 * }
 * catch (SQLException ex) {
 *     throw session.failure(ex);
 * }
 * }</pre>
 */
final class MigrationSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MigrationSession.class);

	/** The server ended the session: admin, crash or startup shutdown. */
	private static final Set<String> SESSION_ENDED_STATES = Set.of("57P01", "57P02", "57P03");

	private static final int RELEASE_ATTEMPTS = 10;

	private final Connection connection;

	private final DataSource dataSource;

	private final MigrationConfiguration configuration;

	private final MigrationListener listener;

	private final Tracker tracker;

	private final AdvisoryLock lock;

	private final RunProgress progress = new RunProgress();

	private boolean locked;

	private @Nullable Integer backendPid;

	/** Whether the connection was gone when {@link #close()} began; null before. */
	private @Nullable Boolean lostBeforeClose;

	private MigrationSession(Connection connection, DataSource dataSource, MigrationConfiguration configuration,
			MigrationListener listener, Tracker tracker) {
		this.connection = connection;
		this.dataSource = dataSource;
		this.configuration = configuration;
		this.listener = listener;
		this.tracker = tracker;
		this.lock = new AdvisoryLock(configuration.trackerTable());
	}

	/**
	 * Connects, in autocommit, as the configured role.
	 * @throws DatabaseUnavailableException when the database cannot be reached
	 */
	static MigrationSession open(DataSource dataSource, MigrationConfiguration configuration,
			MigrationListener listener, Tracker tracker) {
		Connection connection;
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException("Cannot connect to the database to run migrations: "
					+ MigrationFailedException.firstLine(ex.getMessage()) + " (SQLSTATE " + ex.getSQLState()
					+ "). Check that the database is up and reachable; the run will not start without it.", ex);
		}
		MigrationSession session = new MigrationSession(connection, dataSource, configuration, listener, tracker);
		try {
			connection.setAutoCommit(true);
			String role = configuration.role();
			if (role != null) {
				setRole(connection, role);
			}
			return session;
		}
		catch (SQLException ex) {
			// Classified before closing: a connection closed by us is not a lost one.
			MigrationException failure = session.failure(ex);
			try {
				connection.close();
			}
			catch (SQLException closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			throw failure;
		}
	}

	Connection connection() {
		return this.connection;
	}

	/** What this session's run has committed and has in flight. */
	RunProgress progress() {
		return this.progress;
	}

	/**
	 * Proves that the connection is a session of its own (at no cost on a direct
	 * connection, see {@link LockSessionCheck}), waits for the migration lock, reporting
	 * the wait to the listener, and through a pooler proves that the session holds it.
	 * Alone, for read-only work that must not run beside a migration (the dry run).
	 * @return how long it took
	 * @throws LockNotAcquiredException when {@code lock-wait-timeout} passes
	 * @throws TransactionPoolingException when the connection goes through a pooler in
	 * transaction pooling mode
	 */
	Duration lock() throws SQLException {
		int pid = backendPid();
		LockSessionCheck check = new LockSessionCheck(this.lock, this.dataSource::getConnection);
		check.verifyBeforeLock(this.connection, pid);
		Duration lockWait;
		long waitStart = System.nanoTime();
		this.listener.stateChanged(MigrationState.WAITING_FOR_LOCK);
		try {
			this.lock.acquire(this.connection, this.configuration.lockWaitTimeout(), this.listener, pid);
		}
		finally {
			lockWait = Duration.ofNanos(System.nanoTime() - waitStart);
			this.listener.lockWaited(lockWait);
		}
		this.locked = true;
		check.verifyLocked(this.connection, pid);
		logger.debug("Acquired the migration lock on {} in {} ms", this.configuration.trackerTable(),
				lockWait.toMillis());
		return lockWait;
	}

	/**
	 * Waits for the migration lock, then creates the tracker and imports a legacy tracker
	 * if configured: the start of every operation that changes the applied set.
	 * @param onDisk the migrations on disk, for the legacy import
	 * @return how long the lock took
	 */
	Duration lockForChanges(MigrationSet onDisk) throws SQLException {
		Duration lockWait = lock();
		prepareTracker(onDisk);
		return lockWait;
	}

	/**
	 * Creates the tracker (and its schema) and imports a legacy tracker if configured;
	 * under the lock.
	 * @param onDisk the migrations on disk, for the legacy import
	 */
	void prepareTracker(MigrationSet onDisk) throws SQLException {
		this.tracker.createSchemaIfMissing(this.connection);
		this.tracker.create(this.connection);
		if (this.configuration.legacyType() != LegacyTrackerType.NONE) {
			// Only an import needs the applied set here; without one, reading it would
			// fetch every row a second time.
			new LegacyTrackerImport(this.configuration.legacyType(), this.configuration.legacyTrackerTable(),
					this.tracker)
				.importIfNeeded(this.connection, onDisk, this.tracker.readApplied(this.connection));
		}
	}

	/**
	 * The session's backend pid, asked once: a round trip per migration adds up over
	 * thousands.
	 */
	int backendPid() throws SQLException {
		Integer pid = this.backendPid;
		if (pid == null) {
			pid = SessionQueries.backendPid(this.connection);
			this.backendPid = pid;
		}
		return pid;
	}

	/**
	 * Whether the connection is gone. A pool (Hikari) closes a connection whose server
	 * session died.
	 */
	boolean isClosed() {
		try {
			return this.connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	/**
	 * The migrator's exception for a database error outside any migration's SQL.
	 * @param ex the error
	 * @return the exception to throw
	 */
	MigrationException failure(SQLException ex) {
		if (isConnectionLoss(ex)) {
			return connectionLost(ex);
		}
		String hint = "23505".equals(ex.getSQLState())
				? " Another run recorded the same migration at the same time, so the migration lock did not keep it"
						+ " out: is the connection going through a pooler in transaction pooling mode?"
				: "";
		return new TrackerAccessException("Database error while reading or writing the tracker "
				+ this.configuration.trackerTable() + ": " + MigrationFailedException.firstLine(ex.getMessage())
				+ " (SQLSTATE " + ex.getSQLState() + ")." + hint, ex);
	}

	/**
	 * Whether {@code ex} means the session is gone: a connection exception (class 08),
	 * the server ending the session, or a connection that was already closed when this
	 * session was closed. Never decided by the state after {@link #close()}, which closes
	 * the connection in every case.
	 */
	boolean isConnectionLoss(SQLException ex) {
		String state = ex.getSQLState();
		if (state != null && (state.startsWith("08") || SESSION_ENDED_STATES.contains(state))) {
			return true;
		}
		Boolean lost = this.lostBeforeClose;
		return (lost != null) ? lost : isClosed();
	}

	/**
	 * The report of a lost connection: what this run committed, and whether the migration
	 * in flight did.
	 */
	DatabaseUnavailableException connectionLost(SQLException ex) {
		return new DatabaseUnavailableException("Lost the database connection during the migration run: "
				+ MigrationFailedException.firstLine(ex.getMessage()) + " (SQLSTATE " + ex.getSQLState() + "). "
				+ this.progress.describe() + " The next run applies whatever is still pending.", ex);
	}

	/**
	 * Releases the lock, resets the role so pooled connections go back clean, and closes
	 * the connection.
	 */
	@Override
	public void close() throws SQLException {
		this.lostBeforeClose = isClosed();
		try (this.connection) {
			if (this.locked) {
				releaseQuietly();
			}
			if (this.configuration.role() != null && !this.connection.isClosed()) {
				setRole(this.connection, null);
			}
		}
	}

	/**
	 * Releases the lock on the backend that holds it. Through a pooler in transaction
	 * pooling mode (a refused run) the statement may reach another backend; a few more
	 * attempts usually reach the right one, which the pooler hands out last-in first-out.
	 */
	private void releaseQuietly() {
		try {
			int pid = backendPid();
			for (int attempt = 1; !this.lock.release(this.connection, pid) && attempt < RELEASE_ATTEMPTS; attempt++) {
				Thread.sleep(attempt * 10L);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (SQLException ex) {
			// The session is gone, and a session-level lock goes with it.
			logger.debug("Could not release the migration lock explicitly", ex);
		}
	}

	/**
	 * {@code SET ROLE} to a validated identifier, or back to the login role
	 * ({@code null}).
	 */
	private static void setRole(Connection connection, @Nullable String role) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute((role != null) ? "SET ROLE \"" + role + "\"" : "RESET ROLE");
		}
	}

}
