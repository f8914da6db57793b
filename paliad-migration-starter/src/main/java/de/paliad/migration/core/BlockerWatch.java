package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a running migration from a second connection and records which sessions block
 * it ({@code pg_blocking_pids}). Once a lock wait has timed out the server no longer knows
 * who was in the way, so the watch samples while the migration waits.
 */
final class BlockerWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BlockerWatch.class);

	private final ConnectionFactory connections;

	private final Duration interval;

	private final MigrationListener listener;

	private final ScheduledExecutorService scheduler;

	private volatile List<SessionInfo> lastBlockers = List.of();

	private ScheduledFuture<?> task;

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
		this.lastBlockers = List.of();
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

	private void sample(Migration migration, int pid) {
		try (Connection connection = this.connections.open()) {
			List<SessionInfo> blockers = SessionQueries.blockersOf(connection, pid);
			if (!blockers.isEmpty()) {
				this.lastBlockers = blockers;
				logger.warn("Migration {} is waiting for a lock held by {}", migration, blockers);
				this.listener.blocked(migration, blockers);
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not sample the sessions blocking migration {}", migration, ex);
		}
	}

	@Override
	public void close() {
		stop();
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
