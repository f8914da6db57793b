package de.paliad.migration.core;

import org.jspecify.annotations.Nullable;

/**
 * The database could not be reached, or the migration lock was not acquired in time. Both
 * are transient: the same run may succeed later.
 */
public class DatabaseUnavailableException extends MigrationException {

	public DatabaseUnavailableException(String message, @Nullable Throwable cause) {
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
