package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The gate's findings as a GitLab Code Quality report (a subset of the Code Climate issue
 * format), which {@code artifacts:reports:codequality} shows in the merge request. GitLab
 * compares the fingerprints of the source and target branch, so a fingerprint stays the
 * same while the finding does, whatever lines move above it.
 */
final class CodeQualityReport {

	private CodeQualityReport() {
	}

	static String render(GateFacts facts) {
		GateFacts.Fingerprints fingerprints = facts.fingerprints();
		List<Map<String, @Nullable Object>> issues = new ArrayList<>();
		for (Finding finding : facts.result.findings()) {
			String description = "[" + GateFacts.severity(finding) + "] " + GateFacts.message(finding) + " — "
					+ finding.statement()
					+ ((finding.allowedBecause() != null) ? " (allowed: " + finding.allowedBecause() + ")" : "");
			issues.add(issue(description, finding.rule().id(), fingerprints.of(finding), severity(facts, finding),
					facts.path(finding), finding.line(), GateFacts.documentation(finding.rule())));
		}
		GateFacts.Failure failure = facts.failure();
		if (failure != null) {
			issues.add(issue(failure.message(), GateFacts.MIGRATION_FAILED, fingerprints.of(failure), "blocker",
					failure.path(), failure.line(), GateReport.DOCUMENTATION_BASE + "docs/modes.md#dry-run"));
		}
		return JsonText.write(issues);
	}

	/**
	 * GitLab's five severities: what fails the gate is a blocker, a breaking change the
	 * gate lets through (compat=warn) is critical, blocking is major, warning minor; info
	 * and whatever a directive allows is info.
	 */
	static String severity(GateFacts facts, Finding finding) {
		if (finding.allowedBecause() != null) {
			return "info";
		}
		if (facts.failsGate(finding)) {
			return "blocker";
		}
		return switch (finding.severity()) {
			case BREAKING -> "critical";
			case BLOCKING -> "major";
			case WARNING -> "minor";
			case INFO -> "info";
		};
	}

	private static Map<String, @Nullable Object> issue(String description, String checkName, String fingerprint,
			String severity, String path, int line, String documentation) {
		Map<String, @Nullable Object> issue = new LinkedHashMap<>();
		issue.put("type", "issue");
		issue.put("description", description);
		issue.put("check_name", checkName);
		issue.put("fingerprint", fingerprint);
		issue.put("severity", severity);
		issue.put("categories", List.of("Bug Risk"));
		issue.put("content", Map.of("body", "See " + documentation));
		issue.put("location", Map.of("path", path, "lines", Map.of("begin", Math.max(1, line))));
		return issue;
	}

}
