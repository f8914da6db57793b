package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a migration's down file and deletes its tracker row in one transaction.
 */
final class DownRunner {

	private final Tracker tracker;

	private final MigrationExecutor executor;

	DownRunner(Tracker tracker, MigrationExecutor executor) {
		this.tracker = tracker;
		this.executor = executor;
	}

	void run(Connection connection, Migration migration) throws SQLException {
		connection.setAutoCommit(false);
		try {
			this.executor.setTimeouts(connection, true);
			this.executor.runStatements(connection, migration, migration.down());
			this.tracker.delete(connection, migration.version());
			connection.commit();
		}
		catch (StatementFailure failure) {
			MigrationExecutor.rollbackQuietly(connection);
			throw new MigrationFailedException(migration, migration.downFileName(), failure.line(),
					failure.sqlException(), "The down migration " + migration.downFileName()
							+ " failed and was rolled back; version " + migration.version() + " is still applied.");
		}
		catch (SQLException ex) {
			MigrationExecutor.rollbackQuietly(connection);
			throw ex;
		}
		finally {
			MigrationExecutor.restoreAutoCommit(connection);
		}
	}

}
