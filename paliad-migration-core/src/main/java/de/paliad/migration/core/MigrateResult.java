package de.paliad.migration.core;

import java.time.Duration;
import java.util.List;

/**
 * What a {@code migrate} run did.
 *
 * @param applied the migrations applied by this run, in order
 * @param appliedTotal how many versions are applied now
 * @param onDisk how many migrations are on disk
 * @param lockWait how long the run waited for the migration lock
 * @param duration the whole run
 */
public record MigrateResult(List<Migration> applied, int appliedTotal, int onDisk, Duration lockWait,
		Duration duration) {

	public MigrateResult {
		applied = List.copyOf(applied);
	}

}
