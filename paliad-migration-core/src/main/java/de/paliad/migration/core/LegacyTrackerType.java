package de.paliad.migration.core;

/**
 * The kind of tracker a project used before switching, imported once when the applied set
 * is empty.
 */
public enum LegacyTrackerType {

	/** No legacy tracker. */
	NONE,

	/** golang-migrate's single-row {@code (version, dirty)} table. */
	GOLANG_MIGRATE,

	/** Flyway's {@code flyway_schema_history}. */
	FLYWAY

}
