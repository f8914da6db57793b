package de.paliad.migration.core;

import java.sql.SQLException;

/**
 * A statement of a migration failed; carries where, so the caller can roll back and
 * decide whether to retry before it turns into a {@link MigrationFailedException}.
 */
final class StatementFailure extends Exception {

	private final Migration migration;

	private final int line;

	private final int statementIndex;

	StatementFailure(Migration migration, int line, int statementIndex, SQLException cause) {
		super(cause.getMessage(), cause);
		this.migration = migration;
		this.line = line;
		this.statementIndex = statementIndex;
	}

	Migration migration() {
		return this.migration;
	}

	int line() {
		return this.line;
	}

	/**
	 * Zero-based index of the failing statement; 0 means nothing of the migration ran
	 * before.
	 */
	int statementIndex() {
		return this.statementIndex;
	}

	SQLException sqlException() {
		return (SQLException) getCause();
	}

	String sqlState() {
		return sqlException().getSQLState();
	}

}
