package de.paliad.migration.core;

import java.util.List;

/**
 * The gate's result as Markdown for a pull-request comment or a job summary: a verdict
 * line, the findings that matter in a table with links to their rules, the failure with
 * the server's DETAIL and HINT, and the info findings collapsed.
 */
final class MarkdownSummary {

	private MarkdownSummary() {
	}

	static String render(GateFacts facts) {
		StringBuilder md = new StringBuilder();
		md.append("### ").append(verdict(facts)).append("\n\n");
		md.append(GateText.summary(facts)).append(" Exit code ").append(facts.exitCode.code()).append(".\n");
		List<Finding> notable = facts.result.findings()
			.stream()
			.filter((finding) -> finding.severity() != Severity.INFO)
			.toList();
		List<Finding> info = facts.result.findings()
			.stream()
			.filter((finding) -> finding.severity() == Severity.INFO)
			.toList();
		if (!notable.isEmpty()) {
			md.append("\n#### Findings (").append(notable.size()).append(")\n\n");
			table(md, facts, notable);
		}
		GateFacts.Failure failure = facts.failure();
		if (failure != null) {
			md.append("\n#### Migration ")
				.append(failure.version())
				.append(" failed\n\n")
				.append("`")
				.append(code(failure.path()))
				.append("` line ")
				.append(failure.line())
				.append(", SQLSTATE `")
				.append((failure.sqlState() != null) ? failure.sqlState() : "unknown")
				.append("`\n\n")
				.append(quote(failure.message()))
				.append('\n');
			if (failure.detail() != null) {
				md.append("\n**DETAIL:** ").append(inline(failure.detail())).append('\n');
			}
			if (failure.hint() != null) {
				md.append("\n**HINT:** ").append(inline(failure.hint())).append('\n');
			}
		}
		if (!info.isEmpty()) {
			md.append("\n<details><summary>")
				.append(info.size())
				.append(" info finding(s): safe under a rolling deploy</summary>\n\n");
			table(md, facts, info);
			md.append("\n</details>\n");
		}
		return md.toString();
	}

	private static String verdict(GateFacts facts) {
		return switch (facts.exitCode) {
			case SUCCESS -> "✅ paliad-migration gate passed";
			case MIGRATION_FAILED -> "❌ paliad-migration gate failed: a migration failed";
			case VALIDATION_FAILED ->
				"❌ paliad-migration gate failed: " + facts.gateFailures.size() + " finding(s) fail the gate";
			default -> "❌ paliad-migration gate failed (exit code " + facts.exitCode.code() + ")";
		};
	}

	private static void table(StringBuilder md, GateFacts facts, List<Finding> findings) {
		md.append("| | severity | rule | file | object | finding |\n");
		md.append("| --- | --- | --- | --- | --- | --- |\n");
		for (Finding finding : findings) {
			md.append("| ")
				.append(mark(facts, finding))
				.append(" | ")
				.append(GateFacts.severity(finding))
				.append(" | [")
				.append(finding.rule().id())
				.append("](")
				.append(GateFacts.documentation(finding.rule()))
				.append(") | `")
				.append(cell(code(facts.path(finding) + ":" + finding.line())))
				.append("` | `")
				.append(cell(code(finding.object())))
				.append("` | ")
				.append(cell(inline(GateFacts.message(finding))))
				.append("<br>`")
				.append(cell(code(finding.statement())))
				.append('`')
				.append((finding.allowedBecause() != null) ? "<br>allowed: " + cell(inline(finding.allowedBecause()))
						: "")
				.append(" |\n");
		}
	}

	private static String mark(GateFacts facts, Finding finding) {
		if (facts.failsGate(finding)) {
			return "❌";
		}
		if (finding.allowedBecause() != null) {
			return "☑️";
		}
		return (finding.severity() == Severity.INFO) ? "ℹ️" : "⚠️";
	}

	/** Text in a table cell: a pipe would end the cell, a newline the row. */
	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
	}

	/**
	 * Text in a code span: a backtick would end it (and Markdown has no escape inside),
	 * so it becomes a look-alike.
	 */
	private static String code(String text) {
		return text.replace('`', '\'');
	}

	/** Plain text: no HTML or Markdown of its own (SQL has * and _ and <). */
	private static String inline(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '\\', '`', '*', '_', '[', ']', '#' -> escaped.append('\\').append(c);
				case '\n', '\r' -> escaped.append(' ');
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static String quote(String text) {
		return "> " + inline(text);
	}

}
