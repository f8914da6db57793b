package de.paliad.migration.core;

import java.util.regex.Pattern;

/**
 * Columns of pre-existing tables and views: dropped, renamed, retyped, made NOT NULL or
 * nullable, or added by one statement. Columns the pending set added are its own, so
 * renaming, retyping or dropping them breaks nothing.
 */
final class ColumnDiff {

	private final CatalogChange change;

	ColumnDiff(CatalogChange change) {
		this.change = change;
	}

	void compare(Findings found) {
		for (CatalogState.Column old : this.change.before().columns().values()) {
			if (old.dropped() || !this.change.after().relations().containsKey(old.relation())) {
				continue;
			}
			if (!this.change.baseline().hasColumn(old)) {
				pendingColumnMadeNotNull(old, found);
				continue;
			}
			CatalogState.Column now = this.change.after().columns().get(old.key());
			String name = this.change.before().relationName(old.relation()) + "." + old.name();
			if (now == null || now.dropped()) {
				found.add(Rule.DROP_COLUMN, name, "column " + name + " is dropped while the running version may still"
						+ " read or write it; stop using it in one release and drop it in the next (expand/contract)");
			}
			else if (!now.name().equals(old.name())) {
				found.add(Rule.RENAME_COLUMN, name, "column " + name + " is renamed to " + now.name()
						+ "; the running version still uses the old name. Add the new column, write both, backfill,"
						+ " switch reads, drop the old column in a later release");
			}
			else {
				if (!now.type().equals(old.type())) {
					retyped(name, old, now, found);
				}
				if (now.notNull() && !old.notNull()) {
					setNotNull(name, old, found);
				}
				else if (!now.notNull() && old.notNull()) {
					found.add(Rule.DROP_NOT_NULL, name, "column " + name + " may now be NULL; the running version"
							+ " may read a NULL it never expected there. Deploy code that handles NULL first");
				}
			}
		}
		for (CatalogState.Column now : this.change.after().columns().values()) {
			CatalogState.Relation table = this.change.after().relations().get(now.relation());
			if (now.dropped() || this.change.before().columns().containsKey(now.key())
					|| !this.change.preexisting(now.relation()) || table == null || table.isView()) {
				continue;
			}
			String name = table.name() + "." + now.name();
			if (this.change.rewritten(now.relation())
					&& (now.defaultExpression() != null || now.identity() == 'a' || now.identity() == 'd')) {
				continue; // RelationDiff names the rewrite this column caused
			}
			if (now.notNull() && !now.hasDefault() && now.identity() != 'a' && now.identity() != 'd'
					&& now.generated() != 's') {
				found.add(Rule.NOT_NULL_COLUMN_WITHOUT_DEFAULT, name, "column " + name + " is added NOT NULL without a"
						+ " default: the running version's inserts omit it and fail (and the statement fails on a table"
						+ " with rows). Add it nullable or with a default; SET NOT NULL after the code writes it");
			}
			else {
				found.add(Rule.ADD_COLUMN, name, "column " + name + " is added"
						+ (now.notNull() ? " (NOT NULL with a default)" : "") + "; the running version ignores it");
			}
		}
	}

	/**
	 * A column the pending set added nullable to an existing table (Harbor 0140: add,
	 * backfill, SET NOT NULL) is the pending set's own, but SET NOT NULL still scans the
	 * existing table, and without a default the running version's inserts, which omit it,
	 * now fail.
	 */
	private void pendingColumnMadeNotNull(CatalogState.Column old, Findings found) {
		CatalogState.Column now = this.change.after().columns().get(old.key());
		if (now == null || now.dropped() || !now.notNull() || old.notNull()
				|| !this.change.preexisting(old.relation())) {
			return;
		}
		String name = this.change.before().relationName(old.relation()) + "." + now.name();
		setNotNull(name, old, found);
		if (!now.hasDefault() && now.identity() != 'a' && now.identity() != 'd' && now.generated() != 's') {
			found.add(Rule.NOT_NULL_COLUMN_WITHOUT_DEFAULT, name, "column " + name + " (added by the pending"
					+ " migrations) becomes NOT NULL without a default: the running version's inserts omit it and"
					+ " fail. Give it a default, or SET NOT NULL only after the code that writes it runs everywhere");
		}
	}

	private void retyped(String name, CatalogState.Column old, CatalogState.Column now, Findings found) {
		if (!this.change.rewritten(old.relation())) {
			// No new file: the stored values are valid as they are (binary-coercible).
			found.add(Rule.CATALOG_ONLY_CHANGE, name,
					"column " + name + " changes type from " + old.type() + " to " + now.type()
							+ " without a rewrite (binary-coercible): a brief catalog-only ACCESS EXCLUSIVE bounded by"
							+ " lock_timeout; the running version reads and writes it as before");
			return;
		}
		if (TypeChanges.breaks(old, now)) {
			found.add(Rule.CHANGE_COLUMN_TYPE, name, "column " + name + " changes type from " + old.type() + " to "
					+ now.type() + ", which the running version may fail to read or write (narrower or another kind);"
					+ " add a new column of the new type, write both, backfill, switch reads, drop the old one later");
		}
	}

	private void setNotNull(String name, CatalogState.Column old, Findings found) {
		Pattern proof = Pattern.compile("CHECK \\(+\"?" + Pattern.quote(old.name()) + "\"? IS NOT NULL\\)+");
		boolean proven = this.change.before()
			.constraints()
			.values()
			.stream()
			.anyMatch((c) -> c.relation() == old.relation() && c.type() == 'c' && c.validated()
					&& c.definition() != null && proof.matcher(c.definition()).matches());
		if (proven) {
			found.add(Rule.CATALOG_ONLY_CHANGE, name, "column " + name + " becomes NOT NULL; a validated CHECK ("
					+ old.name() + " IS NOT NULL) proves it, so PostgreSQL skips the scan (catalog-only)");
			return;
		}
		found.add(Rule.SET_NOT_NULL, name, "column " + name + " becomes NOT NULL, which scans every row under"
				+ " ACCESS EXCLUSIVE while reads and writes wait; add CHECK (" + old.name() + " IS NOT NULL) NOT VALID,"
				+ " VALIDATE CONSTRAINT in a later migration, then SET NOT NULL (no scan on PostgreSQL 12+) and drop the CHECK");
	}

}
