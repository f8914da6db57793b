package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The tracker table: one row per applied migration. All SQL against it lives here.
 */
final class Tracker {

	private static final String UNDEFINED_TABLE = "42P01";

	private final TableName table;

	Tracker(TableName table) {
		this.table = table;
	}

	TableName table() {
		return this.table;
	}

	/**
	 * Creates the tracker's schema unless it exists. Checks first because PostgreSQL
	 * checks the CREATE privilege on the database before IF NOT EXISTS, and a production
	 * migration role often lacks it while its schema exists.
	 */
	void createSchemaIfMissing(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
			statement.setString(1, this.table.schema());
			try (ResultSet rs = statement.executeQuery()) {
				if (rs.next()) {
					return;
				}
			}
		}
		execute(connection, "CREATE SCHEMA IF NOT EXISTS " + this.table.quotedSchema());
	}

	void create(Connection connection) throws SQLException {
		execute(connection, "CREATE TABLE IF NOT EXISTS " + this.table.quoted() + " ("
				+ "version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),"
				+ " checksum text NULL, execution_ms integer NULL, applied_by text NULL)");
	}

	boolean exists(Connection connection) throws SQLException {
		return relationExists(connection, this.table);
	}

	static boolean relationExists(Connection connection, TableName table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, table.quoted());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/** The applied set, in one query; empty when the table does not exist yet. */
	List<AppliedMigration> readApplied(Connection connection) throws SQLException {
		return exists(connection) ? select(connection) : List.of();
	}

	/**
	 * The applied set, or {@code null} when the table does not exist yet, in one round
	 * trip: the SELECT itself tells a missing table ({@code 42P01}), so the caller need
	 * not ask first, nor create an existing tracker. Autocommit only: the error of a
	 * missing table would abort a surrounding transaction (and the server logs it, once,
	 * on the first run against a database).
	 */
	@Nullable List<AppliedMigration> readAppliedIfExists(Connection connection) throws SQLException {
		try {
			return select(connection);
		}
		catch (SQLException ex) {
			if (UNDEFINED_TABLE.equals(ex.getSQLState())) {
				return null;
			}
			throw ex;
		}
	}

	private List<AppliedMigration> select(Connection connection) throws SQLException {
		List<AppliedMigration> applied = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT version, name, applied_at, checksum, execution_ms,"
						+ " applied_by FROM " + this.table.quoted() + " ORDER BY version")) {
			while (rs.next()) {
				// OffsetDateTime: the driver parses it without Calendar and TimeZone,
				// a visible cost over thousands of rows at boot.
				OffsetDateTime appliedAt = rs.getObject(3, OffsetDateTime.class);
				int executionMs = rs.getInt(5);
				applied.add(new AppliedMigration(rs.getLong(1), rs.getString(2),
						(appliedAt != null) ? appliedAt.toInstant() : null, rs.getString(4),
						rs.wasNull() ? null : executionMs, rs.getString(6)));
			}
		}
		return applied;
	}

	void insert(Connection connection, Migration migration, String checksum, @Nullable Integer executionMs,
			@Nullable String appliedBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table.quoted()
				+ " (version, name, checksum, execution_ms, applied_by) VALUES (?, ?, ?, ?, current_user || ?)")) {
			statement.setLong(1, migration.version());
			statement.setString(2, migration.name());
			statement.setString(3, checksum);
			if (executionMs != null) {
				statement.setInt(4, executionMs);
			}
			else {
				statement.setNull(4, Types.INTEGER);
			}
			statement.setString(5, (appliedBy != null && !appliedBy.isEmpty()) ? "@" + appliedBy : "");
			statement.executeUpdate();
		}
	}

	/**
	 * Inserts a row for a version applied by some other tool; never overwrites an
	 * existing row.
	 */
	boolean insertImported(Connection connection, long version, String name, String appliedBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table.quoted()
				+ " (version, name, checksum, applied_by) VALUES (?, ?, NULL, ?) ON CONFLICT (version) DO NOTHING")) {
			statement.setLong(1, version);
			statement.setString(2, name);
			statement.setString(3, appliedBy);
			return statement.executeUpdate() == 1;
		}
	}

	void updateChecksum(Connection connection, long version, String checksum) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE " + this.table.quoted() + " SET checksum = ? WHERE version = ?")) {
			statement.setString(1, checksum);
			statement.setLong(2, version);
			statement.executeUpdate();
		}
	}

	void delete(Connection connection, long version) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.table.quoted() + " WHERE version = ?")) {
			statement.setLong(1, version);
			statement.executeUpdate();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
