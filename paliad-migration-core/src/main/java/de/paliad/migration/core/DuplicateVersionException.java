package de.paliad.migration.core;

import java.util.List;

/**
 * Two or more migration files claim the same version.
 */
public class DuplicateVersionException extends MigrationValidationException {

	public DuplicateVersionException(String summary, List<String> problems, String action) {
		super(summary, problems, action);
	}

}
