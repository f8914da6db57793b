package de.paliad.migration.core;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import de.paliad.migration.core.StatementRunner.AppliedStep;
import org.jspecify.annotations.Nullable;
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

	private final DryRunObserver observer;

	private final RunCancellation cancellation;

	/**
	 * @param cancellation how a shutdown stops this run
	 */
	MigrateOperation(OperationContext context, RunCancellation cancellation) {
		this(context, cancellation, DryRunObserver.NONE);
	}

	/**
	 * @param observer told after the tracker exists, around every migration, after every
	 * statement and at the end: the rehearsal analyses the run {@code migrate} makes
	 */
	MigrateOperation(OperationContext context, DryRunObserver observer) {
		this(context, new RunCancellation(), observer);
	}

	private MigrateOperation(OperationContext context, RunCancellation cancellation, DryRunObserver observer) {
		this.context = context;
		this.configuration = context.configuration();
		this.listener = context.listener();
		this.cancellation = cancellation;
		this.observer = observer;
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
			Run run = migrate();
			if (run.failure() != null) {
				throw run.failure();
			}
			List<Migration> done = run.applied().stream().map(AppliedStep::migration).toList();
			MigrateResult result = new MigrateResult(done, run.plan().applied().size() + done.size(), run.onDisk(),
					run.lockWait(), Duration.ofNanos(System.nanoTime() - start));
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

	/**
	 * The rehearsal: exactly the run {@link #run()} makes (same transactions, commits,
	 * timeouts and tracker rows), but a migration whose SQL failed is returned rather
	 * than thrown, with what committed before it.
	 * @return what the run did
	 * @throws MigrationException on any other failure
	 */
	Run rehearse() {
		return migrate();
	}

	private Run migrate() {
		// Names and duplicates are checked before the database is involved.
		try (MigrationLoader.Listed files = this.context.list()) {
			return migrate(files);
		}
	}

	private Run migrate(MigrationLoader.Listed files) {
		MigrationSession session = this.context.openSession();
		try (session) {
			Duration lockWait = session.lock();
			// One read of the applied set, under the lock, tells whether the tracker
			// exists too. Only the migrations not applied yet are lexed and checked, and
			// a rejected file leaves the database untouched: the tracker is created
			// after.
			List<AppliedMigration> existing = this.context.tracker().readAppliedIfExists(session.connection());
			List<AppliedMigration> applied = (existing != null) ? existing : List.of();
			Set<Long> appliedVersions = versions(applied);
			MigrationSet onDisk = files.load((version) -> !appliedVersions.contains(version));
			// A batch creates a missing tracker inside its transaction, so that a failed
			// batch leaves the database exactly as before; a legacy import needs it now.
			boolean trackerLater = existing == null && this.configuration.transactionMode() == TransactionMode.BATCH
					&& this.configuration.legacyType() == LegacyTrackerType.NONE;
			boolean legacyImport = this.configuration.legacyType() != LegacyTrackerType.NONE;
			if ((existing == null && !trackerLater) || legacyImport) {
				session.prepareTracker(onDisk);
			}
			if (legacyImport) {
				applied = this.context.tracker().readApplied(session.connection());
			}
			MigrationPlan unchecked = MigrationPlan.of(onDisk, applied);
			if (unchecked.pending().stream().anyMatch((migration) -> !migration.lexed())) {
				// Rows the legacy import left out of the first read: lex everything.
				onDisk = files.load(MigrationLoader.Listed.ALL);
				unchecked = MigrationPlan.of(onDisk, applied);
			}
			MigrationPlan plan = this.context.policy().checked(unchecked);
			this.listener.stateChanged(MigrationState.MIGRATING);
			TrackerSetup tracking = new TrackerSetup(session, onDisk, this.context.tracker(), this.observer,
					trackerLater);
			if (plan.pending().isEmpty()) {
				tracking.createNow();
				return new Run(plan, List.of(), null, List.of(), onDisk.size(), lockWait);
			}
			logger.info("Applying {} pending migration(s): {}", plan.pending().size(), plan.pending());
			try (StatementRunner runner = this.context.runner(this.observer)) {
				Run run = apply(session, runner, tracking, plan, onDisk.size(), lockWait);
				if (!session.isClosed()) {
					this.observer.finished(session.connection());
				}
				return run;
			}
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
	}

	private Run apply(MigrationSession session, StatementRunner runner, TrackerSetup tracking, MigrationPlan plan,
			int onDisk, Duration lockWait) throws SQLException {
		List<AppliedStep> applied = new ArrayList<>();
		for (List<Migration> group : groups(plan.pending())) {
			List<Migration> committed = applied.stream().map(AppliedStep::migration).toList();
			this.cancellation.starting(session.connection(), group.get(0).transactional(), applied.size());
			try {
				if (group.size() == 1 && !group.get(0).transactional()) {
					tracking.createNow();
					applied.add(applyWithoutTransaction(session, runner, group.get(0), committed));
				}
				else {
					applied.addAll(applyInTransaction(session, runner, tracking, group, committed));
					tracking.committed();
				}
			}
			catch (MigrationFailedException ex) {
				List<Migration> rolledBack = group.stream()
					.takeWhile((migration) -> migration.version() != ex.version())
					.toList();
				return new Run(plan, applied, ex, group.get(0).transactional() ? rolledBack : List.of(), onDisk,
						lockWait);
			}
		}
		return new Run(plan, applied, null, List.of(), onDisk, lockWait);
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
			TrackerSetup tracking, List<Migration> group, List<Migration> committed) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try {
				List<AppliedStep> steps = runner.applyInTransaction(session, group, tracking.prologue());
				steps.forEach(this::reportApplied);
				return steps;
			}
			catch (StatementFailure failure) {
				if (!shouldRetry(failure, attempt, runner)) {
					List<Migration> before = group.subList(0, group.indexOf(failure.migration()));
					throw failed(session, failure, attempt, runner, committed, before);
				}
			}
		}
	}

	private AppliedStep applyWithoutTransaction(MigrationSession session, StatementRunner runner, Migration migration,
			List<Migration> committed) throws SQLException {
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
					throw failed(session, failure, attempt, runner, committed, List.of());
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
			StatementRunner runner, List<Migration> committed, List<Migration> rolledBackWith) {
		Migration migration = failure.migration();
		this.listener.migrationFinished(migration, Duration.ZERO, false);
		if (this.cancellation.cancelled(failure.sqlState())) {
			return new MigrationCancelledException(migration, this.cancellation.appliedByThisRun());
		}
		if (session.isConnectionLoss(failure.sqlException())) {
			return session.connectionLost(failure.sqlException());
		}
		FailureHints.Setting setting = rolledBackWith.isEmpty() ? FailureHints.Setting.ALONE
				: FailureHints.Setting.BATCH;
		return FailureHints.failure(failure, attempts, this.configuration, runner.lastBlockers(), setting,
				FailureHints.aftermath(failure, committed, rolledBackWith));
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

	/**
	 * What a run did.
	 *
	 * @param plan the checked plan
	 * @param applied the migrations it committed, in order
	 * @param failure the migration failure that stopped it, or {@code null}
	 * @param rolledBack earlier migrations of the failed batch, rolled back with it
	 * @param onDisk how many migrations are on disk
	 * @param lockWait how long the migration lock took
	 */
	record Run(MigrationPlan plan, List<AppliedStep> applied, @Nullable MigrationFailedException failure,
			List<Migration> rolledBack, int onDisk, Duration lockWait) {

	}

}
