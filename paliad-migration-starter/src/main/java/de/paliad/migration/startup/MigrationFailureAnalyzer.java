package de.paliad.migration.startup;

import de.paliad.migration.core.MigrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MigrationException} that stopped the startup into a "Description /
 * Action" report: the migrator's operator message and the next step its exit code names
 * ({@link de.paliad.migration.core.ExitCode#action()}).
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		String description = "The database migration failed (exit code " + cause.exitCode().code() + "):"
				+ System.lineSeparator() + System.lineSeparator() + cause.getMessage();
		return new FailureAnalysis(description, cause.exitCode().action(), cause);
	}

}
