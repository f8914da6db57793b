package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the compatibility analysis compares before and after each statement: the user
 * relations (with their file nodes, so a rewrite shows), columns, constraints, functions,
 * types and enum values, keyed by OID (a column by relation OID and attribute number) so
 * a rename is told apart from a drop. Read inside the rehearsal's transaction, in one
 * round trip. The runner's own tracker table is left out: it is no object of the user's.
 */
record CatalogState(Map<Long, Relation> relations, Map<String, Column> columns, Map<Long, Constraint> constraints,
		Map<Long, String> functions, Map<Long, String> types, Map<Long, EnumValue> enumValues) {

	private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";

	static final String RELATIONS = "SELECT c.oid, n.nspname || '.' || c.relname, c.relkind, c.relfilenode,"
			+ " coalesce(i.indrelid, (SELECT d.refobjid FROM pg_depend d WHERE c.relkind = 'S'"
			+ " AND d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass"
			+ " AND d.deptype IN ('a', 'i') LIMIT 1), 0),"
			+ " CASE WHEN c.relispartition THEN (SELECT h.inhparent FROM pg_inherits h WHERE h.inhrelid = c.oid"
			+ " LIMIT 1) ELSE 0 END, coalesce(i.indisunique, false), coalesce(i.indisprimary, false),"
			+ " coalesce(i.indkey::text, '') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " LEFT JOIN pg_index i ON i.indexrelid = c.oid"
			+ " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'f') AND " + USER_SCHEMAS;

	/** Columns; the caller appends a condition (or none) after its {@code WHERE}. */
	static final String COLUMNS = "SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),"
			+ " t.typcategory, a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attgenerated, a.attidentity,"
			+ " a.attisdropped FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
			+ " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_type t ON t.oid = a.atttypid"
			+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
			+ " WHERE a.attnum > 0 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " + USER_SCHEMAS;

	/** Constraints on relations; the caller may append a condition. */
	static final String CONSTRAINTS = "SELECT co.oid, co.conrelid, co.conname, co.contype, co.convalidated,"
			+ " co.conindid, coalesce(co.conkey::text, ''),"
			+ " CASE WHEN co.contype = 'c' THEN pg_get_constraintdef(co.oid) END"
			+ " FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace" + " WHERE co.conrelid <> 0 AND "
			+ USER_SCHEMAS;

	static final String FUNCTIONS = "SELECT p.oid, n.nspname || '.' || p.proname || '('"
			+ " || pg_get_function_identity_arguments(p.oid) || ')'"
			+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS;

	static final String TYPES = "SELECT t.oid, n.nspname || '.' || t.typname FROM pg_type t"
			+ " JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class c ON c.oid = t.typrelid"
			+ " WHERE (t.typtype IN ('e', 'd', 'r') OR c.relkind = 'c') AND " + USER_SCHEMAS;

	static final String ENUM_VALUES = "SELECT e.oid, e.enumtypid, e.enumlabel FROM pg_enum e"
			+ " JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE "
			+ USER_SCHEMAS;

	/**
	 * A table, view, index or sequence.
	 *
	 * @param oid the OID
	 * @param name {@code schema.name}
	 * @param kind {@code pg_class.relkind}
	 * @param fileNode the file node: a new one means the relation was rewritten
	 * @param table an index's table, a serial or identity sequence's owning table, else 0
	 * @param parent a partition's parent table, else 0
	 * @param unique whether an index is unique
	 * @param primary whether an index is a primary key's
	 * @param keys an index's key columns (attribute numbers, 0 for an expression)
	 */
	record Relation(long oid, String name, char kind, long fileNode, long table, long parent, boolean unique,
			boolean primary, List<Integer> keys) {

		boolean isIndex() {
			return this.kind == 'i' || this.kind == 'I';
		}

		boolean isView() {
			return this.kind == 'v' || this.kind == 'm';
		}

	}

	/** A column, keyed by {@code relationOid:attnum}. */
	record Column(long relation, int number, String name, String type, char category, boolean notNull,
			@Nullable String defaultExpression, char generated, char identity, boolean dropped) {

		String key() {
			return this.relation + ":" + this.number;
		}

		boolean hasDefault() {
			return this.defaultExpression != null && this.generated != 's';
		}

	}

	/** A constraint; {@code definition} only for CHECK constraints. */
	record Constraint(long oid, long relation, String name, char type, boolean validated, long index,
			List<Integer> keys, @Nullable String definition) {

	}

	/** A label of an enum type. */
	record EnumValue(long oid, long type, String label) {

	}

	/**
	 * Reads the user catalog.
	 * @param connection the rehearsal's connection
	 * @param tracker the runner's tracker table, left out
	 * @return the state
	 * @throws SQLException on a database error
	 */
	static CatalogState read(Connection connection, @Nullable TableName tracker) throws SQLException {
		Map<Long, Relation> relations = new HashMap<>();
		Map<String, Column> columns = new HashMap<>();
		Map<Long, Constraint> constraints = new HashMap<>();
		Map<Long, String> functions = new HashMap<>();
		Map<Long, String> types = new HashMap<>();
		Map<Long, EnumValue> enumValues = new HashMap<>();
		try (Statement statement = connection.createStatement()) {
			statement.execute(String.join(";", RELATIONS, COLUMNS, CONSTRAINTS, FUNCTIONS, TYPES, ENUM_VALUES));
			try (ResultSet rs = statement.getResultSet()) {
				readRelations(rs, relations);
			}
			try (ResultSet rs = next(statement)) {
				readColumns(rs, columns);
			}
			try (ResultSet rs = next(statement)) {
				readConstraints(rs, constraints);
			}
			readNames(statement, functions, types, enumValues);
		}
		return of(tracker, relations, columns, constraints, functions, types, enumValues);
	}

	static CatalogState of(@Nullable TableName tracker, Map<Long, Relation> relations, Map<String, Column> columns,
			Map<Long, Constraint> constraints, Map<Long, String> functions, Map<Long, String> types,
			Map<Long, EnumValue> enumValues) {
		if (tracker != null) {
			withoutTracker(tracker, relations, columns, constraints);
		}
		return new CatalogState(relations, columns, constraints, functions, types, enumValues);
	}

	static void readRelations(ResultSet rs, Map<Long, Relation> relations) throws SQLException {
		while (rs.next()) {
			relations.put(rs.getLong(1),
					new Relation(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0), rs.getLong(4),
							rs.getLong(5), rs.getLong(6), rs.getBoolean(7), rs.getBoolean(8),
							numbers(rs.getString(9))));
		}
	}

	static void readColumns(ResultSet rs, Map<String, Column> columns) throws SQLException {
		while (rs.next()) {
			Column column = new Column(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					character(rs.getString(5)), rs.getBoolean(6), rs.getString(7), character(rs.getString(8)),
					character(rs.getString(9)), rs.getBoolean(10));
			columns.put(column.key(), column);
		}
	}

	static void readConstraints(ResultSet rs, Map<Long, Constraint> constraints) throws SQLException {
		while (rs.next()) {
			constraints.put(rs.getLong(1),
					new Constraint(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4).charAt(0),
							rs.getBoolean(5), rs.getLong(6), numbers(rs.getString(7)), rs.getString(8)));
		}
	}

	/** The next three result sets: functions, types, enum values. */
	static void readNames(Statement statement, Map<Long, String> functions, Map<Long, String> types,
			Map<Long, EnumValue> enumValues) throws SQLException {
		try (ResultSet rs = next(statement)) {
			while (rs.next()) {
				functions.put(rs.getLong(1), rs.getString(2));
			}
		}
		try (ResultSet rs = next(statement)) {
			while (rs.next()) {
				types.put(rs.getLong(1), rs.getString(2));
			}
		}
		try (ResultSet rs = next(statement)) {
			while (rs.next()) {
				enumValues.put(rs.getLong(1), new EnumValue(rs.getLong(1), rs.getLong(2), rs.getString(3)));
			}
		}
	}

	static ResultSet next(Statement statement) throws SQLException {
		if (!statement.getMoreResults()) {
			throw new IllegalStateException("The catalog query returned fewer result sets than expected");
		}
		return statement.getResultSet();
	}

	private static void withoutTracker(TableName tracker, Map<Long, Relation> relations, Map<String, Column> columns,
			Map<Long, Constraint> constraints) {
		String name = tracker.schema() + "." + tracker.table();
		relations.values()
			.stream()
			.filter((relation) -> relation.name().equals(name) && !relation.isIndex())
			.map(Relation::oid)
			.findFirst()
			.ifPresent((oid) -> {
				relations.values().removeIf((relation) -> relation.oid() == oid || relation.table() == oid);
				columns.values().removeIf((column) -> column.relation() == oid);
				constraints.values().removeIf((constraint) -> constraint.relation() == oid);
			});
	}

	/** Parses {@code {1,2}} (an array) or {@code 1 2} (an int2vector). */
	private static List<Integer> numbers(@Nullable String text) {
		List<Integer> numbers = new ArrayList<>();
		if (text != null) {
			for (String part : text.replaceAll("[{}]", " ").split("[ ,]+")) {
				if (!part.isBlank()) {
					numbers.add(Integer.parseInt(part.strip()));
				}
			}
		}
		return numbers;
	}

	private static char character(@Nullable String text) {
		return (text == null || text.isEmpty()) ? ' ' : text.charAt(0);
	}

	String relationName(long oid) {
		Relation relation = this.relations.get(oid);
		return (relation != null) ? relation.name() : "oid " + oid;
	}

	/** The column {@code relation:number}, or {@code null}. */
	@Nullable Column column(long relation, int number) {
		return this.columns.get(relation + ":" + number);
	}

	/** {@code schema.table.column}, or the table name when the column is unknown. */
	String columnName(long relation, int number) {
		Column column = column(relation, number);
		return relationName(relation) + ((column != null) ? "." + column.name() : "");
	}

}
