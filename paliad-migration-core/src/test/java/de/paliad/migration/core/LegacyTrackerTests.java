package de.paliad.migration.core;

import java.nio.file.Path;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Switching from Flyway: its history is imported once into the empty applied set. (The
 * golang-migrate import is part of {@link SeedIncidentTests}.)
 */
class LegacyTrackerTests {

	private static final String FLYWAY_HISTORY = """
			CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
			  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,
			  checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
			  execution_time int NOT NULL, success boolean NOT NULL);
			""";

	@TempDir
	Path dir;

	private MigrationDirectory files;

	private TestDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabases.create();
		this.files = new MigrationDirectory(this.dir).write("V1__create_users.sql", "CREATE TABLE users (id int);")
			.write("V2__add_email.sql", "ALTER TABLE users ADD COLUMN email text;")
			.write("V3__create_orders.sql", "CREATE TABLE orders (id int);");
		this.db.execute("CREATE TABLE users (id int, email text);" + FLYWAY_HISTORY);
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	private Migrator migrator() {
		return new Migrator(this.db.dataSource(),
				MigrationConfiguration.builder()
					.locations(this.files.location())
					.legacy(LegacyTrackerType.FLYWAY, "flyway_schema_history")
					.build());
	}

	private void history(int rank, String version, String description, String type, boolean success) {
		this.db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
				+ " installed_by, execution_time, success) VALUES (" + rank + ", " + version + ", '" + description
				+ "', '" + type + "', 'x', 'flyway', 1, " + success + ")");
	}

	@Test
	void successfulVersionedRowsAreImportedWithTheirNames() {
		history(1, "'1'", "create users", "SQL", true);
		history(2, "'2'", "add email", "SQL", true);

		MigrateResult result = migrator().migrate();

		assertThat(result.applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(Queries.rows(this.db.dataSource(),
				"SELECT version, name, checksum IS NULL, applied_by FROM applied_migrations ORDER BY version"))
			.startsWith("1|create_users|t|legacy:flyway", "2|add_email|t|legacy:flyway")
			.hasSize(3);
		assertThat(migrator().migrate().applied()).isEmpty();
	}

	@Test
	void aBaselineRowMarksEveryVersionUpToItApplied() {
		history(1, "'2'", "<< Flyway Baseline >>", "BASELINE", true);

		assertThat(migrator().migrate().applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(Queries.rows(this.db.dataSource(), "SELECT version, name FROM applied_migrations ORDER BY version"))
			.containsExactly("1|create_users", "2|add_email", "3|create_orders");
	}

	@Test
	void aFailedRowStopsTheRunWithInstructions() {
		history(1, "'1'", "create users", "SQL", true);
		history(2, "'2'", "add email", "SQL", false);

		assertThatExceptionOfType(DirtyLegacyTrackerException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("records failed migrations")
			.withMessageContaining("version 2 (add email) is recorded as failed")
			.withMessageContaining("flyway repair");
		assertThat(Queries.relationExists(this.db.dataSource(), "orders")).isFalse();
		assertThat(Queries.trackedVersions(this.db.dataSource(), "public.applied_migrations")).isEmpty();
	}

	@Test
	void theImportHappensOnlyWhileTheAppliedSetIsEmpty() {
		history(1, "'1'", "create users", "SQL", true);
		history(2, "'2'", "add email", "SQL", true);
		migrator().migrate();
		history(3, "'3'", "create orders", "SQL", true);
		this.db.execute("DELETE FROM applied_migrations WHERE version = 3; DROP TABLE orders");

		assertThat(migrator().migrate().applied()).extracting(Migration::version).containsExactly(3L);
	}

}
