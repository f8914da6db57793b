package de.paliad.migration.core;

/**
 * The database could not be reached, or the migration lock was not acquired in time. Both
 * are transient: the same run may succeed later.
 */
public class DatabaseUnavailableException extends MigrationException {

	public DatabaseUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.UNAVAILABLE;
	}

}
