package de.paliad.migration.core;

import org.jspecify.annotations.Nullable;

/**
 * Base type of every failure the migrator reports. The message is written for an
 * operator: what happened, which file or version, and what to do next.
 */
public abstract class MigrationException extends RuntimeException {

	protected MigrationException(String message) {
		super(message);
	}

	protected MigrationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * The exit code a command-line mode ends with when this is the failure.
	 * @return the exit code
	 */
	public abstract ExitCode exitCode();

	/**
	 * Whether trying the same run again later may succeed without anybody changing
	 * anything (database restarting, lock held by another deploy). Permanent failures
	 * (bad SQL, validation) are never retried.
	 * @return whether the failure is transient
	 */
	public boolean isTransient() {
		return false;
	}

}
