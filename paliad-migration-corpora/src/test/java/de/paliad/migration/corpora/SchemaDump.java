package de.paliad.migration.corpora;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * A database's schema as sorted text lines, read from the catalogs over JDBC, so two
 * databases built by different tools can be compared: schemas, extensions, relations,
 * columns (type, nullability, default, identity, generated, collation), constraints
 * ({@code pg_get_constraintdef}), indexes ({@code pg_get_indexdef}, validity), views
 * ({@code pg_get_viewdef}), functions ({@code pg_get_functiondef}), enum labels in order,
 * domains, sequences, triggers, rules, policies and comments. Each line is
 * {@code <kind> <object>: <definition>}. The runner's tracker table, and everything that
 * depends on it, is left out: psql does not create it.
 */
final class SchemaDump {

	private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

	/** The tracker's oid and everything depending on it (its indexes, sequences). */
	private static final String EXCLUDED = "(SELECT t.oid FROM pg_class t WHERE t.oid = to_regclass(?) UNION "
			+ "SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.refobjid = to_regclass(?))";

	/**
	 * Objects that belong to an extension: created by CREATE EXTENSION, not by a
	 * migration.
	 */
	private static final String NOT_FROM_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = %s AND e.deptype = 'e')";

	private static final List<String> QUERIES = List.of(
			"SELECT 'schema ' || n.nspname || ': owner ' || pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE "
					+ USER_SCHEMA,
			"SELECT 'extension ' || extname || ': ' || extversion || ' in ' || extnamespace::regnamespace FROM pg_extension",
			"SELECT 'relation ' || n.nspname || '.' || c.relname || ': kind ' || c.relkind::text || ' persistence '"
					+ " || c.relpersistence::text || ' rls ' || c.relrowsecurity"
					+ " || coalesce(' partitioned by ' || pg_get_partkeydef(c.oid), '')"
					+ " || coalesce(' inherits ' || (SELECT string_agg(i.inhparent::regclass::text, ',' ORDER BY i.inhseqno)"
					+ " FROM pg_inherits i WHERE i.inhrelid = c.oid), '')"
					+ " || coalesce(' ' || pg_get_expr(c.relpartbound, c.oid), '')"
					+ " || coalesce(' options ' || array_to_string(c.reloptions, ','), '')"
					+ " || coalesce(' acl ' || c.relacl::text, '')"
					+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c', 'S') AND " + USER_SCHEMA
					+ " AND c.oid NOT IN " + EXCLUDED + " AND " + NOT_FROM_EXTENSION.formatted("c.oid"),
			"SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' #' || a.attnum || ': '"
					+ " || format_type(a.atttypid, a.atttypmod)"
					+ " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
					+ " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
					+ " || CASE a.attidentity WHEN '' THEN '' ELSE ' IDENTITY ' || a.attidentity::text END"
					+ " || CASE a.attgenerated WHEN '' THEN '' ELSE ' GENERATED ' || a.attgenerated::text END"
					+ " || CASE WHEN a.attcollation <> t.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END"
					+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
					+ " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
					+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
					+ " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND "
					+ USER_SCHEMA + " AND c.oid NOT IN " + EXCLUDED + " AND " + NOT_FROM_EXTENSION.formatted("c.oid"),
			"SELECT 'constraint ' || coalesce(k.conrelid::regclass::text, k.contypid::regtype::text) || '.' || k.conname"
					+ " || ': ' || pg_get_constraintdef(k.oid)"
					+ " || CASE WHEN k.condeferrable THEN ' (deferrable)' ELSE '' END"
					+ " FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE " + USER_SCHEMA
					+ " AND k.conrelid NOT IN " + EXCLUDED,
			"SELECT 'index ' || n.nspname || '.' || c.relname || ': ' || pg_get_indexdef(i.indexrelid)"
					+ " || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END"
					+ " || CASE WHEN i.indisclustered THEN ' (clustered)' ELSE '' END"
					+ " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE " + USER_SCHEMA + " AND i.indrelid NOT IN " + EXCLUDED,
			"SELECT 'view ' || n.nspname || '.' || c.relname || ': ' || pg_get_viewdef(c.oid)"
					+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMA,
			"SELECT 'function ' || p.oid::regprocedure || ': '"
					+ " || CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE pg_get_functiondef(p.oid) END"
					+ " || coalesce(' acl ' || p.proacl::text, '')"
					+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA + " AND "
					+ NOT_FROM_EXTENSION.formatted("p.oid"),
			"SELECT 'enum ' || t.oid::regtype || ': ' || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
					+ " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
					+ " WHERE " + USER_SCHEMA + " GROUP BY t.oid",
			"SELECT 'domain ' || t.oid::regtype || ': ' || format_type(t.typbasetype, t.typtypmod)"
					+ " || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || t.typdefault, '')"
					+ " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND "
					+ USER_SCHEMA,
			"SELECT 'sequence ' || n.nspname || '.' || c.relname || ': ' || format_type(s.seqtypid, NULL)"
					+ " || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin"
					+ " || ' max ' || s.seqmax || ' cache ' || s.seqcache || ' cycle ' || s.seqcycle"
					+ " || coalesce(' owned by ' || (SELECT d.refobjid::regclass::text || '.' || a.attname FROM pg_depend d"
					+ " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
					+ " WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.deptype IN ('a', 'i')), '')"
					+ " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE " + USER_SCHEMA + " AND c.oid NOT IN " + EXCLUDED,
			"SELECT 'trigger ' || g.tgrelid::regclass || '.' || g.tgname || ': ' || pg_get_triggerdef(g.oid)"
					+ " || ' enabled ' || g.tgenabled::text FROM pg_trigger g WHERE NOT g.tgisinternal AND g.tgrelid NOT IN "
					+ EXCLUDED,
			"SELECT 'rule ' || schemaname || '.' || tablename || '.' || rulename || ': ' || definition FROM pg_rules n"
					+ " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
			"SELECT 'policy ' || schemaname || '.' || tablename || '.' || policyname || ': ' || permissive || ' ' || cmd"
					+ " || ' to ' || array_to_string(roles, ',') || coalesce(' using ' || qual, '')"
					+ " || coalesce(' check ' || with_check, '') FROM pg_policies",
			"SELECT 'comment ' || o.type || ' ' || o.identity || ': ' || d.description FROM pg_description d,"
					+ " pg_identify_object(d.classoid, d.objoid, d.objsubid) o"
					// System objects have oids below FirstNormalObjectId (16384);
					// skipping
					// them first keeps pg_identify_object off thousands of catalog rows.
					+ " WHERE d.objoid >= 16384 AND o.schema IS NOT NULL AND o.schema NOT IN ('pg_catalog', 'information_schema')"
					+ " AND o.schema NOT LIKE 'pg\\_%'");

	private SchemaDump() {
	}

	/**
	 * Reads a database's schema.
	 * @param dataSource the database
	 * @param trackerTable the runner's tracker, e.g. {@code public.applied_migrations},
	 * left out of the dump
	 * @return the sorted lines
	 */
	static List<String> of(DataSource dataSource, String trackerTable) {
		try (Connection connection = dataSource.getConnection()) {
			return of(connection, trackerTable);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the schema: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads the schema as one connection sees it, uncommitted changes included.
	 * @param connection the connection
	 * @param trackerTable the runner's tracker, left out of the dump
	 * @return the sorted lines
	 */
	static List<String> of(Connection connection, String trackerTable) {
		TreeSet<String> lines = new TreeSet<>();
		try {
			for (String query : QUERIES) {
				try (PreparedStatement statement = connection.prepareStatement(query)) {
					int parameters = statement.getParameterMetaData().getParameterCount();
					for (int i = 1; i <= parameters; i++) {
						statement.setString(i, trackerTable);
					}
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							lines.add(rows.getString(1));
						}
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the schema: " + ex.getMessage(), ex);
		}
		return List.copyOf(lines);
	}

	/**
	 * What differs between two dumps, grouped by object ({@code <kind> <object>}): lines
	 * only one side has, and both sides' definitions where they disagree.
	 * @param expectedName what the expected dump is, e.g. {@code psql}
	 * @param expected the expected dump
	 * @param actualName what the actual dump is, e.g. {@code runner}
	 * @param actual the actual dump
	 * @return the differences, one block per object, or an empty string when equal
	 */
	static String diff(String expectedName, List<String> expected, String actualName, List<String> actual) {
		Map<String, List<String>> onlyExpected = byObject(without(expected, actual));
		Map<String, List<String>> onlyActual = byObject(without(actual, expected));
		TreeSet<String> objects = new TreeSet<>(onlyExpected.keySet());
		objects.addAll(onlyActual.keySet());
		StringBuilder report = new StringBuilder();
		int width = Math.max(expectedName.length(), actualName.length()) + 1;
		for (String object : objects) {
			report.append(object).append('\n');
			for (String line : onlyExpected.getOrDefault(object, List.of())) {
				report.append("  ")
					.append(pad(expectedName + ":", width))
					.append(' ')
					.append(definition(line))
					.append('\n');
			}
			for (String line : onlyActual.getOrDefault(object, List.of())) {
				report.append("  ")
					.append(pad(actualName + ":", width))
					.append(' ')
					.append(definition(line))
					.append('\n');
			}
		}
		return report.toString();
	}

	private static List<String> without(List<String> lines, List<String> others) {
		TreeSet<String> remove = new TreeSet<>(others);
		List<String> result = new ArrayList<>();
		for (String line : lines) {
			if (!remove.contains(line)) {
				result.add(line);
			}
		}
		return result;
	}

	private static Map<String, List<String>> byObject(List<String> lines) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (String line : lines) {
			result.computeIfAbsent(object(line), (key) -> new ArrayList<>()).add(line);
		}
		return result;
	}

	private static String object(String line) {
		int colon = line.indexOf(": ");
		return (colon < 0) ? line : line.substring(0, colon);
	}

	private static String definition(String line) {
		int colon = line.indexOf(": ");
		// Function bodies span lines; indent them under the side they belong to.
		return ((colon < 0) ? "(no definition)" : line.substring(colon + 2)).replace("\n", "\n      ");
	}

	private static String pad(String text, int width) {
		return text + String.join("", Collections.nCopies(Math.max(0, width - text.length()), " "));
	}

}
