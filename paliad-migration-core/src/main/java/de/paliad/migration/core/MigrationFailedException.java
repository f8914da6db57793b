package de.paliad.migration.core;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A migration's SQL failed on the server. Its transaction was rolled back (unless it is a
 * {@code no-transaction} migration), and no tracker row was written for it.
 */
public class MigrationFailedException extends MigrationException {

	private static final java.util.Set<String> TRANSIENT_STATES = java.util.Set.of("55P03", "40001", "40P01", "57P01",
			"57P02", "57P03", "53300");

	private final long version;

	private final String migrationName;

	private final @Nullable String sqlState;

	private final String serverMessage;

	public MigrationFailedException(Migration migration, int statementLine, SQLException cause, @Nullable String hint) {
		this(migration, migration.fileName(), statementLine, cause, hint);
	}

	/**
	 * A failure of one of the migration's files other than its up file (its down file).
	 */
	public MigrationFailedException(Migration migration, String fileName, int statementLine, SQLException cause,
			@Nullable String hint) {
		super(format(migration.version(), fileName, statementLine, cause, hint), cause);
		this.version = migration.version();
		this.migrationName = migration.name();
		this.sqlState = cause.getSQLState();
		this.serverMessage = firstLine(cause.getMessage());
	}

	private static String format(long version, String fileName, int statementLine, SQLException cause,
			@Nullable String hint) {
		String message = "Migration " + version + " (" + fileName + ") failed at line " + statementLine
				+ " with SQLSTATE " + cause.getSQLState() + ": " + firstLine(cause.getMessage()) + ".";
		return (hint != null) ? message + " " + hint : message;
	}

	static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message.strip() : message.substring(0, newline).strip();
	}

	public long version() {
		return this.version;
	}

	public String migrationName() {
		return this.migrationName;
	}

	public @Nullable String sqlState() {
		return this.sqlState;
	}

	/**
	 * The server's error message, first line only (no SQL text).
	 * @return the server message
	 */
	public String serverMessage() {
		return this.serverMessage;
	}

	@Override
	public boolean isTransient() {
		return this.sqlState != null && (TRANSIENT_STATES.contains(this.sqlState) || this.sqlState.startsWith("08"));
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.MIGRATION_FAILED;
	}

}
