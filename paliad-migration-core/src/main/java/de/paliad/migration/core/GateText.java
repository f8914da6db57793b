package de.paliad.migration.core;

import java.util.List;
import java.util.Locale;

/**
 * The {@code dry-run} mode's report for people: the summary, each migration, each finding
 * and the failure.
 */
final class GateText {

	private GateText() {
	}

	static String render(GateFacts facts) {
		String nl = System.lineSeparator();
		StringBuilder text = new StringBuilder();
		text.append("== paliad-migration dry-run ==").append(nl).append(summary(facts)).append(nl);
		section(text, "Migrations", facts.result.steps().stream().map(GateText::step).toList());
		section(text, "Findings", facts.result.findings().stream().map(Finding::toString).toList());
		GateFacts.Failure failure = facts.failure();
		if (failure != null) {
			text.append(nl).append("FAILED: ").append(failure.message()).append(nl);
			if (failure.detail() != null) {
				text.append("DETAIL: ").append(failure.detail()).append(nl);
			}
			if (failure.hint() != null) {
				text.append("HINT: ").append(failure.hint()).append(nl);
			}
		}
		text.append(nl).append("Exit code: ").append(facts.exitCode.code()).append(nl);
		return text.toString();
	}

	static String summary(GateFacts facts) {
		DryRunResult result = facts.result;
		String run = (result.kind() == DryRunResult.Kind.REHEARSAL)
				? "Rehearsal of " + result.steps().size() + " pending migration(s) as migrate runs them, committed"
						+ " on the scratch database"
						+ ((facts.snapshot != null) ? " restored from snapshot " + facts.snapshot : "")
				: "Dry run of " + result.steps().size() + " pending migration(s) in one transaction, rolled back";
		return run + ": " + (result.succeeded() ? "all succeeded" : "a migration failed") + "; "
				+ result.findings().size() + " finding(s), " + facts.gateFailures.size() + " failing the gate (compat="
				+ facts.compat.name().toLowerCase(Locale.ROOT) + "). " + result.sizes().summary();
	}

	private static String step(DryRunResult.Step step) {
		return step.version() + "  " + step.fileName() + "  " + step.outcome() + "  " + step.durationMs() + " ms"
				+ ((step.message() != null) ? "  " + step.message() : "")
				+ (step.locks().isEmpty() ? "" : "  locks: " + String.join(", ", step.locks()));
	}

	private static void section(StringBuilder text, String heading, List<String> items) {
		String nl = System.lineSeparator();
		text.append(nl).append(heading).append(" (").append(items.size()).append("):");
		if (items.isEmpty()) {
			text.append(" none");
		}
		text.append(nl);
		items.forEach((item) -> text.append("  ").append(item).append(nl));
	}

}
