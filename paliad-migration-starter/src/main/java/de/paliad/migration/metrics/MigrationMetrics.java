package de.paliad.migration.metrics;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationFailedException;
import de.paliad.migration.core.MigrationListener;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.status.MigrationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters of the migrator, fed as a {@link MigrationListener} and from the
 * {@link MigrationStatus}. Every meter is registered when this is created, so dashboards
 * and alerts see zeros instead of gaps. No tag carries a version (unbounded cardinality).
 */
public class MigrationMetrics implements MigrationListener {

	/** Gauge: how many versions are applied. */
	public static final String APPLIED = "paliad.migrations.applied";

	/** Gauge: how many migrations on disk are not applied. */
	public static final String PENDING = "paliad.migrations.pending";

	/**
	 * Gauge per state (tag {@value #STATE_TAG}): 1 for the current state, 0 for the
	 * others.
	 */
	public static final String STATE = "paliad.migrations.state";

	/** Timer: one sample per migration, tagged {@value #OUTCOME_TAG}. */
	public static final String DURATION = "paliad.migration.duration";

	/** Timer: how long runs waited for the migration lock. */
	public static final String LOCK_WAIT = "paliad.migration.lock.wait";

	/** Counter: failed runs, tagged {@value #SQLSTATE_CLASS_TAG}. */
	public static final String FAILURES = "paliad.migration.failures";

	/** Gauge: when a run last succeeded, in epoch seconds; 0 before the first success. */
	public static final String LAST_SUCCESS = "paliad.migrations.last.success";

	/** Tag of {@value #STATE}: the state's name, e.g. {@code APPLIED}. */
	public static final String STATE_TAG = "state";

	/** Tag of {@value #DURATION}: {@code success} or {@code failure}. */
	public static final String OUTCOME_TAG = "outcome";

	/**
	 * Tag of {@value #FAILURES}: the SQLSTATE's class (first two characters) or
	 * {@code none}.
	 */
	public static final String SQLSTATE_CLASS_TAG = "sqlstate_class";

	private final MeterRegistry registry;

	private final Timer succeeded;

	private final Timer failed;

	private final Timer lockWait;

	/**
	 * Registers the meters.
	 * @param registry the registry
	 * @param status the status the gauges read
	 */
	public MigrationMetrics(MeterRegistry registry, MigrationStatus status) {
		this.registry = registry;
		Gauge.builder(APPLIED, status, (s) -> s.snapshot().applied())
			.description("Number of applied migrations")
			.register(registry);
		Gauge.builder(PENDING, status, (s) -> s.snapshot().pending().size())
			.description("Number of migrations on disk that are not applied")
			.register(registry);
		for (MigrationState state : MigrationState.values()) {
			Gauge.builder(STATE, status, (s) -> (s.snapshot().state() == state) ? 1 : 0)
				.description("1 for the current state of the migration run, 0 for the others")
				.tag(STATE_TAG, state.name())
				.register(registry);
		}
		Gauge.builder(LAST_SUCCESS, status, MigrationMetrics::lastSuccess)
			.description("When a migration run last succeeded")
			.baseUnit("seconds")
			.register(registry);
		this.succeeded = duration(registry, "success");
		this.failed = duration(registry, "failure");
		this.lockWait = Timer.builder(LOCK_WAIT)
			.description("Time spent waiting for the migration lock")
			.register(registry);
		failures("none");
	}

	private static Timer duration(MeterRegistry registry, String outcome) {
		return Timer.builder(DURATION)
			.description("Duration of each migration")
			.tag(OUTCOME_TAG, outcome)
			.register(registry);
	}

	private Counter failures(String sqlStateClass) {
		return Counter.builder(FAILURES)
			.description("Number of failed migration runs")
			.tag(SQLSTATE_CLASS_TAG, sqlStateClass)
			.register(this.registry);
	}

	private static double lastSuccess(MigrationStatus status) {
		Instant lastSuccess = status.snapshot().lastSuccess();
		return (lastSuccess != null) ? lastSuccess.toEpochMilli() / 1000.0 : 0;
	}

	@Override
	public void migrationFinished(Migration migration, Duration duration, boolean success) {
		(success ? this.succeeded : this.failed).record(duration);
	}

	@Override
	public void lockWaited(Duration waited) {
		this.lockWait.record(waited);
	}

	@Override
	public void failed(MigrationException failure) {
		failures(sqlStateClass(failure)).increment();
	}

	static String sqlStateClass(MigrationException failure) {
		@Nullable String sqlState = (failure instanceof MigrationFailedException sqlFailure) ? sqlFailure.sqlState() : null;
		for (Throwable cause = failure; sqlState == null && cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				sqlState = sql.getSQLState();
			}
		}
		return (sqlState != null && sqlState.length() >= 2) ? sqlState.substring(0, 2) : "none";
	}

}
