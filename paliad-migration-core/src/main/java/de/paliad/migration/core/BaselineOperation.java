package de.paliad.migration.core;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code baseline}: records every version on disk up to a target as applied without
 * running it, under the migration lock; rows already there are left alone.
 */
final class BaselineOperation {

	// Every operation logs under the facade's name: one component for the operator.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final OperationContext context;

	BaselineOperation(OperationContext context) {
		this.context = context;
	}

	/**
	 * Records the versions up to {@code target}.
	 * @param target the highest version to record
	 * @return the versions recorded
	 */
	List<Long> run(long target) {
		MigrationSet onDisk = this.context.load();
		Tracker tracker = this.context.tracker();
		MigrationSession session = this.context.openSession();
		try (session) {
			session.lockForChanges(onDisk);
			List<Long> recorded = new ArrayList<>();
			for (Migration migration : onDisk.all()) {
				if (migration.version() <= target && tracker.insertImported(session.connection(), migration.version(),
						migration.name(), "baseline")) {
					tracker.updateChecksum(session.connection(), migration.version(), migration.checksum());
					recorded.add(migration.version());
				}
			}
			logger.info("Baseline recorded {} migration(s) up to version {} as applied: {}", recorded.size(), target,
					recorded);
			return recorded;
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
	}

}
