package de.paliad.migration.mode;

/**
 * What the application does with the migrations.
 */
public enum Mode {

	/**
	 * Apply pending migrations before the web server opens, then run the application.
	 */
	MIGRATE,

	/** Apply pending migrations and exit (init container, release phase). */
	MIGRATE_ONLY,

	/**
	 * Report pending, applied-but-missing and mismatching migrations; change nothing.
	 */
	PLAN,

	/** Check the files (naming, duplicates, static checks) without a database. */
	VALIDATE,

	/** Apply every pending migration in one transaction and roll it back. */
	DRY_RUN,

	/** Check that the applied set equals the files on disk; change nothing. */
	VERIFY,

	/** Re-record the checksums of applied migrations from the files on disk. */
	REPAIR,

	/** Record every version up to 'target' as applied without running it. */
	BASELINE,

	/** Run the down migration of 'target' and delete its tracker row. */
	DOWN,

	/**
	 * Write the size of every table to 'table-sizes' (read-only; run it against
	 * production for the CI gate).
	 */
	SIZES

}
