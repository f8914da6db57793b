package de.paliad.migration.status;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationFailedException;
import de.paliad.migration.core.MigrationListener;
import de.paliad.migration.core.MigrationPlan;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.core.SessionInfo;
import org.jspecify.annotations.Nullable;

/**
 * The live status of the boot-time migration run, read by the health indicator, the
 * metrics, the readiness handling and the traffic gate. Fed by the migrator as a
 * {@link MigrationListener} and by the startup run itself, so it stays right even with a
 * user-defined {@code Migrator} that was built without listeners. Thread-safe.
 */
public final class MigrationStatus implements MigrationListener {

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.INITIAL);

	private final AtomicLong runStart = new AtomicLong();

	private final Clock clock;

	public MigrationStatus() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a status that reads the time from a clock.
	 * @param clock the clock
	 */
	MigrationStatus(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The current status.
	 * @return an immutable snapshot
	 */
	public Snapshot snapshot() {
		return this.snapshot.get();
	}

	/**
	 * Whether the database holds every migration, so the application may serve traffic.
	 * @return whether the state is {@code APPLIED} or {@code DISABLED}
	 */
	public boolean isApplied() {
		MigrationState state = snapshot().state();
		return state == MigrationState.APPLIED || state == MigrationState.DISABLED;
	}

	/**
	 * A run (the first one or a retry) starts now. The state stays until the migrator
	 * reports progress, so a retry against an unreachable database does not flap between
	 * {@code FAILED} and {@code PENDING}; the last error stays until a run succeeds.
	 */
	public void runStarted() {
		this.runStart.set(System.nanoTime());
		update((s) -> s.with(s.state(), List.of()));
	}

	/**
	 * A run succeeded.
	 * @param result what it did
	 */
	public void runSucceeded(MigrateResult result) {
		update((s) -> new Snapshot(MigrationState.APPLIED, result.appliedTotal(), result.onDisk(), List.of(),
				result.duration().toMillis(), null, this.clock.instant(), List.of()));
	}

	/**
	 * A run failed.
	 * @param failure why
	 */
	public void runFailed(RuntimeException failure) {
		Long elapsedMs = elapsedMs();
		update((s) -> new Snapshot(MigrationState.FAILED, s.applied(), s.onDisk(), s.pending(),
				(elapsedMs != null) ? elapsedMs : s.durationMs(), Error.of(failure), s.lastSuccess(), s.blockedBy()));
	}

	@Override
	public void stateChanged(MigrationState state) {
		if (state == MigrationState.WAITING_FOR_LOCK) {
			this.runStart.compareAndSet(0, System.nanoTime());
		}
		if (state == MigrationState.APPLIED) {
			Long elapsedMs = elapsedMs();
			update((s) -> new Snapshot(state, s.applied(), s.onDisk(), List.of(),
					(elapsedMs != null) ? elapsedMs : s.durationMs(), null, this.clock.instant(), List.of()));
		}
		else {
			update((s) -> s.with(state, s.blockedBy()));
		}
	}

	@Override
	public void planned(MigrationPlan plan) {
		List<Long> pending = plan.pending().stream().map(Migration::version).toList();
		update((s) -> new Snapshot(s.state(), plan.applied().size(), plan.onDisk().size(), pending, s.durationMs(),
				s.error(), s.lastSuccess(), s.blockedBy()));
	}

	@Override
	public void blocked(Migration migration, List<SessionInfo> blockers) {
		List<String> described = blockers.stream().map(SessionInfo::toString).toList();
		update((s) -> s.with(s.state(), described));
	}

	@Override
	public void lockHeld(List<SessionInfo> holders) {
		List<String> described = holders.stream().map((h) -> "migration lock held by " + h).toList();
		update((s) -> s.with(s.state(), described));
	}

	@Override
	public void migrationFinished(Migration migration, Duration duration, boolean success) {
		if (success) {
			update((s) -> {
				List<Long> pending = new ArrayList<>(s.pending());
				boolean wasPending = pending.remove(migration.version());
				return new Snapshot(s.state(), s.applied() + (wasPending ? 1 : 0), s.onDisk(), pending, s.durationMs(),
						s.error(), s.lastSuccess(), s.blockedBy());
			});
		}
	}

	@Override
	public void failed(MigrationException failure) {
		runFailed(failure);
	}

	/**
	 * How long the current run took, or {@code null} when this status saw no start (a
	 * second report of the same outcome).
	 */
	private @Nullable Long elapsedMs() {
		long start = this.runStart.getAndSet(0);
		return (start != 0) ? (System.nanoTime() - start) / 1_000_000 : null;
	}

	private void update(UnaryOperator<Snapshot> change) {
		this.snapshot.updateAndGet(change);
	}

	/**
	 * The status at one moment.
	 *
	 * @param state where the run is
	 * @param applied how many versions are applied
	 * @param onDisk how many migrations are on disk
	 * @param pending the versions not applied yet, ascending
	 * @param durationMs how long the last finished run took, or {@code null} before the
	 * first one finished
	 * @param error why the last run failed, or {@code null}
	 * @param lastSuccess when a run last succeeded, or {@code null}
	 * @param blockedBy the sessions that blocked a migration of the current or failed run
	 */
	public record Snapshot(MigrationState state, int applied, int onDisk, List<Long> pending, @Nullable Long durationMs,
			@Nullable Error error, @Nullable Instant lastSuccess, List<String> blockedBy) {

		static final Snapshot INITIAL = new Snapshot(MigrationState.PENDING, 0, 0, List.of(), null, null, null,
				List.of());

		public Snapshot {
			pending = List.copyOf(pending);
			blockedBy = List.copyOf(blockedBy);
		}

		Snapshot with(MigrationState state, List<String> blockedBy) {
			return new Snapshot(state, this.applied, this.onDisk, this.pending, this.durationMs, this.error,
					this.lastSuccess, blockedBy);
		}

	}

	/**
	 * Why a run failed, in words an operator can act on: never SQL text, never a URL or
	 * credentials.
	 *
	 * @param version the failing migration's version, or {@code null} when no single
	 * migration failed
	 * @param name the failing migration's name, or {@code null}
	 * @param sqlState the SQLSTATE, or {@code null}
	 * @param message the operator message
	 */
	public record Error(@Nullable Long version, @Nullable String name, @Nullable String sqlState, String message) {

		static Error of(RuntimeException failure) {
			if (failure instanceof MigrationFailedException sqlFailure) {
				// Anonymous callers may read it (health details): no SQL text, no row
				// values.
				return new Error(sqlFailure.version(), sqlFailure.migrationName(), sqlFailure.sqlState(),
						sqlFailure.summary());
			}
			String message = (failure instanceof MigrationException) ? failure.getMessage()
					: "Unexpected " + failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage());
			return new Error(null, null, sqlState(failure), message);
		}

		private static @Nullable String sqlState(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql && sql.getSQLState() != null) {
					return sql.getSQLState();
				}
			}
			return null;
		}

		private static String firstLine(@Nullable String message) {
			if (message == null) {
				return "";
			}
			int newline = message.indexOf('\n');
			return (newline < 0) ? message : message.substring(0, newline);
		}

	}

}
