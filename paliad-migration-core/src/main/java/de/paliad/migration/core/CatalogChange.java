package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one statement changed in the catalog: the states before and after it, what existed
 * before the pending set, and how the statement ran. The per-object-kind diffs
 * ({@link RelationDiff}, {@link ColumnDiff}, {@link ConstraintDiff}, {@link IndexDiff},
 * {@link RoutineDiff}) read it.
 *
 * @param baseline the objects that existed before the first pending migration
 * @param before the catalog before the statement
 * @param after the catalog after it
 * @param statement the statement
 * @param concurrent whether the statement runs {@code CONCURRENTLY} in production (a
 * {@code no-transaction} migration's statement with the keyword, run for real or with the
 * keyword stripped for the one-transaction dry run)
 */
record CatalogChange(Baseline baseline, CatalogState before, CatalogState after, SqlStatement statement,
		boolean concurrent) {

	/**
	 * Whether the relation existed before the pending set: the running version uses it.
	 */
	boolean preexisting(long relation) {
		return this.baseline.hasRelation(relation);
	}

	/** Whether the relation got a new file node: its rows were rewritten. */
	boolean rewritten(long relation) {
		CatalogState.Relation old = this.before.relations().get(relation);
		CatalogState.Relation now = this.after.relations().get(relation);
		return old != null && now != null && old.fileNode() != now.fileNode() && old.fileNode() != 0;
	}

	/** The columns of the relation whose type this statement changed, as before/after. */
	List<CatalogState.Column[]> retyped(long relation) {
		List<CatalogState.Column[]> retyped = new ArrayList<>();
		for (CatalogState.Column old : this.before.columns().values()) {
			CatalogState.Column now = this.after.columns().get(old.key());
			if (old.relation() == relation && !old.dropped() && now != null && !now.dropped()
					&& !now.type().equals(old.type())) {
				retyped.add(new CatalogState.Column[] { old, now });
			}
		}
		return retyped;
	}

	/**
	 * Whether the statement changed any column's type (a referenced key's type change
	 * re-creates the foreign keys of other tables too).
	 */
	boolean anyRetyped() {
		return this.before.columns().values().stream().anyMatch((old) -> {
			CatalogState.Column now = this.after.columns().get(old.key());
			return !old.dropped() && now != null && !now.dropped() && !now.type().equals(old.type());
		});
	}

	/** The columns this statement added to the relation. */
	List<CatalogState.Column> added(long relation) {
		return this.after.columns()
			.values()
			.stream()
			.filter((column) -> column.relation() == relation && !column.dropped()
					&& !this.before.columns().containsKey(column.key()))
			.toList();
	}

	/**
	 * The index a new index replaces: PostgreSQL rebuilds the indexes of a retyped column
	 * under new OIDs with the same names.
	 */
	CatalogState.@Nullable Relation replacedIndex(CatalogState.Relation index) {
		for (CatalogState.Relation old : this.before.relations().values()) {
			if (old.isIndex() && old.table() == index.table() && old.name().equals(index.name())
					&& !this.after.relations().containsKey(old.oid())) {
				return old;
			}
		}
		return null;
	}

	/**
	 * The constraint a new constraint replaces after a type change (same table and name).
	 */
	CatalogState.@Nullable Constraint replacedConstraint(CatalogState.Constraint constraint) {
		if (!anyRetyped()) {
			return null;
		}
		for (CatalogState.Constraint old : this.before.constraints().values()) {
			if (old.relation() == constraint.relation() && old.name().equals(constraint.name())
					&& old.type() == constraint.type() && !this.after.constraints().containsKey(old.oid())) {
				return old;
			}
		}
		return null;
	}

	/** Whether the statement is {@code <first> <second> …}, e.g. {@code DROP INDEX}. */
	boolean startsWith(String first, String second) {
		List<String> words = this.statement.words();
		return words.size() >= 2 && words.get(0).equals(first) && words.get(1).equals(second);
	}

	static String kindName(char kind) {
		return switch (kind) {
			case 'v' -> "view";
			case 'm' -> "materialized view";
			case 'S' -> "sequence";
			case 'f' -> "foreign table";
			case 'p' -> "partitioned table";
			default -> "table";
		};
	}

}
