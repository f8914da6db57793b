package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A migration failed a static check (transaction control or CONCURRENTLY in a
 * transactional migration).
 */
class StaticCheckException extends MigrationValidationException {

	StaticCheckException(String summary, List<String> problems, @Nullable String action) {
		super(summary, problems, action);
	}

}
