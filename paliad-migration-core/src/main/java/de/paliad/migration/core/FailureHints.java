package de.paliad.migration.core;

import java.util.List;

/**
 * The "what to do next" sentence of a failed migration, chosen by SQLSTATE.
 */
final class FailureHints {

	private FailureHints() {
	}

	/**
	 * Why it failed and what to do, plus what is left of the migration in the database.
	 */
	static String hint(StatementFailure failure, int attempts, MigrationConfiguration configuration,
			List<SessionInfo> blockers) {
		String cause = cause(failure, attempts, configuration, blockers);
		return (cause.isEmpty() ? "" : cause + " ") + aftermath(failure);
	}

	/**
	 * Why it failed and what to do, by SQLSTATE; empty when there is nothing useful to
	 * add.
	 */
	static String cause(StatementFailure failure, int attempts, MigrationConfiguration configuration,
			List<SessionInfo> blockers) {
		String state = (failure.sqlState() != null) ? failure.sqlState() : "";
		String hint = switch (state) {
			case "55P03" -> "Another session held a lock this migration needs for longer than lock-timeout ("
					+ configuration.lockTimeout().toMillis() + " ms) in " + attempts + " attempt(s)"
					+ (blockers.isEmpty() ? "" : "; blocked by " + blockers)
					+ ". Find the long transaction (pg_stat_activity) or raise lock-timeout.";
			case "57014" -> "The statement ran longer than statement-timeout ("
					+ configuration.statementTimeout().toMillis() + " ms).";
			case "42703", "42P01", "42883", "42704" -> "The migration refers to something that does not exist in this"
					+ " database; an earlier migration may have dropped or renamed it. Run the dry-run mode against a"
					+ " copy of the production schema to catch this in CI.";
			case "42501" -> "The migration role lacks a privilege or does not own the object.";
			default -> "";
		};
		return hint;
	}

	private static String aftermath(StatementFailure failure) {
		if (!failure.migration().transactional() && failure.statementIndex() == 0) {
			return "It ran outside a transaction, but its first statement failed: nothing of it was applied"
					+ " and no tracker row was written; a failed CREATE INDEX CONCURRENTLY still leaves an INVALID"
					+ " index to drop before the next attempt.";
		}
		if (!failure.migration().transactional()) {
			return "It ran outside a transaction: statements before line " + failure.line()
					+ " stayed applied and no tracker row was written; a failed CREATE INDEX"
					+ " CONCURRENTLY leaves an INVALID index to drop before the next attempt.";
		}
		return "Its transaction was rolled back; nothing of it remains.";
	}

}
