package de.paliad.migration.startup;

import de.paliad.migration.core.MigrationException;

/**
 * The startup was stopped by a shutdown during the migration run: nothing failed, so it
 * is reported as a stop by {@link MigrationStopReporter}, not as a failed start, and
 * carries no exit code — the JVM exits with the shutdown's own status (143 after
 * SIGTERM).
 */
public class MigrationStoppedException extends RuntimeException {

	MigrationStoppedException(MigrationException stop) {
		super(stop.getMessage(), stop);
	}

	MigrationStoppedException(String message) {
		super(message);
	}

}
