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
 * knows who was in the way, so the watch samples while the migration waits.
 * <p>
 * Nothing is paid for a statement that does not wait: the timer thread starts with the
 * first watched migration, and the sampling session is opened only when a statement is
 * still running half a sampling interval after it started (a quarter of
 * {@code lock-timeout}), then reused for the rest of the run. Opening one per sample took
 * long enough on a loaded host that samples missed short lock waits, and the failure
 * named no blocker; opening it up front cost every run a second connection.
 */
final class BlockerWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BlockerWatch.class);

	/** The timer thread's name. */
	static final String THREAD_NAME = "paliad-migration-blocker-watch";

	private final ConnectionFactory connections;

	private final Duration interval;

	private final MigrationListener listener;

	/** Created with the first watched migration; null before. */
	private @Nullable ScheduledExecutorService scheduler;

	private volatile List<SessionInfo> lastBlockers = List.of();

	private @Nullable ScheduledFuture<?> task;

	private @Nullable Migration watched;

	/** The sampling session; used only on the scheduler's thread. */
	private @Nullable Connection connection;

	private boolean connectionOpened;

	BlockerWatch(ConnectionFactory connections, Duration lockTimeout, MigrationListener listener) {
		this.connections = connections;
		long halfMillis = lockTimeout.isZero() ? 1000 : Math.max(100, lockTimeout.toMillis() / 2);
		this.interval = Duration.ofMillis(halfMillis);
		this.listener = listener;
	}

	/**
	 * Whether the watch ever opened its sampling session: only when a statement waited.
	 */
	synchronized boolean connected() {
		return this.connectionOpened;
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
		ScheduledExecutorService timer = this.scheduler;
		if (timer == null) {
			timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, THREAD_NAME);
				thread.setDaemon(true);
				return thread;
			});
			this.scheduler = timer;
		}
		// The first sample connects; it comes early enough that a wait shorter than
		// lock-timeout is still seen.
		long first = Math.max(1, this.interval.toMillis() / 2);
		this.task = timer.scheduleWithFixedDelay(() -> sample(migration, pid), first, this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
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
				synchronized (this) {
					this.connectionOpened = true;
				}
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
		ScheduledExecutorService timer;
		synchronized (this) {
			stop();
			timer = this.scheduler;
		}
		if (timer == null) {
			return;
		}
		timer.execute(this::disconnectQuietly);
		timer.shutdown();
		try {
			timer.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		timer.shutdownNow();
	}

	/**
	 * Opens a connection to the migrated database.
	 */
	@FunctionalInterface
	interface ConnectionFactory {

		Connection open() throws SQLException;

	}

}
