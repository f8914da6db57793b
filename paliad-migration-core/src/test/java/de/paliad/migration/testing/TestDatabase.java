package de.paliad.migration.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database on the shared test server, dropped on {@link #close()}. Real
 * PostgreSQL: {@link TestDatabases} starts an embedded server, or uses the server of
 * {@code PALIAD_TEST_JDBC_URL}.
 */
public final class TestDatabase implements AutoCloseable {

	private final TestDatabases.Server server;

	private final String name;

	TestDatabase(TestDatabases.Server server, String name) {
		this.server = server;
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	public String jdbcUrl() {
		return this.server.jdbcUrl(this.name);
	}

	public String user() {
		return this.server.user();
	}

	public String password() {
		return this.server.password();
	}

	/**
	 * A new, unpooled data source: every {@code getConnection()} opens a real connection.
	 */
	public DataSource dataSource() {
		return dataSource(user(), password());
	}

	public DataSource dataSource(String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

	/** Runs SQL as the admin user, for test setup and inspection. */
	public void execute(String sql) {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test SQL failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.server.drop(this.name);
	}

}
