package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves, before the lock is taken and before anything changes, that the lock connection
 * is a server session of its own. A pooler in transaction pooling mode (PgBouncer
 * {@code pool_mode = transaction}) hands a server session to a client for one transaction
 * only: the session-level lock stays on a server session other clients use next, and
 * excludes nobody.
 * <p>
 * <b>Direct connection.</b> The backend pid the server announced at login
 * (BackendKeyData, {@link PGConnection#getBackendPID()}) equals {@code pg_backend_pid()}:
 * the connection is the server session itself and nothing more is checked. A pooler
 * announces a cancel key of its own (PgBouncer, pgcat, Odyssey and Supavisor draw it at
 * random; they route cancel requests by it, so a multiplexing pooler cannot pass one
 * server's key through), and matches the pid by chance once in 2<sup>32</sup> logins.
 * <p>
 * <b>Through a pooler.</b> Whether it pools sessions or transactions decides. The lock
 * connection {@code LISTEN}s on a channel of this run's own; a probe (a second connection
 * from the same data source) sends a {@code NOTIFY} on it; then the lock connection
 * waits, idle and sending nothing, for the notification. The server session that listens
 * sends it as soon as the probe commits. In session pooling that server session belongs
 * to the lock connection, and the pooler forwards the notification. In transaction
 * pooling an idle client has no server session at all: the notification goes to the
 * pooler while no client is linked to that server session, and the pooler drops it; the
 * lock connection cannot receive it, whatever the other clients of the pooler do, so
 * every runner is refused. (A pid check alone, which this class made before, is fooled
 * whenever the pooler happens to hand the lock connection the same server session every
 * time and the probe another one, which several runners at once made happen in about one
 * run in ten.) The probe's backend must also differ from the lock connection's: alone, a
 * pooler hands the probe the server session released last, the lock connection's. After
 * the lock, {@link #verifyLocked} shows in {@code pg_locks} that the lock connection's
 * backend holds the lock and, of all runs' identity locks, only this run's.
 * <p>
 * Cost at boot, direct connection: nothing beyond the backend pid, which applying a
 * migration needs anyway; no second connection (the pid check this replaced cost a second
 * connection and five round trips on every boot). Through a pooler: the probe connection
 * (one statement), and on the lock connection {@code LISTEN}, {@code UNLISTEN} and the
 * check after the lock; a refusal in transaction pooling waits {@link #NOTIFICATION_WAIT}
 * first. A connection that is not pgjdbc's underneath (it does not unwrap to
 * {@link PGConnection}) cannot be asked for either, and is checked by pids and
 * {@code pg_locks} only. A refused run may leave its {@code LISTEN} on a pooled server
 * session, which costs that session a wakeup per {@code NOTIFY} until the pooler resets
 * or closes it.
 */
final class LockSessionCheck {

	private static final Logger logger = LoggerFactory.getLogger(LockSessionCheck.class);

	/**
	 * How long the lock connection waits for its notification: the session that listens
	 * sends it within milliseconds, so only a transaction pooler, which drops it, waits
	 * this long.
	 */
	static final Duration NOTIFICATION_WAIT = Duration.ofSeconds(3);

	private final AdvisoryLock lock;

	private final BlockerWatch.ConnectionFactory probes;

	private boolean direct;

	LockSessionCheck(AdvisoryLock lock, BlockerWatch.ConnectionFactory probes) {
		this.lock = lock;
		this.probes = probes;
	}

	/**
	 * Before the lock: a direct connection passes at once; through a pooler, a
	 * notification sent while the lock connection is idle must reach it.
	 * @param connection the lock connection, in autocommit
	 * @param lockPid its backend pid, asked just before
	 * @throws TransactionPoolingException when the connection is not a session of its own
	 */
	void verifyBeforeLock(Connection connection, int lockPid) throws SQLException {
		@Nullable PGConnection driver = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class)
				: null;
		if (driver != null && driver.getBackendPID() == lockPid) {
			this.direct = true;
			logger.debug("The migration connection is a direct session (backend pid {})", lockPid);
			return;
		}
		String channel = "paliad_session_check_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
		int listenPid = listen(connection, channel);
		if (listenPid != lockPid) {
			refuse("its backend pid changed from " + lockPid + " to " + listenPid + " between two transactions");
		}
		int probePid;
		try (Connection probe = this.probes.open()) {
			probe.setAutoCommit(true);
			probePid = notify(probe, channel);
		}
		if (probePid == lockPid) {
			refuse("a second connection was handed the migration connection's backend (pid " + lockPid + ")");
		}
		if (driver != null && !notified(driver, channel)) {
			refuse("a notification sent to its server session (pid " + lockPid + ") while it was idle did not reach"
					+ " it within " + NOTIFICATION_WAIT.toSeconds() + " s, so between two transactions it was"
					+ " linked to no server session");
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("UNLISTEN " + channel);
		}
	}

	/**
	 * After the lock, through a pooler only: the lock connection still talks to the same
	 * backend, which holds the lock and, of all runs' identity locks, only this run's.
	 * @param connection the lock connection, holding the lock
	 * @param lockPid its backend pid
	 * @throws TransactionPoolingException when it does not
	 */
	void verifyLocked(Connection connection, int lockPid) throws SQLException {
		if (this.direct) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid(),"
				+ " EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
				+ " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1),"
				+ " ARRAY (SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted"
				+ " AND pid = pg_backend_pid() AND classid::bigint = ? AND objsubid = 2)")) {
			statement.setLong(1, this.lock.key() >>> 32);
			statement.setLong(2, this.lock.key() & 0xFFFFFFFFL);
			statement.setLong(3, AdvisoryLock.IDENTITY_CLASS);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				int pid = rs.getInt(1);
				boolean held = rs.getBoolean(2);
				List<Long> identities = List.of((Long[]) rs.getArray(3).getArray());
				if (pid != lockPid) {
					refuse("its backend pid changed from " + lockPid + " to " + pid + " between two transactions");
				}
				else if (!held) {
					refuse("pg_locks does not show the migration lock granted to its backend (pid " + pid + ")");
				}
				else if (!identities.equals(List.of((long) this.lock.identity()))) {
					refuse("its backend (pid " + pid + ") holds the locks of " + identities.size()
							+ " migrator runs at once");
				}
			}
		}
		logger.debug("The migration connection is a session of its own through a pooler (backend pid {})", lockPid);
	}

	/**
	 * {@code LISTEN} and the backend pid, in one round trip (one implicit transaction).
	 */
	private static int listen(Connection connection, String channel) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// The first result is LISTEN's, the second the pid.
			statement.execute("LISTEN " + channel + "; SELECT pg_backend_pid()");
			statement.getMoreResults();
			try (ResultSet rs = statement.getResultSet()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/**
	 * Sends the notification, committed when the statement ends; the probe's backend pid.
	 */
	private static int notify(Connection probe, String channel) throws SQLException {
		try (PreparedStatement statement = probe.prepareStatement("SELECT pg_backend_pid(), pg_notify(?, '')")) {
			statement.setString(1, channel);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/**
	 * Waits, sending nothing, for the notification on {@code channel}: while the lock
	 * connection sends nothing, a transaction pooler links it to no server session.
	 */
	private static boolean notified(PGConnection driver, String channel) throws SQLException {
		long deadline = System.nanoTime() + NOTIFICATION_WAIT.toNanos();
		long left = NOTIFICATION_WAIT.toMillis();
		while (left > 0) {
			PGNotification @Nullable [] notifications = driver.getNotifications((int) left);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					if (channel.equals(notification.getName())) {
						return true;
					}
				}
			}
			left = (deadline - System.nanoTime()) / 1_000_000;
		}
		return false;
	}

	private static void refuse(String evidence) {
		throw new TransactionPoolingException(List.of(evidence));
	}

}
