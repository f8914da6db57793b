package de.paliad.migration.core;

/**
 * The process exit codes of the command-line modes and of a startup that ends the
 * process. Each code carries its meaning and the next step for an operator: the one place
 * these facts live. The failure analysis and the logs take the action from here; tests
 * keep the exit-code table of {@code docs/modes.md} and the messages of the CI step
 * {@code compose/ci/steps/migration-gate.sh} equal to {@link #meaning()}.
 */
public enum ExitCode {

	/** Success, or nothing to do. */
	SUCCESS(0, "success, or nothing to do", "Nothing to do."),

	/** An unexpected error (a bug, or an environment problem nobody anticipated). */
	UNEXPECTED(1, "unexpected error (a bug, or an environment problem nobody anticipated; the log has the stack trace)",
			"Check the database error above; often the migration user lacks a privilege on the tracker's schema."),

	/** Invalid configuration or usage. */
	INVALID_CONFIGURATION(2,
			"invalid configuration or usage: down/baseline without target, an invalid tracker schema/table name,"
					+ " down of a version that is not applied or has no down file",
			"Correct the paliad.migration.* configuration (or the requested mode) named above."),

	/**
	 * Validation failed: naming, duplicates, name mismatch, checksum drift, static
	 * checks.
	 */
	VALIDATION_FAILED(3,
			"validation failed: file naming, duplicate versions, static checks, a recorded name that disagrees"
					+ " with the file, checksum drift (with verify-checksums=fail); in dry-run, a breaking finding"
					+ " (or a blocking one on a table over the size limit) with compat=fail",
			"Fix the migration files or tracker rows named above; no migration SQL ran. The 'validate' and"
					+ " 'plan' modes (--paliad.migration.mode=plan) show these problems without starting the"
					+ " application."),

	/** A migration's SQL failed. */
	MIGRATION_FAILED(4, "a migration's SQL failed (its transaction was rolled back)",
			"Fix the migration in a new release. Run the 'dry-run' mode against a copy of the production schema"
					+ " in CI to catch such failures before deploying."),

	/**
	 * {@code verify} found a difference between the applied set and the files on disk.
	 */
	VERIFY_FAILED(5, "verify found a difference: pending migrations, or applied versions missing on disk",
			"Apply the pending migrations, or restore the migration files missing on disk."),

	/** The lock was not acquired in time, or the database is unreachable. */
	UNAVAILABLE(6, "the database is unreachable, or the migration lock was not acquired within lock-wait-timeout",
			"Check that the database is up and reachable from here, and whether another deploy holds the"
					+ " migration lock. With paliad.migration.on-failure=unready the application keeps running,"
					+ " refuses traffic and retries by itself.");

	private final int code;

	private final String meaning;

	private final String action;

	ExitCode(int code, String meaning, String action) {
		this.code = code;
		this.meaning = meaning;
		this.action = action;
	}

	/**
	 * The number the process ends with.
	 * @return the exit code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * What the code means, as the documentation's exit-code table says it.
	 * @return the meaning, lower case, one sentence
	 */
	public String meaning() {
		return this.meaning;
	}

	/**
	 * What an operator does next after a failure with this code: the "Action" of the
	 * failure analysis.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * The exit code with a number.
	 * @param code the number
	 * @return the exit code
	 * @throws IllegalArgumentException for a number that is not a documented exit code
	 */
	public static ExitCode of(int code) {
		for (ExitCode exitCode : values()) {
			if (exitCode.code == code) {
				return exitCode;
			}
		}
		throw new IllegalArgumentException("No documented exit code " + code);
	}

}
