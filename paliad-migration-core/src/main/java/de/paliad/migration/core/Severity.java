package de.paliad.migration.core;

/**
 * How much a change found by the CI gate matters to the version still serving traffic.
 */
public enum Severity {

	/**
	 * The running (old) version breaks: something it uses is dropped, renamed, retyped or
	 * newly required. Fails the gate under {@code compat=fail} unless allowed.
	 */
	BREAKING,

	/**
	 * Traffic waits: a long lock, a table rewrite, an index built without CONCURRENTLY, a
	 * validating scan. Fails the gate when the table is larger than the configured size
	 * limit.
	 */
	BLOCKING,

	/**
	 * The running version keeps working but may misbehave: it may read an enum value or a
	 * NULL it never saw. Reported; never fails the gate.
	 */
	WARNING,

	/** Safe under a rolling deploy: new tables, nullable columns, new objects. */
	INFO

}
