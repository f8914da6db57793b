package de.paliad.migration.startup;

import de.paliad.migration.core.MigrationException;

import org.springframework.boot.ExitCodeGenerator;

/**
 * A migration failure that stops the application's startup. It carries the documented
 * exit code, so that when it escapes {@code SpringApplication.run} on the main thread
 * Spring Boot ends the JVM with that code; {@link MigrationFailureAnalyzer} turns its
 * cause into a report.
 */
public class MigrationStartupException extends RuntimeException implements ExitCodeGenerator {

	private final MigrationException failure;

	public MigrationStartupException(MigrationException failure) {
		super(failure.getMessage(), failure);
		this.failure = failure;
	}

	/**
	 * The failure.
	 * @return the migration exception
	 */
	public MigrationException getFailure() {
		return this.failure;
	}

	@Override
	public int getExitCode() {
		return this.failure.exitCode().code();
	}

}
