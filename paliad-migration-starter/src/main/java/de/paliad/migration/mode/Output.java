package de.paliad.migration.mode;

/**
 * Format of the reports of the command-line modes.
 */
public enum Output {

	/** A report for people. */
	TEXT,

	/** One JSON document for machines. */
	JSON

}
