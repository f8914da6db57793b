package de.paliad.migration.core;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dry-run}, the CI gate. With a snapshot it restores it into the empty scratch
 * database and rehearses there exactly what {@code migrate} will do, committed
 * ({@link RehearsalOperation}). Without one it runs every pending migration in ONE
 * transaction under the migration lock and rolls it back, for a database the user cares
 * about: statements run one by one so the compatibility analysis can inspect the catalog
 * and the locks after each; a statement PostgreSQL refuses inside a transaction is
 * reported as unchecked instead of failing the gate.
 */
final class DryRunOperation {

	// Every operation logs under the facade's name: one component for the operator.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final OperationContext context;

	DryRunOperation(OperationContext context) {
		this.context = context;
	}

	/**
	 * Restores a {@code pg_dump} snapshot into the (empty) database, then rehearses the
	 * pending migrations there as {@code migrate} runs them, committing.
	 * @param snapshot the pg_dump file
	 * @return the per-migration report
	 */
	DryRunResult run(Path snapshot) {
		this.context.load();
		new SnapshotRestorer().restore(this.context.dataSource(), snapshot);
		return new RehearsalOperation(this.context).run(observer());
	}

	/**
	 * Rehearses the pending migrations on this (disposable) database as {@code migrate}
	 * runs them, committing; no snapshot is restored.
	 * @return the per-migration report
	 */
	DryRunResult rehearse() {
		this.context.load();
		return new RehearsalOperation(this.context).run(observer());
	}

	private DryRunObserver observer() {
		return (this.context.configuration().compatPolicy() != CompatPolicy.OFF)
				? new CompatibilityAnalyzer(this.context.tracker().table()) : DryRunObserver.NONE;
	}

	/**
	 * Dry-runs the pending migrations. Validation problems throw; a failing migration is
	 * reported in the result.
	 * @return the per-migration report
	 */
	DryRunResult run() {
		MigrationSet onDisk = this.context.load();
		MigrationSession session = this.context.openSession();
		try (session) {
			session.lock();
			MigrationPlan plan = this.context.policy()
				.checked(MigrationPlan.of(onDisk, this.context.tracker().readApplied(session.connection())));
			try (StatementRunner runner = this.context.runner()) {
				DryRunObserver observer = observer();
				DryRunResult result = rehearse(session, runner, observer, plan);
				logger.info("Dry run of {} pending migration(s): {}; {} finding(s), {} failing the gate",
						plan.pending().size(),
						result.succeeded() ? "all succeeded" : result.failure().get().getMessage(),
						result.findings().size(), result.gateFailures().size());
				return result;
			}
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
	}

	private DryRunResult rehearse(MigrationSession session, StatementRunner runner, DryRunObserver observer,
			MigrationPlan plan) throws SQLException {
		Tracker tracker = this.context.tracker();
		List<DryRunResult.Step> steps = new ArrayList<>();
		MigrationFailedException failure = runner.rolledBack(session, (connection) -> {
			tracker.createSchemaIfMissing(connection);
			tracker.create(connection);
			observer.started(connection);
			runner.setTimeouts(connection, true);
			MigrationFailedException first = null;
			for (Migration migration : plan.pending()) {
				if (first != null) {
					steps.add(step(observer, migration, DryRunResult.Outcome.NOT_RUN, 0, null,
							"not run: an earlier migration failed"));
					continue;
				}
				long start = System.nanoTime();
				try {
					observer.migrationStarted(connection, migration);
					List<String> unchecked = runner.rehearse(session, migration, observer);
					observer.migrationFinished(connection, migration);
					tracker.insert(connection, migration, migration.checksum(), null, "dry-run");
					long millis = (System.nanoTime() - start) / 1_000_000;
					steps.add(
							unchecked.isEmpty() ? step(observer, migration, DryRunResult.Outcome.OK, millis, null, null)
									: step(observer, migration, DryRunResult.Outcome.PARTLY_CHECKED, millis, null,
											String.join("; ", unchecked)));
				}
				catch (StatementFailure ex) {
					FailureHints.Setting setting = steps.isEmpty() ? FailureHints.Setting.ALONE
							: FailureHints.Setting.ONE_TRANSACTION_DRY_RUN;
					first = FailureHints.failure(ex, 1, this.context.configuration(), List.of(), setting,
							"The dry run was rolled back; the database is unchanged.");
					steps.add(step(observer, migration, DryRunResult.Outcome.FAILED,
							(System.nanoTime() - start) / 1_000_000, ex.sqlState(), first.getMessage()));
				}
			}
			if (first == null) {
				observer.finished(connection);
			}
			return first;
		});
		return new DryRunResult(plan, steps, Optional.ofNullable(failure), observer.findings(),
				DryRunResult.Kind.ROLLED_BACK);
	}

	private static DryRunResult.Step step(DryRunObserver observer, Migration migration, DryRunResult.Outcome outcome,
			long millis, @Nullable String sqlState, @Nullable String message) {
		return new DryRunResult.Step(migration.version(), migration.fileName(), outcome, millis, sqlState, message,
				observer.locksTakenBy(migration));
	}

}
