package de.paliad.migration.core;

/**
 * How much a change found by the CI gate matters to the version still serving traffic.
 */
public enum Severity {

	/**
	 * The running (old) version breaks: something it uses is dropped, renamed, retyped or
	 * newly required.
	 */
	BREAKING,

	/**
	 * Traffic waits: a long lock, a table rewrite, an index built without CONCURRENTLY, a
	 * validating scan.
	 */
	BLOCKING,

	/** Safe under a rolling deploy: new tables, nullable columns, new objects. */
	INFO

}
