package de.paliad.migration.autoconfigure;

import de.paliad.migration.core.MigrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MigrationException} that stopped the startup into a "Description /
 * Action" report: the migrator's operator message and the next step for its kind of
 * failure.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		String description = "The database migration failed (exit code " + cause.exitCode().code() + "):"
				+ System.lineSeparator() + System.lineSeparator() + cause.getMessage();
		return new FailureAnalysis(description, action(cause), cause);
	}

	/**
	 * The next step for a kind of failure.
	 * @param cause the failure
	 * @return the action
	 */
	static String action(MigrationException cause) {
		return switch (cause.exitCode()) {
			case INVALID_CONFIGURATION ->
				"Correct the paliad.migration.* configuration (or the requested mode)" + " named above.";
			case VALIDATION_FAILED -> "Fix the migration files or tracker rows named above; no migration SQL ran."
					+ " The 'validate' and 'plan' modes (--paliad.migration.mode=plan) show these problems without"
					+ " starting the application.";
			case MIGRATION_FAILED -> "Fix the migration in a new release. Run the 'dry-run' mode against a copy of"
					+ " the production schema in CI to catch such failures before deploying.";
			case VERIFY_FAILED -> "Apply the pending migrations, or restore the migration files missing on disk.";
			case UNAVAILABLE -> "Check that the database is up and reachable from here, and whether another"
					+ " deploy holds the migration lock. With paliad.migration.on-failure=unready the application"
					+ " keeps running, refuses traffic and retries by itself.";
			default -> "Check the database error above; often the migration user lacks a privilege on the"
					+ " tracker's schema.";
		};
	}

}
