package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that runs migration SQL, for migrate, down and the dry run: a migration's
 * statements one by one, so a failure names its line, with the per-migration timeouts, in
 * a transaction together with its tracker change, or alone in autocommit for a
 * {@code no-transaction} migration. A failed transaction is rolled back before its
 * {@link StatementFailure} reaches the caller, who decides whether to retry. While a
 * migration runs, a {@link BlockerWatch} records who blocks it; closing the runner ends
 * the watch.
 */
final class StatementRunner implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StatementRunner.class);

	private static final Pattern CONCURRENT_INDEX = Pattern
		.compile("(?is)^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?|DROP\\s+)INDEX\\s+)CONCURRENTLY\\s+");

	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	private final Tracker tracker;

	private final MigrationConfiguration configuration;

	private final BlockerWatch blockerWatch;

	private final String appliedBy;

	private final DryRunObserver observer;

	/**
	 * The transaction-local timeouts, still to be sent with the first statement of the
	 * transaction; null when sent.
	 */
	private @Nullable String pendingTimeouts;

	StatementRunner(Tracker tracker, MigrationConfiguration configuration, BlockerWatch blockerWatch,
			String appliedBy) {
		this(tracker, configuration, blockerWatch, appliedBy, DryRunObserver.NONE);
	}

	/**
	 * @param observer told around every migration and after every statement that
	 * {@link #applyInTransaction} and {@link #applyWithoutTransaction} run: the rehearsal
	 * analyses the very code path {@code migrate} takes
	 */
	StatementRunner(Tracker tracker, MigrationConfiguration configuration, BlockerWatch blockerWatch, String appliedBy,
			DryRunObserver observer) {
		this.tracker = tracker;
		this.configuration = configuration;
		this.blockerWatch = blockerWatch;
		this.appliedBy = appliedBy;
		this.observer = observer;
	}

	/**
	 * Runs {@code group}'s migrations and their tracker rows in one transaction and
	 * commits it.
	 * @param prologue runs first inside the transaction (creating the tracker, so that a
	 * failed batch rolls it back too)
	 * @return what was applied, in order
	 * @throws StatementFailure after the transaction was rolled back
	 */
	List<AppliedStep> applyInTransaction(MigrationSession session, List<Migration> group, Prologue prologue)
			throws StatementFailure, SQLException {
		List<String> labels = group.stream()
			.map((migration) -> RunProgress.label(migration, migration.fileName()))
			.toList();
		// Nothing runs before the first statement: the timeouts travel with it.
		boolean withFirstStatement = prologue == Prologue.NONE && this.observer == DryRunObserver.NONE;
		return committed(session, labels, withFirstStatement, (connection) -> {
			prologue.run(connection);
			List<AppliedStep> steps = new ArrayList<>();
			for (Migration migration : group) {
				long start = System.nanoTime();
				this.observer.migrationStarted(connection, migration);
				runStatements(session, migration, migration.statements(), this.observer);
				this.observer.migrationFinished(connection, migration);
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				this.tracker.insert(connection, migration, migration.checksum(), (int) took.toMillis(), this.appliedBy);
				steps.add(new AppliedStep(migration, took));
			}
			return steps;
		});
	}

	/**
	 * Runs a {@code no-transaction} migration in autocommit, then writes its tracker row.
	 * @return what was applied
	 * @throws StatementFailure when a statement failed; those before it stay applied
	 */
	AppliedStep applyWithoutTransaction(MigrationSession session, Migration migration)
			throws StatementFailure, SQLException {
		Connection connection = session.connection();
		session.progress().started(List.of(RunProgress.label(migration, migration.fileName())), false);
		try {
			setTimeouts(connection, false);
			long start = System.nanoTime();
			this.observer.migrationStarted(connection, migration);
			runStatements(session, migration, migration.statements(), this.observer);
			this.observer.migrationFinished(connection, migration);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			this.tracker.insert(connection, migration, migration.checksum(), (int) took.toMillis(), this.appliedBy);
			session.progress().committed();
			return new AppliedStep(migration, took);
		}
		finally {
			if (!session.isClosed()) {
				resetTimeouts(connection);
			}
		}
	}

	/**
	 * Runs a migration's down file and deletes its tracker row in one transaction.
	 * @throws StatementFailure after the transaction was rolled back
	 */
	void undo(MigrationSession session, Migration migration) throws StatementFailure, SQLException {
		String downFile = migration.downFileName();
		String label = RunProgress.label(migration, (downFile != null) ? downFile : migration.fileName());
		committed(session, List.of(label), false, (connection) -> {
			runStatements(session, migration, migration.down(), DryRunObserver.NONE);
			this.tracker.delete(connection, migration.version());
			return null;
		});
	}

	/**
	 * Runs {@code work} in one transaction that is always rolled back: the dry run. Sets
	 * no timeouts, so that the work decides what runs before them.
	 */
	<T> T rolledBack(MigrationSession session, RolledBackWork<T> work) throws SQLException {
		Connection connection = session.connection();
		connection.setAutoCommit(false);
		try {
			return work.run(connection);
		}
		finally {
			rollbackQuietly(connection);
			restoreAutoCommit(session);
		}
	}

	/**
	 * Runs a migration's statements inside the dry run's transaction, telling
	 * {@code observer} after each. A {@code no-transaction} migration's statements each
	 * run inside a savepoint with {@code CONCURRENTLY} removed from its index statements
	 * (the index is built the same way, just locking), so that one PostgreSQL refuses in
	 * a transaction can be skipped.
	 * @return notes on statements that could not be checked
	 */
	List<String> rehearse(MigrationSession session, Migration migration, DryRunObserver observer)
			throws StatementFailure, SQLException {
		Connection connection = session.connection();
		List<String> unchecked = new ArrayList<>();
		List<SqlStatement> statements = migration.statements();
		try (Statement jdbc = connection.createStatement()) {
			jdbc.setEscapeProcessing(false);
			for (int i = 0; i < statements.size(); i++) {
				SqlStatement statement = statements.get(i);
				if (migration.transactional()) {
					execute(jdbc, migration, statement, i, statement.text());
				}
				else if (!executeInSavepoint(connection, jdbc, migration, statement, i)) {
					unchecked.add("line " + statement.line() + " cannot run inside a transaction and was not checked");
					continue;
				}
				observer.afterStatement(connection, migration, statement);
			}
		}
		return unchecked;
	}

	/**
	 * The sessions the watch last saw blocking the running migration.
	 * @return the blockers, empty when none were seen
	 */
	List<SessionInfo> lastBlockers() {
		return this.blockerWatch.lastBlockers();
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

	@Override
	public void close() {
		this.blockerWatch.close();
	}

	/**
	 * Runs {@code work} in a transaction with the per-migration timeouts and commits it;
	 * rolls it back when the work fails.
	 */
	private <T> T committed(MigrationSession session, List<String> labels, boolean timeoutsWithFirstStatement,
			Work<T> work) throws StatementFailure, SQLException {
		Connection connection = session.connection();
		session.progress().started(labels, true);
		connection.setAutoCommit(false);
		try {
			if (timeoutsWithFirstStatement) {
				// One round trip fewer per migration. The driver sends each statement of
				// the string as its own query, so the migration statement's error
				// position still refers to its own text.
				this.pendingTimeouts = "SET LOCAL lock_timeout = '" + this.configuration.lockTimeout().toMillis()
						+ "ms'; SET LOCAL statement_timeout = '" + this.configuration.statementTimeout().toMillis()
						+ "ms'; ";
			}
			else {
				setTimeouts(connection, true);
			}
			T result = work.run(connection);
			session.progress().committing();
			connection.commit();
			session.progress().committed();
			return result;
		}
		catch (StatementFailure | SQLException ex) {
			rollbackQuietly(connection);
			throw ex;
		}
		finally {
			this.pendingTimeouts = null;
			restoreAutoCommit(session);
		}
	}

	/**
	 * Runs a migration's statements one by one, so a failure names its line; JDBC escape
	 * processing is off because migrations are plain PostgreSQL, braces included.
	 */
	private void runStatements(MigrationSession session, Migration migration, List<SqlStatement> statements,
			DryRunObserver observer) throws StatementFailure, SQLException {
		this.blockerWatch.watch(migration, session.backendPid());
		try (Statement jdbc = session.connection().createStatement()) {
			jdbc.setEscapeProcessing(false);
			for (int i = 0; i < statements.size(); i++) {
				SqlStatement statement = statements.get(i);
				String timeouts = this.pendingTimeouts;
				this.pendingTimeouts = null;
				execute(jdbc, migration, statement, i, statement.text(),
						(timeouts != null) ? timeouts + statement.text() : statement.text());
				observer.afterStatement(session.connection(), migration, statement);
			}
		}
		finally {
			this.blockerWatch.stop();
		}
	}

	private static void execute(Statement jdbc, Migration migration, SqlStatement statement, int index, String sql)
			throws StatementFailure {
		execute(jdbc, migration, statement, index, sql, sql);
	}

	/**
	 * @param sql the statement as the error position counts it
	 * @param sent what is sent: {@code sql}, or the timeouts followed by {@code sql}
	 */
	private static void execute(Statement jdbc, Migration migration, SqlStatement statement, int index, String sql,
			String sent) throws StatementFailure {
		try {
			jdbc.execute(sent);
		}
		catch (SQLException ex) {
			throw new StatementFailure(migration, statement, sql, index, ex);
		}
	}

	private static boolean executeInSavepoint(Connection connection, Statement jdbc, Migration migration,
			SqlStatement statement, int index) throws StatementFailure, SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			execute(jdbc, migration, statement, index, CONCURRENT_INDEX.matcher(statement.text()).replaceFirst("$1"));
			connection.releaseSavepoint(savepoint);
			return true;
		}
		catch (StatementFailure ex) {
			if (!ACTIVE_SQL_TRANSACTION.equals(ex.sqlState())) {
				throw ex;
			}
			connection.rollback(savepoint);
			return false;
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
	private static void restoreAutoCommit(MigrationSession session) throws SQLException {
		try {
			session.connection().setAutoCommit(true);
		}
		catch (SQLException ex) {
			if (!session.isClosed()) {
				throw ex;
			}
		}
	}

	private static void rollbackQuietly(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed (the connection is probably gone)", ex);
		}
	}

	/**
	 * Work inside a transaction that commits.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection) throws StatementFailure, SQLException;

	}

	/**
	 * What runs first inside a migration transaction.
	 */
	@FunctionalInterface
	interface Prologue {

		/** Nothing to do first. */
		Prologue NONE = (connection) -> {
		};

		void run(Connection connection) throws SQLException;

	}

	/**
	 * Work inside a transaction that is rolled back.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	interface RolledBackWork<T> {

		T run(Connection connection) throws SQLException;

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
