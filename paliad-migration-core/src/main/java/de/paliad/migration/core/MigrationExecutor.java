package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pending migrations on the connection that holds the migration lock: each
 * migration's SQL and its tracker row commit together, per migration or as one batch;
 * {@code no-transaction} migrations run alone in autocommit. Retries lock timeouts.
 */
final class MigrationExecutor {

	private static final Logger logger = LoggerFactory.getLogger(MigrationExecutor.class);

	static final String LOCK_NOT_AVAILABLE = "55P03";

	private final Tracker tracker;

	private final MigrationConfiguration configuration;

	private final MigrationListener listener;

	private final BlockerWatch blockerWatch;

	private final String appliedBy;

	private Connection pidConnection;

	private int pid;

	MigrationExecutor(Tracker tracker, MigrationConfiguration configuration, MigrationListener listener,
			BlockerWatch blockerWatch, String appliedBy) {
		this.tracker = tracker;
		this.configuration = configuration;
		this.listener = listener;
		this.blockerWatch = blockerWatch;
		this.appliedBy = appliedBy;
	}

	/**
	 * Applies {@code pending} in order.
	 * @return what was applied, in order
	 */
	List<AppliedStep> apply(Connection connection, List<Migration> pending) throws SQLException {
		List<AppliedStep> applied = new ArrayList<>();
		for (List<Migration> group : groups(pending)) {
			if (group.size() == 1 && !group.get(0).transactional()) {
				applied.add(applyWithoutTransaction(connection, group.get(0)));
			}
			else {
				applied.addAll(applyInTransaction(connection, group));
			}
		}
		return applied;
	}

	/**
	 * Splits pending migrations into transactions: one per migration, or in batch mode
	 * one per run of transactional migrations. A {@code no-transaction} migration is
	 * always alone.
	 */
	private List<List<Migration>> groups(List<Migration> pending) {
		List<List<Migration>> groups = new ArrayList<>();
		List<Migration> batch = new ArrayList<>();
		for (Migration migration : pending) {
			if (migration.transactional() && this.configuration.transactionMode() == TransactionMode.BATCH) {
				batch.add(migration);
				continue;
			}
			if (!batch.isEmpty()) {
				groups.add(batch);
				batch = new ArrayList<>();
			}
			groups.add(List.of(migration));
		}
		if (!batch.isEmpty()) {
			groups.add(batch);
		}
		if (groups.size() > 1 && this.configuration.transactionMode() == TransactionMode.BATCH) {
			logger.warn("transaction=batch: no-transaction migrations split this run into {} separate commits",
					groups.size());
		}
		return groups;
	}

	private List<AppliedStep> applyInTransaction(Connection connection, List<Migration> group) throws SQLException {
		for (int attempt = 1;; attempt++) {
			connection.setAutoCommit(false);
			List<AppliedStep> steps = new ArrayList<>();
			try {
				setTimeouts(connection, true);
				for (Migration migration : group) {
					long start = System.nanoTime();
					runStatements(connection, migration, migration.statements());
					Duration took = Duration.ofNanos(System.nanoTime() - start);
					this.tracker.insert(connection, migration, migration.checksum(), (int) took.toMillis(),
							this.appliedBy);
					steps.add(new AppliedStep(migration, took));
				}
				connection.commit();
				steps.forEach(this::reportApplied);
				return steps;
			}
			catch (StatementFailure failure) {
				rollbackQuietly(connection);
				if (!shouldRetry(failure, attempt)) {
					throw failed(failure, attempt);
				}
			}
			catch (SQLException ex) {
				rollbackQuietly(connection);
				throw ex;
			}
			finally {
				restoreAutoCommit(connection);
			}
		}
	}

	private AppliedStep applyWithoutTransaction(Connection connection, Migration migration) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try {
				setTimeouts(connection, false);
				long start = System.nanoTime();
				runStatements(connection, migration, migration.statements());
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				this.tracker.insert(connection, migration, migration.checksum(), (int) took.toMillis(), this.appliedBy);
				AppliedStep step = new AppliedStep(migration, took);
				reportApplied(step);
				return step;
			}
			catch (StatementFailure failure) {
				// Statements before the failing one have committed; only a failure of the
				// first statement leaves nothing behind and may be retried.
				if (failure.statementIndex() > 0 || !shouldRetry(failure, attempt)) {
					throw failed(failure, attempt);
				}
			}
			finally {
				if (!isClosed(connection)) {
					resetTimeouts(connection);
				}
			}
		}
	}

	private boolean shouldRetry(StatementFailure failure, int attempt) {
		if (!LOCK_NOT_AVAILABLE.equals(failure.sqlState()) || attempt > this.configuration.lockRetries()) {
			return false;
		}
		long base = Math.max(100, this.configuration.lockTimeout().toMillis() / 2) * attempt;
		long sleep = base + ThreadLocalRandom.current().nextLong(base + 1);
		logger.warn("Migration {} hit lock_timeout (attempt {} of {}), blocked by {}; retrying in {} ms",
				failure.migration(), attempt, this.configuration.lockRetries() + 1,
				describe(this.blockerWatch.lastBlockers()), sleep);
		try {
			Thread.sleep(sleep);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		return true;
	}

	private MigrationFailedException failed(StatementFailure failure, int attempts) {
		Migration migration = failure.migration();
		this.listener.migrationFinished(migration, Duration.ZERO, false);
		String hint = FailureHints.hint(failure, attempts, this.configuration, this.blockerWatch.lastBlockers());
		return new MigrationFailedException(migration, failure.line(), failure.sqlException(), hint);
	}

	private void reportApplied(AppliedStep step) {
		logger.info("Applied migration {} in {} ms", step.migration(), step.duration().toMillis());
		this.listener.migrationFinished(step.migration(), step.duration(), true);
	}

	/**
	 * Runs a migration's statements one by one, so a failure names its line; JDBC escape
	 * processing is off because migrations are plain PostgreSQL, braces included.
	 */
	void runStatements(Connection connection, Migration migration, List<SqlStatement> statements)
			throws StatementFailure, SQLException {
		this.blockerWatch.watch(migration, backendPid(connection));
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (int i = 0; i < statements.size(); i++) {
				SqlStatement sql = statements.get(i);
				try {
					statement.execute(sql.text());
				}
				catch (SQLException ex) {
					throw new StatementFailure(migration, sql.line(), i, ex);
				}
			}
		}
		finally {
			this.blockerWatch.stop();
		}
	}

	/**
	 * The migrating session's pid, asked once per connection: a round trip per migration
	 * adds up over thousands.
	 */
	private int backendPid(Connection connection) throws SQLException {
		if (this.pidConnection != connection) {
			this.pid = SessionQueries.backendPid(connection);
			this.pidConnection = connection;
		}
		return this.pid;
	}

	/**
	 * Applies lock_timeout and statement_timeout, transaction-local or for the session.
	 */
	void setTimeouts(Connection connection, boolean local) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config('lock_timeout', ?, ?), set_config('statement_timeout', ?, ?)")) {
			statement.setString(1, this.configuration.lockTimeout().toMillis() + "ms");
			statement.setBoolean(2, local);
			statement.setString(3, this.configuration.statementTimeout().toMillis() + "ms");
			statement.setBoolean(4, local);
			statement.execute();
		}
	}

	private static void resetTimeouts(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET lock_timeout; RESET statement_timeout");
		}
	}

	/**
	 * Back to autocommit after a transaction. A pool (Hikari) closes a connection whose
	 * server session died; failing here would hide the real, transient error (57P01,
	 * 08006) behind "Connection is closed" and stop the retry.
	 */
	static void restoreAutoCommit(Connection connection) throws SQLException {
		try {
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			if (!isClosed(connection)) {
				throw ex;
			}
		}
	}

	static boolean isClosed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	static void rollbackQuietly(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed (the connection is probably gone)", ex);
		}
	}

	private static String describe(List<SessionInfo> sessions) {
		return sessions.isEmpty() ? "a session not seen by the watch" : sessions.toString();
	}

	/**
	 * A migration that committed.
	 *
	 * @param migration the migration
	 * @param duration how long its SQL ran
	 */
	record AppliedStep(Migration migration, Duration duration) {

	}

}
