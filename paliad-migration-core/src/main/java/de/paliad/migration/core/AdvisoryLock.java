package de.paliad.migration.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session-level advisory lock that serialises migrator runs on one tracker. Acquired
 * by polling {@code pg_try_advisory_lock} in autocommit with backoff, never by a blocking
 * {@code pg_advisory_lock} inside a transaction: a waiter holding a snapshot would
 * deadlock another runner's {@code CREATE INDEX CONCURRENTLY}, which waits for every open
 * snapshot.
 */
final class AdvisoryLock {

	private static final Logger logger = LoggerFactory.getLogger(AdvisoryLock.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	private final long key;

	private final TableName tracker;

	AdvisoryLock(TableName tracker) {
		this.tracker = tracker;
		this.key = keyOf(tracker);
	}

	/**
	 * The lock key: the first 8 bytes of SHA-256 over
	 * {@code "paliad-migration:" + schema + "." + table}, stable across JVMs, versions
	 * and platforms.
	 */
	static long keyOf(TableName tracker) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("paliad-migration:" + tracker).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest, 0, 8).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long key() {
		return this.key;
	}

	/**
	 * Waits for the lock.
	 * @param connection an autocommit connection, which then holds the lock
	 * @param timeout how long to wait at most
	 * @param listener told who holds the lock while waiting
	 * @throws LockNotAcquiredException naming the holder when the timeout passes
	 */
	void acquire(Connection connection, Duration timeout, MigrationListener listener) throws SQLException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long backoff = FIRST_BACKOFF.toMillis();
		long nextReport = start;
		while (!tryAcquire(connection)) {
			long now = System.nanoTime();
			@Nullable List<SessionInfo> holders = (now >= nextReport || now >= deadline) ? holders(connection) : null;
			if (now >= deadline) {
				throw new LockNotAcquiredException("The migration lock on " + this.tracker + " was not acquired within "
						+ timeout.toSeconds() + " s; it is held by " + describe(holders)
						+ ". Another instance is migrating: wait for it, or end that session if it is stuck"
						+ " (SELECT pg_terminate_backend(<pid>)).");
			}
			if (holders != null) {
				logger.info("Waiting for the migration lock on {}, held by {}", this.tracker, describe(holders));
				listener.lockHeld(holders);
				nextReport = now + REPORT_EVERY.toNanos();
			}
			sleep(Math.min(backoff, Math.max(1, (deadline - now) / 1_000_000)));
			backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
		}
	}

	private boolean tryAcquire(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	void release(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
	}

	/**
	 * The sessions holding the lock, from {@code pg_locks} joined with
	 * {@code pg_stat_activity}.
	 */
	List<SessionInfo> holders(Connection connection) throws SQLException {
		List<SessionInfo> holders = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT a.pid, a.application_name, host(a.client_addr), a.state, now() - a.xact_start"
					+ " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
					+ " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1")) {
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					holders.add(SessionQueries.sessionInfo(rs));
				}
			}
		}
		return holders;
	}

	private static String describe(@Nullable List<SessionInfo> holders) {
		if (holders == null || holders.isEmpty()) {
			return "a session that could not be identified (it may have just released it)";
		}
		return String.join(", ", holders.stream().map(SessionInfo::toString).toList());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LockNotAcquiredException("Interrupted while waiting for the migration lock.");
		}
	}

}
