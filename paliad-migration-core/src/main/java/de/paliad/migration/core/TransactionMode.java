package de.paliad.migration.core;

/**
 * How pending migrations are grouped into transactions.
 */
public enum TransactionMode {

	/**
	 * Each migration and its tracker row commit together; earlier migrations of a failed
	 * run stay.
	 */
	PER_MIGRATION,

	/**
	 * All pending migrations commit together; a failed run leaves the schema exactly as
	 * before.
	 */
	BATCH

}
