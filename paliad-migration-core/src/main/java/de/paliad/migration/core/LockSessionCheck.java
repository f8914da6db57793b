package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
 * Cost at boot: two round trips on the lock connection (its backend pid, which applying a
 * migration needs anyway, and the check after the lock) and one on the probe, whose
 * connection is a borrow when the data source is a pool.
 */
final class LockSessionCheck {

	private static final Logger logger = LoggerFactory.getLogger(LockSessionCheck.class);

	private final AdvisoryLock lock;

	private final BlockerWatch.ConnectionFactory probes;

	LockSessionCheck(AdvisoryLock lock, BlockerWatch.ConnectionFactory probes) {
		this.lock = lock;
		this.probes = probes;
	}

	/**
	 * Before the lock: a probe connection opens a transaction, which pins a server
	 * session to it, and must not be handed the lock connection's backend.
	 * @param lockPid the lock connection's backend pid, asked just before
	 * @throws TransactionPoolingException when it is
	 */
	void verifyBeforeLock(int lockPid) throws SQLException {
		try (Connection probe = this.probes.open()) {
			probe.setAutoCommit(false);
			int probePid = SessionQueries.backendPid(probe);
			probe.rollback();
			if (probePid == lockPid) {
				throw new TransactionPoolingException(List
					.of("a second connection was handed the migration connection's backend (pid " + lockPid + ")"));
			}
		}
	}

	/**
	 * After the lock: the lock connection still talks to the same backend, which holds
	 * the lock and, of all runs' identity locks, only this run's.
	 * @param connection the lock connection, holding the lock
	 * @param lockPid its backend pid
	 * @throws TransactionPoolingException when it does not
	 */
	void verifyLocked(Connection connection, int lockPid) throws SQLException {
		List<String> evidence = new ArrayList<>();
		checkLockConnection(connection, lockPid, evidence);
		if (!evidence.isEmpty()) {
			throw new TransactionPoolingException(evidence);
		}
		logger.debug("The migration connection is a session of its own (backend pid {})", lockPid);
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
