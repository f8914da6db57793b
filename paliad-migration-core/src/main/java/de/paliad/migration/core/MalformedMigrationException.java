package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A migration file's name or content is malformed (bad name, empty file, down without
 * up).
 */
class MalformedMigrationException extends MigrationValidationException {

	MalformedMigrationException(String summary, List<String> problems, @Nullable String action) {
		super(summary, problems, action);
	}

}
