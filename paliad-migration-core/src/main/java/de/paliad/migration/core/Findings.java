package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one statement. Every finding passes through {@link #add}, where the
 * migration's allow directives are looked up.
 */
final class Findings {

	private final Migration migration;

	private final SqlStatement statement;

	private final List<Finding> list = new ArrayList<>();

	Findings(Migration migration, SqlStatement statement) {
		this.migration = migration;
		this.statement = statement;
	}

	void add(Rule rule, String object, String message) {
		Finding finding = Finding.of(rule, this.migration.version(), this.migration.fileName(), this.statement.line(),
				oneLine(this.statement.text()), object, message);
		String allowed = this.migration.allowance(rule, this.statement);
		this.list.add((allowed != null) ? finding.allowed(allowed) : finding);
	}

	/** Whether a finding names the relation or one of its columns. */
	boolean mentions(String relation) {
		return this.list.stream().anyMatch((f) -> f.object().equals(relation) || f.object().startsWith(relation + "."));
	}

	/** Whether a finding of this rule names the relation or one of its columns. */
	boolean mentions(Rule rule, String relation) {
		return this.list.stream()
			.anyMatch(
					(f) -> f.rule() == rule && (f.object().equals(relation) || f.object().startsWith(relation + ".")));
	}

	/** Whether the statement did work that keeps traffic waiting (a blocking finding). */
	boolean blocks() {
		return this.list.stream()
			.anyMatch((f) -> f.rule().severity() == Severity.BLOCKING && f.rule() != Rule.LOCK_HELD_ACROSS_STATEMENTS);
	}

	Migration migration() {
		return this.migration;
	}

	SqlStatement statement() {
		return this.statement;
	}

	List<Finding> list() {
		return this.list;
	}

	static String oneLine(String sql) {
		String flat = sql.replaceAll("\\s+", " ").strip();
		return (flat.length() > 200) ? flat.substring(0, 197) + "..." : flat;
	}

}
