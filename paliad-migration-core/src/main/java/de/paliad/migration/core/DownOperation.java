package de.paliad.migration.core;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code down}: runs a version's down file and deletes its tracker row, in one
 * transaction under the migration lock.
 */
final class DownOperation {

	// Every operation logs under the facade's name: one component for the operator.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final OperationContext context;

	DownOperation(OperationContext context) {
		this.context = context;
	}

	/**
	 * Undoes {@code target}.
	 * @param target the version to undo
	 * @return the migration undone
	 * @throws InvalidConfigurationException when it is not applied or has no down file
	 * @throws MigrationFailedException when the down file failed (rolled back)
	 */
	Migration run(long target) {
		MigrationSet onDisk = this.context.load();
		MigrationSession session = this.context.openSession();
		try (session) {
			session.lockForChanges(onDisk);
			Migration migration = onDisk.get(target);
			boolean applied = this.context.tracker()
				.readApplied(session.connection())
				.stream()
				.anyMatch((row) -> row.version() == target);
			if (!applied) {
				throw new InvalidConfigurationException("Version " + target + " is not applied; nothing to undo.");
			}
			if (migration == null || migration.down() == null) {
				throw new InvalidConfigurationException("Version " + target + " has no down migration on disk"
						+ " (expected " + target + "_<name>.down.sql next to its up file).");
			}
			try (StatementRunner runner = this.context.runner()) {
				runner.undo(session, migration);
			}
			catch (StatementFailure failure) {
				if (session.isConnectionLoss(failure.sqlException())) {
					throw session.connectionLost(failure.sqlException());
				}
				throw new MigrationFailedException(migration, migration.downFileName(), failure.line(),
						failure.sqlException(), FailureHints.details(failure),
						"The down migration " + migration.downFileName() + " failed and was rolled back; version "
								+ migration.version() + " is still applied.");
			}
			logger.info("Undid migration {} with {}", migration, migration.downFileName());
			return migration;
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
	}

}
