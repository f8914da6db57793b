package de.paliad.migration.core;

import java.util.List;
import java.util.Optional;

/**
 * What a dry run found: every pending migration ran in one transaction that was rolled back.
 *
 * @param plan the plan the dry run executed
 * @param steps one step per pending migration, in order
 * @param failure the first failure, if any
 */
public record DryRunResult(MigrationPlan plan, List<Step> steps, Optional<MigrationFailedException> failure) {

	public DryRunResult {
		steps = List.copyOf(steps);
	}

	public boolean succeeded() {
		return this.failure.isEmpty();
	}

	/**
	 * What happened to one migration in the dry run.
	 */
	public enum Outcome {

		/** It ran without error. */
		OK,

		/** It failed; see the message. */
		FAILED,

		/** An earlier migration failed, so it was not run. */
		NOT_RUN,

		/** It ran, but some statements cannot run inside a transaction and were not checked. */
		PARTLY_CHECKED

	}

	/**
	 * One migration's result.
	 *
	 * @param version the version
	 * @param fileName the file
	 * @param outcome what happened
	 * @param durationMs how long it ran
	 * @param sqlState the SQLSTATE of a failure, or {@code null}
	 * @param message the failure or note, or {@code null}
	 */
	public record Step(long version, String fileName, Outcome outcome, long durationMs, String sqlState,
			String message) {

	}

}
