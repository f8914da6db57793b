package de.paliad.migration.core;

import java.util.List;

/**
 * The legacy tracker records a migration that failed half-way.
 */
public class DirtyLegacyTrackerException extends MigrationValidationException {

	public DirtyLegacyTrackerException(String summary, List<String> problems, String action) {
		super(summary, problems, action);
	}

}
