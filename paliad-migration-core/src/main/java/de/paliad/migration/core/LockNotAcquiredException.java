package de.paliad.migration.core;

/**
 * Another session held the migration lock for longer than {@code lock-wait-timeout}.
 */
class LockNotAcquiredException extends DatabaseUnavailableException {

	LockNotAcquiredException(String message) {
		super(message, null);
	}

}
