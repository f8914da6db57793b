package de.paliad.migration.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code dry-run} mode's report as one JSON document: the shape the mode has always
 * printed (mode, exitCode, summary, steps, findings, error), plus each file's repository
 * path, each rule's title and documentation, whether a finding fails the gate, and the
 * failure's line, DETAIL and HINT.
 */
final class GateJson {

	private GateJson() {
	}

	static String render(GateFacts facts) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("mode", "dry-run");
		json.put("exitCode", facts.exitCode.code());
		json.put("summary", GateText.summary(facts));
		json.put("passed", facts.exitCode == ExitCode.SUCCESS);
		json.put("kind", facts.result.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		Map<String, Object> sizes = new LinkedHashMap<>();
		sizes.put("known", facts.result.sizes().known());
		sizes.put("summary", facts.result.sizes().summary());
		json.put("tableSizes", sizes);
		json.put("steps", facts.result.steps().stream().map((step) -> step(facts, step)).toList());
		json.put("findings", facts.result.findings().stream().map((finding) -> finding(facts, finding)).toList());
		json.put("error", error(facts));
		return JsonText.write(json);
	}

	private static Map<String, @Nullable Object> step(GateFacts facts, DryRunResult.Step step) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("version", step.version());
		fields.put("file", step.fileName());
		fields.put("outcome", step.outcome().name());
		fields.put("durationMs", step.durationMs());
		fields.put("sqlState", step.sqlState());
		fields.put("message", step.message());
		fields.put("locks", step.locks());
		fields.put("path", facts.path(step.version(), step.fileName()));
		return fields;
	}

	private static Map<String, @Nullable Object> finding(GateFacts facts, Finding finding) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("rule", finding.rule().id());
		fields.put("severity", GateFacts.severity(finding));
		fields.put("size", finding.size());
		fields.put("overSizeLimit", finding.overSizeLimit());
		fields.put("version", finding.version());
		fields.put("file", finding.fileName());
		fields.put("line", finding.line());
		fields.put("object", finding.object());
		fields.put("message", finding.message());
		fields.put("statement", finding.statement());
		fields.put("allowedBecause", finding.allowedBecause());
		fields.put("path", facts.path(finding));
		fields.put("title", finding.rule().title());
		fields.put("documentation", GateFacts.documentation(finding.rule()));
		fields.put("failsGate", facts.failsGate(finding));
		return fields;
	}

	private static @Nullable Map<String, @Nullable Object> error(GateFacts facts) {
		GateFacts.Failure failure = facts.failure();
		if (failure == null) {
			return null;
		}
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("type", failure.exception().getClass().getSimpleName());
		fields.put("message", failure.message());
		fields.put("version", failure.version());
		fields.put("name", failure.exception().migrationName());
		fields.put("sqlState", failure.sqlState());
		fields.put("path", failure.path());
		fields.put("line", failure.line());
		fields.put("detail", failure.detail());
		fields.put("hint", failure.hint());
		return fields;
	}

}
