package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGInterval;

/**
 * Reads {@code pg_stat_activity} rows into {@link SessionInfo}s.
 */
final class SessionQueries {

	private SessionQueries() {
	}

	/**
	 * Reads pid, application_name, client address, state and transaction age (an
	 * interval), in that order.
	 */
	static SessionInfo sessionInfo(ResultSet rs) throws SQLException {
		Object age = rs.getObject(5);
		return new SessionInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), toDuration(age));
	}

	private static @Nullable Duration toDuration(@Nullable Object interval) {
		if (!(interval instanceof PGInterval pg)) {
			return null;
		}
		double seconds = ((pg.getDays() * 24.0 + pg.getHours()) * 60 + pg.getMinutes()) * 60 + pg.getSeconds();
		return Duration.ofMillis((long) (seconds * 1000));
	}

	/** The sessions that block {@code pid}, from {@code pg_blocking_pids}. */
	static List<SessionInfo> blockersOf(Connection connection, int pid) throws SQLException {
		List<SessionInfo> blockers = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pid, application_name, host(client_addr), state, now() - xact_start"
					+ " FROM pg_stat_activity WHERE pid = ANY (pg_blocking_pids(?)) ORDER BY pid")) {
			statement.setInt(1, pid);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					blockers.add(sessionInfo(rs));
				}
			}
		}
		return blockers;
	}

	static int backendPid(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
