package de.paliad.migration.core;

import java.util.HashSet;
import java.util.Set;

/**
 * The objects that existed before the first pending migration: the ones the running (old)
 * version can use. Everything else was created by the pending set and is invisible to the
 * running version, so it can neither break nor block it. Objects are tracked by OID (a
 * column by relation OID and attribute number), so a later rename or retype of something
 * the pending set created is recognised as its own. An index or constraint that a type
 * change rebuilds under a new OID stays pre-existing ({@link #adopt}).
 */
final class Baseline {

	private final Set<Long> relations;

	private final Set<String> columns;

	private final Set<Long> constraints;

	private final Set<Long> functions;

	private final Set<Long> types;

	Baseline(CatalogState initial) {
		this.relations = new HashSet<>(initial.relations().keySet());
		this.columns = new HashSet<>(initial.columns().keySet());
		this.constraints = new HashSet<>(initial.constraints().keySet());
		this.functions = new HashSet<>(initial.functions().keySet());
		this.types = new HashSet<>(initial.types().keySet());
	}

	boolean hasRelation(long oid) {
		return this.relations.contains(oid);
	}

	boolean hasColumn(CatalogState.Column column) {
		return this.relations.contains(column.relation()) && this.columns.contains(column.key());
	}

	boolean hasConstraint(long oid) {
		return this.constraints.contains(oid);
	}

	boolean hasFunction(long oid) {
		return this.functions.contains(oid);
	}

	boolean hasType(long oid) {
		return this.types.contains(oid);
	}

	/** A rebuilt index keeps the pre-existing one's standing. */
	void adoptRelation(long oid) {
		this.relations.add(oid);
	}

	/** A constraint re-created by a type change keeps the pre-existing one's standing. */
	void adoptConstraint(long oid) {
		this.constraints.add(oid);
	}

}
