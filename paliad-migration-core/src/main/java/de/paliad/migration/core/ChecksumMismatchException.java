package de.paliad.migration.core;

import java.util.List;

/**
 * An applied migration's file changed after it was applied.
 */
public class ChecksumMismatchException extends MigrationValidationException {

	public ChecksumMismatchException(String summary, List<String> problems, String action) {
		super(summary, problems, action);
	}

}
