package de.paliad.bench.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor: the least a correct applied-set runner must do, in plain JDBC. One advisory
 * lock, one SELECT of the applied set, SHA-256 of each file, one transaction per pending
 * migration (its SQL sent as one multi-statement string, then its tracker row), and no
 * other validation: no name check, no static checks, no lock or statement timeouts, no
 * blocker watch. Like every tool measured here it logs through SLF4J (one line per
 * applied migration and a summary), so logging's start-up is not counted as any tool's
 * overhead. Nothing real should ship like this; every real tool is measured against it.
 */
public final class FloorRunner {

	private static final long LOCK_KEY = 0x70616c6961646c6cL;

	private FloorRunner() {
	}

	public static void main(String[] args) {
		RunnerSupport.run(args, FloorRunner::migrate);
	}

	static void migrate(RunnerSupport.Arguments arguments) throws Exception {
		// Created here, not in a static field, so logging starts inside the measured main
		// as it does for the other tools.
		Logger logger = LoggerFactory.getLogger(FloorRunner.class);
		List<Path> files;
		try (Stream<Path> list = Files.list(arguments.directory())) {
			files = list.filter((f) -> f.getFileName().toString().endsWith(".up.sql"))
				.sorted((a, b) -> Long.compare(version(a), version(b)))
				.toList();
		}
		try (Connection connection = DriverManager.getConnection(arguments.jdbcUrl(), arguments.user(),
				arguments.password()); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
			try {
				statement.execute("CREATE TABLE IF NOT EXISTS floor_migrations (version bigint PRIMARY KEY,"
						+ " name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
				Map<Long, String> applied = new HashMap<>();
				try (ResultSet rs = statement.executeQuery("SELECT version, checksum FROM floor_migrations")) {
					while (rs.next()) {
						applied.put(rs.getLong(1), rs.getString(2));
					}
				}
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				int count = 0;
				for (Path file : files) {
					byte[] content = Files.readAllBytes(file);
					String checksum = HexFormat.of().formatHex(sha256.digest(content));
					long version = version(file);
					if (applied.containsKey(version)) {
						continue;
					}
					apply(connection, statement, file, version, new String(content, "UTF-8"), checksum);
					logger.info("Applied {}", file.getFileName());
					count++;
				}
				logger.info("{} applied, {} on disk", count, files.size());
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
			}
		}
	}

	private static void apply(Connection connection, Statement statement, Path file, long version, String sql,
			String checksum) throws Exception {
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO floor_migrations (version, name, checksum) VALUES (?, ?, ?)")) {
			statement.execute(sql);
			insert.setLong(1, version);
			insert.setString(2, file.getFileName().toString());
			insert.setString(3, checksum);
			insert.executeUpdate();
			connection.commit();
		}
		catch (Exception ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private static long version(Path file) {
		String name = file.getFileName().toString();
		return Long.parseLong(name.substring(0, name.indexOf('_')));
	}

}
