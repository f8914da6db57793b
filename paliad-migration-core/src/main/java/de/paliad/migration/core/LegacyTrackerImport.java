package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the applied state of a previous tool's tracker into an empty applied set, once,
 * inside the migration lock. Idempotent: rows are inserted with
 * {@code ON CONFLICT DO NOTHING} and checksum {@code NULL} (nobody can vouch for what the
 * old tool ran).
 */
final class LegacyTrackerImport {

	private static final Logger logger = LoggerFactory.getLogger(LegacyTrackerImport.class);

	private final LegacyTrackerType type;

	private final @Nullable TableName legacyTable;

	private final Tracker tracker;

	LegacyTrackerImport(LegacyTrackerType type, @Nullable TableName legacyTable, Tracker tracker) {
		this.type = type;
		this.legacyTable = legacyTable;
		this.tracker = tracker;
	}

	/**
	 * Imports when the applied set is empty and the legacy table exists.
	 * @return how many rows were imported
	 */
	int importIfNeeded(Connection connection, MigrationSet onDisk, List<AppliedMigration> applied) throws SQLException {
		if (this.type == LegacyTrackerType.NONE || !applied.isEmpty()
				|| !Tracker.relationExists(connection, this.legacyTable)) {
			return 0;
		}
		int imported = switch (this.type) {
			case GOLANG_MIGRATE -> importGolangMigrate(connection, onDisk);
			case FLYWAY -> importFlyway(connection, onDisk);
			case NONE -> 0;
		};
		logger.info("Imported {} applied migrations from the legacy {} tracker {}", imported, this.type,
				this.legacyTable);
		return imported;
	}

	private int importGolangMigrate(Connection connection, MigrationSet onDisk) throws SQLException {
		long version;
		boolean dirty;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT version, dirty FROM " + this.legacyTable.quoted() + " LIMIT 2")) {
			if (!rs.next()) {
				return 0;
			}
			version = rs.getLong(1);
			dirty = rs.getBoolean(2);
			if (rs.next()) {
				throw new DirtyLegacyTrackerException(
						"The golang-migrate tracker " + this.legacyTable
								+ " has more than one row (nothing was executed):",
						List.of("expected exactly one (version, dirty) row"),
						"Check which version is really applied, keep only that row, and start again.");
			}
		}
		if (dirty) {
			String file = onDisk.contains(version) ? onDisk.get(version).path() : "version " + version;
			throw new DirtyLegacyTrackerException(
					"The golang-migrate tracker " + this.legacyTable + " is dirty (nothing was executed):",
					List.of("version " + version + " (" + file + ") failed half-way under golang-migrate"),
					"Compare the schema with that migration and finish or undo it by hand, then mark it clean:"
							+ " UPDATE " + this.legacyTable + " SET dirty = false; (set version to the last fully"
							+ " applied migration if you undid it). Then start again.");
		}
		int imported = 0;
		for (Migration migration : onDisk.all()) {
			if (migration.version() <= version && this.tracker.insertImported(connection, migration.version(),
					migration.name(), "legacy:golang-migrate")) {
				imported++;
			}
		}
		return imported;
	}

	private int importFlyway(Connection connection, MigrationSet onDisk) throws SQLException {
		List<String> failed = new ArrayList<>();
		List<String[]> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT version, description, type, success FROM "
						+ this.legacyTable.quoted() + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
			while (rs.next()) {
				if (!rs.getBoolean(4)) {
					failed.add("version " + rs.getString(1) + " (" + rs.getString(2) + ") is recorded as failed");
				}
				rows.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
			}
		}
		if (!failed.isEmpty()) {
			throw new DirtyLegacyTrackerException(
					"The Flyway history " + this.legacyTable + " records failed migrations (nothing was executed):",
					failed,
					"Finish or undo them by hand, then run 'flyway repair' (or delete the failed rows) and start again.");
		}
		int imported = 0;
		for (String[] row : rows) {
			long version = parseFlywayVersion(row[0]);
			if ("BASELINE".equals(row[2])) {
				for (Migration migration : onDisk.all()) {
					if (migration.version() <= version && this.tracker.insertImported(connection, migration.version(),
							migration.name(), "legacy:flyway-baseline")) {
						imported++;
					}
				}
			}
			else if (this.tracker.insertImported(connection, version, row[1].replace(' ', '_'), "legacy:flyway")) {
				imported++;
			}
		}
		return imported;
	}

	private long parseFlywayVersion(String version) {
		try {
			return Long.parseLong(version);
		}
		catch (NumberFormatException ex) {
			throw new InvalidConfigurationException("The Flyway history " + this.legacyTable + " has version '"
					+ version + "', which is not an integer; only integer versions can be imported.");
		}
	}

}
