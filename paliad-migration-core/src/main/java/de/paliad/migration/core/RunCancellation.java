package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request, from another thread (a shutdown hook), that the running {@code migrate}
 * stops: no further migration starts, a wait for the migration lock ends, and the
 * statement in flight of a transactional migration is cancelled on the server, so its
 * transaction — the tracker row included — rolls back. A {@code no-transaction} migration
 * in flight is not cancelled: cancelling {@code CREATE INDEX CONCURRENTLY} part-way
 * leaves an invalid index behind.
 * <p>
 * A cancel that reaches the server while the session is between two statements is ignored
 * there, so the requester repeats {@link #cancel()} until the run has ended.
 */
final class RunCancellation {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	/** SQLSTATE of a statement cancelled by a cancel request. */
	private static final String QUERY_CANCELED = "57014";

	/** SQLSTATE of lock_timeout: its retry is skipped once a stop was requested. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private volatile boolean requested;

	private volatile @Nullable Thread runner;

	private volatile @Nullable Connection connection;

	private volatile boolean transactional;

	private volatile int appliedByThisRun;

	/** Asks the run to stop and cancels what it is doing, if it may be. */
	void cancel() {
		this.requested = true;
		Connection connection = this.connection;
		if (connection == null) {
			// Not migrating yet: loading files or waiting for the lock, which polls with
			// a sleep that an interrupt ends.
			Thread runner = this.runner;
			if (runner != null) {
				runner.interrupt();
			}
			return;
		}
		if (!this.transactional) {
			return;
		}
		try {
			connection.unwrap(PGConnection.class).cancelQuery();
		}
		catch (SQLException ex) {
			// The connection is closing or gone: nothing left to cancel on it.
			logger.debug("Could not send a cancel request: {}", ex.getMessage());
		}
	}

	boolean requested() {
		return this.requested;
	}

	/** A run starts on the calling thread. */
	void started() {
		this.runner = Thread.currentThread();
		this.appliedByThisRun = 0;
	}

	/**
	 * The run is about to start the next migration(s) on {@code connection}.
	 * @throws MigrationCancelledException when a stop was requested
	 */
	void starting(Connection connection, boolean transactional, int appliedByThisRun) {
		this.transactional = transactional;
		this.appliedByThisRun = appliedByThisRun;
		this.connection = connection;
		if (this.requested) {
			throw new MigrationCancelledException(null, appliedByThisRun);
		}
	}

	/**
	 * Whether a migration that failed with {@code sqlState} failed because of the stop.
	 */
	boolean cancelled(@Nullable String sqlState) {
		return this.requested && (QUERY_CANCELED.equals(sqlState) || LOCK_NOT_AVAILABLE.equals(sqlState));
	}

	int appliedByThisRun() {
		return this.appliedByThisRun;
	}

	/**
	 * The run's failure as the operator should read it: a lock wait ended by the stop is
	 * the stop, not a lock problem.
	 */
	MigrationException explain(MigrationException failure) {
		if (this.requested && failure instanceof LockNotAcquiredException) {
			return new MigrationCancelledException(null, this.appliedByThisRun);
		}
		return failure;
	}

	/** The run ended; nothing to cancel any more. */
	void finished() {
		this.connection = null;
		this.runner = null;
		// An interrupt sent as the run ended must not hit what the thread does next.
		Thread.interrupted();
	}

}
