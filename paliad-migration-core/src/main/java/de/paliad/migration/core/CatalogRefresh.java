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
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The catalog after a statement, read from the state before it: the cheap parts (every
 * relation's identity and file node, functions, types, enum values) in full, the
 * expensive ones (columns with their types and defaults, constraints with their
 * definitions: {@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}
 * over every user relation, most of the analysis' time) only for the relations the
 * statement can have changed. PostgreSQL holds every relation lock until commit, and
 * every change of a relation's columns or constraints locks it, so the relations this
 * session holds a lock on in the migration's transaction, plus the ones that appeared,
 * disappeared or changed, cover every change. Falls back to a full read when that does
 * not hold: no lock held (a {@code no-transaction} statement, already committed), or a
 * rename or drop of a relation, function or type (other relations' defaults and column
 * types name them, without a lock on those relations).
 */
final class CatalogRefresh {

	private static final String LOCKED = "SELECT DISTINCT relation FROM pg_locks"
			+ " WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation IS NOT NULL";

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
		try (Statement statement = connection.createStatement()) {
			statement.execute(String.join(";", CatalogState.RELATIONS, CatalogState.FUNCTIONS, CatalogState.TYPES,
					CatalogState.ENUM_VALUES, LOCKED));
			try (ResultSet rs = statement.getResultSet()) {
				CatalogState.readRelations(rs, relations);
			}
			CatalogState.readNames(statement, functions, types, enumValues);
			try (ResultSet rs = CatalogState.next(statement)) {
				while (rs.next()) {
					locked.add(rs.getLong(1));
				}
			}
		}
		if (locked.isEmpty() || renamedOrDropped(before.functions(), functions)
				|| renamedOrDropped(before.types(), types)
				|| renamedOrDropped(names(before.relations()), names(relations))) {
			return CatalogState.read(connection, tracker);
		}
		Set<Long> dirty = dirty(before.relations(), relations, locked);
		Map<String, CatalogState.Column> columns = new HashMap<>(before.columns());
		Map<Long, CatalogState.Constraint> constraints = new HashMap<>(before.constraints());
		columns.values().removeIf((column) -> dirty.contains(column.relation()));
		constraints.values().removeIf((constraint) -> dirty.contains(constraint.relation()));
		if (!dirty.isEmpty()) {
			String oids = dirty.stream().map(String::valueOf).collect(Collectors.joining(",", "'{", "}'::oid[]"));
			try (Statement statement = connection.createStatement()) {
				statement.execute(CatalogState.COLUMNS + " AND a.attrelid = ANY(" + oids + ");"
						+ CatalogState.CONSTRAINTS + " AND co.conrelid = ANY(" + oids + ")");
				try (ResultSet rs = statement.getResultSet()) {
					CatalogState.readColumns(rs, columns);
				}
				try (ResultSet rs = CatalogState.next(statement)) {
					CatalogState.readConstraints(rs, constraints);
				}
			}
		}
		return CatalogState.of(tracker, relations, columns, constraints, functions, types, enumValues);
	}

	/**
	 * The relations whose columns or constraints may differ: locked, new, gone or changed
	 * (a new file node, another table), and the tables of those that are indexes,
	 * sequences or partitions.
	 */
	private static Set<Long> dirty(Map<Long, CatalogState.Relation> before, Map<Long, CatalogState.Relation> after,
			Set<Long> locked) {
		Set<Long> dirty = new HashSet<>(locked);
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
