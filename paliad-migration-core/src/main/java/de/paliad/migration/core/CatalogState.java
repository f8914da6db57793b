package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the compatibility analysis compares before and after each statement: the user
 * relations, their columns, constraints and indexes, and functions, keyed by OID so a
 * rename is told apart from a drop. Read inside the dry run's transaction.
 */
record CatalogState(Map<Long, Relation> relations, Map<String, Column> columns, Map<Long, Constraint> constraints,
		Map<Long, String> functions) {

	private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";

	/** A table, view, index or sequence. */
	record Relation(long oid, String name, char kind, long fileNode, long table) {

	}

	/** A column, keyed by {@code relationOid:attnum}. */
	record Column(long relation, int number, String name, String type, boolean notNull, boolean hasDefault,
			boolean dropped) {

	}

	/** A constraint. */
	record Constraint(long oid, long relation, String name, char type, boolean validated) {

	}

	static CatalogState read(Connection connection) throws SQLException {
		Map<Long, Relation> relations = new HashMap<>();
		Map<String, Column> columns = new HashMap<>();
		Map<Long, Constraint> constraints = new HashMap<>();
		Map<Long, String> functions = new HashMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT c.oid, n.nspname || '.' || c.relname, c.relkind,"
					+ " c.relfilenode, coalesce(i.indrelid, 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " LEFT JOIN pg_index i ON i.indexrelid = c.oid"
					+ " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'f') AND " + USER_SCHEMAS)) {
				while (rs.next()) {
					relations.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0),
							rs.getLong(4), rs.getLong(5)));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT a.attrelid, a.attnum, a.attname,"
					+ " format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef, a.attisdropped"
					+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE a.attnum > 0 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " + USER_SCHEMAS)) {
				while (rs.next()) {
					Column column = new Column(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7));
					columns.put(column.relation() + ":" + column.number(), column);
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT co.oid, co.conrelid, co.conname, co.contype,"
					+ " co.convalidated FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace"
					+ " WHERE co.conrelid <> 0 AND " + USER_SCHEMAS)) {
				while (rs.next()) {
					constraints.put(rs.getLong(1), new Constraint(rs.getLong(1), rs.getLong(2), rs.getString(3),
							rs.getString(4).charAt(0), rs.getBoolean(5)));
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT p.oid, n.nspname || '.' || p.proname || '('"
					+ " || pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p"
					+ " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS)) {
				while (rs.next()) {
					functions.put(rs.getLong(1), rs.getString(2));
				}
			}
		}
		return new CatalogState(relations, columns, constraints, functions);
	}

	String relationName(long oid) {
		Relation relation = this.relations.get(oid);
		return (relation != null) ? relation.name() : "oid " + oid;
	}

}
