package de.paliad.bench.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL 17 for the fault suite, durable as in production ({@code fsync} and
 * {@code synchronous_commit} on, unlike the fast test fixture), on a data directory of
 * its own, so it can be restarted under a running migration with the server's own
 * {@code pg_ctl}.
 */
final class FaultServer implements AutoCloseable {

	static final String USER = "postgres";

	static final String PASSWORD = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private FaultServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	static FaultServer start(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory.getParent());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(true)
				// 16 sample apps with a Hikari pool of 10 each, their migrators and
				// blocker watches.
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.start();
			return new FaultServer(postgres, dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL for the fault suite", ex);
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	DataSource dataSource(String database, String applicationName) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl(database));
		dataSource.setUser(USER);
		dataSource.setPassword(PASSWORD);
		dataSource.setApplicationName(applicationName);
		return dataSource;
	}

	void createDatabase(String name) {
		execute("postgres", "CREATE DATABASE " + name);
	}

	void execute(String database, String... sql) {
		try (Connection connection = dataSource(database, "fault-suite").getConnection();
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Fault-suite SQL failed: " + ex.getMessage(), ex);
		}
	}

	/** The first column of the first row of {@code sql}. */
	String query(String database, String sql) {
		try (Connection connection = dataSource(database, "fault-suite").getConnection();
				Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Fault-suite SQL failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Restarts the server with {@code pg_ctl restart}: {@code fast} ends every session
	 * (SQLSTATE 57P01) and checkpoints, {@code immediate} is a crash followed by WAL
	 * recovery.
	 */
	void restart(String mode, Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// As the embedded server itself does: PostgreSQL refuses to run as root, so
			// run it as
			// an unprivileged user in a user namespace.
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(pgCtl().toString(), "-D", this.dataDirectory.toString(), "-m", mode, "-w", "-t", "120",
				"-l", log.toString(), "restart"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("pg_ctl restart -m " + mode + " failed; see " + log);
		}
	}

	/**
	 * The {@code pg_ctl} next to the {@code postgres} binary the server was started with
	 * ({@code postmaster.opts}).
	 */
	private Path pgCtl() throws IOException {
		String options = Files.readString(this.dataDirectory.resolve("postmaster.opts")).strip();
		int space = options.indexOf(' ');
		return Paths.get((space < 0) ? options : options.substring(0, space)).resolveSibling("pg_ctl");
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
