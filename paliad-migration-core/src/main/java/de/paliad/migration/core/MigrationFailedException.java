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

	private final String summary;

	public MigrationFailedException(Migration migration, int statementLine, SQLException cause, @Nullable String hint) {
		this(migration, migration.fileName(), statementLine, cause, hint);
	}

	/**
	 * A failure of one of the migration's files other than its up file (its down file).
	 */
	public MigrationFailedException(Migration migration, String fileName, int statementLine, SQLException cause,
			@Nullable String hint) {
		this(migration, fileName, statementLine, cause, null, hint);
	}

	/**
	 * @param details the server's DETAIL and HINT and the statement: in the message for
	 * the operator, left out of {@link #summary()}
	 */
	MigrationFailedException(Migration migration, String fileName, int line, SQLException cause,
			@Nullable String details, @Nullable String hint) {
		super(format(migration.version(), fileName, line, cause, details, hint), cause);
		this.version = migration.version();
		this.migrationName = migration.name();
		this.sqlState = cause.getSQLState();
		this.serverMessage = firstLine(cause.getMessage());
		this.summary = format(migration.version(), fileName, line, cause, null, hint);
	}

	private static String format(long version, String fileName, int line, SQLException cause, @Nullable String details,
			@Nullable String hint) {
		StringBuilder message = new StringBuilder("Migration " + version + " (" + fileName + ") failed at line " + line
				+ " with SQLSTATE " + cause.getSQLState() + ": " + firstLine(cause.getMessage()) + ".");
		for (String part : new String[] { details, hint }) {
			if (part != null && !part.isBlank()) {
				message.append(' ').append(part.strip());
			}
		}
		return message.toString();
	}

	/**
	 * The message without the statement excerpt and the server's DETAIL and HINT, which
	 * may hold SQL text or row values: for what anonymous callers can read, such as the
	 * health endpoint.
	 * @return the summary
	 */
	public String summary() {
		return this.summary;
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
