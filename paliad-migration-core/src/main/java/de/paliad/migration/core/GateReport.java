package de.paliad.migration.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The CI gate's result in the formats CI users read: text and JSON (the {@code dry-run}
 * mode's report), SARIF 2.1.0 for code scanning, workflow-command annotations for GitHub
 * and Gitea Actions, GitLab Code Quality JSON, and a Markdown summary for a pull-request
 * comment. Every finding points at its file, relative to the repository root, and line.
 *
 * <pre>{@code
 * GateReport report = GateReport.of(result, CompatPolicy.FAIL)
 *     .paths(configuration.locations(), null);
 * Files.writeString(Path.of("build/gate.sarif"), report.render(GateReport.Format.SARIF));
 * }</pre>
 */
public final class GateReport {

	/**
	 * Where the rules are explained; {@link Rule#documentation()} is relative to it.
	 */
	static final String DOCUMENTATION_BASE = "https://github.com/paliad/paliad-migration/blob/main/";

	private final DryRunResult result;

	private final CompatPolicy compat;

	private final @Nullable String snapshot;

	private final ReportPaths paths;

	private GateReport(DryRunResult result, CompatPolicy compat, @Nullable String snapshot, ReportPaths paths) {
		this.result = result;
		this.compat = compat;
		this.snapshot = snapshot;
		this.paths = paths;
	}

	/**
	 * The report of a dry run, with file paths derived from the migrations' locations
	 * ({@code classpath:db/migration} becomes {@code src/main/resources/db/migration/}).
	 * @param result the dry run's result
	 * @param compat what a breaking finding does: under {@code fail} it fails the gate
	 * @return the report
	 */
	public static GateReport of(DryRunResult result, CompatPolicy compat) {
		return new GateReport(result, compat, null, new ReportPaths(List.of(), null));
	}

	/**
	 * This report, naming the snapshot the dry run restored first.
	 * @param snapshot the {@code pg_dump} file, or {@code null}
	 * @return the report
	 */
	public GateReport snapshot(@Nullable String snapshot) {
		return new GateReport(this.result, this.compat, snapshot, this.paths);
	}

	/**
	 * This report, with the file paths of the migrations relative to the repository root.
	 * @param locations the migration locations the files were loaded from
	 * @param pathPrefix what replaces the location in a file's path, e.g.
	 * {@code app/src/main/resources/db/migration/}; {@code null} derives it from the
	 * location
	 * @return the report
	 */
	public GateReport paths(List<String> locations, @Nullable String pathPrefix) {
		return new GateReport(this.result, this.compat, this.snapshot, new ReportPaths(locations, pathPrefix));
	}

	/**
	 * The exit code of the {@code dry-run} mode for this result: a failed migration, a
	 * finding that fails the gate (under {@code compat=fail}), or success.
	 * @return the exit code
	 */
	public ExitCode exitCode() {
		if (this.result.failure().isPresent()) {
			return this.result.failure().get().exitCode();
		}
		return gateFailures().isEmpty() ? ExitCode.SUCCESS : ExitCode.VALIDATION_FAILED;
	}

	/**
	 * The report in one format.
	 * @param format the format
	 * @return the report's text
	 */
	public String render(Format format) {
		GateFacts facts = new GateFacts(this.result, this.compat, this.snapshot, this.paths, exitCode());
		return switch (format) {
			case TEXT -> GateText.render(facts);
			case JSON -> GateJson.render(facts) + System.lineSeparator();
			case SARIF -> SarifReport.render(facts) + System.lineSeparator();
			case GITHUB, GITEA -> WorkflowAnnotations.render(facts);
			case GITLAB -> CodeQualityReport.render(facts) + System.lineSeparator();
			case MARKDOWN -> MarkdownSummary.render(facts);
		};
	}

	/**
	 * Writes each report: to its file (folders are created), or, for annotations, to
	 * standard output, where the CI runner reads them.
	 * @param targets the reports
	 * @param out standard output
	 * @throws InvalidConfigurationException if a file cannot be written
	 */
	public void write(List<Target> targets, PrintStream out) {
		for (Target target : targets) {
			String text = render(target.format());
			Path file = target.file();
			if (file == null) {
				out.print(text);
				out.flush();
				continue;
			}
			try {
				Path parent = file.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				Files.writeString(file, text, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new InvalidConfigurationException("Could not write the " + target.format().id() + " report to "
						+ file + " (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
						+ "). Make the folder writable or name another file in paliad.migration.reports.");
			}
		}
	}

	List<Finding> gateFailures() {
		return (this.compat == CompatPolicy.FAIL) ? this.result.gateFailures() : List.of();
	}

	/**
	 * A format of the gate's report.
	 */
	public enum Format {

		/** The {@code dry-run} mode's report for people. */
		TEXT,

		/** The {@code dry-run} mode's report as one JSON document. */
		JSON,

		/** SARIF 2.1.0 for GitHub and Gitea code scanning. */
		SARIF,

		/** Workflow-command annotations ({@code ::error file=…}) for GitHub Actions. */
		GITHUB,

		/** Workflow-command annotations for Gitea Actions (the same commands). */
		GITEA,

		/** A GitLab Code Quality report ({@code artifacts:reports:codequality}). */
		GITLAB,

		/** A Markdown summary for a pull-request comment or a job summary. */
		MARKDOWN;

		/**
		 * The name used in {@code paliad.migration.reports}, e.g. {@code sarif}.
		 * @return the name
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The format of this name.
		 * @param id a name, e.g. {@code sarif}
		 * @return the format, empty for an unknown name
		 */
		public static Optional<Format> byId(String id) {
			return Arrays.stream(values()).filter((format) -> format.id().equals(id)).findFirst();
		}

		boolean toStandardOutput() {
			return this == GITHUB || this == GITEA;
		}

	}

	/**
	 * One report to write: a format and its file; annotations have no file, they go to
	 * standard output.
	 *
	 * @param format the format
	 * @param file the file, or {@code null} for standard output
	 */
	public record Target(Format format, @Nullable Path file) {

		/**
		 * Parses a list such as
		 * {@code sarif:build/gate.sarif,markdown:build/gate.md,github}.
		 * @param spec the list, or {@code null} or blank for none
		 * @return the reports, in order
		 * @throws InvalidConfigurationException naming the bad entry and the right form
		 */
		public static List<Target> parse(@Nullable String spec) {
			return ReportTargets.parse(spec);
		}

	}

}
