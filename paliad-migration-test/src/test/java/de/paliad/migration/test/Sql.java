package de.paliad.migration.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Small JDBC reads for the tests' assertions.
 */
public final class Sql {

	private Sql() {
	}

	public static String string(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	public static long number(DataSource dataSource, String sql) {
		return Long.parseLong(string(dataSource, sql));
	}

	public static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** Whether a database of that name exists on the server. */
	public static boolean exists(PostgresServer server, String database) {
		try (Connection connection = server.dataSource("postgres").getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1) > 0;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A template's flags: {@code datistemplate}, {@code datallowconn}. */
	public static String templateFlags(PostgresServer server, String database) {
		return string(server.dataSource("postgres"),
				"SELECT datistemplate || ',' || datallowconn FROM pg_database WHERE datname = '" + database + "'");
	}

}
