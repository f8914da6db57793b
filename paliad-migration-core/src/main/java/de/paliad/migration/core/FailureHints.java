package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The text after "Migration 7 (…) failed at line 13 with SQLSTATE …: …." — one paragraph
 * an operator acts on: the server's DETAIL and HINT, the statement, why it failed and
 * what to do (by SQLSTATE), and what this run committed before it or rolled back with it.
 */
final class FailureHints {

	private static final int EXCERPT_LENGTH = 160;

	private static final int LISTED_MIGRATIONS = 10;

	private FailureHints() {
	}

	/**
	 * How the failing migration ran, for the explanation of errors that depend on what
	 * shares its transaction.
	 */
	enum Setting {

		/**
		 * In its own transaction (or first in a batch): production runs it the same way.
		 */
		ALONE,

		/** In a {@code transaction=batch} transaction, after earlier migrations of it. */
		BATCH,

		/** In the one-transaction dry run, after earlier pending migrations. */
		ONE_TRANSACTION_DRY_RUN

	}

	/**
	 * The failed migration's exception: the server's details and the statement, why it
	 * failed, and {@code aftermath}.
	 */
	static MigrationFailedException failure(StatementFailure failure, int attempts,
			MigrationConfiguration configuration, List<SessionInfo> blockers, Setting setting, String aftermath) {
		Migration migration = failure.migration();
		return new MigrationFailedException(migration, migration.fileName(), failure.line(), failure.sqlException(),
				details(failure), join(cause(failure, attempts, configuration, blockers, setting), aftermath));
	}

	/**
	 * The server's DETAIL and HINT (PostgreSQL's own advice) and where the statement
	 * starts, with an excerpt.
	 */
	static String details(StatementFailure failure) {
		StringBuilder text = new StringBuilder();
		String detail = failure.detail();
		if (detail != null && !detail.isBlank()) {
			text.append("DETAIL: ").append(sentence(detail)).append(' ');
		}
		String serverHint = failure.serverHint();
		if (serverHint != null && !serverHint.isBlank()) {
			text.append("HINT: ").append(sentence(serverHint)).append(' ');
		}
		text.append("The statement starts at line ")
			.append(failure.statementLine())
			.append(": ")
			.append(excerpt(failure.statement().text()))
			.append('.');
		return text.toString();
	}

	/**
	 * Why it failed and what to do, by SQLSTATE; empty when there is nothing useful to
	 * add.
	 */
	static String cause(StatementFailure failure, int attempts, MigrationConfiguration configuration,
			List<SessionInfo> blockers, Setting setting) {
		String state = (failure.sqlState() != null) ? failure.sqlState() : "";
		String message = String.valueOf(failure.getMessage());
		return switch (state) {
			case "55P03" -> "Another session held a lock this migration needs for longer than lock-timeout ("
					+ configuration.lockTimeout().toMillis() + " ms) in " + attempts + " attempt(s)"
					+ (blockers.isEmpty() ? "" : "; blocked by " + blockers)
					+ ". Find the long transaction (pg_stat_activity) or raise lock-timeout.";
			case "57014" -> "The statement ran longer than statement-timeout ("
					+ configuration.statementTimeout().toMillis() + " ms).";
			case "42703", "42P01", "42883", "42704" -> "The migration refers to something that does not exist in this"
					+ " database; an earlier migration may have dropped or renamed it. The dry-run gate against a"
					+ " snapshot of the production schema (paliad.migration.snapshot) catches this in CI.";
			case "42501" -> "The migration role lacks a privilege or does not own the object.";
			case "55P04" -> needsCommit(
					"PostgreSQL refuses to use an enum value added by ALTER TYPE … ADD VALUE"
							+ " until the transaction that added it commits (55P04 unsafe_new_enum_value_usage)",
					setting, "add the value in a migration of its own before the one that uses it");
			case "55006" -> message.contains("pending trigger events") ? needsCommit(
					"PostgreSQL refuses this statement on a table with pending trigger events (55006 object_in_use):"
							+ " deferred constraint or trigger events queued earlier in the same transaction",
					setting, "move the data change into a migration of its own, or run SET CONSTRAINTS ALL IMMEDIATE"
							+ " before this statement")
					: "";
			case "25001" -> needsCommit("PostgreSQL refuses this statement inside a transaction block (25001)", setting,
					"put '" + Migration.NO_TRANSACTION_DIRECTIVE + "' alone on the first line of the file");
			default -> "";
		};
	}

	/**
	 * The explanation of an error that needs an earlier change committed: production
	 * (per-migration) succeeds when the earlier change is another migration.
	 */
	private static String needsCommit(String why, Setting setting, String fixWhenAlone) {
		return switch (setting) {
			case ALONE -> why + "; the change it needs is in this migration's own transaction: " + fixWhenAlone + ".";
			case BATCH -> why + ", and transaction=batch ran an earlier migration of this run in the same transaction."
					+ " Per-migration transactions (transaction=per-migration, the default) commit it first and succeed;"
					+ " or give the earlier change a '" + Migration.NO_TRANSACTION_DIRECTIVE
					+ "' migration of its own, which commits on its own.";
			case ONE_TRANSACTION_DRY_RUN -> why + ", and this dry run holds every pending migration in one"
					+ " transaction. This is a limit of the one-transaction dry run, not a fault of the migrations:"
					+ " migrate commits each migration in its own transaction and will succeed. Gate them with the"
					+ " snapshot rehearsal (paliad.migration.snapshot=<pg_dump file>, or MigrationGate.check) or, on a"
					+ " throw-away database, paliad.migration.rehearse=true (Migrator.rehearse()), which run and commit"
					+ " them exactly as migrate does.";
		};
	}

	/**
	 * What is left of a transactional migration that failed, and of the run around it.
	 * @param committedBefore the migrations this run committed before the failing one
	 * @param rolledBackWith the earlier migrations of its batch transaction, rolled back
	 * with it
	 */
	static String aftermath(StatementFailure failure, List<Migration> committedBefore, List<Migration> rolledBackWith) {
		String own;
		if (!failure.migration().transactional() && failure.statementIndex() == 0) {
			own = "It ran outside a transaction, but its first statement failed: nothing of it was applied"
					+ " and no tracker row was written; a failed CREATE INDEX CONCURRENTLY still leaves an INVALID"
					+ " index to drop before the next attempt.";
		}
		else if (!failure.migration().transactional()) {
			own = "It ran outside a transaction: statements before line " + failure.statementLine()
					+ " stayed applied and no tracker row was written; a failed CREATE INDEX"
					+ " CONCURRENTLY leaves an INVALID index to drop before the next attempt.";
		}
		else if (!rolledBackWith.isEmpty()) {
			own = "The batch was rolled back: " + names(rolledBackWith) + " and this one are not applied.";
		}
		else {
			own = "Its transaction was rolled back; nothing of it remains.";
		}
		String before = committedBefore.isEmpty() ? "No migration of this run was committed before it."
				: committedBefore.size() + " migration(s) of this run were committed before it: "
						+ names(committedBefore) + ".";
		return own + " " + before;
	}

	private static String names(List<Migration> migrations) {
		List<String> names = migrations.stream().limit(LISTED_MIGRATIONS).map(Migration::fileName).toList();
		String listed = String.join(", ", names);
		return (migrations.size() > LISTED_MIGRATIONS)
				? listed + " and " + (migrations.size() - LISTED_MIGRATIONS) + " more" : listed;
	}

	/** The statement on one line, shortened: enough to recognise it in the file. */
	static String excerpt(String statement) {
		String flat = statement.replaceAll("\\s+", " ").strip();
		return (flat.length() > EXCERPT_LENGTH) ? flat.substring(0, EXCERPT_LENGTH).strip() + " …" : flat;
	}

	private static String sentence(String text) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.endsWith(".") ? flat : flat + ".";
	}

	private static String join(@Nullable String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				text.append((text.length() > 0) ? " " : "").append(part.strip());
			}
		}
		return text.toString();
	}

}
