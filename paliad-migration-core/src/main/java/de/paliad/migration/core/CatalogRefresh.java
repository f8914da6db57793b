package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The catalog after a statement, read from the state before it: the cheap parts (every
 * relation's identity and file node, functions, types, enum values) in full, the
 * expensive ones (columns with their types and defaults, constraints with their
 * definitions: {@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}
 * over every user relation, most of the analysis' time) only for the relations the
 * statement can have changed, all in one round trip. PostgreSQL holds every relation lock
 * until commit, and every change of a relation's columns or constraints locks it, so the
 * relations this session holds a lock on in the migration's transaction, plus the ones
 * that appeared, disappeared or changed, cover every change. Falls back to a full read
 * when that does not hold: no lock held (a {@code no-transaction} statement, already
 * committed), a changed relation not locked, or a rename or drop of a relation, function
 * or type (other relations' defaults and column types name them, without a lock on those
 * relations).
 */
final class CatalogRefresh {

	/**
	 * User relations only (OIDs from 16384, FirstNormalObjectId): the catalog queries
	 * themselves lock system catalogs, so a statement outside a transaction would
	 * otherwise seem to hold locks.
	 */
	private static final String LOCKED = "SELECT DISTINCT relation FROM pg_locks WHERE pid = pg_backend_pid()"
			+ " AND locktype = 'relation' AND granted AND relation >= 16384";

	private CatalogRefresh() {
	}

	/**
	 * Reads the catalog after a statement.
	 * @param connection the rehearsal's connection, still in the statement's transaction
	 * @param tracker the runner's tracker table, left out
	 * @param before the catalog before the statement
	 * @return the state, equal to {@link CatalogState#read} on the same connection
	 * @throws SQLException on a database error
	 */
	static CatalogState after(Connection connection, @Nullable TableName tracker, CatalogState before)
			throws SQLException {
		Map<Long, CatalogState.Relation> relations = new HashMap<>();
		Map<Long, String> functions = new HashMap<>();
		Map<Long, String> types = new HashMap<>();
		Map<Long, CatalogState.EnumValue> enumValues = new HashMap<>();
		Set<Long> locked = new HashSet<>();
		Map<String, CatalogState.Column> lockedColumns = new HashMap<>();
		Map<Long, CatalogState.Constraint> lockedConstraints = new HashMap<>();
		// One round trip: on this loaded 2-core machine a round trip costs more than the
		// catalog functions of a few relations.
		try (Statement statement = connection.createStatement()) {
			statement.execute(String.join(";", CatalogState.RELATIONS, CatalogState.FUNCTIONS, CatalogState.TYPES,
					CatalogState.ENUM_VALUES, LOCKED, CatalogState.COLUMNS + " AND a.attrelid IN (" + LOCKED + ")",
					CatalogState.CONSTRAINTS + " AND co.conrelid IN (" + LOCKED + ")"));
			try (ResultSet rs = statement.getResultSet()) {
				CatalogState.readRelations(rs, relations);
			}
			CatalogState.readNames(statement, functions, types, enumValues);
			try (ResultSet rs = CatalogState.next(statement)) {
				while (rs.next()) {
					locked.add(rs.getLong(1));
				}
			}
			try (ResultSet rs = CatalogState.next(statement)) {
				CatalogState.readColumns(rs, lockedColumns);
			}
			try (ResultSet rs = CatalogState.next(statement)) {
				CatalogState.readConstraints(rs, lockedConstraints);
			}
		}
		CatalogState fresh = CatalogState.of(tracker, relations, lockedColumns, lockedConstraints, functions, types,
				enumValues);
		if (locked.isEmpty() || renamedOrDropped(before.functions(), functions)
				|| renamedOrDropped(before.types(), types)
				|| renamedOrDropped(names(before.relations()), names(fresh.relations()))
				|| !locked.containsAll(dirty(before.relations(), fresh.relations()))) {
			return CatalogState.read(connection, tracker);
		}
		Map<String, CatalogState.Column> columns = new HashMap<>(before.columns());
		Map<Long, CatalogState.Constraint> constraints = new HashMap<>(before.constraints());
		columns.values().removeIf((column) -> locked.contains(column.relation()));
		constraints.values().removeIf((constraint) -> locked.contains(constraint.relation()));
		columns.putAll(fresh.columns());
		constraints.putAll(fresh.constraints());
		return new CatalogState(fresh.relations(), columns, constraints, functions, types, enumValues);
	}

	/**
	 * The relations that visibly changed: new, gone or changed (a new file node, another
	 * table), and the tables of those that are indexes, sequences or partitions. All of
	 * them must be among the locked ones, whose columns and constraints were re-read.
	 */
	private static Set<Long> dirty(Map<Long, CatalogState.Relation> before, Map<Long, CatalogState.Relation> after) {
		Set<Long> dirty = new HashSet<>();
		for (CatalogState.Relation relation : after.values()) {
			if (!relation.equals(before.get(relation.oid()))) {
				dirty.add(relation.oid());
			}
		}
		for (Long oid : before.keySet()) {
			if (!after.containsKey(oid)) {
				dirty.add(oid);
			}
		}
		for (Long oid : Set.copyOf(dirty)) {
			for (Map<Long, CatalogState.Relation> state : List.of(before, after)) {
				CatalogState.Relation relation = state.get(oid);
				if (relation != null) {
					dirty.add(relation.table());
					dirty.add(relation.parent());
				}
			}
		}
		dirty.remove(0L);
		return dirty;
	}

	private static Map<Long, String> names(Map<Long, CatalogState.Relation> relations) {
		Map<Long, String> names = new HashMap<>();
		relations.values().forEach((relation) -> names.put(relation.oid(), relation.name()));
		return names;
	}

	/** Whether an object of {@code before} is gone or has another name after. */
	private static boolean renamedOrDropped(Map<Long, String> before, Map<Long, String> after) {
		for (var entry : before.entrySet()) {
			if (!entry.getValue().equals(after.get(entry.getKey()))) {
				return true;
			}
		}
		return false;
	}

}
