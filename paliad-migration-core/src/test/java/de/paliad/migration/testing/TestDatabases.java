package de.paliad.migration.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Hands out fresh databases on one real PostgreSQL server per JVM: an embedded server by
 * default (no Docker needed), or an external one when {@code PALIAD_TEST_JDBC_URL} is set
 * (with {@code PALIAD_TEST_USER} / {@code PALIAD_TEST_PASSWORD}, a role that may create
 * databases), e.g. a CI service container.
 */
public final class TestDatabases {

	private static final AtomicInteger counter = new AtomicInteger();

	private static Server server;

	private TestDatabases() {
	}

	/**
	 * Creates an empty database for one test.
	 * @return the database; close it to drop it
	 */
	public static TestDatabase create() {
		Server shared = server();
		String name = "paliad_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
		shared.execute("CREATE DATABASE " + name);
		return new TestDatabase(shared, name);
	}

	/** The server's major version, e.g. 17. */
	public static int serverMajorVersion() {
		try (Connection connection = server().admin().getConnection()) {
			return connection.getMetaData().getDatabaseMajorVersion();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static synchronized Server server() {
		if (server == null) {
			String url = System.getenv("PALIAD_TEST_JDBC_URL");
			server = (url != null && !url.isBlank()) ? Server.external(url) : Server.embedded();
		}
		return server;
	}

	/**
	 * The server databases are created on.
	 */
	static final class Server {

		private final String baseUrl;

		private final String user;

		private final String password;

		private Server(String baseUrl, String user, String password) {
			this.baseUrl = baseUrl;
			this.user = user;
			this.password = password;
		}

		static Server embedded() {
			EmbeddedPostgres postgres = EmbeddedServer.start(0);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (Exception ex) {
					// The JVM is going away; the server's data directory is temporary.
				}
			}));
			return new Server("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "postgres");
		}

		static Server external(String url) {
			int slash = url.indexOf('/', "jdbc:postgresql://".length());
			String base = (slash < 0) ? url + "/" : url.substring(0, slash + 1);
			String user = System.getenv().getOrDefault("PALIAD_TEST_USER", "postgres");
			String password = System.getenv().getOrDefault("PALIAD_TEST_PASSWORD", "postgres");
			return new Server(base, user, password);
		}

		String jdbcUrl(String database) {
			return this.baseUrl + database;
		}

		String user() {
			return this.user;
		}

		String password() {
			return this.password;
		}

		PGSimpleDataSource admin() {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(jdbcUrl("postgres"));
			dataSource.setUser(this.user);
			dataSource.setPassword(this.password);
			return dataSource;
		}

		void execute(String sql) {
			try (Connection connection = admin().getConnection(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Admin SQL failed on the test server: " + ex.getMessage(), ex);
			}
		}

		void drop(String database) {
			execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}

	}

}
