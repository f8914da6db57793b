package de.paliad.migration.core;

/**
 * The process exit codes of the command-line modes, as documented in
 * {@code docs/modes.md}.
 */
public enum ExitCode {

	/** Success, or nothing to do. */
	SUCCESS(0),

	/** An unexpected error (a bug, or an environment problem nobody anticipated). */
	UNEXPECTED(1),

	/** Invalid configuration or usage. */
	INVALID_CONFIGURATION(2),

	/**
	 * Validation failed: naming, duplicates, name mismatch, checksum drift, static
	 * checks.
	 */
	VALIDATION_FAILED(3),

	/** A migration's SQL failed. */
	MIGRATION_FAILED(4),

	/**
	 * {@code verify} found a difference between the applied set and the files on disk.
	 */
	VERIFY_FAILED(5),

	/** The lock was not acquired in time, or the database is unreachable. */
	UNAVAILABLE(6);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
