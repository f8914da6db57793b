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
 * {@code retry-interval}.
 */
public final class StartupMigration implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StartupMigration.class);

	private final MigrationStatus status;

	private final FailureHandler failures;

	private final Duration retryInterval;

	private final Runnable onRecovered;

	private @Nullable ScheduledExecutorService retries;

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
		logger.info("Retrying the migration run");
		RuntimeException failure = attempt(migrator);
		if (failure == null) {
			logger.info("Migrations applied on retry; the application accepts traffic");
			this.onRecovered.run();
		}
		else if (this.failures.retryFailed(failure)) {
			scheduleRetry(migrator);
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.retries != null) {
			this.retries.shutdownNow();
		}
	}

}
