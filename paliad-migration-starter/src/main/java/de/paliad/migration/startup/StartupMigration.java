package de.paliad.migration.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.paliad.migration.autoconfigure.PaliadMigrationProperties.OnFailure;
import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.Migrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code migrate} mode: applies pending migrations during context refresh and, when
 * that fails, does what {@code paliad.migration.on-failure} says. With {@code unready}
 * the application starts anyway (readiness refuses traffic) and transient failures are
 * retried on a daemon thread every {@code retry-interval}; permanent failures wait for a
 * fixed release. With {@code exit} the process ends with the failure's exit code.
 */
final class StartupMigration implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StartupMigration.class);

	private final MigrationStatus status;

	private final OnFailure onFailure;

	private final Duration retryInterval;

	private final ProcessExit exit;

	private final Runnable onRecovered;

	private ScheduledExecutorService retries;

	private boolean closed;

	/**
	 * Creates the run.
	 * @param status the status to keep
	 * @param onFailure what a failure does
	 * @param retryInterval the delay between retries of transient failures
	 * @param exit how the process ends with {@code on-failure=exit}
	 * @param onRecovered called after a retry succeeded
	 */
	StartupMigration(MigrationStatus status, OnFailure onFailure, Duration retryInterval, ProcessExit exit,
			Runnable onRecovered) {
		this.status = status;
		this.onFailure = onFailure;
		this.retryInterval = retryInterval;
		this.exit = exit;
		this.onRecovered = onRecovered;
	}

	/**
	 * Applies pending migrations now.
	 * @param migrator the migrator
	 * @throws MigrationStartupException with {@code on-failure=exit}, when the exit
	 * returned
	 */
	void run(Migrator migrator) {
		RuntimeException failure = attempt(migrator);
		if (failure == null) {
			return;
		}
		if (this.onFailure == OnFailure.EXIT) {
			int code = exitCode(failure);
			// Logged here: a real exit ends the JVM before Spring Boot's failure
			// analysis.
			logger.error("Stopping the application with exit code {} (paliad.migration.on-failure=exit). {}", code,
					(failure instanceof MigrationException migrationFailure)
							? MigrationFailureAnalyzer.action(migrationFailure) : "");
			this.exit.exit(code);
			throw (failure instanceof MigrationException migrationFailure)
					? new MigrationStartupException(migrationFailure) : failure;
		}
		if (isTransient(failure)) {
			logger.warn("Migrations are not applied yet; the application starts with readiness REFUSING_TRAFFIC"
					+ " and retries every {} ms", this.retryInterval.toMillis());
			scheduleRetry(migrator);
		}
		else {
			logger.error("Migrations failed and will not be retried (the failure is permanent); the application"
					+ " starts with readiness REFUSING_TRAFFIC until a fixed release replaces it");
		}
	}

	/**
	 * Runs the migrator once and records the outcome.
	 * @return the failure, or {@code null} on success
	 */
	private RuntimeException attempt(Migrator migrator) {
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
			// log it
			// in full, as nobody else will.
			logger.error("Migration run failed unexpectedly", ex);
			this.status.runFailed(ex);
			return ex;
		}
	}

	private synchronized void scheduleRetry(Migrator migrator) {
		if (this.closed) {
			return;
		}
		if (this.retries == null) {
			this.retries = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "paliad-migration-retry");
				// Never keeps a JVM alive that is otherwise done.
				thread.setDaemon(true);
				return thread;
			});
		}
		this.retries.schedule(() -> retry(migrator), this.retryInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void retry(Migrator migrator) {
		logger.info("Retrying the migration run");
		RuntimeException failure = attempt(migrator);
		if (failure == null) {
			logger.info("Migrations applied on retry; the application accepts traffic");
			this.onRecovered.run();
		}
		else if (isTransient(failure)) {
			scheduleRetry(migrator);
		}
		else {
			logger.error("Migration retry failed permanently; not retrying again");
		}
	}

	private static boolean isTransient(RuntimeException failure) {
		return failure instanceof MigrationException migrationFailure && migrationFailure.isTransient();
	}

	private static int exitCode(RuntimeException failure) {
		return (failure instanceof MigrationException migrationFailure) ? migrationFailure.exitCode().code()
				: ExitCode.UNEXPECTED.code();
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.retries != null) {
			this.retries.shutdownNow();
		}
	}

}
