package de.paliad.migration.core;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import de.paliad.migration.core.StatementRunner.AppliedStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code migrate}: applies every pending migration under the migration lock, in
 * transactions per migration or as one batch ({@code no-transaction} migrations always
 * alone), retrying a migration that hit {@code lock_timeout}.
 */
final class MigrateOperation {

	// Every operation logs under the facade's name: one component for the operator.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final OperationContext context;

	private final MigrationConfiguration configuration;

	private final MigrationListener listener;

	private final RunCancellation cancellation;

	MigrateOperation(OperationContext context, RunCancellation cancellation) {
		this.context = context;
		this.cancellation = cancellation;
		this.configuration = context.configuration();
		this.listener = context.listener();
	}

	/**
	 * Applies every pending migration.
	 * @return what was applied
	 * @throws MigrationException on any failure; nothing of a failed migration remains
	 */
	MigrateResult run() {
		long start = System.nanoTime();
		this.cancellation.started();
		try {
			MigrateResult result = migrate(start);
			logger.info(
					"Migrations up to date: {} applied by this run, {} applied in all, {} on disk, in {} ms"
							+ " (lock wait {} ms)",
					result.applied().size(), result.appliedTotal(), result.onDisk(), result.duration().toMillis(),
					result.lockWait().toMillis());
			this.listener.stateChanged(MigrationState.APPLIED);
			return result;
		}
		catch (MigrationException ex) {
			MigrationException failure = this.cancellation.explain(ex);
			if (failure instanceof MigrationCancelledException) {
				logger.warn("Migration run stopped: {}", failure.getMessage());
			}
			else {
				logger.error("Migration run failed: {}", failure.getMessage());
			}
			this.listener.stateChanged(MigrationState.FAILED);
			this.listener.failed(failure);
			throw failure;
		}
		finally {
			this.cancellation.finished();
		}
	}

	private MigrateResult migrate(long start) {
		// Names and duplicates are checked before the database is involved.
		try (MigrationLoader.Listed files = this.context.list()) {
			return migrate(files, start);
		}
	}

	private MigrateResult migrate(MigrationLoader.Listed files, long start) {
		MigrationSession session = this.context.openSession();
		try (session) {
			// A first look at the applied set, before the lock and without creating the
			// tracker: only the migrations not applied yet are lexed and checked, and a
			// rejected file leaves the database untouched.
			Set<Long> appliedBefore = versions(this.context.tracker().readApplied(session.connection()));
			MigrationSet onDisk = files.load((version) -> !appliedBefore.contains(version));
			Duration lockWait = session.lockForChanges(onDisk);
			List<AppliedMigration> applied = this.context.tracker().readApplied(session.connection());
			MigrationPlan unchecked = MigrationPlan.of(onDisk, applied);
			if (unchecked.pending().stream().anyMatch((migration) -> !migration.lexed())) {
				// Rows deleted since the first look (a down run meanwhile): lex
				// everything.
				onDisk = files.load(MigrationLoader.Listed.ALL);
				unchecked = MigrationPlan.of(onDisk, applied);
			}
			MigrationPlan plan = this.context.policy().checked(unchecked);
			this.listener.stateChanged(MigrationState.MIGRATING);
			List<Migration> done = new ArrayList<>();
			if (!plan.pending().isEmpty()) {
				logger.info("Applying {} pending migration(s): {}", plan.pending().size(), plan.pending());
				try (StatementRunner runner = this.context.runner()) {
					apply(session, runner, plan.pending()).forEach((step) -> done.add(step.migration()));
				}
			}
			return new MigrateResult(done, plan.applied().size() + done.size(), onDisk.size(), lockWait,
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
	}

	private List<AppliedStep> apply(MigrationSession session, StatementRunner runner, List<Migration> pending)
			throws SQLException {
		List<AppliedStep> applied = new ArrayList<>();
		for (List<Migration> group : groups(pending)) {
			this.cancellation.starting(session.connection(), group.get(0).transactional(), applied.size());
			if (group.size() == 1 && !group.get(0).transactional()) {
				applied.add(applyWithoutTransaction(session, runner, group.get(0)));
			}
			else {
				applied.addAll(applyInTransaction(session, runner, group));
			}
		}
		return applied;
	}

	/**
	 * Splits pending migrations into transactions: one per migration, or in batch mode
	 * one per run of transactional migrations. A {@code no-transaction} migration is
	 * always alone.
	 */
	private List<List<Migration>> groups(List<Migration> pending) {
		List<List<Migration>> groups = new ArrayList<>();
		List<Migration> batch = new ArrayList<>();
		for (Migration migration : pending) {
			if (migration.transactional() && this.configuration.transactionMode() == TransactionMode.BATCH) {
				batch.add(migration);
				continue;
			}
			if (!batch.isEmpty()) {
				groups.add(batch);
				batch = new ArrayList<>();
			}
			groups.add(List.of(migration));
		}
		if (!batch.isEmpty()) {
			groups.add(batch);
		}
		if (groups.size() > 1 && this.configuration.transactionMode() == TransactionMode.BATCH) {
			logger.warn("transaction=batch: no-transaction migrations split this run into {} separate commits",
					groups.size());
		}
		return groups;
	}

	private List<AppliedStep> applyInTransaction(MigrationSession session, StatementRunner runner,
			List<Migration> group) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try {
				List<AppliedStep> steps = runner.applyInTransaction(session, group);
				steps.forEach(this::reportApplied);
				return steps;
			}
			catch (StatementFailure failure) {
				if (!shouldRetry(failure, attempt, runner)) {
					throw failed(session, failure, attempt, runner);
				}
			}
		}
	}

	private AppliedStep applyWithoutTransaction(MigrationSession session, StatementRunner runner, Migration migration)
			throws SQLException {
		for (int attempt = 1;; attempt++) {
			try {
				AppliedStep step = runner.applyWithoutTransaction(session, migration);
				reportApplied(step);
				return step;
			}
			catch (StatementFailure failure) {
				// Statements before the failing one have committed; only a failure of the
				// first statement leaves nothing behind and may be retried.
				if (failure.statementIndex() > 0 || !shouldRetry(failure, attempt, runner)) {
					throw failed(session, failure, attempt, runner);
				}
			}
		}
	}

	private boolean shouldRetry(StatementFailure failure, int attempt, StatementRunner runner) {
		if (!LOCK_NOT_AVAILABLE.equals(failure.sqlState()) || attempt > this.configuration.lockRetries()
				|| this.cancellation.requested()) {
			return false;
		}
		long base = Math.max(100, this.configuration.lockTimeout().toMillis() / 2) * attempt;
		long sleep = base + ThreadLocalRandom.current().nextLong(base + 1);
		logger.warn("Migration {} hit lock_timeout (attempt {} of {}), blocked by {}; retrying in {} ms",
				failure.migration(), attempt, this.configuration.lockRetries() + 1, describe(runner.lastBlockers()),
				sleep);
		try {
			Thread.sleep(sleep);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		return true;
	}

	/**
	 * The failure of a migration's statement: the SQL failed, or the connection was lost
	 * under it, which is no fault of the SQL and is reported with what committed.
	 */
	private MigrationException failed(MigrationSession session, StatementFailure failure, int attempts,
			StatementRunner runner) {
		Migration migration = failure.migration();
		this.listener.migrationFinished(migration, Duration.ZERO, false);
		if (this.cancellation.cancelled(failure.sqlState())) {
			return new MigrationCancelledException(migration, this.cancellation.appliedByThisRun());
		}
		if (session.isConnectionLoss(failure.sqlException())) {
			return session.connectionLost(failure.sqlException());
		}
		String hint = FailureHints.hint(failure, attempts, this.configuration, runner.lastBlockers());
		return new MigrationFailedException(migration, failure.line(), failure.sqlException(), hint);
	}

	private void reportApplied(AppliedStep step) {
		logger.info("Applied migration {} in {} ms", step.migration(), step.duration().toMillis());
		this.listener.migrationFinished(step.migration(), step.duration(), true);
	}

	private static Set<Long> versions(List<AppliedMigration> applied) {
		Set<Long> versions = new HashSet<>();
		applied.forEach((row) -> versions.add(row.version()));
		return versions;
	}

	private static String describe(List<SessionInfo> sessions) {
		return sessions.isEmpty() ? "a session not seen by the watch" : sessions.toString();
	}

}
