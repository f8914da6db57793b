package de.paliad.bench.fault;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fault scenarios share: where they work, how the migrating child is started,
 * and how a database is judged after a fault.
 */
final class FaultTrials {

	private FaultTrials() {
	}

	static Path work(String scenario) {
		return Paths.get(System.getProperty("fault.work", "target/fault-work")).toAbsolutePath().resolve(scenario);
	}

	static long seed() {
		return Long.getLong("fault.seed", System.nanoTime());
	}

	/**
	 * Starts {@link FaultMigrateMain} on {@code database}; {@code jvmOptions} may set the
	 * commit pauses.
	 */
	static ChildProcess migrate(FaultServer server, String database, FaultSet set, String applicationName,
			List<String> jvmOptions, long lockTimeoutMs, int lockRetries, Path log) throws IOException {
		List<String> options = new ArrayList<>(jvmOptions);
		options.add("-XX:TieredStopAtLevel=1");
		return ChildProcess.java(options, FaultMigrateMain.class.getName(),
				List.of(server.jdbcUrl(database), FaultServer.USER, FaultServer.PASSWORD, set.location(),
						applicationName, String.valueOf(lockTimeoutMs), String.valueOf(lockRetries)),
				log);
	}

	/**
	 * Starts {@link FaultMigrateMain} on {@code database} with the migrations at
	 * {@code location}.
	 */
	static ChildProcess migrateAt(FaultServer server, String database, String location, String applicationName,
			Path log) throws IOException {
		return ChildProcess.java(List.of("-XX:TieredStopAtLevel=1"), FaultMigrateMain.class.getName(),
				List.of(server.jdbcUrl(database), FaultServer.USER, FaultServer.PASSWORD, location, applicationName,
						"5000", "3"),
				log);
	}

	/**
	 * Waits until the server has no session of {@code applicationName} left: a killed
	 * client's backend lives on until it next talks to the socket (e.g. after a
	 * {@code pg_sleep}), and only then rolls back. Judging the database earlier would
	 * judge a transaction in flight.
	 */
	static void awaitSessionsGone(FaultServer server, String database, String applicationName, Duration timeout)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (sessions(server, database, applicationName, "") > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Sessions of " + applicationName + " still open after " + timeout);
			}
			Thread.sleep(20);
		}
	}

	/**
	 * Sessions of {@code applicationName} whose current query contains {@code queryText}.
	 */
	static long sessions(FaultServer server, String database, String applicationName, String queryText)
			throws SQLException {
		String sql = queryText.isEmpty() ? "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?"
				: "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND state = 'active'"
						+ " AND query LIKE '%" + queryText.replace("'", "''") + "%'";
		try (Connection connection = server.dataSource(database, "fault-watch").getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, applicationName);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Counts of one judged database. */
	record Verdict(int before, int after, int inconsistent, int appliedTwice, List<String> problems) {

		static Verdict of(List<FaultSet.MigrationState> states) {
			int before = 0;
			int after = 0;
			int inconsistent = 0;
			int twice = 0;
			List<String> problems = new ArrayList<>();
			for (FaultSet.MigrationState state : states) {
				if (state.before()) {
					before++;
				}
				else if (state.after()) {
					after++;
				}
				else {
					inconsistent++;
					problems.add("inconsistent: " + state);
				}
				if (state.appliedTwice()) {
					twice++;
					problems.add("applied twice: " + state);
				}
			}
			return new Verdict(before, after, inconsistent, twice, problems);
		}

		/** Whether the applied migrations form a prefix (the runner applies in order). */
		boolean allAfter(int size) {
			return this.after == size && this.inconsistent == 0;
		}

	}

}
