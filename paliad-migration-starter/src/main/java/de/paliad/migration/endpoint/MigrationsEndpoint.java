package de.paliad.migration.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.paliad.migration.core.AppliedMigration;
import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationPlan;
import de.paliad.migration.core.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code migrations} endpoint: every version on disk or in the tracker with
 * its status, computed by {@link Migrator#plan()} (no lock, nothing written). A database
 * that cannot be read gives an {@code error} field, not a stack trace.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	/** Applied, and the file on disk agrees. */
	public static final String APPLIED = "applied";

	/** On disk, not applied. */
	public static final String PENDING = "pending";

	/** Applied, but no longer on disk. */
	public static final String APPLIED_MISSING_ON_DISK = "applied-missing-on-disk";

	/** Applied, but the file changed since. */
	public static final String CHECKSUM_MISMATCH = "checksum-mismatch";

	/** Applied under another name than the file's. */
	public static final String NAME_MISMATCH = "name-mismatch";

	private final Migrator migrator;

	public MigrationsEndpoint(Migrator migrator) {
		this.migrator = migrator;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		MigrationPlan plan;
		try {
			plan = this.migrator.plan();
		}
		catch (MigrationException ex) {
			return new MigrationsDescriptor(List.of(), ex.getMessage());
		}
		return new MigrationsDescriptor(describe(plan), null);
	}

	private static List<MigrationDescriptor> describe(MigrationPlan plan) {
		Map<Long, AppliedMigration> applied = plan.applied()
			.stream()
			.collect(Collectors.toMap(AppliedMigration::version, Function.identity()));
		List<Long> nameMismatches = plan.nameMismatches().stream().map((m) -> m.migration().version()).toList();
		List<Long> checksumMismatches = plan.checksumMismatches().stream().map((m) -> m.migration().version()).toList();
		List<MigrationDescriptor> migrations = new ArrayList<>();
		for (Migration migration : plan.onDisk().all()) {
			AppliedMigration row = applied.get(migration.version());
			if (row == null) {
				migrations.add(new MigrationDescriptor(migration.version(), migration.name(), PENDING, null,
						migration.checksum(), null));
			}
			else {
				String status = nameMismatches.contains(row.version()) ? NAME_MISMATCH
						: checksumMismatches.contains(row.version()) ? CHECKSUM_MISMATCH : APPLIED;
				migrations.add(MigrationDescriptor.of(row, migration.name(), status));
			}
		}
		plan.appliedMissingOnDisk()
			.forEach((row) -> migrations.add(MigrationDescriptor.of(row, row.name(), APPLIED_MISSING_ON_DISK)));
		migrations.sort(Comparator.comparingLong(MigrationDescriptor::version));
		return List.copyOf(migrations);
	}

	/**
	 * The migrations of the application.
	 *
	 * @param migrations every version on disk or in the tracker, ascending
	 * @param error why the migrations could not be read, or {@code null}
	 */
	public record MigrationsDescriptor(List<MigrationDescriptor> migrations,
			@Nullable String error) implements OperationResponseBody {

	}

	/**
	 * One version.
	 *
	 * @param version the version
	 * @param name the name on disk, or the recorded name when it is missing on disk
	 * @param status one of {@code applied}, {@code pending},
	 * {@code applied-missing-on-disk}, {@code checksum-mismatch}, {@code name-mismatch}
	 * @param appliedAt when it was applied, or {@code null}
	 * @param checksum the recorded checksum of an applied version (the file's for a
	 * pending one); {@code null} for versions imported from a legacy tracker
	 * @param executionMs how long it ran, or {@code null}
	 */
	public record MigrationDescriptor(long version, String name, String status, @Nullable Instant appliedAt,
			@Nullable String checksum, @Nullable Integer executionMs) {

		static MigrationDescriptor of(AppliedMigration row, String name, String status) {
			return new MigrationDescriptor(row.version(), name, status, row.appliedAt(), row.checksum(),
					row.executionMs());
		}

	}

}
