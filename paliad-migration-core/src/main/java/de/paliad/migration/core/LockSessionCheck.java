package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves, right after the lock was taken and before anything changes, that the lock
 * connection is a server session of its own. A pooler in transaction pooling mode
 * (PgBouncer {@code pool_mode = transaction}) hands a server session to a client for one
 * transaction only: the session-level lock stays on a server session other clients use
 * next, and excludes nobody.
 * <p>
 * One connection alone cannot tell: a pooler with nothing else to do hands it the same
 * server session every time. So, before the lock, a probe (a second connection from the
 * same data source) opens a transaction, which pins a server session to it; a pooler
 * hands out the server session released last, the lock connection's. On a real session:
 * <ul>
 * <li>the probe gets a backend of its own, never the lock connection's;</li>
 * <li>every lock attempt reaches the lock connection's backend (and one that reaches
 * another takes nothing, see {@link AdvisoryLock});</li>
 * <li>after the lock, {@code pg_locks} shows it granted to that backend, and of all runs'
 * identity locks only this run's.</li>
 * </ul>
 * The probe asks twice, before the lock (so that a lone runner is refused before it takes
 * a lock it could not release) and after it (when the other runners a pooler was busy
 * with may be gone). No check of one client can be certain, but a runner only passes if
 * every one of its statements reached the same backend and the probe never did.
 * <p>
 * Cost at boot: two round trips on the lock connection (its backend pid, which applying a
 * migration needs anyway, and the check after the lock) and three on the probe (two pid
 * queries and the rollback), whose connection is a borrow when the data source is a pool.
 */
final class LockSessionCheck implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LockSessionCheck.class);

	private final AdvisoryLock lock;

	private final BlockerWatch.ConnectionFactory probes;

	private @Nullable Connection probe;

	LockSessionCheck(AdvisoryLock lock, BlockerWatch.ConnectionFactory probes) {
		this.lock = lock;
		this.probes = probes;
	}

	/**
	 * Before the lock: the probe opens a transaction, which pins a server session to it,
	 * and must not be handed the lock connection's backend.
	 * @param lockPid the lock connection's backend pid, asked just before
	 * @throws TransactionPoolingException when it is
	 */
	void verifyBeforeLock(int lockPid) throws SQLException {
		this.probe = this.probes.open();
		this.probe.setAutoCommit(false);
		probe(lockPid, "before");
	}

	/**
	 * After the lock: the probe again must not get the lock connection's backend (once
	 * the other clients of a pooler are gone, it is handed the backend released last),
	 * and, while the probe pins its own, the lock connection still talks to the same
	 * backend, which holds the lock and, of all runs' identity locks, only this run's.
	 * @param connection the lock connection, holding the lock
	 * @param lockPid its backend pid
	 * @throws TransactionPoolingException when it does not
	 */
	void verifyLocked(Connection connection, int lockPid) throws SQLException {
		probe(lockPid, "after");
		List<String> evidence = new ArrayList<>();
		checkLockConnection(connection, lockPid, evidence);
		close();
		if (!evidence.isEmpty()) {
			throw new TransactionPoolingException(evidence);
		}
		logger.debug("The migration connection is a session of its own (backend pid {})", lockPid);
	}

	/** Ends the probe's transaction and closes it; the lock holder's release follows. */
	@Override
	public void close() throws SQLException {
		Connection connection = this.probe;
		this.probe = null;
		if (connection != null) {
			try (connection) {
				connection.rollback();
			}
		}
	}

	private void probe(int lockPid, String when) throws SQLException {
		Connection connection = this.probe;
		if (connection == null) {
			throw new IllegalStateException("verifyBeforeLock first");
		}
		int probePid = SessionQueries.backendPid(connection);
		if (probePid == lockPid) {
			close();
			throw new TransactionPoolingException(List.of("a second connection was handed the migration"
					+ " connection's backend (pid " + lockPid + ") " + when + " the lock was taken"));
		}
		if (when.equals("before")) {
			// Ends the transaction, so the probe holds no server session while the lock
			// is awaited; the next statement opens another.
			connection.rollback();
		}
	}

	private void checkLockConnection(Connection connection, int lockPid, List<String> evidence) throws SQLException {
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
					evidence
						.add("its backend pid changed from " + lockPid + " to " + pid + " between two transactions");
				}
				else if (!held) {
					evidence.add("pg_locks does not show the migration lock granted to its backend (pid " + pid + ")");
				}
				else if (!identities.equals(List.of((long) this.lock.identity()))) {
					evidence.add("its backend (pid " + pid + ") holds the locks of " + identities.size()
							+ " migrator runs at once");
				}
			}
		}
	}

}
