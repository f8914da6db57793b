package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Looks at the database around each statement of a dry run, inside its transaction (the
 * compatibility analysis of the CI gate).
 */
interface DryRunObserver {

	/** An observer that looks at nothing. */
	DryRunObserver NONE = new DryRunObserver() {
	};

	/**
	 * Called once before the first migration runs.
	 * @param connection the dry run's connection
	 * @throws SQLException on a database error
	 */
	default void started(Connection connection) throws SQLException {
	}

	/**
	 * Called before a migration's first statement, inside its transaction (or, for a
	 * {@code no-transaction} migration, on its autocommit connection).
	 * @param connection the rehearsal's connection
	 * @param migration the migration
	 * @throws SQLException on a database error
	 */
	default void migrationStarted(Connection connection, Migration migration) throws SQLException {
	}

	/**
	 * Called after a migration's last statement succeeded and before its transaction
	 * commits or rolls back: the moment its locks are released.
	 * @param connection the rehearsal's connection
	 * @param migration the migration
	 * @throws SQLException on a database error
	 */
	default void migrationFinished(Connection connection, Migration migration) throws SQLException {
	}

	/**
	 * Called after a statement succeeded.
	 * @param connection the dry run's connection
	 * @param migration the migration
	 * @param statement the statement
	 * @throws SQLException on a database error
	 */
	default void afterStatement(Connection connection, Migration migration, SqlStatement statement)
			throws SQLException {
	}

	/**
	 * Called once after the last migration, before the result is assembled (and, in the
	 * one-transaction dry run, before the rollback): for checks that look at the end
	 * state, such as a foreign key no index of the whole run covers.
	 * @param connection the rehearsal's connection
	 * @throws SQLException on a database error
	 */
	default void finished(Connection connection) throws SQLException {
	}

	/**
	 * The relation locks a migration took, e.g.
	 * {@code AccessExclusiveLock on public.orders}.
	 * @param migration the migration
	 * @return the locks, empty when not observed
	 */
	default java.util.List<String> locksTakenBy(Migration migration) {
		return java.util.List.of();
	}

	/**
	 * Everything found, in the order it was found.
	 * @return the findings
	 */
	default java.util.List<Finding> findings() {
		return java.util.List.of();
	}

}
