package de.paliad.migration.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed migration file name: {@code <version>_<name>.up.sql},
 * {@code <version>_<name>.down.sql}, or Flyway's {@code V<version>__<name>.sql}.
 *
 * @param version the version, greater than zero
 * @param name the name part
 * @param down whether this is a down migration
 */
record MigrationFileName(long version, String name, boolean down) {

	private static final Pattern NATIVE = Pattern.compile("(\\d+)_([A-Za-z0-9_-]+)\\.(up|down)\\.sql");

	private static final Pattern FLYWAY = Pattern.compile("V(\\d+)__([A-Za-z0-9_-]+)\\.sql");

	private static final String FORMS = "expected <version>_<name>.up.sql, <version>_<name>.down.sql or V<version>__<name>.sql,"
			+ " where <version> is decimal digits and <name> uses only letters, digits, '_' and '-'";

	/**
	 * Whether a file in a migration location is meant to be a migration, so a name that
	 * does not parse is an error instead of being silently skipped.
	 * @param fileName the file name
	 * @return whether it ends in {@code .sql}, in any letter case
	 */
	static boolean looksLikeMigration(String fileName) {
		return fileName.toLowerCase(Locale.ROOT).endsWith(".sql");
	}

	/**
	 * Parses a file name.
	 * @param fileName the name
	 * @return the parsed name
	 * @throws IllegalArgumentException with a message that says what is wrong
	 */
	static MigrationFileName parse(String fileName) {
		Matcher matcher = NATIVE.matcher(fileName);
		if (matcher.matches()) {
			return create(fileName, matcher.group(1), matcher.group(2), "down".equals(matcher.group(3)));
		}
		matcher = FLYWAY.matcher(fileName);
		if (matcher.matches()) {
			return create(fileName, matcher.group(1), matcher.group(2), false);
		}
		throw new IllegalArgumentException(fileName + ": " + diagnose(fileName));
	}

	private static String diagnose(String fileName) {
		if (fileName.matches("[VUvu]\\d+(\\.\\d+)+__.*")) {
			return "dotted versions are not supported; " + FORMS;
		}
		if (fileName.matches("[RUB]\\d*__.*")) {
			return "Flyway repeatable, undo and baseline migrations are not supported; " + FORMS;
		}
		if (!fileName.endsWith(".sql")) {
			return "the extension must be lower-case '.sql'; " + FORMS;
		}
		return FORMS;
	}

	private static MigrationFileName create(String fileName, String digits, String name, boolean down) {
		long version;
		try {
			version = Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(fileName + ": version " + digits + " does not fit a 64-bit integer");
		}
		if (version <= 0) {
			throw new IllegalArgumentException(fileName + ": version must be greater than zero");
		}
		return new MigrationFileName(version, name, down);
	}

}
