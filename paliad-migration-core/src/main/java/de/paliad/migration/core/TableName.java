package de.paliad.migration.core;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A schema-qualified table name taken from configuration. Both parts are validated as
 * plain lower-case SQL identifiers before they ever reach SQL, and are always emitted
 * quoted.
 *
 * @param schema the schema
 * @param table the table
 */
record TableName(String schema, String table) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

	TableName {
		requireIdentifier(schema, "schema");
		requireIdentifier(table, "table");
	}

	/**
	 * Parses {@code schema.table} or {@code table} (then in {@code defaultSchema}).
	 * @param qualified the name
	 * @param defaultSchema the schema of an unqualified name
	 * @return the table name
	 */
	static TableName parse(@Nullable String qualified, String defaultSchema) {
		if (qualified == null || qualified.isBlank()) {
			throw new InvalidConfigurationException("A table name is required but was empty.");
		}
		int dot = qualified.indexOf('.');
		if (dot < 0) {
			return new TableName(defaultSchema, qualified.strip());
		}
		return new TableName(qualified.substring(0, dot).strip(), qualified.substring(dot + 1).strip());
	}

	/**
	 * Validates a configured identifier.
	 * @param value the identifier
	 * @param what what it names, for the message
	 * @return the identifier
	 */
	static String requireIdentifier(@Nullable String value, String what) {
		if (value == null || !IDENTIFIER.matcher(value).matches()) {
			throw new InvalidConfigurationException("Invalid " + what + " name '" + value
					+ "': use a plain lower-case SQL identifier (letters a-z, digits, '_' or '$', not starting with a digit, at most 63 characters).");
		}
		return value;
	}

	/**
	 * The quoted schema, for SQL.
	 * @return {@code "schema"}
	 */
	String quotedSchema() {
		return '"' + this.schema + '"';
	}

	/**
	 * The quoted, qualified name, for SQL.
	 * @return {@code "schema"."table"}
	 */
	String quoted() {
		return quotedSchema() + ".\"" + this.table + '"';
	}

	@Override
	public String toString() {
		return this.schema + "." + this.table;
	}

}
