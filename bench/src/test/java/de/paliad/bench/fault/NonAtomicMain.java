package de.paliad.bench.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The negative control of fault 1: a runner without atomicity (each file's statements in
 * autocommit, its tracker row afterwards). Killed mid-migration it must leave the
 * half-done state the consistency check is built to find; if the check passed this
 * runner, the check would prove nothing. Arguments: JDBC URL, user, password, folder,
 * application name.
 */
public final class NonAtomicMain {

	private NonAtomicMain() {
	}

	public static void main(String[] args) throws Exception {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		dataSource.setPassword(args[2]);
		dataSource.setApplicationName(args[4]);
		List<Path> files;
		try (Stream<Path> list = Files.list(Paths.get(args[3]))) {
			files = list.sorted().toList();
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(
					"CREATE TABLE IF NOT EXISTS applied_migrations (version bigint PRIMARY KEY, name text NOT NULL,"
							+ " checksum text)");
			for (Path file : files) {
				for (String sql : Files.readString(file).split(";\n")) {
					if (!sql.isBlank()) {
						statement.execute(sql);
					}
				}
				String name = file.getFileName().toString();
				String checksum = java.util.HexFormat.of()
					.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
				statement.execute("INSERT INTO applied_migrations VALUES (" + Long.parseLong(name.substring(0, 3))
						+ ", 'x', '" + checksum + "')");
			}
		}
	}

}
