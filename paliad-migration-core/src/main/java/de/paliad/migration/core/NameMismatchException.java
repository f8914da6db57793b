package de.paliad.migration.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An applied version's recorded name disagrees with the file on disk.
 */
public class NameMismatchException extends MigrationValidationException {

	public NameMismatchException(String summary, List<String> problems, @Nullable String action) {
		super(summary, problems, action);
	}

}
