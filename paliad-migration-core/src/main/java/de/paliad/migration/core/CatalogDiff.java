package de.paliad.migration.core;

import java.util.Objects;

/**
 * Classifies the catalog changes one statement made. Only objects present before the dry
 * run (in {@code initial}) can break or block the running version.
 */
final class CatalogDiff {

	private final CatalogState initial;

	private final CatalogState before;

	private final CatalogState after;

	private final boolean concurrentIndex;

	CatalogDiff(CatalogState initial, CatalogState before, CatalogState after, boolean concurrentIndex) {
		this.initial = initial;
		this.before = before;
		this.after = after;
		this.concurrentIndex = concurrentIndex;
	}

	void compare(CompatibilityAnalyzer.Findings found) {
		relations(found);
		columns(found);
		constraints(found);
		functions(found);
	}

	private boolean existedBefore(long relationOid) {
		return this.initial.relations().containsKey(relationOid);
	}

	private void relations(CompatibilityAnalyzer.Findings found) {
		for (CatalogState.Relation old : this.before.relations().values()) {
			CatalogState.Relation now = this.after.relations().get(old.oid());
			if (!existedBefore(old.oid()) || old.kind() == 'i' || old.kind() == 'I') {
				continue;
			}
			if (now == null) {
				found.add(
						(old.kind() == 'v' || old.kind() == 'm') ? Rule.DROP_VIEW
								: (old.kind() == 'S') ? Rule.DROP_SEQUENCE : Rule.DROP_TABLE,
						old.name(),
						kindName(old.kind()) + " " + old.name() + " is dropped; the running version may still use it");
			}
			else if (!now.name().equals(old.name())) {
				found.add((old.kind() == 'v' || old.kind() == 'm') ? Rule.RENAME_VIEW : Rule.RENAME_TABLE, old.name(),
						kindName(old.kind()) + " " + old.name() + " is renamed to " + now.name()
								+ "; the running version still uses the old name");
			}
			else if (now.fileNode() != old.fileNode() && (old.kind() == 'r' || old.kind() == 'm')) {
				found.add(Rule.TABLE_REWRITE, old.name(), "table " + old.name()
						+ " is rewritten under an ACCESS EXCLUSIVE lock; reads and writes wait for the whole rewrite");
			}
		}
		for (CatalogState.Relation now : this.after.relations().values()) {
			if (this.before.relations().containsKey(now.oid())) {
				continue;
			}
			if ((now.kind() == 'i' || now.kind() == 'I') && existedBefore(now.table()) && !this.concurrentIndex) {
				found.add(Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY, this.initial.relationName(now.table()), "index "
						+ now.name() + " is built without CONCURRENTLY on existing table "
						+ this.initial.relationName(now.table())
						+ "; writes to it wait for the whole build (use a -- paliad:no-transaction migration with CREATE INDEX CONCURRENTLY)");
			}
			else if (now.kind() == 'r' || now.kind() == 'p' || now.kind() == 'v' || now.kind() == 'm') {
				found.add(Rule.CREATE_OBJECT, now.name(), kindName(now.kind()) + " " + now.name() + " is created");
			}
		}
	}

	private void columns(CompatibilityAnalyzer.Findings found) {
		for (var entry : this.before.columns().entrySet()) {
			CatalogState.Column old = entry.getValue();
			CatalogState.Column now = this.after.columns().get(entry.getKey());
			if (old.dropped() || !existedBefore(old.relation())
					|| !this.after.relations().containsKey(old.relation())) {
				continue;
			}
			String table = this.after.relationName(old.relation());
			String name = table + "." + old.name();
			if (now == null || now.dropped()) {
				found.add(Rule.DROP_COLUMN, name,
						"column " + name + " is dropped; the running version may still read or write it");
			}
			else if (!now.name().equals(old.name())) {
				found.add(Rule.RENAME_COLUMN, name, "column " + name + " is renamed to " + now.name()
						+ "; the running version still uses the old name");
			}
			else if (!now.type().equals(old.type())) {
				found.add(Rule.CHANGE_COLUMN_TYPE, name, "column " + name + " changes type from " + old.type() + " to "
						+ now.type() + "; the running version reads and writes the old type");
			}
			else if (now.notNull() && !old.notNull()) {
				found.add(Rule.SET_NOT_NULL, name, "column " + name
						+ " becomes NOT NULL; the running version may still write NULL, and existing NULL rows fail it");
			}
		}
		for (var entry : this.after.columns().entrySet()) {
			CatalogState.Column now = entry.getValue();
			if (this.before.columns().containsKey(entry.getKey()) || now.dropped() || !existedBefore(now.relation())) {
				continue;
			}
			String name = this.after.relationName(now.relation()) + "." + now.name();
			if (now.notNull() && !now.hasDefault()) {
				found.add(Rule.NOT_NULL_COLUMN_WITHOUT_DEFAULT, name,
						"column " + name + " is added NOT NULL without a default; inserts"
								+ " of the running version fail, and it fails outright on a table with rows");
			}
			else {
				found.add(Rule.ADD_COLUMN, name,
						"column " + name + " is added" + (now.notNull() ? " (NOT NULL with a default)" : ""));
			}
		}
	}

	private void constraints(CompatibilityAnalyzer.Findings found) {
		for (CatalogState.Constraint now : this.after.constraints().values()) {
			if (this.before.constraints().containsKey(now.oid()) || !existedBefore(now.relation())
					|| now.type() == 'n') {
				continue;
			}
			String table = this.after.relationName(now.relation());
			if (!now.validated()) {
				found.add(Rule.CONSTRAINT_NOT_VALID, table, constraintName(now.type()) + " " + now.name()
						+ " is added NOT VALID on " + table + " (validate it in a later migration)");
			}
			else {
				found.add(
						(now.type() == 'f') ? Rule.FOREIGN_KEY_WITHOUT_NOT_VALID
								: (now.type() == 'c') ? Rule.CHECK_WITHOUT_NOT_VALID
										: Rule.UNIQUE_CONSTRAINT_UNDER_LOCK,
						table,
						constraintName(now.type()) + " " + now.name() + " is added to existing table " + table
								+ " and validated while it is locked; add it NOT VALID and VALIDATE CONSTRAINT later."
								+ " Rows the running version writes must satisfy it too");
			}
		}
		for (CatalogState.Constraint old : this.before.constraints().values()) {
			CatalogState.Constraint now = this.after.constraints().get(old.oid());
			if (now != null && now.validated() && !old.validated() && existedBefore(old.relation())) {
				found.add(Rule.VALIDATE_CONSTRAINT, this.after.relationName(old.relation()),
						constraintName(old.type()) + " " + old.name() + " is validated");
			}
		}
	}

	private void functions(CompatibilityAnalyzer.Findings found) {
		for (var entry : this.before.functions().entrySet()) {
			if (!this.initial.functions().containsKey(entry.getKey())) {
				continue;
			}
			String now = this.after.functions().get(entry.getKey());
			if (now == null) {
				found.add(Rule.DROP_FUNCTION, entry.getValue(), "function " + entry.getValue() + " is dropped");
			}
			else if (!Objects.equals(now, entry.getValue())) {
				found.add(Rule.RENAME_FUNCTION, entry.getValue(),
						"function " + entry.getValue() + " is renamed to " + now);
			}
		}
	}

	private static String kindName(char kind) {
		return switch (kind) {
			case 'v' -> "view";
			case 'm' -> "materialized view";
			case 'S' -> "sequence";
			case 'f' -> "foreign table";
			default -> "table";
		};
	}

	private static String constraintName(char type) {
		return switch (type) {
			case 'c' -> "CHECK constraint";
			case 'f' -> "foreign key";
			case 'u' -> "unique constraint";
			case 'p' -> "primary key";
			case 'x' -> "exclusion constraint";
			default -> "constraint";
		};
	}

}
