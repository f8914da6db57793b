package de.paliad.migration.core;

/**
 * Where a migrator run is. Reported by health and metrics.
 */
public enum MigrationState {

	/** Nothing has run yet. */
	PENDING,

	/** Waiting for another instance's migration lock. */
	WAITING_FOR_LOCK,

	/** Applying migrations. */
	MIGRATING,

	/** Every migration on disk is applied. */
	APPLIED,

	/** The run failed. */
	FAILED,

	/** Migrations are turned off. */
	DISABLED

}
