package de.paliad.bench.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A migration set whose every migration leaves four traces that can be checked one by
 * one: a table {@code f_<v>} with {@value #ROWS} rows, a column {@code fault_base.c_<v>},
 * a row in {@code fault_marker}, and its tracker row. The migrations are written to be
 * re-runnable ({@code IF NOT EXISTS}, a marker table without a key), so a migration
 * applied twice does not fail but shows up as two markers and twice the rows.
 */
final class FaultSet {

	static final int ROWS = 5000;

	private final Path directory;

	private final int size;

	private FaultSet(Path directory, int size) {
		this.directory = directory;
		this.size = size;
	}

	/**
	 * Writes migrations {@code 1..size}; those in {@code sleeps} wait that many seconds
	 * ({@code pg_sleep}) between their DDL and their marker, inside their transaction.
	 */
	static FaultSet write(Path directory, int size, Map<Integer, Double> sleeps) throws IOException {
		Files.createDirectories(directory);
		for (int v = 1; v <= size; v++) {
			String sleep = sleeps.containsKey(v) ? "SELECT pg_sleep(" + sleeps.get(v) + ");\n" : "";
			Files.writeString(directory.resolve(String.format("%03d_fault_step_%d.up.sql", v, v)), """
					-- Fault-suite migration %1$d: four traces that must appear together or not at all.
					CREATE TABLE IF NOT EXISTS f_%1$d (id int NOT NULL, payload text NOT NULL);
					INSERT INTO f_%1$d SELECT g, md5(g::text) FROM generate_series(1, %2$d) AS g;
					ALTER TABLE fault_base ADD COLUMN IF NOT EXISTS c_%1$d int;
					UPDATE fault_base SET c_%1$d = %1$d;
					%3$sINSERT INTO fault_marker (version) VALUES (%1$d);
					""".formatted(v, ROWS, sleep), StandardCharsets.UTF_8);
		}
		return new FaultSet(directory, size);
	}

	String location() {
		return "filesystem:" + this.directory.toAbsolutePath();
	}

	int size() {
		return this.size;
	}

	/**
	 * The application's own tables, which exist before the first migration (the "old
	 * version's" schema).
	 */
	void prepare(FaultServer server, String database) {
		server.execute(database, "CREATE TABLE fault_base (id int PRIMARY KEY)",
				"INSERT INTO fault_base VALUES (1), (2)",
				"CREATE TABLE fault_marker (version int NOT NULL, at timestamptz NOT NULL DEFAULT now())");
	}

	/** Reads every migration's traces. */
	List<MigrationState> read(FaultServer server, String database) throws SQLException, IOException {
		List<MigrationState> states = new ArrayList<>();
		try (Connection connection = server.dataSource(database, "fault-check").getConnection()) {
			boolean trackerExists = exists(connection, "applied_migrations");
			for (int v = 1; v <= this.size; v++) {
				String checksum = trackerExists
						? string(connection,
								"SELECT coalesce(checksum, 'NULL') FROM applied_migrations WHERE version = " + v)
						: null;
				boolean table = exists(connection, "f_" + v);
				long rows = table ? number(connection, "SELECT count(*) FROM f_" + v) : 0;
				boolean column = number(connection, "SELECT count(*) FROM information_schema.columns"
						+ " WHERE table_name = 'fault_base' AND column_name = 'c_" + v + "'") == 1;
				long markers = number(connection, "SELECT count(*) FROM fault_marker WHERE version = " + v);
				states.add(new MigrationState(v, checksum != null, checksum, expectedChecksum(v), table, rows, column,
						markers));
			}
		}
		return states;
	}

	private String expectedChecksum(int v) throws IOException {
		Path file = this.directory.resolve(String.format("%03d_fault_step_%d.up.sql", v, v));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean exists(Connection connection, String relation) throws SQLException {
		return number(connection, "SELECT count(*) FROM pg_class WHERE relname = '" + relation + "'") > 0;
	}

	private static long number(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String string(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	/**
	 * One migration's traces.
	 *
	 * @param version the version
	 * @param tracked whether the tracker has a row for it
	 * @param checksum the tracker row's checksum
	 * @param expectedChecksum SHA-256 of the file
	 * @param table whether {@code f_<v>} exists
	 * @param rows its rows
	 * @param column whether {@code fault_base.c_<v>} exists
	 * @param markers its rows in {@code fault_marker}
	 */
	record MigrationState(int version, boolean tracked, String checksum, String expectedChecksum, boolean table,
			long rows, boolean column, long markers) {

		/** Exactly before the migration: no trace at all, tracker included. */
		boolean before() {
			return !this.tracked && !this.table && this.rows == 0 && !this.column && this.markers == 0;
		}

		/**
		 * Exactly after it: every trace once, and the tracker row with the file's
		 * checksum.
		 */
		boolean after() {
			return this.tracked && this.expectedChecksum.equals(this.checksum) && this.table && this.rows == ROWS
					&& this.column && this.markers == 1;
		}

		boolean consistent() {
			return before() || after();
		}

		/** Traces of a second application: a second marker or twice the rows. */
		boolean appliedTwice() {
			return this.markers > 1 || this.rows > ROWS;
		}

	}

}
