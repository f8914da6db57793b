package de.paliad.migration.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorSmokeTests {

	@Test
	void appliesTwoMigrations(@TempDir Path dir) throws Exception {
		MigrationDirectory files = new MigrationDirectory(dir).write("1_a.up.sql", "CREATE TABLE a (id int);")
			.write("2_b.up.sql", "CREATE TABLE b (id int); INSERT INTO b VALUES (1);");
		try (TestDatabase db = TestDatabases.create()) {
			Migrator migrator = new Migrator(db.dataSource(),
					MigrationConfiguration.builder().locations(files.location()).build());
			MigrateResult result = migrator.migrate();
			assertThat(result.applied()).extracting(Migration::version).containsExactly(1L, 2L);
			try (Connection c = db.dataSource().getConnection();
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT count(*) FROM b")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(1);
			}
			assertThat(migrator.migrate().applied()).isEmpty();
		}
	}

}
