package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The migrations on disk, or their agreement with the applied set, failed validation.
 * Thrown before any migration SQL runs. Carries every problem of its kind, not only the
 * first, so one deploy attempt shows the whole list.
 */
public class MigrationValidationException extends MigrationException {

	private final List<String> problems;

	public MigrationValidationException(String summary, List<String> problems, @Nullable String action) {
		super(format(summary, problems, action));
		this.problems = List.copyOf(problems);
	}

	private static String format(String summary, List<String> problems, @Nullable String action) {
		StringBuilder message = new StringBuilder(summary);
		for (String problem : problems) {
			message.append(System.lineSeparator()).append("  - ").append(problem);
		}
		if (action != null && !action.isEmpty()) {
			message.append(System.lineSeparator()).append(action);
		}
		return message.toString();
	}

	/**
	 * The individual problems, one sentence each.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.VALIDATION_FAILED;
	}

}
