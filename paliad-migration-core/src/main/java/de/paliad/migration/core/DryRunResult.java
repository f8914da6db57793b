package de.paliad.migration.core;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a dry run found: either a rehearsal on a scratch database restored from a snapshot
 * (every pending migration run as {@code migrate} runs it, and committed there) or,
 * without a snapshot, one transaction that was rolled back; {@link #kind()} says which.
 *
 * @param plan the plan the dry run executed
 * @param steps one step per pending migration, in order
 * @param failure the first failure, if any
 * @param findings what the compatibility analysis found (empty when it was off)
 * @param kind how the migrations ran
 */
public record DryRunResult(MigrationPlan plan, List<Step> steps, Optional<MigrationFailedException> failure,
		List<Finding> findings, Kind kind) {

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
	 * How the migrations ran.
	 */
	public enum Kind {

		/**
		 * Rehearsed on a scratch database restored from a snapshot: run as
		 * {@code migrate} runs them (a transaction per migration, or one under
		 * {@code transaction=batch}; {@code no-transaction} migrations for real) and
		 * committed there.
		 */
		REHEARSAL,

		/**
		 * All pending migrations in one transaction, rolled back: the database is
		 * unchanged. A migration that needs an earlier one committed (an enum value
		 * added, then used) fails here although production succeeds.
		 */
		ROLLED_BACK

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
		 * checked (one-transaction dry run only).
		 */
		PARTLY_CHECKED,

		/**
		 * It ran without error, but a later migration of its {@code transaction=batch}
		 * transaction failed and it was rolled back with it (rehearsal only).
		 */
		ROLLED_BACK

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
