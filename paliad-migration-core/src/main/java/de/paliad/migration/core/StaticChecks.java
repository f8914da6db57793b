package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a migration's statements before anything runs. Works on the lexer's top-level
 * words, so a {@code COMMIT} inside a function body, a string or a comment is never
 * flagged.
 */
final class StaticChecks {

	/**
	 * Statements that end or open a transaction and would break the migration's
	 * atomicity.
	 */
	private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "ROLLBACK", "END", "START",
			"ABORT");

	private StaticChecks() {
	}

	static List<String> check(String path, boolean transactional, List<SqlStatement> statements) {
		List<String> problems = new ArrayList<>();
		if (!transactional) {
			return problems;
		}
		for (SqlStatement statement : statements) {
			String first = statement.firstWord();
			if (TRANSACTION_CONTROL.contains(first) && !isStartOfSomethingElse(statement)) {
				problems.add(path + " line " + statement.line() + ": top-level " + first
						+ " inside a transactional migration would commit or abort the runner's transaction half-way;"
						+ " remove it (the runner already wraps the migration and its tracker row in one transaction)");
			}
			else if (statement.hasWord("CONCURRENTLY") && !isRefreshMaterializedView(statement)) {
				problems
					.add(path + " line " + statement.line() + ": CONCURRENTLY cannot run inside a transaction (rule "
							+ Rule.CONCURRENTLY_IN_TRANSACTION.id() + "); put '" + Migration.NO_TRANSACTION_DIRECTIVE
							+ "' alone on the first line of the file (and keep that migration to this statement)");
			}
		}
		return problems;
	}

	/**
	 * {@code REFRESH MATERIALIZED VIEW CONCURRENTLY} runs inside a transaction (it only
	 * avoids blocking readers), unlike the index, {@code REINDEX} and
	 * {@code DETACH PARTITION} forms.
	 */
	private static boolean isRefreshMaterializedView(SqlStatement statement) {
		return "REFRESH".equals(statement.firstWord()) && statement.hasWordSequence("REFRESH", "MATERIALIZED", "VIEW");
	}

	/** {@code START} is transaction control only as {@code START TRANSACTION}. */
	private static boolean isStartOfSomethingElse(SqlStatement statement) {
		return "START".equals(statement.firstWord())
				&& (statement.words().size() < 2 || !"TRANSACTION".equals(statement.words().get(1)));
	}

}
