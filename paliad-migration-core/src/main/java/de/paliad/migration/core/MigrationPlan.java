package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparison of the migrations on disk with the applied set: what is pending, what is
 * applied but gone from disk, and where names or checksums disagree.
 *
 * @param onDisk the migrations on disk
 * @param applied the applied set, by ascending version
 * @param pending on disk but not applied, by ascending version (gaps included)
 * @param appliedMissingOnDisk applied but no longer on disk
 * @param nameMismatches applied versions whose recorded name differs from the file
 * @param checksumMismatches applied versions whose file changed since (never for
 * {@code NULL} checksums)
 */
public record MigrationPlan(MigrationSet onDisk, List<AppliedMigration> applied, List<Migration> pending,
		List<AppliedMigration> appliedMissingOnDisk, List<NameMismatch> nameMismatches,
		List<ChecksumMismatch> checksumMismatches) {

	public MigrationPlan {
		applied = List.copyOf(applied);
		pending = List.copyOf(pending);
		appliedMissingOnDisk = List.copyOf(appliedMissingOnDisk);
		nameMismatches = List.copyOf(nameMismatches);
		checksumMismatches = List.copyOf(checksumMismatches);
	}

	/**
	 * Compares the disk with the applied set. Pending is the set difference, so a version
	 * lower than the highest applied one is still pending.
	 * @param onDisk the migrations on disk
	 * @param applied the applied set
	 * @return the plan
	 */
	public static MigrationPlan of(MigrationSet onDisk, Collection<AppliedMigration> applied) {
		Map<Long, AppliedMigration> byVersion = new TreeMap<>();
		applied.forEach((row) -> byVersion.put(row.version(), row));
		List<Migration> pending = new ArrayList<>();
		List<NameMismatch> names = new ArrayList<>();
		List<ChecksumMismatch> checksums = new ArrayList<>();
		for (Migration migration : onDisk.all()) {
			AppliedMigration row = byVersion.get(migration.version());
			if (row == null) {
				pending.add(migration);
			}
			else if (!row.name().equals(migration.name())) {
				names.add(new NameMismatch(migration, row));
			}
			else if (row.checksum() != null && !row.checksum().equals(migration.checksum())) {
				checksums.add(new ChecksumMismatch(migration, row));
			}
		}
		List<AppliedMigration> missing = byVersion.values()
			.stream()
			.filter((row) -> !onDisk.contains(row.version()))
			.toList();
		return new MigrationPlan(onDisk, List.copyOf(byVersion.values()), pending, missing, names, checksums);
	}

	/**
	 * Whether the database already holds exactly the migrations on disk.
	 * @return whether nothing is pending and nothing disagrees
	 */
	public boolean isUpToDate() {
		return this.pending.isEmpty() && this.appliedMissingOnDisk.isEmpty() && this.nameMismatches.isEmpty()
				&& this.checksumMismatches.isEmpty();
	}

	/**
	 * A recorded name that disagrees with the file on disk.
	 *
	 * @param migration the file on disk
	 * @param applied the tracker row
	 */
	public record NameMismatch(Migration migration, AppliedMigration applied) {

		@Override
		public String toString() {
			return "version " + this.migration.version() + ": the file on disk is " + this.migration.path() + " (name '"
					+ this.migration.name() + "') but the database records name '" + this.applied.name() + "'";
		}

	}

	/**
	 * An applied migration whose file changed after it was applied.
	 *
	 * @param migration the file on disk
	 * @param applied the tracker row
	 */
	public record ChecksumMismatch(Migration migration, AppliedMigration applied) {

		@Override
		public String toString() {
			return "version " + this.migration.version() + " (" + this.migration.path()
					+ ") changed after it was applied: checksum on disk " + this.migration.checksum() + ", recorded "
					+ this.applied.checksum();
		}

	}

}
