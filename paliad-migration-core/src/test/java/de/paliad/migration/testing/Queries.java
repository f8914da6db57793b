package de.paliad.migration.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Reads from a test database, for assertions.
 */
public final class Queries {

	private Queries() {
	}

	/** Every row of {@code sql}, each row's columns joined with {@code |}. */
	public static List<String> rows(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			List<String> rows = new ArrayList<>();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					row.append((i > 1) ? "|" : "").append(rs.getString(i));
				}
				rows.add(row.toString());
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + sql + ": " + ex.getMessage(), ex);
		}
	}

	/** The single value of {@code sql}. */
	public static String value(DataSource dataSource, String sql) {
		List<String> rows = rows(dataSource, sql);
		if (rows.size() != 1) {
			throw new IllegalStateException("Expected one row from " + sql + " but got " + rows);
		}
		return rows.get(0);
	}

	/**
	 * The versions in a tracker table, ascending; empty when the table does not exist.
	 */
	public static List<Long> trackedVersions(DataSource dataSource, String qualifiedTable) {
		if ("f".equals(value(dataSource, "SELECT to_regclass('" + qualifiedTable + "') IS NOT NULL"))) {
			return List.of();
		}
		return rows(dataSource, "SELECT version FROM " + qualifiedTable + " ORDER BY version").stream()
			.map(Long::valueOf)
			.toList();
	}

	/** Whether a column exists. */
	public static boolean columnExists(DataSource dataSource, String table, String column) {
		return "t".equals(value(dataSource, "SELECT count(*) > 0 FROM information_schema.columns WHERE table_name = '"
				+ table + "' AND column_name = '" + column + "'"));
	}

	/** Whether a relation exists (schema-qualified or on the search path). */
	public static boolean relationExists(DataSource dataSource, String relation) {
		return "t".equals(value(dataSource, "SELECT to_regclass('" + relation + "') IS NOT NULL"));
	}

	/**
	 * The user tables of the database (outside pg_catalog and information_schema),
	 * sorted.
	 */
	public static List<String> userTables(DataSource dataSource) {
		return rows(dataSource, "SELECT schemaname || '.' || tablename FROM pg_tables"
				+ " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
	}

	/** How many advisory locks are held in the database. */
	public static int advisoryLocks(DataSource dataSource) {
		return Integer.parseInt(value(dataSource, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
	}

}
