package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The gate's findings as SARIF 2.1.0, the format GitHub code scanning (and Gitea's SARIF
 * viewers) read: one run whose driver lists the whole rule catalogue, one result per
 * finding and one for a migration that failed. A finding a directive allows is reported
 * with an in-source suppression, so code scanning shows it as dismissed, with the reason.
 */
final class SarifReport {

	static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

	private SarifReport() {
	}

	static String render(GateFacts facts) {
		Map<String, @Nullable Object> driver = new LinkedHashMap<>();
		driver.put("name", "paliad-migration");
		driver.put("informationUri", GateReport.DOCUMENTATION_BASE + "docs/deploy-gate.md");
		driver.put("rules", rules());
		Map<String, @Nullable Object> invocation = new LinkedHashMap<>();
		invocation.put("executionSuccessful", facts.result.succeeded());
		invocation.put("exitCode", facts.exitCode.code());
		Map<String, @Nullable Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("invocations", List.of(invocation));
		run.put("results", results(facts));
		Map<String, @Nullable Object> log = new LinkedHashMap<>();
		log.put("$schema", SCHEMA);
		log.put("version", "2.1.0");
		log.put("runs", List.of(run));
		return JsonText.write(log);
	}

	private static List<Map<String, @Nullable Object>> rules() {
		List<Map<String, @Nullable Object>> rules = new ArrayList<>();
		for (Rule rule : Rule.values()) {
			rules.add(rule(rule.id(), rule.title(), GateFacts.documentation(rule), defaultLevel(rule.severity()),
					rule.severity().name().toLowerCase(Locale.ROOT)));
		}
		rules.add(rule(GateFacts.MIGRATION_FAILED, "migration failed",
				GateReport.DOCUMENTATION_BASE + "docs/modes.md#dry-run", "error", "failure"));
		return rules;
	}

	private static Map<String, @Nullable Object> rule(String id, String title, String helpUri, String level,
			String severity) {
		Map<String, @Nullable Object> rule = new LinkedHashMap<>();
		rule.put("id", id);
		rule.put("shortDescription", text(title));
		rule.put("helpUri", helpUri);
		rule.put("help", text("See " + helpUri));
		rule.put("defaultConfiguration", Map.of("level", level));
		rule.put("properties", Map.of("severity", severity));
		return rule;
	}

	/**
	 * The level before sizes count: a blocking finding fails the gate only over the
	 * limit.
	 */
	private static String defaultLevel(Severity severity) {
		return switch (severity) {
			case BREAKING -> "error";
			case BLOCKING, WARNING -> "warning";
			case INFO -> "note";
		};
	}

	private static List<Map<String, @Nullable Object>> results(GateFacts facts) {
		GateFacts.Fingerprints fingerprints = facts.fingerprints();
		List<Map<String, @Nullable Object>> results = new ArrayList<>();
		for (Finding finding : facts.result.findings()) {
			Map<String, @Nullable Object> result = new LinkedHashMap<>();
			result.put("ruleId", finding.rule().id());
			result.put("level", facts.level(finding).sarif());
			result.put("message", text(GateFacts.message(finding) + " — " + finding.statement()));
			result.put("locations", location(facts.path(finding), finding.line()));
			result.put("partialFingerprints", Map.of("paliadFinding/v1", fingerprints.of(finding)));
			if (finding.allowedBecause() != null) {
				result.put("suppressions",
						List.of(Map.of("kind", "inSource", "justification", finding.allowedBecause())));
			}
			Map<String, @Nullable Object> properties = new LinkedHashMap<>();
			properties.put("severity", GateFacts.severity(finding));
			properties.put("object", finding.object());
			properties.put("statement", finding.statement());
			properties.put("version", finding.version());
			properties.put("size", finding.size());
			properties.put("failsGate", facts.failsGate(finding));
			result.put("properties", properties);
			results.add(result);
		}
		GateFacts.Failure failure = facts.failure();
		if (failure != null) {
			Map<String, @Nullable Object> result = new LinkedHashMap<>();
			result.put("ruleId", GateFacts.MIGRATION_FAILED);
			result.put("level", "error");
			result.put("message",
					text(failure.message() + ((failure.detail() != null) ? " DETAIL: " + failure.detail() : "")
							+ ((failure.hint() != null) ? " HINT: " + failure.hint() : "")));
			result.put("locations", location(failure.path(), failure.line()));
			result.put("partialFingerprints", Map.of("paliadFinding/v1", fingerprints.of(failure)));
			Map<String, @Nullable Object> properties = new LinkedHashMap<>();
			properties.put("sqlState", failure.sqlState());
			properties.put("version", failure.version());
			result.put("properties", properties);
			results.add(result);
		}
		return results;
	}

	private static List<Map<String, @Nullable Object>> location(String path, int line) {
		Map<String, @Nullable Object> physical = new LinkedHashMap<>();
		physical.put("artifactLocation", Map.of("uri", path));
		// SARIF lines start at 1; a finding without a line points at the file's first.
		physical.put("region", Map.of("startLine", Math.max(1, line)));
		return List.of(Map.of("physicalLocation", physical));
	}

	private static Map<String, String> text(String text) {
		return Map.of("text", text);
	}

}
