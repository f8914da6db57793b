package de.paliad.migration.core;

import java.util.List;

/**
 * A migration file's name or content is malformed (bad name, empty file, down without
 * up).
 */
public class MalformedMigrationException extends MigrationValidationException {

	public MalformedMigrationException(String summary, List<String> problems, String action) {
		super(summary, problems, action);
	}

}
