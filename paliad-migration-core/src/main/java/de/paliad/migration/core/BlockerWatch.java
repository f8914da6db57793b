package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a running migration from a second connection and records which sessions block
 * it ({@code pg_blocking_pids}). Once a lock wait has timed out the server no longer
 * knows who was in the way, so the watch samples while the migration waits. The sampling
 * session is opened as soon as a migration starts and reused: opening one per sample took
 * long enough on a loaded host that samples missed short lock waits, and the failure
 * named no blocker.
 */
final class BlockerWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BlockerWatch.class);

	private final ConnectionFactory connections;

	private final Duration interval;

	private final MigrationListener listener;

	private final ScheduledExecutorService scheduler;

	private volatile List<SessionInfo> lastBlockers = List.of();

	private @Nullable ScheduledFuture<?> task;

	private @Nullable Migration watched;

	/** The sampling session; used only on the scheduler's thread. */
	private @Nullable Connection connection;

	BlockerWatch(ConnectionFactory connections, Duration lockTimeout, MigrationListener listener) {
		this.connections = connections;
		long halfMillis = lockTimeout.isZero() ? 1000 : Math.max(100, lockTimeout.toMillis() / 2);
		this.interval = Duration.ofMillis(halfMillis);
		this.listener = listener;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "paliad-migration-blocker-watch");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Starts sampling the blockers of {@code pid} while {@code migration} runs. */
	synchronized void watch(Migration migration, int pid) {
		stop();
		if (migration != this.watched) {
			// A retry keeps what earlier attempts saw, in case its own sample comes too
			// late.
			this.watched = migration;
			this.lastBlockers = List.of();
		}
		this.scheduler.execute(this::connectQuietly);
		this.task = this.scheduler.scheduleWithFixedDelay(() -> sample(migration, pid), this.interval.toMillis(),
				this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
	}

	List<SessionInfo> lastBlockers() {
		return this.lastBlockers;
	}

	private void connectQuietly() {
		try {
			if (this.connection == null) {
				this.connection = this.connections.open();
				// Autocommit: an open transaction here would make CREATE INDEX
				// CONCURRENTLY wait.
				this.connection.setAutoCommit(true);
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not open a session to watch for blocking sessions", ex);
		}
	}

	private void disconnectQuietly() {
		try {
			if (this.connection != null) {
				this.connection.close();
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not close the blocker watch session", ex);
		}
		this.connection = null;
	}

	private void sample(Migration migration, int pid) {
		try {
			connectQuietly();
			if (this.connection == null) {
				return;
			}
			List<SessionInfo> blockers = SessionQueries.blockersOf(this.connection, pid);
			if (!blockers.isEmpty()) {
				this.lastBlockers = blockers;
				logger.warn("Migration {} is waiting for a lock held by {}", migration, blockers);
				this.listener.blocked(migration, blockers);
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not sample the sessions blocking migration {}", migration, ex);
			disconnectQuietly();
		}
	}

	@Override
	public void close() {
		stop();
		this.scheduler.execute(this::disconnectQuietly);
		this.scheduler.shutdown();
		try {
			this.scheduler.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.scheduler.shutdownNow();
	}

	/**
	 * Opens a connection to the migrated database.
	 */
	@FunctionalInterface
	interface ConnectionFactory {

		Connection open() throws SQLException;

	}

}
