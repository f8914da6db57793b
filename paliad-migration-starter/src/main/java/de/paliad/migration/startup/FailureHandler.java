package de.paliad.migration.startup;

import java.time.Duration;

import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.MigrationCancelledException;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.mode.ModeRunner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the end of a migration run does to the process: the one place that ends
 * it. A command-line mode ends it with its report's exit code; a configuration that
 * cannot work ends it with exit code 2 whatever {@code paliad.migration.on-failure} says;
 * a failed startup run ends it with {@code on-failure=exit}, and with
 * {@code on-failure=unready} leaves it running, refusing traffic, with a retry when the
 * failure is transient.
 * <p>
 * Every exit is logged or reported first: a real {@link ProcessExit} ends the JVM before
 * Spring Boot's failure analysis. When the exit returns (a replaced {@link ProcessExit},
 * e.g. in tests), a failure still stops the startup with a
 * {@link MigrationStartupException} that carries the exit code.
 */
public final class FailureHandler {

	private static final Logger logger = LoggerFactory.getLogger(FailureHandler.class);

	private final OnFailure onFailure;

	private final ProcessExit exit;

	private final @Nullable ModeRunner mode;

	private final MigrationShutdown shutdown;

	/**
	 * Creates the handler for a process that does not watch for shutdowns.
	 * @param onFailure what a failed startup run does
	 * @param exit how the process ends
	 * @param mode the command-line mode that reports failures, or {@code null} in the
	 * {@code migrate} mode (failures are logged)
	 */
	public FailureHandler(OnFailure onFailure, ProcessExit exit, @Nullable ModeRunner mode) {
		this(onFailure, exit, mode, new MigrationShutdown(Duration.ZERO));
	}

	/**
	 * Creates the handler.
	 * @param onFailure what a failed startup run does
	 * @param exit how the process ends
	 * @param mode the command-line mode that reports failures, or {@code null} in the
	 * {@code migrate} mode (failures are logged)
	 * @param shutdown whether a shutdown stopped the run: then nothing ends the process
	 * (the JVM is exiting already; {@code System.exit} would wait for it forever) and a
	 * run it cancelled is reported as stopped, not failed
	 */
	public FailureHandler(OnFailure onFailure, ProcessExit exit, @Nullable ModeRunner mode,
			MigrationShutdown shutdown) {
		this.onFailure = onFailure;
		this.exit = exit;
		this.mode = mode;
		this.shutdown = shutdown;
	}

	/** What a shutdown does to the runs this handler judges. */
	MigrationShutdown shutdown() {
		return this.shutdown;
	}

	/**
	 * A command-line mode printed its report: ends the process with the report's exit
	 * code. When the exit returns, the application goes on starting (without a web
	 * server).
	 * @param exitCode the report's exit code
	 */
	public void modeFinished(int exitCode) {
		if (this.shutdown.requested()) {
			throw new MigrationStoppedException(
					"The paliad.migration.mode run ended during a shutdown (its report above says what was done, exit code "
							+ exitCode + " was not used); the JVM exits with the shutdown's status");
		}
		this.exit.exit(exitCode);
	}

	/**
	 * The migrator could not be built from the configuration. No retry can fix a
	 * configuration, so the process ends whatever {@code on-failure} says, after the
	 * mode's report or a log line says why.
	 * @param failure the failure
	 * @throws MigrationStartupException always, when the exit returns
	 */
	public void configurationFailed(MigrationException failure) {
		int code = failure.exitCode().code();
		if (this.mode != null) {
			this.mode.reportFailure(failure);
		}
		else {
			logger.error("Invalid migration configuration, stopping the application with exit code {}: {} {}", code,
					failure.getMessage(), failure.exitCode().action());
		}
		this.exit.exit(code);
		throw new MigrationStartupException(failure);
	}

	/**
	 * The startup run failed. With {@code on-failure=exit} the process ends with the
	 * failure's exit code; with {@code unready} it keeps running, refusing traffic.
	 * @param failure the failure
	 * @return whether to retry the run later: a transient failure with
	 * {@code on-failure=unready}
	 * @throws RuntimeException with {@code on-failure=exit}, when the exit returns: a
	 * {@link MigrationStartupException}, or the failure itself when it is not a
	 * {@link MigrationException}
	 */
	public boolean runFailed(RuntimeException failure) {
		if (this.shutdown.requested()) {
			throw duringShutdown(failure);
		}
		if (this.onFailure == OnFailure.EXIT) {
			ExitCode exitCode = exitCode(failure);
			logger.error("Stopping the application with exit code {} (paliad.migration.on-failure=exit). {}",
					exitCode.code(), (failure instanceof MigrationException) ? exitCode.action() : "");
			this.exit.exit(exitCode.code());
			throw (failure instanceof MigrationException migrationFailure)
					? new MigrationStartupException(migrationFailure) : failure;
		}
		if (isTransient(failure)) {
			return true;
		}
		logger.error("Migrations failed and will not be retried (the failure is permanent); the application"
				+ " starts with readiness REFUSING_TRAFFIC until a fixed release replaces it");
		return false;
	}

	/**
	 * A retry of the startup run failed; the process keeps running, refusing traffic.
	 * @param failure the failure
	 * @return whether to retry again: the failure is transient
	 */
	public boolean retryFailed(RuntimeException failure) {
		if (this.shutdown.requested()) {
			logger.warn("Migration retry stopped by a shutdown (not a failure): {}", failure.getMessage());
			return false;
		}
		if (isTransient(failure)) {
			return true;
		}
		logger.error("Migration retry failed permanently; not retrying again");
		return false;
	}

	/**
	 * A failure while the process shuts down: no exit (the JVM is exiting), no retry. The
	 * cancel a shutdown sent is a stop; any other failure is still reported as one.
	 */
	private static RuntimeException duringShutdown(RuntimeException failure) {
		if (failure instanceof MigrationCancelledException stop) {
			// Logged here, while the shutdown hook still waits for the run: once it
			// returns the JVM may halt before Spring Boot reports the failed startup.
			logger.warn("Startup stopped by a shutdown during the migrations (not a failure): {}", stop.getMessage());
			return new MigrationStoppedException(stop);
		}
		return (failure instanceof MigrationException migrationFailure)
				? new MigrationStartupException(migrationFailure) : failure;
	}

	private static boolean isTransient(RuntimeException failure) {
		return failure instanceof MigrationException migrationFailure && migrationFailure.isTransient();
	}

	private static ExitCode exitCode(RuntimeException failure) {
		return (failure instanceof MigrationException migrationFailure) ? migrationFailure.exitCode()
				: ExitCode.UNEXPECTED;
	}

}
