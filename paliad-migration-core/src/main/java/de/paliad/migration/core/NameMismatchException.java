package de.paliad.migration.core;

import java.util.List;

/**
 * An applied version's recorded name disagrees with the file on disk.
 */
public class NameMismatchException extends MigrationValidationException {

	public NameMismatchException(String summary, List<String> problems, String action) {
		super(summary, problems, action);
	}

}
