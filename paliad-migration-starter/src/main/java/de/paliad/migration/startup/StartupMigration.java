package de.paliad.migration.startup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.status.MigrationStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code migrate} mode: applies pending migrations during context refresh, keeps the
 * {@link MigrationStatus}, and hands a failure to the {@link FailureHandler}, which
 * decides whether the process ends or the run is retried on a daemon thread every
 * {@code retry-interval}. A retry is watched for shutdowns like the first run: a shutdown
 * (or the context closing) waits up to {@code shutdown-wait} for it, then cancels it, and
 * its end is a stop, not a failure.
 */
public final class StartupMigration implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StartupMigration.class);

	private final MigrationStatus status;

	private final FailureHandler failures;

	private final Duration retryInterval;

	private final Runnable onRecovered;

	private final MigrationShutdown shutdown;

	private @Nullable ScheduledExecutorService retries;

	/** The watch of the retry in flight, if any. */
	private volatile MigrationShutdown.@Nullable Watch retryWatch;

	private boolean closed;

	/**
	 * Creates the run.
	 * @param status the status to keep
	 * @param failures what a failure does
	 * @param retryInterval the delay between retries of transient failures
	 * @param onRecovered called after a retry succeeded
	 */
	public StartupMigration(MigrationStatus status, FailureHandler failures, Duration retryInterval,
			Runnable onRecovered) {
		this.status = status;
		this.failures = failures;
		this.retryInterval = retryInterval;
		this.onRecovered = onRecovered;
		// The handler's: a retry stopped by it must be reported by the same handler as a
		// stop.
		this.shutdown = failures.shutdown();
	}

	/**
	 * Applies pending migrations now.
	 * @param migrator the migrator
	 * @throws RuntimeException with {@code on-failure=exit}, when the exit returned; a
	 * {@link MigrationStoppedException} when a shutdown stopped the run
	 */
	public void run(Migrator migrator) {
		RuntimeException failure = attempt(migrator);
		if (failure != null && this.failures.runFailed(failure)) {
			logger.warn("Migrations are not applied yet; the application starts with readiness REFUSING_TRAFFIC"
					+ " and retries every {} ms", this.retryInterval.toMillis());
			scheduleRetry(migrator);
		}
	}

	/**
	 * Runs the migrator once and records the outcome.
	 * @return the failure, or {@code null} on success
	 */
	private @Nullable RuntimeException attempt(Migrator migrator) {
		this.status.runStarted();
		try {
			this.status.runSucceeded(migrator.migrate());
			return null;
		}
		catch (MigrationException ex) {
			this.status.runFailed(ex);
			return ex;
		}
		catch (RuntimeException ex) {
			// Not the migrator's own report (e.g. the DataSource could not be created):
			// log it in full, as nobody else will.
			logger.error("Migration run failed unexpectedly", ex);
			this.status.runFailed(ex);
			return ex;
		}
	}

	private synchronized void scheduleRetry(Migrator migrator) {
		if (this.closed) {
			return;
		}
		ScheduledExecutorService retries = this.retries;
		if (retries == null) {
			retries = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "paliad-migration-retry");
				// Never keeps a JVM alive that is otherwise done.
				thread.setDaemon(true);
				return thread;
			});
			this.retries = retries;
		}
		retries.schedule(() -> retry(migrator), this.retryInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void retry(Migrator migrator) {
		RuntimeException failure;
		MigrationShutdown.Watch watch;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			logger.info("Retrying the migration run");
			watch = this.shutdown.watch(migrator);
			this.retryWatch = watch;
		}
		try (watch) {
			failure = attempt(migrator);
		}
		finally {
			this.retryWatch = null;
		}
		if (failure == null) {
			logger.info("Migrations applied on retry; the application accepts traffic");
			this.onRecovered.run();
		}
		else if (this.failures.retryFailed(failure)) {
			scheduleRetry(migrator);
		}
	}

	/**
	 * Stops retrying. A retry in flight gets what a shutdown gives the first run: up to
	 * {@code shutdown-wait} to finish, then a cancel. Without that, a retry would go on
	 * migrating after its context (and its data source) closed.
	 */
	@Override
	public void close() {
		ScheduledExecutorService retries;
		synchronized (this) {
			this.closed = true;
			retries = this.retries;
		}
		MigrationShutdown.Watch watch = this.retryWatch;
		if (watch != null) {
			watch.shutdown();
		}
		if (retries != null) {
			retries.shutdownNow();
			try {
				// The retry's own end (its report) before the context goes on closing.
				retries.awaitTermination(MigrationShutdown.CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
