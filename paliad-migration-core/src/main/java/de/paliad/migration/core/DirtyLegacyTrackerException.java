package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The legacy tracker records a migration that failed half-way.
 */
class DirtyLegacyTrackerException extends MigrationValidationException {

	DirtyLegacyTrackerException(String summary, List<String> problems, @Nullable String action) {
		super(summary, problems, action);
	}

}
