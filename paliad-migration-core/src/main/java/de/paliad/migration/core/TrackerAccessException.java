package de.paliad.migration.core;

import org.jspecify.annotations.Nullable;

/**
 * A database error outside any migration's SQL: reading or writing the tracker, taking
 * the lock, importing a legacy tracker (often a missing privilege).
 */
class TrackerAccessException extends MigrationException {

	TrackerAccessException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.UNEXPECTED;
	}

}
