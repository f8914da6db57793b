package de.paliad.migration.core;

import java.util.List;

/**
 * A migration failed a static check (transaction control or CONCURRENTLY in a
 * transactional migration).
 */
public class StaticCheckException extends MigrationValidationException {

	public StaticCheckException(String summary, List<String> problems, String action) {
		super(summary, problems, action);
	}

}
