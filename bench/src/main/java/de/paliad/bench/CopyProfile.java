package de.paliad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.test.DatabaseTemplates;
import de.paliad.migration.test.PostgresServer;

/**
 * Where the time of one template copy goes: the parts of {@code DatabaseTemplates.copy}
 * timed one by one on the copy benchmark's 342-file set — opening the admin connection,
 * {@code CREATE DATABASE … TEMPLATE …} with each strategy, the same after an explicit
 * {@code CHECKPOINT} (so the copy's own checkpoints find nothing to write), the server's
 * checkpoint statistics around each copy, and the drop. Prints a table; not part of any
 * build. Run it with the bench module's class path:
 * {@code java -cp … de.paliad.bench.CopyProfile} ({@code -Dbench.copy.n},
 * {@code -Dbench.copy.runs}).
 */
public final class CopyProfile {

	private CopyProfile() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		int n = Integer.getInteger("bench.copy.n", 342);
		int runs = Integer.getInteger("bench.copy.runs", 9);
		Path work = Paths.get(System.getProperty("bench.work", "bench/target/bench-work")).resolve("copy-profile");
		Files.createDirectories(work);
		Path files = MigrationSetGenerator.write(work, n, Set.of()).resolve("paliad");
		MigrationConfiguration configuration = MigrationConfiguration.builder()
			.locations("filesystem:" + files)
			.build();
		System.out
			.println("Copy profile: " + n + " migrations, " + runs + " rounds; load " + Environment.loadAverage());
		try (BenchServer bench = BenchServer.start()) {
			PostgresServer server = PostgresServer.of(bench.jdbcUrl("postgres"), BenchServer.USER,
					BenchServer.PASSWORD);
			String template = DatabaseTemplates.on(server).template(configuration);
			try (Connection admin = connect(bench)) {
				System.out.println("template " + template + ": "
						+ single(admin, "SELECT pg_size_pretty(pg_database_size('" + template + "')) || ', '"
								+ " || (SELECT count(*) FROM pg_class) || ' relations in postgres'"));
				List<long[]> rows = new ArrayList<>();
				for (int round = 0; round < runs; round++) {
					long start = System.nanoTime();
					connect(bench).close();
					long connectMs = ms(start);
					long[] fileCopy = create(admin, template, "FILE_COPY", "p_fc_" + round, false);
					long[] afterCheckpoint = create(admin, template, "FILE_COPY", "p_fcc_" + round, true);
					long[] walLog = create(admin, template, "WAL_LOG", "p_wal_" + round, false);
					start = System.nanoTime();
					for (String name : List.of("p_fc_", "p_fcc_", "p_wal_")) {
						execute(admin, "DROP DATABASE " + name + round + " WITH (FORCE)");
					}
					long dropMs = ms(start) / 3;
					rows.add(new long[] { connectMs, fileCopy[0], fileCopy[1], fileCopy[2], afterCheckpoint[3],
							afterCheckpoint[0], walLog[0], dropMs });
					System.out.printf(
							"round %d: connect %d | FILE_COPY %d (checkpoints %d, their write+sync %d ms) |"
									+ " CHECKPOINT %d + FILE_COPY %d | WAL_LOG %d | drop %d ms%n",
							round + 1, connectMs, fileCopy[0], fileCopy[1], fileCopy[2], afterCheckpoint[3],
							afterCheckpoint[0], walLog[0], dropMs);
				}
				String[] names = { "open a connection", "CREATE DATABASE … STRATEGY FILE_COPY",
						"  checkpoints it caused", "  their write+sync time (ms)", "explicit CHECKPOINT first",
						"  then FILE_COPY", "CREATE DATABASE … STRATEGY WAL_LOG", "DROP DATABASE … WITH (FORCE)" };
				System.out.println("| part | median | min–max |\n| --- | ---: | ---: |");
				for (int column = 0; column < names.length; column++) {
					List<Long> values = new ArrayList<>();
					for (long[] row : rows) {
						values.add(row[column]);
					}
					System.out.println("| " + names[column] + " | " + Stats.ms(Stats.median(values)) + " | "
							+ values.stream().mapToLong(Long::longValue).min().orElse(0) + "–"
							+ values.stream().mapToLong(Long::longValue).max().orElse(0) + " |");
				}
			}
			System.out.println("load after " + Environment.loadAverage());
		}
	}

	/**
	 * One copy: its time, how many checkpoints ran meanwhile and their write+sync time,
	 * and the explicit checkpoint's time.
	 */
	private static long[] create(Connection admin, String template, String strategy, String name,
			boolean checkpointFirst) throws SQLException {
		long checkpointMs = 0;
		if (checkpointFirst) {
			long start = System.nanoTime();
			execute(admin, "CHECKPOINT");
			checkpointMs = ms(start);
		}
		long[] before = checkpoints(admin);
		long start = System.nanoTime();
		execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY " + strategy);
		long createMs = ms(start);
		long[] after = checkpoints(admin);
		return new long[] { createMs, after[0] - before[0], after[1] - before[1], checkpointMs };
	}

	/** Requested checkpoints and their write+sync milliseconds (PostgreSQL 17). */
	private static long[] checkpoints(Connection admin) throws SQLException {
		try (Statement statement = admin.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT num_requested + num_timed, (write_time + sync_time)::bigint FROM pg_stat_checkpointer")) {
			result.next();
			return new long[] { result.getLong(1), result.getLong(2) };
		}
	}

	private static Connection connect(BenchServer bench) throws SQLException {
		return DriverManager.getConnection(bench.jdbcUrl("postgres"), BenchServer.USER, BenchServer.PASSWORD);
	}

	private static String single(Connection admin, String sql) throws SQLException {
		try (Statement statement = admin.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static void execute(Connection admin, String sql) throws SQLException {
		try (Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long ms(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
