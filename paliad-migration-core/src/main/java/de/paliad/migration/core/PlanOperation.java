package de.paliad.migration.core;

import java.sql.SQLException;

/**
 * {@code plan}: compares the disk with the applied set without changing anything (no
 * lock, no tracker creation).
 */
final class PlanOperation {

	private final OperationContext context;

	PlanOperation(OperationContext context) {
		this.context = context;
	}

	/**
	 * Reads the applied set and compares it with the disk.
	 * @return the plan, problems included
	 */
	MigrationPlan run() {
		MigrationSet onDisk = this.context.load();
		MigrationSession session = this.context.openSession();
		try (session) {
			return MigrationPlan.of(onDisk, this.context.tracker().readApplied(session.connection()));
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
	}

}
