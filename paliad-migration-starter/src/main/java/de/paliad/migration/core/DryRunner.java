package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import de.paliad.migration.core.sql.SqlStatement;

/**
 * Runs every pending migration in ONE transaction and rolls it back: the CI gate. A
 * {@code no-transaction} migration is checked inside the transaction too, with
 * {@code CONCURRENTLY} removed from its index statements (the index is built the same way,
 * just locking), and a statement PostgreSQL refuses inside a transaction is reported as
 * unchecked instead of failing the gate.
 */
final class DryRunner {

	private static final Pattern CONCURRENT_INDEX = Pattern
		.compile("(?is)^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?|DROP\\s+)INDEX\\s+)CONCURRENTLY\\s+");

	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	private final Tracker tracker;

	private final MigrationExecutor executor;

	private final MigrationConfiguration configuration;

	DryRunner(Tracker tracker, MigrationExecutor executor, MigrationConfiguration configuration) {
		this.tracker = tracker;
		this.executor = executor;
		this.configuration = configuration;
	}

	DryRunResult run(Connection connection, MigrationPlan plan) throws SQLException {
		List<DryRunResult.Step> steps = new ArrayList<>();
		MigrationFailedException failure = null;
		connection.setAutoCommit(false);
		try {
			this.tracker.createSchemaIfMissing(connection);
			this.tracker.create(connection);
			this.executor.setTimeouts(connection, true);
			for (Migration migration : plan.pending()) {
				if (failure != null) {
					steps.add(new DryRunResult.Step(migration.version(), migration.fileName(),
							DryRunResult.Outcome.NOT_RUN, 0, null, "not run: an earlier migration failed"));
					continue;
				}
				long start = System.nanoTime();
				try {
					List<String> unchecked = migration.transactional() ? runTransactional(connection, migration)
							: runInsideTransaction(connection, migration);
					this.tracker.insert(connection, migration, migration.checksum(), null, "dry-run");
					long millis = (System.nanoTime() - start) / 1_000_000;
					steps.add(unchecked.isEmpty()
							? new DryRunResult.Step(migration.version(), migration.fileName(), DryRunResult.Outcome.OK,
									millis, null, null)
							: new DryRunResult.Step(migration.version(), migration.fileName(),
									DryRunResult.Outcome.PARTLY_CHECKED, millis, null, String.join("; ", unchecked)));
				}
				catch (StatementFailure ex) {
					failure = new MigrationFailedException(migration, ex.line(), ex.sqlException(),
							(FailureHints.cause(ex, 1, this.configuration, List.of())
									+ " The dry run was rolled back; the database is unchanged.").strip());
					steps.add(new DryRunResult.Step(migration.version(), migration.fileName(),
							DryRunResult.Outcome.FAILED, (System.nanoTime() - start) / 1_000_000, ex.sqlState(),
							failure.getMessage()));
				}
			}
		}
		finally {
			MigrationExecutor.rollbackQuietly(connection);
			connection.setAutoCommit(true);
		}
		return new DryRunResult(plan, steps, Optional.ofNullable(failure));
	}

	private List<String> runTransactional(Connection connection, Migration migration)
			throws StatementFailure, SQLException {
		this.executor.runStatements(connection, migration, migration.statements());
		return List.of();
	}

	private List<String> runInsideTransaction(Connection connection, Migration migration)
			throws StatementFailure, SQLException {
		List<String> unchecked = new ArrayList<>();
		List<SqlStatement> statements = migration.statements();
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			String sql = CONCURRENT_INDEX.matcher(statement.text()).replaceFirst("$1");
			Savepoint savepoint = connection.setSavepoint();
			try (Statement jdbc = connection.createStatement()) {
				jdbc.setEscapeProcessing(false);
				jdbc.execute(sql);
				connection.releaseSavepoint(savepoint);
			}
			catch (SQLException ex) {
				if (!ACTIVE_SQL_TRANSACTION.equals(ex.getSQLState())) {
					throw new StatementFailure(migration, statement.line(), i, ex);
				}
				connection.rollback(savepoint);
				unchecked.add("line " + statement.line() + " cannot run inside a transaction and was not checked");
			}
		}
		return unchecked;
	}

}
