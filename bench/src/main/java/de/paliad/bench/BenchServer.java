package de.paliad.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import de.paliad.migration.testing.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL server one scenario runs against: the project's embedded test
 * server (PostgreSQL 17 from Maven artifacts, {@code fsync} and
 * {@code synchronous_commit} off, as in the tests), started outside the timing. Hands out
 * fresh databases, empty or copied from a prepared template.
 */
final class BenchServer implements AutoCloseable {

	static final String USER = "postgres";

	static final String PASSWORD = "postgres";

	private final EmbeddedPostgres postgres;

	private BenchServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static BenchServer start() {
		return new BenchServer(EmbeddedServer.start(0));
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database;
	}

	int port() {
		return this.postgres.getPort();
	}

	/**
	 * Creates a database, copied from {@code template} or empty. {@code FILE_COPY}
	 * checkpoints before and after the copy, so the copy's I/O does not spill into the
	 * measured run.
	 */
	void createDatabase(String name, String template) {
		String from = (template != null) ? template : "template0";
		execute("postgres", "CREATE DATABASE " + name + " TEMPLATE " + from + " STRATEGY FILE_COPY");
		execute("postgres", "CHECKPOINT");
	}

	void dropDatabase(String name) {
		execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	/**
	 * The single number {@code sql} returns in {@code database}, or -1 if the query fails
	 * (e.g. no tracker).
	 */
	long number(String database, String sql) {
		try (Connection connection = this.postgres.getDatabase(USER, database).getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	String serverVersion() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version")) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void execute(String database, String sql) {
		try (Connection connection = this.postgres.getDatabase(USER, database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Benchmark SQL failed: " + sql + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
