package de.paliad.migration.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a startup that a shutdown stopped during its migrations as one log line, not as
 * "APPLICATION FAILED TO START": a rollout that replaces a starting container is normal.
 * Runs before Spring Boot's failure analyzers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrationStopReporter implements SpringBootExceptionReporter {

	private static final Logger logger = LoggerFactory.getLogger(MigrationStopReporter.class);

	@Override
	public boolean reportException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationStoppedException) {
				// The FailureHandler logged the stop already, while the shutdown waited.
				logger.debug("Startup stopped by a shutdown: {}", cause.getMessage());
				return true;
			}
		}
		return false;
	}

}
