package de.paliad.migration.corpora;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.Finding;

/**
 * The reviewed findings of the gate on a corpus ({@code expected-findings.txt} next to
 * it). One finding per line, {@code <rule-id> <file>:<line> <object>}, and the line right
 * after it a comment saying why the finding is right:
 *
 * <pre>
 * # Findings of the gate on the last 10 Harbor migrations (comments here are free).
 * add-column-not-null 0190_2-16-0_schema.up.sql:12 public.job_queue_status.update_time
 * # why: a NOT NULL column without a default; the running 2.15 inserts rows without it.
 * </pre>
 *
 * Blank lines and other comment lines are free. A finding without its reason is an error:
 * no finding gets into the golden file unreviewed.
 */
final class GoldenFindings {

	private GoldenFindings() {
	}

	/** The line of a finding: rule ID, file, line and object, what must stay stable. */
	static String line(Finding finding) {
		return finding.rule().id() + " " + finding.fileName() + ":" + finding.line() + " " + finding.object();
	}

	/**
	 * Reads a golden file's findings.
	 * @param source where the lines come from, for the error message
	 * @param lines the file's lines
	 * @return the finding lines, sorted
	 * @throws IllegalArgumentException when a finding has no reason after it
	 */
	static List<String> parse(String source, List<String> lines) {
		TreeSet<String> findings = new TreeSet<>();
		List<String> unexplained = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.split(" ", 3).length != 3) {
				throw new IllegalArgumentException(source + " line " + (i + 1) + ": '" + line
						+ "' is not '<rule-id> <file>:<line> <object>'; write one finding per line, its reason on the next");
			}
			String next = (i + 1 < lines.size()) ? lines.get(i + 1).strip() : "";
			if (!next.startsWith("#") || next.substring(1).isBlank()) {
				unexplained.add("line " + (i + 1) + ": " + line);
			}
			findings.add(line);
		}
		if (!unexplained.isEmpty()) {
			throw new IllegalArgumentException(source + " has findings without the '# why this finding is right' "
					+ "comment on the next line (only reviewed findings belong there):\n  "
					+ String.join("\n  ", unexplained));
		}
		return List.copyOf(findings);
	}

	/**
	 * The current findings in the golden format, for review: each with its message and
	 * statement as the comment a reviewer replaces by the reason.
	 * @param steps the dry run's steps, listed as comments
	 * @param findings the gate's findings
	 * @return the file's lines
	 */
	static List<String> render(List<DryRunResult.Step> steps, List<Finding> findings) {
		List<String> lines = new ArrayList<>();
		lines.add("# NOT REVIEWED: the gate's current findings. Replace each '# gate says' comment by why the");
		lines.add("# finding is right, or delete a false positive and fix the analyzer instead.");
		for (DryRunResult.Step step : steps) {
			lines.add("# step " + step.fileName() + ": " + step.outcome()
					+ ((step.message() != null) ? " (" + step.message().replace('\n', ' ') + ")" : ""));
		}
		for (Finding finding : findings) {
			lines.add(line(finding));
			lines.add("# gate says (" + finding.severity() + "): " + finding.message().replace('\n', ' ') + " — "
					+ finding.statement());
		}
		return lines;
	}

}
