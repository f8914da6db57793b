package de.paliad.migration.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CI gate's rule catalogue: every finding names the rule that produced it. The IDs
 * are stable — they appear in reports, in {@code -- paliad:allow <rule-id> <reason>}
 * directives and in {@code docs/rules.md}, one section per rule — so a rule is never
 * renamed, only retired.
 */
public enum Rule {

	// Breaking: the running (old) version fails against the new schema.

	/** A table the running version may use is dropped. */
	DROP_TABLE("drop-table", Severity.BREAKING, "table dropped"),

	/** A view or materialized view the running version may use is dropped. */
	DROP_VIEW("drop-view", Severity.BREAKING, "view dropped"),

	/** A standalone sequence is dropped (not one owned by a dropped table). */
	DROP_SEQUENCE("drop-sequence", Severity.BREAKING, "sequence dropped"),

	/** A table is renamed. */
	RENAME_TABLE("rename-table", Severity.BREAKING, "table renamed"),

	/** A view or materialized view is renamed. */
	RENAME_VIEW("rename-view", Severity.BREAKING, "view renamed"),

	/** A column is dropped. */
	DROP_COLUMN("drop-column", Severity.BREAKING, "column dropped"),

	/** A column is renamed. */
	RENAME_COLUMN("rename-column", Severity.BREAKING, "column renamed"),

	/** A column's type changes in a way that is not binary-coercible. */
	CHANGE_COLUMN_TYPE("change-column-type", Severity.BREAKING, "column type changed"),

	/** A function is dropped or its signature changes. */
	DROP_FUNCTION("drop-function", Severity.BREAKING, "function dropped"),

	/** A function is renamed. */
	RENAME_FUNCTION("rename-function", Severity.BREAKING, "function renamed"),

	/** A NOT NULL column without a default is added to an existing table. */
	NOT_NULL_COLUMN_WITHOUT_DEFAULT("not-null-column-without-default", Severity.BREAKING,
			"NOT NULL column without default"),

	/**
	 * {@code CONCURRENTLY} in a transactional migration: PostgreSQL refuses it, so
	 * {@code validate} rejects the file before any SQL runs.
	 */
	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.BREAKING, "CONCURRENTLY inside a transaction"),

	// Blocking: traffic on an existing table waits.

	/** An index on an existing table is built without {@code CONCURRENTLY}. */
	CREATE_INDEX_WITHOUT_CONCURRENTLY("create-index-without-concurrently", Severity.BLOCKING,
			"index built without CONCURRENTLY"),

	/** An index of an existing table is dropped without {@code CONCURRENTLY}. */
	DROP_INDEX_WITHOUT_CONCURRENTLY("drop-index-without-concurrently", Severity.BLOCKING,
			"index dropped without CONCURRENTLY"),

	/** {@code REINDEX} without {@code CONCURRENTLY}. */
	REINDEX_WITHOUT_CONCURRENTLY("reindex-without-concurrently", Severity.BLOCKING, "REINDEX without CONCURRENTLY"),

	/** {@code DETACH PARTITION} without {@code CONCURRENTLY}. */
	DETACH_PARTITION_WITHOUT_CONCURRENTLY("detach-partition-without-concurrently", Severity.BLOCKING,
			"DETACH PARTITION without CONCURRENTLY"),

	/**
	 * A CHECK constraint is added to an existing table and validated while it is locked.
	 */
	CHECK_WITHOUT_NOT_VALID("check-without-not-valid", Severity.BLOCKING, "CHECK validated under lock"),

	/** A foreign key is added to an existing table and validated while it is locked. */
	FOREIGN_KEY_WITHOUT_NOT_VALID("foreign-key-without-not-valid", Severity.BLOCKING,
			"foreign key validated under lock"),

	/** {@code SET NOT NULL} on an existing column: a full scan under ACCESS EXCLUSIVE. */
	SET_NOT_NULL("set-not-null", Severity.BLOCKING, "SET NOT NULL scans under lock"),

	/**
	 * A UNIQUE, PRIMARY KEY or EXCLUDE constraint is built (or rebuilt by a type change)
	 * on an existing table while it is locked.
	 */
	UNIQUE_CONSTRAINT_UNDER_LOCK("unique-constraint-under-lock", Severity.BLOCKING,
			"UNIQUE/PRIMARY KEY/EXCLUDE built under lock"),

	/** A type change rewrites an existing table under ACCESS EXCLUSIVE. */
	TYPE_CHANGE_REWRITE("type-change-rewrite", Severity.BLOCKING, "type change rewrites the table"),

	/** A column with a volatile default is added to an existing table: a rewrite. */
	VOLATILE_DEFAULT("volatile-default", Severity.BLOCKING, "volatile default rewrites the table"),

	/** A stored generated column is added to an existing table: a rewrite. */
	STORED_GENERATED_COLUMN("stored-generated-column", Severity.BLOCKING, "stored generated column rewrites the table"),

	/** A serial or identity column is added to an existing table: a rewrite. */
	SERIAL_COLUMN("serial-column", Severity.BLOCKING, "serial/identity column rewrites the table"),

	/** Any other rewrite of an existing table (VACUUM FULL, CLUSTER, SET LOGGED …). */
	TABLE_REWRITE("table-rewrite", Severity.BLOCKING, "table rewritten"),

	/**
	 * An ACCESS EXCLUSIVE lock on an existing table is taken and then held while later
	 * statements of the same migration run.
	 */
	LOCK_HELD_ACROSS_STATEMENTS("lock-held-across-statements", Severity.BLOCKING,
			"ACCESS EXCLUSIVE held across later statements"),

	/** An ACCESS EXCLUSIVE lock no catalog change needs ({@code LOCK TABLE}). */
	ACCESS_EXCLUSIVE_LOCK("access-exclusive-lock", Severity.BLOCKING, "explicit ACCESS EXCLUSIVE lock"),

	// Warnings: the running version keeps working but may misbehave; never fail the gate.

	/** A value is added to an enum type the running version reads. */
	ENUM_VALUE_ADDED("enum-value-added", Severity.WARNING, "enum value added"),

	/** NOT NULL is dropped from a column the running version reads. */
	DROP_NOT_NULL("drop-not-null", Severity.WARNING, "NOT NULL dropped"),

	/** A foreign key whose referencing columns no index leads with. */
	FOREIGN_KEY_WITHOUT_INDEX("foreign-key-without-index", Severity.WARNING, "foreign key without index"),

	// Info: safe under a rolling deploy; reported so the report tells the whole story.

	/** A new table, view, index, sequence, type or function. */
	CREATE_OBJECT("create-object", Severity.INFO, "object created"),

	/** A nullable column, or one with a non-volatile default, is added. */
	ADD_COLUMN("add-column", Severity.INFO, "column added"),

	/** A constraint is added {@code NOT VALID}. */
	CONSTRAINT_NOT_VALID("constraint-not-valid", Severity.INFO, "constraint added NOT VALID"),

	/**
	 * A NOT VALID constraint is validated (SHARE UPDATE EXCLUSIVE: reads and writes go
	 * on).
	 */
	VALIDATE_CONSTRAINT("validate-constraint", Severity.INFO, "constraint validated"),

	/** A brief catalog-only ACCESS EXCLUSIVE change, bounded by {@code lock_timeout}. */
	CATALOG_ONLY_CHANGE("catalog-only-change", Severity.INFO, "catalog-only change");

	private final String id;

	private final Severity severity;

	private final String title;

	Rule(String id, Severity severity, String title) {
		this.id = id;
		this.severity = severity;
		this.title = title;
	}

	/**
	 * The stable ID, e.g. {@code create-index-without-concurrently}.
	 * @return the ID
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The severity of this rule's findings before table sizes are taken into account.
	 * @return the default severity
	 */
	public Severity severity() {
		return this.severity;
	}

	/**
	 * A short title for reports.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Where {@code docs/rules.md} explains the rule, relative to the repository root.
	 * @return the documentation path with its anchor
	 */
	public String documentation() {
		return "docs/rules.md#" + this.id;
	}

	/**
	 * The rule with this ID.
	 * @param id a rule ID
	 * @return the rule, empty for an unknown ID
	 */
	public static Optional<Rule> byId(String id) {
		return Arrays.stream(values()).filter((rule) -> rule.id.equals(id)).findFirst();
	}

}
