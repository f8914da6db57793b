package de.paliad.migration.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.paliad.migration.core.StatementRunner.AppliedStep;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate on a scratch database restored from a snapshot: runs the pending migrations
 * exactly as {@code migrate} will in production — {@link MigrateOperation} itself, each
 * migration in its own transaction (or one under {@code transaction=batch}),
 * {@code no-transaction} migrations for real, tracker rows written and committed, the
 * same timeouts — with the compatibility analysis watching. The scratch copy is
 * disposable, so nothing has to be rolled back, and a pair that only works committed (an
 * enum value added, then used) passes as it will in production.
 */
final class RehearsalOperation {

	// Every operation logs under the facade's name: one component for the operator.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final OperationContext context;

	RehearsalOperation(OperationContext context) {
		this.context = context;
	}

	/**
	 * Rehearses the pending migrations on the (scratch) database.
	 * @param observer the analysis
	 * @return the per-migration report
	 */
	DryRunResult run(DryRunObserver observer) {
		MigrateOperation.Run run = new MigrateOperation(this.context, observer).rehearse();
		Map<Long, AppliedStep> applied = new HashMap<>();
		run.applied().forEach((step) -> applied.put(step.migration().version(), step));
		MigrationFailedException failure = run.failure();
		List<DryRunResult.Step> steps = run.plan().pending().stream().map((migration) -> {
			AppliedStep step = applied.get(migration.version());
			if (step != null) {
				return step(observer, migration, DryRunResult.Outcome.OK, step.duration().toMillis(), null, null);
			}
			if (failure != null && failure.version() == migration.version()) {
				return step(observer, migration, DryRunResult.Outcome.FAILED, 0, failure.sqlState(),
						failure.getMessage());
			}
			if (run.rolledBack().contains(migration)) {
				return step(observer, migration, DryRunResult.Outcome.ROLLED_BACK, 0, null,
						"ran, then rolled back with its batch when a later migration of it failed");
			}
			return step(observer, migration, DryRunResult.Outcome.NOT_RUN, 0, null,
					"not run: an earlier migration failed");
		}).toList();
		DryRunResult result = new DryRunResult(run.plan(), steps, Optional.ofNullable(failure), observer.findings(),
				DryRunResult.Kind.REHEARSAL);
		logger.info(
				"Rehearsal of {} pending migration(s), committed on the scratch database: {}; {} finding(s),"
						+ " {} failing the gate",
				steps.size(), (failure != null) ? failure.getMessage() : "all succeeded", result.findings().size(),
				result.gateFailures().size());
		return result;
	}

	private static DryRunResult.Step step(DryRunObserver observer, Migration migration, DryRunResult.Outcome outcome,
			long millis, @Nullable String sqlState, @Nullable String message) {
		return new DryRunResult.Step(migration.version(), migration.fileName(), outcome, millis, sqlState, message,
				observer.locksTakenBy(migration));
	}

}
