package de.paliad.migration.core;

import java.util.List;

/**
 * {@code verify} found that the applied set and the files on disk differ.
 */
public class VerificationFailedException extends MigrationException {

	private final List<String> differences;

	public VerificationFailedException(List<String> differences) {
		super("The database does not match the migrations on disk:" + System.lineSeparator() + "  - "
				+ String.join(System.lineSeparator() + "  - ", differences) + System.lineSeparator()
				+ "Run the 'plan' mode to see what a migrate would do, or 'migrate' to apply what is pending.");
		this.differences = List.copyOf(differences);
	}

	public List<String> differences() {
		return this.differences;
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.VERIFY_FAILED;
	}

}
