package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs every pending migration in ONE transaction and rolls it back: the CI gate.
 * Statements run one by one so an observer can inspect the catalog and the locks after
 * each. A {@code no-transaction} migration is checked inside the transaction too, with
 * {@code CONCURRENTLY} removed from its index statements (the index is built the same
 * way, just locking), and a statement PostgreSQL refuses inside a transaction is reported
 * as unchecked instead of failing the gate.
 */
final class DryRunner {

	private static final Pattern CONCURRENT_INDEX = Pattern
		.compile("(?is)^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?|DROP\\s+)INDEX\\s+)CONCURRENTLY\\s+");

	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	private final Tracker tracker;

	private final MigrationExecutor executor;

	private final MigrationConfiguration configuration;

	private final DryRunObserver observer;

	DryRunner(Tracker tracker, MigrationExecutor executor, MigrationConfiguration configuration,
			DryRunObserver observer) {
		this.tracker = tracker;
		this.executor = executor;
		this.configuration = configuration;
		this.observer = observer;
	}

	DryRunResult run(Connection connection, MigrationPlan plan) throws SQLException {
		List<DryRunResult.Step> steps = new ArrayList<>();
		MigrationFailedException failure = null;
		connection.setAutoCommit(false);
		try {
			this.observer.started(connection);
			this.tracker.createSchemaIfMissing(connection);
			this.tracker.create(connection);
			this.executor.setTimeouts(connection, true);
			for (Migration migration : plan.pending()) {
				if (failure != null) {
					steps.add(step(migration, DryRunResult.Outcome.NOT_RUN, 0, null,
							"not run: an earlier migration failed"));
					continue;
				}
				long start = System.nanoTime();
				try {
					List<String> unchecked = runStatements(connection, migration);
					this.tracker.insert(connection, migration, migration.checksum(), null, "dry-run");
					long millis = (System.nanoTime() - start) / 1_000_000;
					steps.add(unchecked.isEmpty() ? step(migration, DryRunResult.Outcome.OK, millis, null, null)
							: step(migration, DryRunResult.Outcome.PARTLY_CHECKED, millis, null,
									String.join("; ", unchecked)));
				}
				catch (StatementFailure ex) {
					failure = new MigrationFailedException(migration, ex.line(), ex.sqlException(),
							(FailureHints.cause(ex, 1, this.configuration, List.of())
									+ " The dry run was rolled back; the database is unchanged.")
								.strip());
					steps.add(step(migration, DryRunResult.Outcome.FAILED, (System.nanoTime() - start) / 1_000_000,
							ex.sqlState(), failure.getMessage()));
				}
			}
		}
		finally {
			MigrationExecutor.rollbackQuietly(connection);
			MigrationExecutor.restoreAutoCommit(connection);
		}
		return new DryRunResult(plan, steps, Optional.ofNullable(failure), this.observer.findings());
	}

	private DryRunResult.Step step(Migration migration, DryRunResult.Outcome outcome, long millis, String sqlState,
			String message) {
		return new DryRunResult.Step(migration.version(), migration.fileName(), outcome, millis, sqlState, message,
				this.observer.locksTakenBy(migration));
	}

	/**
	 * Runs a migration's statements; a no-transaction migration's statements each inside
	 * a savepoint, so one PostgreSQL refuses in a transaction can be skipped.
	 * @return notes on statements that could not be checked
	 */
	private List<String> runStatements(Connection connection, Migration migration)
			throws StatementFailure, SQLException {
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
				this.observer.afterStatement(connection, migration, statement);
			}
		}
		return unchecked;
	}

	private static void execute(Statement jdbc, Migration migration, SqlStatement statement, int index, String sql)
			throws StatementFailure {
		try {
			jdbc.execute(sql);
		}
		catch (SQLException ex) {
			throw new StatementFailure(migration, statement.line(), index, ex);
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

}
