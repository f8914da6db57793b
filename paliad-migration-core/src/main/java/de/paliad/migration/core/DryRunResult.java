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
 * @param sizes whether the production table sizes were known, and from where
 */
public record DryRunResult(MigrationPlan plan, List<Step> steps, Optional<MigrationFailedException> failure,
		List<Finding> findings, Kind kind, Sizes sizes) {

	public DryRunResult {
		steps = List.copyOf(steps);
		findings = List.copyOf(findings);
	}

	/**
	 * A result whose findings carry no table sizes (yet).
	 * @param plan the plan the dry run executed
	 * @param steps one step per pending migration, in order
	 * @param failure the first failure, if any
	 * @param findings what the compatibility analysis found
	 * @param kind how the migrations ran
	 */
	public DryRunResult(MigrationPlan plan, List<Step> steps, Optional<MigrationFailedException> failure,
			List<Finding> findings, Kind kind) {
		this(plan, steps, failure, findings, kind, Sizes.UNKNOWN);
	}

	/**
	 * Whether the gate knew the production size of the tables, which decides whether a
	 * blocking finding can fail it.
	 *
	 * @param known whether sizes were given (a sidecar file or pg_dump statistics)
	 * @param summary one line for the report, e.g. {@code Table sizes: 34 tables from
	 * table-sizes.csv; a blocking finding on a table over 1 GB or 10 M rows fails the gate.}
	 */
	public record Sizes(boolean known, String summary) {

		/** No sizes were given. */
		public static final Sizes UNKNOWN = new Sizes(false,
				"Table sizes: unknown (no paliad.migration.table-sizes file, no pg_dump statistics in the snapshot);"
						+ " blocking findings are reported but do not fail the gate.");

	}

	/**
	 * Whether every pending migration ran without error.
	 * @return whether no migration failed
	 */
	public boolean succeeded() {
		return this.failure.isEmpty();
	}

	/**
	 * The findings that fail the gate, not allowed by their migration: breaking ones, and
	 * blocking ones on a table over the size limit.
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
