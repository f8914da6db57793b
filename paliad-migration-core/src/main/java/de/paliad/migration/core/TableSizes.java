package de.paliad.migration.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The production sizes of the tables, by qualified name, and where they came from. Read
 * from a {@code table-sizes.csv} sidecar ({@code schema,table,rows,bytes} with that
 * header, as {@code psql … COPY (…) TO STDOUT WITH CSV HEADER} writes it) or written from
 * a database with {@link #QUERY}.
 *
 * <p>
 * The four CSV columns are parsed here rather than with a CSV library: the core depends
 * on JDBC and SLF4J only, and the format is the one PostgreSQL's COPY writes (RFC 4180
 * quoting, no embedded line breaks in names).
 */
final class TableSizes {

	/**
	 * The sizes of every table, partitioned table (the sum of its leaf partitions) and
	 * materialized view outside the system schemas. Rows: the larger of the planner's
	 * estimate ({@code reltuples}, -1 before the first ANALYZE) and the statistics
	 * collector's live tuples; bytes: {@code pg_total_relation_size}, indexes and TOAST
	 * included. {@code docs/deploy-gate.md} shows it as a psql one-liner; a test keeps
	 * the two equal.
	 */
	static final String QUERY = "SELECT n.nspname AS schema, c.relname AS table,"
			+ " sum(greatest(m.reltuples, coalesce(s.n_live_tup, 0), 0))::bigint AS rows,"
			+ " sum(pg_total_relation_size(m.oid))::bigint AS bytes"
			+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " CROSS JOIN LATERAL (SELECT c.oid AS relid WHERE c.relkind <> 'p'"
			+ " UNION SELECT relid FROM pg_partition_tree(c.oid) WHERE isleaf) t"
			+ " JOIN pg_class m ON m.oid = t.relid LEFT JOIN pg_stat_user_tables s ON s.relid = m.oid"
			+ " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg_toast%' GROUP BY 1, 2 ORDER BY 1, 2";

	static final String HEADER = "schema,table,rows,bytes";

	private final Map<String, TableSize> byName;

	private final String source;

	TableSizes(List<TableSize> sizes, String source) {
		Map<String, TableSize> map = new LinkedHashMap<>();
		for (TableSize size : sizes) {
			map.put(size.qualifiedName(), size);
		}
		this.byName = map;
		this.source = source;
	}

	/** Where the sizes came from, e.g. {@code table-sizes.csv}. */
	String source() {
		return this.source;
	}

	int count() {
		return this.byName.size();
	}

	List<TableSize> all() {
		return List.copyOf(this.byName.values());
	}

	/**
	 * The size of the table a finding names: the object itself ({@code public.orders}) or
	 * the table of a column or constraint ({@code public.orders.status}).
	 * @param object the finding's object
	 * @return the size, or {@code null} when the table is not listed
	 */
	@Nullable TableSize of(String object) {
		String name = object;
		while (true) {
			TableSize size = this.byName.get(name);
			if (size != null) {
				return size;
			}
			int dot = name.lastIndexOf('.');
			if (dot <= 0) {
				return null;
			}
			name = name.substring(0, dot);
		}
	}

	/**
	 * Reads a sidecar file.
	 * @param file the CSV file
	 * @return the sizes
	 * @throws InvalidConfigurationException naming the file, the line and the fix, for a
	 * file that is missing, unreadable or not in the format
	 */
	static TableSizes read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw invalid(file, 0, "cannot be read (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
		}
		if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
			throw invalid(file, 1, "does not start with the header '" + HEADER + "'"
					+ (lines.isEmpty() ? " (the file is empty)" : " (it starts with '" + shorten(lines.get(0)) + "')"));
		}
		List<TableSize> sizes = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			List<String> fields = fields(line);
			if (fields == null || fields.size() != 4) {
				throw invalid(file, i + 1, "is not 'schema,table,rows,bytes': '" + shorten(line) + "'");
			}
			sizes.add(new TableSize(fields.get(0), fields.get(1), number(fields.get(2), "rows", file, i + 1),
					number(fields.get(3), "bytes", file, i + 1)));
		}
		return new TableSizes(sizes, file.toString());
	}

	/**
	 * Writes a sidecar file that {@link #read(Path)} reads back.
	 * @param sizes the sizes
	 * @param file the file, replaced if it exists
	 * @throws IOException when it cannot be written
	 */
	static void write(List<TableSize> sizes, Path file) throws IOException {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (TableSize size : sizes) {
			csv.append(quoted(size.schema()))
				.append(',')
				.append(quoted(size.table()))
				.append(',')
				.append(size.rows())
				.append(',')
				.append(size.bytes())
				.append('\n');
		}
		Files.writeString(file, csv, StandardCharsets.UTF_8);
	}

	/**
	 * Reads the sizes of a database's tables with {@link #QUERY}; reads only.
	 * @param connection the connection
	 * @return the sizes, ordered by schema and table
	 * @throws SQLException when the query fails
	 */
	static List<TableSize> query(Connection connection) throws SQLException {
		List<TableSize> sizes = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
			while (rs.next()) {
				sizes.add(new TableSize(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
			}
		}
		return sizes;
	}

	/** The fields of one CSV line, or {@code null} for an unterminated quote. */
	private static @Nullable List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			return null;
		}
		fields.add(field.toString());
		return fields;
	}

	private static String quoted(String value) {
		return (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || !value.equals(value.strip()))
				? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	private static long number(String value, String column, Path file, int line) {
		try {
			long number = Long.parseLong(value.strip());
			if (number >= 0 || (number == -1 && column.equals("rows"))) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalid(file, line,
				"has " + column + " '" + shorten(value) + "', which is not a whole number of 0 or more");
	}

	private static String shorten(String text) {
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

	private static InvalidConfigurationException invalid(Path file, int line, String problem) {
		return new InvalidConfigurationException("The table sizes file " + file + ((line > 0) ? " line " + line : "")
				+ " " + problem
				+ ". Write it with --paliad.migration.mode=sizes against production, or with the psql command of"
				+ " docs/deploy-gate.md#table-sizes; or unset paliad.migration.table-sizes to run the gate without sizes.");
	}

}
