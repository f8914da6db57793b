package de.paliad.migration.core;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement of a migration failed; carries where, so the caller can roll back and
 * decide whether to retry before it turns into a {@link MigrationFailedException}.
 */
final class StatementFailure extends Exception {

	private final Migration migration;

	private final SqlStatement statement;

	private final int statementIndex;

	private final int line;

	StatementFailure(Migration migration, SqlStatement statement, int statementIndex, SQLException cause) {
		this(migration, statement, statement.text(), statementIndex, cause);
	}

	/**
	 * @param executed the text sent to the server, when it differs from the statement's
	 * (the dry run strips {@code CONCURRENTLY}); the server's error position refers to it
	 */
	StatementFailure(Migration migration, SqlStatement statement, String executed, int statementIndex,
			SQLException cause) {
		super(cause.getMessage(), cause);
		this.migration = migration;
		this.statement = statement;
		this.statementIndex = statementIndex;
		this.line = statement.line() + newlinesBefore(executed, position(cause));
	}

	Migration migration() {
		return this.migration;
	}

	/**
	 * The file line PostgreSQL located the error at (as psql reports it); the statement's
	 * first line when the server gave no position.
	 */
	int line() {
		return this.line;
	}

	/** The line the failing statement starts at. */
	int statementLine() {
		return this.statement.line();
	}

	SqlStatement statement() {
		return this.statement;
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

	/** The server's DETAIL, if it sent one. */
	@Nullable String detail() {
		ServerErrorMessage server = serverMessage(sqlException());
		return (server != null) ? server.getDetail() : null;
	}

	/** The server's HINT, if it sent one. */
	@Nullable String serverHint() {
		ServerErrorMessage server = serverMessage(sqlException());
		return (server != null) ? server.getHint() : null;
	}

	private static @Nullable ServerErrorMessage serverMessage(SQLException ex) {
		return (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
	}

	/** The server's 1-based character position of the error in the statement, or 0. */
	private static int position(SQLException ex) {
		ServerErrorMessage server = serverMessage(ex);
		return (server != null) ? server.getPosition() : 0;
	}

	/**
	 * Newlines before the 1-based character (code point, as PostgreSQL counts)
	 * {@code position} of {@code text}.
	 */
	static int newlinesBefore(String text, int position) {
		if (position <= 1) {
			return 0;
		}
		int codePoints = text.codePointCount(0, text.length());
		int end = text.offsetByCodePoints(0, Math.min(position - 1, codePoints));
		int newlines = 0;
		for (int i = 0; i < end; i++) {
			if (text.charAt(i) == '\n') {
				newlines++;
			}
		}
		return newlines;
	}

}
