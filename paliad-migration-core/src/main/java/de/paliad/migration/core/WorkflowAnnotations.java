package de.paliad.migration.core;

/**
 * The gate's findings as workflow commands
 * ({@code ::error file=…,line=…,title=…::message}) that GitHub Actions turns into
 * annotations on the pull request's diff; Gitea Actions (act_runner) reads the same
 * commands. Errors are what fails the gate or breaks the running version, warnings what
 * blocks traffic or may misbehave, notices the rest.
 */
final class WorkflowAnnotations {

	private WorkflowAnnotations() {
	}

	static String render(GateFacts facts) {
		StringBuilder out = new StringBuilder();
		for (Finding finding : facts.result.findings()) {
			String command = switch (facts.level(finding)) {
				case ERROR -> "error";
				case WARNING -> "warning";
				case NOTE -> "notice";
			};
			String title = "paliad-migration " + GateFacts.severity(finding) + " [" + finding.rule().id() + "]: "
					+ finding.rule().title();
			String message = GateFacts.message(finding) + " — " + finding.statement()
					+ ((finding.allowedBecause() != null) ? " (allowed: " + finding.allowedBecause() + ")" : "")
					+ (facts.failsGate(finding) ? " This fails the gate." : "") + " See "
					+ GateFacts.documentation(finding.rule());
			command(out, command, facts.path(finding), finding.line(), title, message);
		}
		GateFacts.Failure failure = facts.failure();
		if (failure != null) {
			String message = failure.message() + ((failure.detail() != null) ? "\nDETAIL: " + failure.detail() : "")
					+ ((failure.hint() != null) ? "\nHINT: " + failure.hint() : "");
			command(out, "error", failure.path(), failure.line(), "paliad-migration: migration " + failure.version()
					+ " failed (SQLSTATE " + failure.sqlState() + ")", message);
		}
		return out.toString();
	}

	private static void command(StringBuilder out, String command, String file, int line, String title,
			String message) {
		out.append("::")
			.append(command)
			.append(" file=")
			.append(property(file))
			.append(",line=")
			.append(Math.max(1, line))
			.append(",title=")
			.append(property(title))
			.append("::")
			.append(data(message))
			.append('\n');
	}

	/**
	 * Escapes a command's message as the runner unescapes it (actions/toolkit's
	 * {@code escapeData}): a bare newline would end the command.
	 */
	static String data(String text) {
		return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
	}

	/**
	 * Escapes a property value ({@code escapeProperty}): also {@code :} and {@code ,},
	 * which would end the value.
	 */
	static String property(String text) {
		return data(text).replace(":", "%3A").replace(",", "%2C");
	}

}
