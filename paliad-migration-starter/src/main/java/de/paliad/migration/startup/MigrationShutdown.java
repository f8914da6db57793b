package de.paliad.migration.startup;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.paliad.migration.core.Migrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a shutdown (SIGTERM from {@code docker stop}, a Swarm or Kubernetes rollout) does
 * to a migration run at startup: it waits up to {@code paliad.migration.shutdown-wait}
 * for the run to finish, then cancels it — the transactional migration in flight rolls
 * back with its tracker row, no further one starts — and waits up to {@link #CANCEL_WAIT}
 * more for the run to end. Without this, Spring's own shutdown hook waits for the startup
 * to finish, however long the migrations take, until the orchestrator's SIGKILL.
 * <p>
 * The default wait stays well below Docker's default stop grace period (10 s), so that
 * wait, cancel and the context's close fit into it.
 */
public final class MigrationShutdown {

	/** How long a cancelled run may take to end; the server answers a cancel at once. */
	static final Duration CANCEL_WAIT = Duration.ofSeconds(3);

	/**
	 * How often the cancel is repeated: one that lands between two statements is lost.
	 */
	private static final long CANCEL_EVERY_MS = 200;

	private static final Logger logger = LoggerFactory.getLogger(MigrationShutdown.class);

	private final Duration wait;

	private volatile boolean requested;

	/**
	 * Creates the shutdown handling.
	 * @param wait how long a shutdown waits for the migration run before cancelling it
	 */
	public MigrationShutdown(Duration wait) {
		this.wait = wait;
	}

	/**
	 * Whether a shutdown began while a run was watched: a failure of that run is the
	 * shutdown's doing, and the process must not be ended by {@link ProcessExit} (the JVM
	 * is already exiting).
	 * @return whether the process is shutting down
	 */
	public boolean requested() {
		return this.requested;
	}

	/**
	 * Watches a run until the returned watch is closed: a shutdown meanwhile waits for it
	 * and then cancels it.
	 * @param migrator the migrator that runs
	 * @return the watch, to close when the run ended
	 */
	public Watch watch(Migrator migrator) {
		Watch watch = new Watch(migrator);
		try {
			Runtime.getRuntime().addShutdownHook(watch.hook);
		}
		catch (IllegalStateException ex) {
			// The shutdown began before the run: it must not start.
			this.requested = true;
			logger.warn("Shutdown under way before the migration run started: not starting it");
			migrator.cancel();
		}
		return watch;
	}

	/** One watched run. */
	public final class Watch implements AutoCloseable {

		private final Migrator migrator;

		private final CountDownLatch ended = new CountDownLatch(1);

		private final Thread hook = new Thread(this::shutdown, "paliad-migration-shutdown");

		private Watch(Migrator migrator) {
			this.migrator = migrator;
		}

		/**
		 * What the shutdown hook does; package-private for tests, which call it without a
		 * JVM shutdown.
		 */
		void shutdown() {
			MigrationShutdown.this.requested = true;
			try {
				logger.warn(
						"Shutdown requested while migrations run: waiting up to {} ms for the run to finish"
								+ " (paliad.migration.shutdown-wait), then cancelling it",
						MigrationShutdown.this.wait.toMillis());
				if (this.ended.await(MigrationShutdown.this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
					logger.info("The migration run ended within the shutdown wait");
					return;
				}
				logger.warn(
						"The migration run did not finish within {} ms: cancelling it. The migration in flight rolls"
								+ " back with its tracker row; the next start applies it",
						MigrationShutdown.this.wait.toMillis());
				long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
				do {
					this.migrator.cancel();
				}
				while (!this.ended.await(CANCEL_EVERY_MS, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
				if (this.ended.getCount() > 0) {
					logger
						.error("The migration run did not stop within {} ms of the cancel (a no-transaction migration is"
								+ " never cancelled part-way); the process ends when the orchestrator kills it, and the"
								+ " server then rolls back whatever is not committed", CANCEL_WAIT.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** The run ended: a shutdown no longer waits for it. */
		@Override
		public void close() {
			this.ended.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(this.hook);
			}
			catch (IllegalStateException ex) {
				// The shutdown is under way; the hook returns now that the run ended.
			}
		}

	}

}
