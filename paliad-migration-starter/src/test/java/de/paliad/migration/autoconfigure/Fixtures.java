package de.paliad.migration.autoconfigure;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import de.paliad.migration.core.AppliedMigration;
import de.paliad.migration.core.Migration;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationFailedException;
import de.paliad.migration.core.MigrationPlan;
import de.paliad.migration.core.MigrationSet;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.testing.MigrationDirectory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Values of the core for tests that need no database.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** A data source nobody listens on. */
	public static DataSource unreachable() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://localhost:1/nothing?connectTimeout=2");
		return dataSource;
	}

	/** Three migrations on disk, read without a database. */
	public static MigrationSet threeOnDisk(Path folder) {
		MigrationDirectory files = new MigrationDirectory(folder).write("1_a.up.sql", "CREATE TABLE a (id int);")
			.write("2_b.up.sql", "CREATE TABLE b (id int);")
			.write("3_c.up.sql", "CREATE TABLE c (id int);");
		return new Migrator(unreachable(), MigrationConfiguration.builder().locations(files.location()).build())
			.validate();
	}

	/** A plan with 1 applied and 2, 3 pending. */
	public static MigrationPlan onePending(MigrationSet onDisk) {
		Migration first = onDisk.get(1);
		return MigrationPlan.of(onDisk,
				List.of(new AppliedMigration(1, first.name(), Instant.now(), first.checksum(), 3, "test")));
	}

	/** Migration 2 failing with an undefined column. */
	public static MigrationFailedException undefinedColumn(MigrationSet onDisk) {
		return new MigrationFailedException(onDisk.get(2), 1,
				new SQLException("ERROR: column \"legacy_code\" does not exist\n  Position: 8", "42703"), null);
	}

}
