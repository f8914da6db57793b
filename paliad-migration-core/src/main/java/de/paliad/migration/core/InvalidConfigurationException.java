package de.paliad.migration.core;

/**
 * The migrator's configuration or the requested operation is invalid.
 */
public class InvalidConfigurationException extends MigrationException {

	public InvalidConfigurationException(String message) {
		super(message);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.INVALID_CONFIGURATION;
	}

}
