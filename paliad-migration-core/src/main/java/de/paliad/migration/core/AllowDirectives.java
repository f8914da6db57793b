package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The {@code -- paliad:allow <rule-id> <reason>} and
 * {@code -- paliad:allow-breaking <reason>} directives of an up file, which let the CI
 * gate accept findings the author has thought about. Where a directive stands decides
 * what it covers: among the comment lines before the first statement, the whole
 * migration; anywhere else, the next statement (the first one that starts after it). Only
 * real {@code --} comments count, never text inside a string or a dollar-quoted body, and
 * a directive must stand on a line of its own, outside any statement, so that what it
 * covers is never a guess.
 */
final class AllowDirectives {

	/** No directives: a migration that was not lexed, or one without any. */
	static final AllowDirectives NONE = new AllowDirectives(List.of(), Map.of());

	private static final String PREFIX = "paliad:";

	private static final String HOW_TO = "write '-- paliad:allow <rule-id> <reason>' on a line of its own above the"
			+ " statement it allows, or among the comment lines before the first statement to allow the whole"
			+ " migration (see docs/rules.md)";

	private final List<Directive> wholeMigration;

	private final Map<SqlStatement, List<Directive>> byStatement;

	private AllowDirectives(List<Directive> wholeMigration, Map<SqlStatement, List<Directive>> byStatement) {
		this.wholeMigration = List.copyOf(wholeMigration);
		this.byStatement = Map.copyOf(byStatement);
	}

	/**
	 * Reads the directives of a lexed up file.
	 * @param path the file, for messages
	 * @param lexed its statements and comments
	 * @return the directives and what is wrong with them, one message per problem
	 */
	static Parsed parse(String path, SqlLexer.Lexed lexed) {
		List<Directive> wholeMigration = new ArrayList<>();
		Map<SqlStatement, List<Directive>> byStatement = new HashMap<>();
		List<String> problems = new ArrayList<>();
		List<SqlStatement> statements = lexed.statements();
		for (SqlLexer.LineComment comment : lexed.lineComments()) {
			String body = comment.text().substring(2).strip();
			// "-- paliad: note" (a space after the colon) is prose, not a directive.
			if (!body.startsWith(PREFIX) || body.length() == PREFIX.length()
					|| Character.isWhitespace(body.charAt(PREFIX.length()))) {
				continue;
			}
			String where = path + " line " + comment.line() + ": ";
			Directive directive;
			try {
				directive = directive(body.substring(PREFIX.length()), comment.line());
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + ex.getMessage());
				continue;
			}
			if (directive == null) {
				continue;
			}
			if (!comment.aloneOnItsLine() || comment.insideStatement()) {
				problems.add(where + "the directive '" + comment.text().strip() + "' "
						+ (comment.aloneOnItsLine() ? "stands inside a statement" : "shares its line with SQL")
						+ ", so it is unclear what it allows; " + HOW_TO);
			}
			else if (comment.followingStatement() == 0) {
				wholeMigration.add(directive);
			}
			else if (comment.followingStatement() == statements.size()) {
				problems.add(where + "the directive '" + comment.text().strip()
						+ "' allows nothing: no statement follows it; " + HOW_TO);
			}
			else {
				byStatement.computeIfAbsent(statements.get(comment.followingStatement()), (s) -> new ArrayList<>())
					.add(directive);
			}
		}
		return new Parsed(new AllowDirectives(wholeMigration, byStatement), problems);
	}

	/**
	 * Reads one directive, the text after {@code paliad:}.
	 * @return the directive, or {@code null} for a directive that allows nothing
	 * ({@code no-transaction}, which counts only on the first line and is read elsewhere)
	 * @throws IllegalArgumentException what is wrong with it and how to fix it
	 */
	private static @Nullable Directive directive(String text, int line) {
		String[] nameAndRest = text.split("\\s+", 2);
		String name = nameAndRest[0];
		String rest = (nameAndRest.length > 1) ? nameAndRest[1].strip() : "";
		switch (name) {
			case "no-transaction":
				return null;
			case "allow-breaking":
				if (rest.isEmpty()) {
					throw new IllegalArgumentException(Migration.ALLOW_BREAKING_DIRECTIVE
							+ " needs a reason after it (it is printed by the CI gate), e.g. '"
							+ Migration.ALLOW_BREAKING_DIRECTIVE + " v2.3 no longer reads users.display_name'");
				}
				return new Directive(null, rest, line);
			case "allow":
				return allow(rest, line);
			default:
				throw new IllegalArgumentException("unknown directive '-- paliad:" + name
						+ "'; the directives are '-- paliad:no-transaction' (first line), '" + Migration.ALLOW_DIRECTIVE
						+ " <rule-id> <reason>' and '" + Migration.ALLOW_BREAKING_DIRECTIVE + " <reason>'");
		}
	}

	private static Directive allow(String text, int line) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException(Migration.ALLOW_DIRECTIVE
					+ " needs a rule ID and a reason, e.g. '-- paliad:allow drop-column v2.3 no longer reads"
					+ " users.display_name' (the rule IDs are in docs/rules.md)");
		}
		String[] idAndReason = text.split("\\s+", 2);
		String id = idAndReason[0];
		Rule rule = Rule.byId(id)
			.orElseThrow(() -> new IllegalArgumentException(Migration.ALLOW_DIRECTIVE + " names no rule '" + id
					+ "'; did you mean " + closest(id) + "? (every rule ID is in docs/rules.md)"));
		if (rule == Rule.CONCURRENTLY_IN_TRANSACTION) {
			throw new IllegalArgumentException(rule.id() + " cannot be allowed: PostgreSQL itself refuses"
					+ " CONCURRENTLY inside a transaction, whatever the gate says. Move the statement into a"
					+ " migration of its own whose first line is " + Migration.NO_TRANSACTION_DIRECTIVE);
		}
		String reason = (idAndReason.length > 1) ? idAndReason[1].strip() : "";
		if (reason.isEmpty()) {
			throw new IllegalArgumentException(Migration.ALLOW_DIRECTIVE + " " + id
					+ " needs a reason after the rule ID (it is printed by the CI gate), e.g. '"
					+ Migration.ALLOW_DIRECTIVE + " " + id + " the table has 200 rows in production'");
		}
		return new Directive(rule, reason, line);
	}

	/**
	 * The three rule IDs nearest to a misspelt one, by edit distance.
	 */
	static String closest(String id) {
		return Arrays.stream(Rule.values())
			.map(Rule::id)
			.sorted(Comparator.comparingInt((String candidate) -> editDistance(id, candidate))
				.thenComparing(Comparator.naturalOrder()))
			.limit(3)
			.collect(Collectors.joining(", "));
	}

	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * The reason a directive gives for allowing {@code rule} at {@code statement}: a
	 * directive of the whole migration, or one placed before that statement.
	 * @return the reason, or {@code null} when no directive allows it
	 */
	@Nullable String reasonFor(Rule rule, SqlStatement statement) {
		String reason = reasonIn(this.wholeMigration, rule);
		return (reason != null) ? reason : reasonIn(this.byStatement.getOrDefault(statement, List.of()), rule);
	}

	/**
	 * The reason of an {@code allow-breaking} directive of the whole migration.
	 */
	@Nullable String allowBreakingReason() {
		return this.wholeMigration.stream()
			.filter((directive) -> directive.rule() == null)
			.map(Directive::reason)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String reasonIn(List<Directive> directives, Rule rule) {
		return directives.stream()
			.filter((directive) -> directive.allows(rule))
			.map(Directive::reason)
			.findFirst()
			.orElse(null);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof AllowDirectives that && this.wholeMigration.equals(that.wholeMigration)
				&& this.byStatement.equals(that.byStatement);
	}

	@Override
	public int hashCode() {
		return this.wholeMigration.hashCode() * 31 + this.byStatement.hashCode();
	}

	/**
	 * One directive.
	 *
	 * @param rule the rule it allows, or {@code null} for {@code allow-breaking}: every
	 * breaking rule
	 * @param reason why, as printed by the gate
	 * @param line its line in the file
	 */
	record Directive(@Nullable Rule rule, String reason, int line) {

		boolean allows(Rule finding) {
			if (this.rule == null) {
				// CONCURRENTLY in a transaction fails in PostgreSQL, not just in the
				// gate.
				return finding.severity() == Severity.BREAKING && finding != Rule.CONCURRENTLY_IN_TRANSACTION;
			}
			return this.rule == finding;
		}

	}

	/**
	 * The directives of a file and what is wrong with them.
	 *
	 * @param directives the well-formed directives
	 * @param problems one message per malformed or misplaced directive
	 */
	record Parsed(AllowDirectives directives, List<String> problems) {

	}

}
