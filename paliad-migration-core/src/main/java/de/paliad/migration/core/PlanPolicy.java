package de.paliad.migration.core;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a plan's disagreements with the disk do before anything runs: a recorded name that
 * differs from the file always stops the run; checksum drift follows
 * {@code verify-checksums}; applied versions missing on disk are a warning.
 */
final class PlanPolicy {

	// Logged under the facade's name, where operators have always found these lines.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final MigrationConfiguration configuration;

	private final MigrationListener listener;

	PlanPolicy(MigrationConfiguration configuration, MigrationListener listener) {
		this.configuration = configuration;
		this.listener = listener;
	}

	/**
	 * Reports the plan to the listener and applies the whole policy.
	 * @param plan the plan
	 * @return the plan
	 * @throws NameMismatchException when a recorded name differs from the file
	 * @throws ChecksumMismatchException on checksum drift with
	 * {@code verify-checksums=fail}
	 */
	MigrationPlan checked(MigrationPlan plan) {
		this.listener.planned(plan);
		rejectNameMismatches(plan);
		if (!plan.checksumMismatches().isEmpty()) {
			List<String> problems = plan.checksumMismatches().stream().map(Object::toString).toList();
			switch (this.configuration.checksumPolicy()) {
				case FAIL -> throw new ChecksumMismatchException(
						"Applied migrations were changed after they ran (nothing was executed):", problems,
						"Restore the files as they were applied and put the change in a new migration; if the"
								+ " change is cosmetic, run the 'repair' mode to re-record the checksums.");
				case WARN -> problems.forEach((p) -> logger.warn("Checksum drift: {}", p));
				case OFF -> {
				}
			}
		}
		plan.appliedMissingOnDisk()
			.forEach((row) -> logger.warn("Version {} '{}' is applied but no longer on disk", row.version(),
					row.name()));
		return plan;
	}

	/**
	 * Stops the run when a recorded name differs from the file on disk.
	 * @param plan the plan
	 * @throws NameMismatchException naming every mismatch
	 */
	void rejectNameMismatches(MigrationPlan plan) {
		if (!plan.nameMismatches().isEmpty()) {
			throw new NameMismatchException("Applied versions disagree with the files on disk (nothing was executed):",
					plan.nameMismatches().stream().map(Object::toString).toList(),
					"If the tracker row is wrong (e.g. written by a test run), correct it: UPDATE "
							+ this.configuration.tracker()
							+ " SET name = '<name on disk>' WHERE version = <version>; if a file was renamed or"
							+ " renumbered after it was applied, restore its old name and give new work a new version.");
		}
	}

}
