package de.paliad.migration.mode;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.InvalidConfigurationException;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.core.TableSize;
import de.paliad.migration.mode.ModeReport.Item;

/**
 * The {@code sizes} mode: writes the size of every table of the configured database to
 * {@code paliad.migration.table-sizes}, the sidecar the CI gate reads, and reports the
 * largest tables.
 */
final class TableSizesReport {

	private static final int LARGEST = 10;

	private TableSizesReport() {
	}

	static void write(Migrator migrator, ModeReport report) {
		Path file = migrator.configuration().tableSizes();
		if (file == null) {
			throw new InvalidConfigurationException("The sizes mode writes the file named by"
					+ " paliad.migration.table-sizes: set it, e.g. --paliad.migration.table-sizes=table-sizes.csv.");
		}
		List<TableSize> sizes = migrator.writeTableSizes(file);
		List<TableSize> largest = sizes.stream()
			.sorted(Comparator.comparingLong(TableSize::bytes).reversed())
			.limit(LARGEST)
			.toList();
		report
			.summary("Wrote the sizes of " + sizes.size() + " table(s) to " + file
					+ "; pass it to the gate with --paliad.migration.table-sizes=" + file + ".")
			.value("file", file.toString())
			.value("tables", sizes.size())
			.section("largest", "Largest tables",
					largest.stream()
						.map((size) -> Item.of(size.qualifiedName() + "  " + size.describe(), "table",
								size.qualifiedName(), "rows", size.rows(), "bytes", size.bytes()))
						.toList())
			.exitCode(ExitCode.SUCCESS);
	}

}
