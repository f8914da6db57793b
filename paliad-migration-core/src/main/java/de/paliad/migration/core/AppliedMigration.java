package de.paliad.migration.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the tracker table.
 *
 * @param version the version
 * @param name the name recorded when it was applied
 * @param appliedAt when it was applied
 * @param checksum the checksum recorded, or {@code null} for rows imported from a legacy
 * tracker
 * @param executionMs how long it took, or {@code null}
 * @param appliedBy who applied it, or {@code null}
 */
public record AppliedMigration(long version, String name, Instant appliedAt, @Nullable String checksum,
		@Nullable Integer executionMs, @Nullable String appliedBy) {

}
