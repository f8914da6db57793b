package de.paliad.migration.health;

import java.util.LinkedHashMap;
import java.util.Map;

import de.paliad.migration.core.MigrationState;
import de.paliad.migration.status.MigrationStatus;
import de.paliad.migration.status.MigrationStatus.Snapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code migrations} health indicator: {@code UP} when every migration is applied (or
 * migrations are disabled), {@code DOWN} when the run failed, {@code OUT_OF_SERVICE}
 * while it has not finished yet (pending, waiting for the lock, migrating): not broken,
 * but not to be sent traffic. Both map to HTTP 503 for the readiness group.
 * <p>
 * Every detail goes through {@link Health.Builder#withDetail}, so
 * {@code management.endpoint.health.show-details} decides who sees them. The error
 * message is the migrator's operator message: no SQL text, no URLs or credentials.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

	private final @Nullable MigrationStatus status;

	/**
	 * Creates the indicator.
	 * @param status the status, or {@code null} when migrations are disabled (no
	 * migrator)
	 */
	public MigrationsHealthIndicator(@Nullable MigrationStatus status) {
		this.status = status;
	}

	@Override
	public Health health() {
		if (this.status == null) {
			return Health.up().withDetail("state", MigrationState.DISABLED.name()).build();
		}
		Snapshot snapshot = this.status.snapshot();
		Health.Builder health = Health.status(status(snapshot.state()))
			.withDetail("state", snapshot.state().name())
			.withDetail("applied", snapshot.applied())
			.withDetail("onDisk", snapshot.onDisk())
			.withDetail("pending", snapshot.pending());
		if (snapshot.durationMs() != null) {
			health.withDetail("durationMs", snapshot.durationMs());
		}
		if (!snapshot.blockedBy().isEmpty()) {
			health.withDetail("blockedBy", snapshot.blockedBy());
		}
		if (snapshot.error() != null) {
			health.withDetail("error", error(snapshot.error()));
		}
		return health.build();
	}

	private static Status status(MigrationState state) {
		return switch (state) {
			case APPLIED, DISABLED -> Status.UP;
			case FAILED -> Status.DOWN;
			case PENDING, WAITING_FOR_LOCK, MIGRATING -> Status.OUT_OF_SERVICE;
		};
	}

	private static Map<String, Object> error(MigrationStatus.Error error) {
		// A map rather than the record: JSON shows the nulls, so the shape never changes.
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", error.version());
		details.put("name", error.name());
		details.put("sqlState", error.sqlState());
		details.put("message", error.message());
		return details;
	}

}
