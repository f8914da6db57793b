package de.paliad.migration.core;

import org.jspecify.annotations.Nullable;

/**
 * The snapshot could not be restored into the scratch database.
 */
class SnapshotRestoreException extends MigrationException {

	SnapshotRestoreException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.INVALID_CONFIGURATION;
	}

}
