package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An applied migration's file changed after it was applied.
 */
class ChecksumMismatchException extends MigrationValidationException {

	ChecksumMismatchException(String summary, List<String> problems, @Nullable String action) {
		super(summary, problems, action);
	}

}
