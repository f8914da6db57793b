package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Two or more migration files claim the same version.
 */
class DuplicateVersionException extends MigrationValidationException {

	DuplicateVersionException(String summary, List<String> problems, @Nullable String action) {
		super(summary, problems, action);
	}

}
