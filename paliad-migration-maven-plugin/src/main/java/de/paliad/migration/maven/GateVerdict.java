package de.paliad.migration.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.Finding;
import de.paliad.migration.core.MigrationException;
import org.apache.maven.plugin.MojoExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * What the gate decided, by the rules of the application's {@code dry-run} mode (so the
 * build and the mode never disagree): a failed migration is exit code 4; otherwise a
 * breaking finding not allowed by its migration is 3 when {@code compat=fail}; a
 * validation problem (name or checksum disagreement with the snapshot's tracker) is 3; a
 * snapshot that does not restore is 2. The report lists every migration and finding.
 *
 * @param exitCode the dry-run mode's exit code for this outcome
 * @param report the report's lines
 * @param failure why it failed, from the core (its message names the file and the fix),
 * or {@code null}
 */
record GateVerdict(ExitCode exitCode, List<String> report, @Nullable String failure) {

	/**
	 * The verdict on a rehearsal that ran.
	 * @param result the dry run's result
	 * @param compat what a breaking finding does
	 * @param against what the gate ran against, for the summary
	 * @return the verdict
	 */
	static GateVerdict of(DryRunResult result, CompatPolicy compat, String against) {
		List<Finding> gateFailures = (compat == CompatPolicy.FAIL) ? result.gateFailures() : List.of();
		List<String> report = new ArrayList<>();
		report.add("Rehearsed " + result.steps().size() + " pending migration(s) against " + against + ": "
				+ (result.succeeded() ? "all succeeded" : "a migration failed") + "; " + result.findings().size()
				+ " finding(s), " + gateFailures.size() + " failing the gate (compat="
				+ compat.name().toLowerCase(Locale.ROOT) + ").");
		for (DryRunResult.Step step : result.steps()) {
			report.add("  " + step.version() + "  " + step.fileName() + "  " + step.outcome() + "  " + step.durationMs()
					+ " ms" + ((step.sqlState() != null) ? "  SQLSTATE " + step.sqlState() : "")
					+ ((step.message() != null) ? "  " + step.message() : "")
					+ (step.locks().isEmpty() ? "" : "  locks: " + String.join(", ", step.locks())));
		}
		if (!result.findings().isEmpty()) {
			report.add("Findings:");
			result.findings().forEach((finding) -> report.add("  " + finding));
		}
		if (result.failure().isPresent()) {
			return new GateVerdict(ExitCode.MIGRATION_FAILED, report, result.failure().get().getMessage());
		}
		if (!gateFailures.isEmpty()) {
			return new GateVerdict(ExitCode.VALIDATION_FAILED, report,
					gateFailures.size() + " finding(s) would break the running version: "
							+ gateFailures.stream().map(Finding::toString).toList()
							+ ". Ship the change as expand/contract steps, or mark a deliberate contract step"
							+ " with '-- paliad:allow-breaking <reason>' (docs/deploy-gate.md).");
		}
		return new GateVerdict(ExitCode.SUCCESS, report, null);
	}

	/**
	 * The verdict on a gate that stopped before or while rehearsing: a snapshot that did
	 * not restore, a validation problem, an unreachable database.
	 * @param failure the core's failure
	 * @return the verdict
	 */
	static GateVerdict of(MigrationException failure) {
		return new GateVerdict(failure.exitCode(), List.of(), failure.getMessage());
	}

	/**
	 * Writes the report with the verdict's exit code and failure to a file.
	 * @param file the file; its folders are created
	 * @throws MojoExecutionException when it cannot be written
	 */
	void writeTo(Path file) throws MojoExecutionException {
		List<String> lines = new ArrayList<>(this.report);
		lines.add("Verdict: exit code " + this.exitCode.code() + " (" + this.exitCode.meaning() + ")");
		if (this.failure != null) {
			lines.add(this.failure);
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not write the gate report " + file + ": " + ex.getMessage(), ex);
		}
	}

	boolean passed() {
		return this.exitCode == ExitCode.SUCCESS;
	}

	/**
	 * The build failure's message: the dry-run mode's exit code with its meaning, why,
	 * and what to do.
	 * @return the message
	 */
	String failureMessage() {
		return "The migration gate failed with exit code " + this.exitCode.code() + " of the dry-run mode ("
				+ this.exitCode.meaning() + "):" + System.lineSeparator() + this.failure + System.lineSeparator()
				+ "Action: " + this.exitCode.action();
	}

}
