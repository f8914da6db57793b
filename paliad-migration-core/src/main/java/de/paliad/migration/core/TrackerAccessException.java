package de.paliad.migration.core;

/**
 * A database error outside any migration's SQL: reading or writing the tracker, taking
 * the lock, importing a legacy tracker (often a missing privilege).
 */
public class TrackerAccessException extends MigrationException {

	public TrackerAccessException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.UNEXPECTED;
	}

}
