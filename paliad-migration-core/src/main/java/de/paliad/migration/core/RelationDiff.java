package de.paliad.migration.core;

import java.util.List;

/**
 * Tables, views and sequences: dropped, renamed, detached, rewritten or created by one
 * statement. A rewrite is found by execution — the relation's file node changed — and
 * named for what caused it.
 */
final class RelationDiff {

	private final CatalogChange change;

	RelationDiff(CatalogChange change) {
		this.change = change;
	}

	void compare(Findings found) {
		for (CatalogState.Relation old : this.change.before().relations().values()) {
			if (old.isIndex() || !this.change.preexisting(old.oid())) {
				continue;
			}
			CatalogState.Relation now = this.change.after().relations().get(old.oid());
			if (now == null) {
				dropped(old, found);
			}
			else if (!now.name().equals(old.name())) {
				renamed(old, now, found);
			}
			else {
				if (old.parent() != 0 && now.parent() == 0 && !this.change.concurrent()) {
					String parent = this.change.before().relationName(old.parent());
					found.add(Rule.DETACH_PARTITION_WITHOUT_CONCURRENTLY, parent, "partition " + old.name()
							+ " is detached from " + parent
							+ " under ACCESS EXCLUSIVE on the parent, so every query of " + parent
							+ " waits; on PostgreSQL 14+ use DETACH PARTITION … CONCURRENTLY in a -- paliad:no-transaction migration");
				}
				if (this.change.rewritten(old.oid()) && (old.kind() == 'r' || old.kind() == 'm')) {
					rewritten(now, found);
				}
			}
		}
		for (CatalogState.Relation now : this.change.after().relations().values()) {
			if (this.change.before().relations().containsKey(now.oid()) || now.isIndex()
					|| (now.kind() == 'S' && now.table() != 0)) {
				continue;
			}
			found.add(Rule.CREATE_OBJECT, now.name(), CatalogChange.kindName(now.kind()) + " " + now.name()
					+ " is created; the running version does not know it, so it is safe");
		}
	}

	private void dropped(CatalogState.Relation old, Findings found) {
		if (old.kind() == 'S' && old.table() != 0) {
			// A serial or identity sequence goes with its table or column, which is
			// reported.
			return;
		}
		Rule rule = old.isView() ? Rule.DROP_VIEW : (old.kind() == 'S') ? Rule.DROP_SEQUENCE : Rule.DROP_TABLE;
		found.add(rule, old.name(), CatalogChange.kindName(old.kind()) + " " + old.name()
				+ " is dropped while the running version may still use it; stop using it in one release and drop it in the next (expand/contract)");
	}

	private void renamed(CatalogState.Relation old, CatalogState.Relation now, Findings found) {
		if (old.kind() == 'S') {
			// Defaults refer to a sequence by OID: a rename breaks only code naming it.
			return;
		}
		found.add(old.isView() ? Rule.RENAME_VIEW : Rule.RENAME_TABLE, old.name(),
				CatalogChange.kindName(old.kind()) + " " + old.name() + " is renamed to " + now.name()
						+ "; the running version still uses the old name. Create the new one beside it (or a view"
						+ " under the old name), switch the code, drop the old one in a later release");
	}

	private void rewritten(CatalogState.Relation table, Findings found) {
		List<CatalogState.Column[]> retyped = this.change.retyped(table.oid());
		if (!retyped.isEmpty()) {
			CatalogState.Column[] first = retyped.get(0);
			found.add(Rule.TYPE_CHANGE_REWRITE, table.name() + "." + first[0].name(), "changing " + table.name() + "."
					+ first[0].name() + " from " + first[0].type() + " to " + first[1].type() + " rewrites "
					+ table.name()
					+ " and rebuilds its indexes under ACCESS EXCLUSIVE: every read and write waits for the whole rewrite."
					+ " Add a new column of the new type, backfill it in batches, switch the code, drop the old column later");
			return;
		}
		for (CatalogState.Column column : this.change.added(table.oid())) {
			String name = table.name() + "." + column.name();
			String expression = (column.defaultExpression() != null) ? column.defaultExpression() : "";
			if (column.generated() == 's') {
				found.add(Rule.STORED_GENERATED_COLUMN, name,
						"stored generated column " + name + " rewrites " + table.name()
								+ " under ACCESS EXCLUSIVE to compute every row; add a plain nullable column,"
								+ " fill it with a trigger and a batched backfill instead");
				return;
			}
			if (column.identity() == 'a' || column.identity() == 'd' || expression.contains("nextval(")) {
				found.add(Rule.SERIAL_COLUMN, name, "serial/identity column " + name + " rewrites " + table.name()
						+ " under ACCESS EXCLUSIVE to number every row; add a nullable bigint column, attach a sequence"
						+ " default (catalog-only), backfill in batches, then SET NOT NULL via a validated CHECK");
				return;
			}
			if (column.defaultExpression() != null) {
				found.add(Rule.VOLATILE_DEFAULT, name, "column " + name + " with the volatile default " + expression
						+ " rewrites " + table.name() + " under ACCESS EXCLUSIVE to fill every row; add the column"
						+ " without a default (or with a constant), SET DEFAULT for new rows, backfill in batches");
				return;
			}
		}
		String verb = switch (this.change.statement().firstWord()) {
			case "TRUNCATE" -> "is truncated (a new, empty file)";
			case "REFRESH" -> "is refreshed without CONCURRENTLY";
			case "VACUUM" -> "is rewritten by VACUUM FULL";
			case "CLUSTER" -> "is rewritten by CLUSTER";
			default -> "is rewritten";
		};
		found.add(Rule.TABLE_REWRITE, table.name(),
				CatalogChange.kindName(table.kind()) + " " + table.name() + " " + verb
						+ " under ACCESS EXCLUSIVE: every read and write waits until it is done; use an online"
						+ " alternative (pg_repack, REFRESH … CONCURRENTLY, a new table filled in batches)");
	}

}
