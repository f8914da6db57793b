package de.paliad.migration.core;

/**
 * Another session held the migration lock for longer than {@code lock-wait-timeout}.
 */
public class LockNotAcquiredException extends DatabaseUnavailableException {

	public LockNotAcquiredException(String message) {
		super(message, null);
	}

}
