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
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session-level advisory lock that serialises migrator runs on one tracker. Acquired
 * by polling {@code pg_try_advisory_lock} in autocommit with backoff, never by a blocking
 * {@code pg_advisory_lock} inside a transaction: a waiter holding a snapshot would
 * deadlock another runner's {@code CREATE INDEX CONCURRENTLY}, which waits for every open
 * snapshot.
 * <p>
 * With the lock, each run takes a second advisory lock of its own, its identity (a random
 * key in the two-int key space, {@code objsubid = 2}). A pooler in transaction pooling
 * mode hands one server session to many clients; the identity shows which clients used
 * the session that holds the lock (see {@link LockSessionCheck}).
 */
final class AdvisoryLock {

	private static final Logger logger = LoggerFactory.getLogger(AdvisoryLock.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	/** The first key of every identity lock: "pali" in ASCII. */
	static final int IDENTITY_CLASS = 0x70616c69;

	private final long key;

	private final int identity;

	private final TableName tracker;

	AdvisoryLock(TableName tracker) {
		this.tracker = tracker;
		this.key = keyOf(tracker);
		this.identity = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
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

	/** The second key of this run's identity lock. */
	int identity() {
		return this.identity;
	}

	/**
	 * Waits for the lock.
	 * @param connection an autocommit connection, which then holds the lock
	 * @param timeout how long to wait at most
	 * @param listener told who holds the lock while waiting
	 * @param backendPid the connection's backend pid: an attempt answered by another
	 * backend takes nothing and fails
	 * @throws LockNotAcquiredException naming the holder when the timeout passes
	 * @throws TransactionPoolingException when another backend answers
	 */
	void acquire(Connection connection, Duration timeout, MigrationListener listener, int backendPid)
			throws SQLException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long backoff = FIRST_BACKOFF.toMillis();
		long nextReport = start;
		while (!tryAcquire(connection, backendPid)) {
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

	/**
	 * One attempt, on the connection's own backend only: a pooler in transaction pooling
	 * mode may pass the statement to another one, which must not take a lock nobody would
	 * release. Takes the identity lock with the lock, in the same round trip (CASE
	 * evaluates in order).
	 */
	private boolean tryAcquire(Connection connection, int backendPid) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT t.locked,"
				+ " CASE WHEN t.locked THEN pg_try_advisory_lock(?, ?) END, t.pid FROM (SELECT pg_backend_pid() AS pid,"
				+ " CASE WHEN pg_backend_pid() = ? THEN pg_try_advisory_lock(?) END AS locked OFFSET 0) t")) {
			statement.setInt(1, IDENTITY_CLASS);
			statement.setInt(2, this.identity);
			statement.setInt(3, backendPid);
			statement.setLong(4, this.key);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				int pid = rs.getInt(3);
				if (pid != backendPid) {
					throw new TransactionPoolingException(List.of("its backend pid changed from " + backendPid + " to "
							+ pid + " between two transactions while it waited for the lock"));
				}
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Releases the lock and the identity lock, on the connection's own backend only.
	 * @return whether the statement reached that backend
	 */
	boolean release(Connection connection, int backendPid) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT pg_backend_pid() = ?, CASE WHEN pg_backend_pid() = ? THEN pg_advisory_unlock(?) END,"
						+ " CASE WHEN pg_backend_pid() = ? THEN pg_advisory_unlock(?, ?) END")) {
			statement.setInt(1, backendPid);
			statement.setInt(2, backendPid);
			statement.setLong(3, this.key);
			statement.setInt(4, backendPid);
			statement.setInt(5, IDENTITY_CLASS);
			statement.setInt(6, this.identity);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
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
