package de.paliad.migration.core;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code repair}: re-records the checksums of applied migrations from the files on disk,
 * under the migration lock. A name mismatch still stops it: a renamed file is not a
 * cosmetic change.
 */
final class RepairOperation {

	// Every operation logs under the facade's name: one component for the operator.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final OperationContext context;

	RepairOperation(OperationContext context) {
		this.context = context;
	}

	/**
	 * Re-records the checksums that differ from the files on disk.
	 * @return the versions whose checksum changed
	 */
	List<Long> run() {
		MigrationSet onDisk = this.context.load();
		Tracker tracker = this.context.tracker();
		MigrationSession session = this.context.openSession();
		try (session) {
			session.lockForChanges(onDisk);
			MigrationPlan plan = MigrationPlan.of(onDisk, tracker.readApplied(session.connection()));
			this.context.policy().rejectNameMismatches(plan);
			List<Long> repaired = new ArrayList<>();
			for (AppliedMigration row : plan.applied()) {
				Migration migration = onDisk.get(row.version());
				if (migration != null && !migration.checksum().equals(row.checksum())) {
					tracker.updateChecksum(session.connection(), row.version(), migration.checksum());
					repaired.add(row.version());
				}
			}
			logger.info("Repair re-recorded the checksums of {} migration(s): {}", repaired.size(), repaired);
			return repaired;
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
	}

}
