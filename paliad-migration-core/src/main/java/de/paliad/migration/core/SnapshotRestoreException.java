package de.paliad.migration.core;

/**
 * The snapshot could not be restored into the scratch database.
 */
public class SnapshotRestoreException extends MigrationException {

	public SnapshotRestoreException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.INVALID_CONFIGURATION;
	}

}
