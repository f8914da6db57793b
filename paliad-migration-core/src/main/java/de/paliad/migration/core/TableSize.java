package de.paliad.migration.core;

import java.util.Locale;

/**
 * The production size of one table, as the CI gate weighs a blocking finding: read from a
 * {@code table-sizes.csv} sidecar (written by the {@code sizes} mode or by
 * {@code psql … COPY … TO STDOUT WITH CSV HEADER}) or from the statistics a PostgreSQL 18
 * {@code pg_dump --statistics} writes into the snapshot.
 *
 * @param schema the table's schema, e.g. {@code public}
 * @param table the table's name, e.g. {@code orders}
 * @param rows the estimated number of rows, or {@code -1} when unknown (a table never
 * analyzed)
 * @param bytes its size on disk in bytes (table, indexes and TOAST from the sidecar; the
 * heap alone, pages × 8 kB, from pg_dump statistics)
 */
public record TableSize(String schema, String table, long rows, long bytes) {

	/**
	 * The table as findings name it.
	 * @return e.g. {@code public.orders}
	 */
	public String qualifiedName() {
		return this.schema + "." + this.table;
	}

	/**
	 * The size for people, e.g. {@code ~12 M rows, 3.1 GB}.
	 * @return the size in human units
	 */
	public String describe() {
		return ((this.rows < 0) ? "rows unknown" : rows(this.rows)) + ", " + bytes(this.bytes);
	}

	/**
	 * A row count in human units: {@code 950 rows}, {@code ~12 k rows}, {@code ~3.4 M
	 * rows}.
	 * @param rows the rows
	 * @return the count
	 */
	static String rows(long rows) {
		if (rows < 1000) {
			return rows + ((rows == 1) ? " row" : " rows");
		}
		String[] units = { "k", "M", "G" };
		double value = rows;
		int unit = -1;
		while (value >= 1000 && unit < units.length - 1) {
			value /= 1000;
			unit++;
		}
		return "~" + oneDecimalBelowTen(value) + " " + units[unit] + " rows";
	}

	/**
	 * A size in the binary units {@code pg_size_pretty} and Spring's {@code DataSize}
	 * use: {@code 512 bytes}, {@code 8 kB}, {@code 3.1 GB}.
	 * @param bytes the size
	 * @return the size in human units
	 */
	static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		String[] units = { "kB", "MB", "GB", "TB", "PB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return oneDecimalBelowTen(value) + " " + units[unit];
	}

	private static String oneDecimalBelowTen(double value) {
		String text = (value < 9.95) ? String.format(Locale.ROOT, "%.1f", value) : String.valueOf(Math.round(value));
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

}
