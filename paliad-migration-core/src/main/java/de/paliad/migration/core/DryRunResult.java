package de.paliad.migration.core;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a dry run found: every pending migration ran in one transaction that was rolled
 * back.
 *
 * @param plan the plan the dry run executed
 * @param steps one step per pending migration, in order
 * @param failure the first failure, if any
 * @param findings what the compatibility analysis found (empty when it was off)
 */
public record DryRunResult(MigrationPlan plan, List<Step> steps, Optional<MigrationFailedException> failure,
		List<Finding> findings) {

	public DryRunResult {
		steps = List.copyOf(steps);
		findings = List.copyOf(findings);
	}

	/**
	 * Whether every pending migration ran without error.
	 * @return whether no migration failed
	 */
	public boolean succeeded() {
		return this.failure.isEmpty();
	}

	/**
	 * The findings that fail the gate: breaking, and not allowed by their migration.
	 * @return the gate-failing findings
	 */
	public List<Finding> gateFailures() {
		return this.findings.stream().filter(Finding::failsGate).toList();
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

		/**
		 * It ran, but some statements cannot run inside a transaction and were not
		 * checked.
		 */
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
	 * @param locks the relation locks it took, when the compatibility analysis ran
	 */
	public record Step(long version, String fileName, Outcome outcome, long durationMs, @Nullable String sqlState,
			@Nullable String message, @Nullable List<String> locks) {

		public Step {
			locks = (locks != null) ? List.copyOf(locks) : List.of();
		}

	}

}
