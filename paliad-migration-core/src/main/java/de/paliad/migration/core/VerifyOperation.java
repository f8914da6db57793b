package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify}: the applied set must equal the migrations on disk, names and checksums
 * included. Changes nothing.
 */
final class VerifyOperation {

	private final OperationContext context;

	VerifyOperation(OperationContext context) {
		this.context = context;
	}

	/**
	 * Checks that the applied set equals the migrations on disk.
	 * @return the plan
	 * @throws VerificationFailedException on pending or missing migrations
	 * @throws MigrationValidationException on name or checksum disagreement
	 */
	MigrationPlan run() {
		MigrationPlan plan = this.context.policy().checked(new PlanOperation(this.context).run());
		List<String> differences = new ArrayList<>();
		plan.pending()
			.forEach((m) -> differences.add("pending: " + m.version() + " (" + m.path() + ") is not applied"));
		plan.appliedMissingOnDisk()
			.forEach((row) -> differences
				.add("applied but missing on disk: " + row.version() + " '" + row.name() + "'"));
		if (!differences.isEmpty()) {
			throw new VerificationFailedException(differences);
		}
		return plan;
	}

}
