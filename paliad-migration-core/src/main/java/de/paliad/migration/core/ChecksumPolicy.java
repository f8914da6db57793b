package de.paliad.migration.core;

/**
 * What a changed file of an applied migration does to a run.
 */
public enum ChecksumPolicy {

	/** Stop the run before any SQL executes. */
	FAIL,

	/** Log a warning and continue. */
	WARN,

	/** Do not compare checksums. */
	OFF

}
