package de.paliad.migration.core;

/**
 * Indexes of pre-existing tables built, dropped, reindexed or rebuilt by one statement.
 * An index whose file node changes while its table keeps its own was reindexed; a unique
 * index that a type change rebuilds is a key built under lock.
 */
final class IndexDiff {

	private final CatalogChange change;

	IndexDiff(CatalogChange change) {
		this.change = change;
	}

	void compare(Findings found) {
		for (CatalogState.Relation now : this.change.after().relations().values()) {
			if (!now.isIndex() || this.change.before().relations().containsKey(now.oid())
					|| !this.change.preexisting(now.table())) {
				continue;
			}
			CatalogState.Relation replaced = this.change.replacedIndex(now);
			if (replaced != null) {
				rebuilt(replaced, now, found);
			}
			else if (!this.change.concurrent() && !backsNewConstraint(now)) {
				String table = this.change.after().relationName(now.table());
				found.add(Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY, table, "index " + now.name()
						+ " is built without CONCURRENTLY on existing table " + table + "; writes to it wait for the"
						+ " whole build (use CREATE INDEX CONCURRENTLY in a -- paliad:no-transaction migration)");
			}
		}
		for (CatalogState.Relation old : this.change.before().relations().values()) {
			if (!old.isIndex() || !this.change.preexisting(old.oid()) || this.change.concurrent()
					|| !this.change.after().relations().containsKey(old.table())) {
				continue;
			}
			CatalogState.Relation now = this.change.after().relations().get(old.oid());
			String table = this.change.after().relationName(old.table());
			if (now == null && this.change.startsWith("DROP", "INDEX")) {
				found.add(Rule.DROP_INDEX_WITHOUT_CONCURRENTLY, table, "index " + old.name() + " of existing table "
						+ table + " is dropped without CONCURRENTLY: ACCESS EXCLUSIVE on " + table + " while the"
						+ " lock is queued and held; use DROP INDEX CONCURRENTLY in a -- paliad:no-transaction migration");
			}
			else if (now != null && now.fileNode() != old.fileNode() && !this.change.rewritten(old.table())
					&& this.change.retyped(old.table()).isEmpty()) {
				found
					.add(Rule.REINDEX_WITHOUT_CONCURRENTLY, table, "index " + old.name() + " of existing table " + table
							+ " is rebuilt without CONCURRENTLY: writes (and reads using it) wait for the whole build;"
							+ " use REINDEX … CONCURRENTLY in a -- paliad:no-transaction migration");
			}
		}
	}

	private void rebuilt(CatalogState.Relation old, CatalogState.Relation now, Findings found) {
		if (this.change.baseline().hasRelation(old.oid())) {
			this.change.baseline().adoptRelation(now.oid());
		}
		if (!now.unique() || now.fileNode() == old.fileNode() || this.change.concurrent()) {
			// reused (binary-coercible change), covered by the table's rewrite, or
			// swapped in
			// by REINDEX CONCURRENTLY
			return;
		}
		String table = this.change.after().relationName(now.table());
		String key = now.primary() ? "primary key" : "unique index";
		found.add(Rule.UNIQUE_CONSTRAINT_UNDER_LOCK, table, "the type change rebuilds " + key + " " + now.name()
				+ " of " + table
				+ " on every row under ACCESS EXCLUSIVE while reads and writes wait (PostgreSQL has no NOT VALID"
				+ " for PRIMARY KEY or UNIQUE); for a key type change add a new column of the new type, backfill it in"
				+ " batches, build a unique index on it CONCURRENTLY, then swap with ADD CONSTRAINT … "
				+ (now.primary() ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX");
	}

	private boolean backsNewConstraint(CatalogState.Relation index) {
		return this.change.after()
			.constraints()
			.values()
			.stream()
			.anyMatch((c) -> c.index() == index.oid() && c.relation() == index.table()
					&& !this.change.before().constraints().containsKey(c.oid()));
	}

}
