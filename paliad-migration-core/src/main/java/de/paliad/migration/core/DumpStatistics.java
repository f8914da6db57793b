package de.paliad.migration.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The statistics a PostgreSQL 18 {@code pg_dump --statistics} writes into a plain dump,
 * one call per table, index and materialized view:
 *
 * <pre>
 * SELECT * FROM pg_catalog.pg_restore_relation_stats(
 * 	'version', '180006'::integer,
 * 	'schemaname', 'public',
 * 	'relname', 'orders',
 * 	'relpages', '396'::integer,
 * 	'reltuples', '50000'::real,
 * 	'relallvisible', '0'::integer,
 * 	'relallfrozen', '0'::integer
 * );
 * </pre>
 *
 * Read as table sizes when no sidecar file is given: rows from {@code reltuples} (-1
 * means never analyzed), bytes from {@code relpages} × 8 kB, the default block size — the
 * heap alone, without indexes and TOAST. Older servers lack the
 * {@code pg_restore_*_stats} functions, so the restore skips these calls there
 * ({@link #isStatisticsCall}).
 */
final class DumpStatistics {

	/** PostgreSQL's default block size; production almost never changes it. */
	static final long BLOCK_SIZE = 8192;

	/** The first server version with {@code pg_restore_relation_stats}. */
	static final int FIRST_VERSION = 180000;

	/** How pg_dump starts each call, on a line of its own. */
	private static final String RELATION_STATS = "SELECT * FROM pg_catalog.pg_restore_relation_stats(";

	private static final Pattern STATISTICS_CALL = Pattern
		.compile("(?is)^SELECT\\s+\\*\\s+FROM\\s+pg_catalog\\.pg_restore_(?:relation|attribute)_stats\\s*\\(.*");

	private DumpStatistics() {
	}

	/**
	 * Whether a statement of the dump restores statistics.
	 * @param statement the statement's text
	 * @return whether it calls {@code pg_restore_relation_stats} or
	 * {@code pg_restore_attribute_stats}
	 */
	static boolean isStatisticsCall(String statement) {
		return STATISTICS_CALL.matcher(statement.strip()).matches();
	}

	/**
	 * The relation sizes in a dump.
	 * @param script the dump's text
	 * @param source the dump's name, for reports
	 * @return the sizes, or {@code null} when the dump holds no statistics
	 */
	static @Nullable TableSizes read(String script, String source) {
		List<TableSize> sizes = new ArrayList<>();
		// indexOf rather than a regular expression: the dump may be megabytes of schema.
		for (int at = script.indexOf(RELATION_STATS); at >= 0; at = script.indexOf(RELATION_STATS, at + 1)) {
			if (at > 0 && script.charAt(at - 1) != '\n') {
				continue; // not a call pg_dump wrote, e.g. inside a function body
			}
			Map<String, String> arguments = arguments(script, at + RELATION_STATS.length());
			String schema = arguments.get("schemaname");
			String relation = arguments.get("relname");
			if (schema == null || relation == null) {
				continue;
			}
			long pages = Math.max(0, (long) number(arguments.get("relpages"), 0));
			double tuples = number(arguments.get("reltuples"), -1);
			sizes.add(new TableSize(schema, relation, (tuples < 0) ? -1 : Math.round(tuples), pages * BLOCK_SIZE));
		}
		return sizes.isEmpty() ? null : new TableSizes(sizes, source + " (pg_dump statistics)");
	}

	/**
	 * The {@code 'name', 'value'::type} pairs of a call, from after its opening
	 * parenthesis to its closing one.
	 */
	private static Map<String, String> arguments(String script, int start) {
		List<String> values = new ArrayList<>();
		int i = start;
		while (i < script.length() && script.charAt(i) != ')') {
			char c = script.charAt(i);
			if (c == '\'') {
				StringBuilder value = new StringBuilder();
				i++;
				while (i < script.length()) {
					if (script.charAt(i) == '\'' && i + 1 < script.length() && script.charAt(i + 1) == '\'') {
						value.append('\'');
						i += 2;
					}
					else if (script.charAt(i) == '\'') {
						i++;
						break;
					}
					else {
						value.append(script.charAt(i++));
					}
				}
				values.add(value.toString());
			}
			else if (c == ':' && i + 1 < script.length() && script.charAt(i + 1) == ':') {
				// A cast: skip the type name (integer, real, real[], ...).
				i += 2;
				while (i < script.length() && script.charAt(i) != ',' && script.charAt(i) != ')') {
					i++;
				}
			}
			else {
				i++;
			}
		}
		Map<String, String> arguments = new LinkedHashMap<>();
		for (int k = 0; k + 1 < values.size(); k += 2) {
			arguments.put(values.get(k), values.get(k + 1));
		}
		return arguments;
	}

	private static double number(@Nullable String value, double fallback) {
		if (value == null) {
			return fallback;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
