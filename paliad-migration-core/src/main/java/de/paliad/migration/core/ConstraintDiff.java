package de.paliad.migration.core;

import java.util.function.Consumer;

/**
 * Constraints added to or validated on pre-existing tables by one statement. A constraint
 * that a type change re-creates under a new OID is the old one (no finding here;
 * {@link IndexDiff} reports a rebuilt key index).
 */
final class ConstraintDiff {

	private final CatalogChange change;

	private final Consumer<CatalogState.Constraint> foreignKeyAdded;

	/**
	 * @param change the statement's change
	 * @param foreignKeyAdded told of every foreign key the pending set adds, for the
	 * index check at the end
	 */
	ConstraintDiff(CatalogChange change, Consumer<CatalogState.Constraint> foreignKeyAdded) {
		this.change = change;
		this.foreignKeyAdded = foreignKeyAdded;
	}

	void compare(Findings found) {
		for (CatalogState.Constraint now : this.change.after().constraints().values()) {
			if (this.change.before().constraints().containsKey(now.oid()) || now.type() == 'n' || now.type() == 't') {
				continue;
			}
			CatalogState.Constraint replaced = this.change.replacedConstraint(now);
			if (replaced != null) {
				if (this.change.baseline().hasConstraint(replaced.oid())) {
					this.change.baseline().adoptConstraint(now.oid());
				}
				continue;
			}
			if (now.type() == 'f') {
				this.foreignKeyAdded.accept(now);
			}
			if (this.change.preexisting(now.relation())) {
				added(now, found);
			}
		}
		for (CatalogState.Constraint old : this.change.before().constraints().values()) {
			CatalogState.Constraint now = this.change.after().constraints().get(old.oid());
			if (now != null && now.validated() && !old.validated() && this.change.preexisting(old.relation())) {
				found.add(Rule.VALIDATE_CONSTRAINT, this.change.after().relationName(old.relation()),
						kind(old.type()) + " " + old.name() + " is validated under SHARE UPDATE EXCLUSIVE:"
								+ " reads and writes go on during the scan");
			}
		}
	}

	private void added(CatalogState.Constraint now, Findings found) {
		String table = this.change.after().relationName(now.relation());
		String what = kind(now.type()) + " " + now.name();
		if (!now.validated()) {
			found.add(Rule.CONSTRAINT_NOT_VALID, table, what + " is added NOT VALID on " + table
					+ ": no scan, only new rows are checked; VALIDATE CONSTRAINT it in a later migration");
			return;
		}
		switch (now.type()) {
			case 'c' -> found.add(Rule.CHECK_WITHOUT_NOT_VALID, table,
					what + " is added to existing table " + table + " and checked against every row under ACCESS"
							+ " EXCLUSIVE while reads and writes wait; add it NOT VALID and VALIDATE CONSTRAINT in a"
							+ " later migration (SHARE UPDATE EXCLUSIVE: traffic goes on)");
			case 'f' -> found.add(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, table,
					what + " is added to existing table " + table
							+ " and checked against every row while writes to it and to the referenced table wait;"
							+ " add it NOT VALID and VALIDATE CONSTRAINT in a later migration (traffic goes on)");
			case 'p', 'u' -> {
				if (this.change.before().relations().containsKey(now.index())) {
					found.add(Rule.CATALOG_ONLY_CHANGE, table, what + " attaches an existing index of " + table
							+ " (USING INDEX): no build, a brief catalog-only lock");
				}
				else {
					found.add(Rule.UNIQUE_CONSTRAINT_UNDER_LOCK, table, what + " builds its index on the existing rows"
							+ " of " + table + " under ACCESS EXCLUSIVE while reads and writes wait; build a unique"
							+ " index CONCURRENTLY in a -- paliad:no-transaction migration, then ADD CONSTRAINT … "
							+ ((now.type() == 'p') ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX");
				}
			}
			case 'x' -> found.add(Rule.UNIQUE_CONSTRAINT_UNDER_LOCK, table, what + " builds its index on the existing"
					+ " rows of " + table + " under ACCESS EXCLUSIVE while reads and writes wait; PostgreSQL cannot"
					+ " attach an exclusion constraint to a prebuilt index, so add it while the table is small or"
					+ " in a maintenance window");
			default -> {
			}
		}
	}

	static String kind(char type) {
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
