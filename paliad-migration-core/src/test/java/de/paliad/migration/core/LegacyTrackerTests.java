package de.paliad.migration.core;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@BeforeEach
	void writeFlywayMigrationsAndHistory() {
		this.fixture.files()
			.write("V1__create_users.sql", "CREATE TABLE users (id int);")
			.write("V2__add_email.sql", "ALTER TABLE users ADD COLUMN email text;")
			.write("V3__create_orders.sql", "CREATE TABLE orders (id int);");
		this.fixture.db().execute("CREATE TABLE users (id int, email text);" + FLYWAY_HISTORY);
	}

	private Migrator migrator() {
		return this.fixture
			.migrator(this.fixture.configuration().legacy(LegacyTrackerType.FLYWAY, "flyway_schema_history"));
	}

	private void history(int rank, String version, String description, String type, boolean success) {
		this.fixture.db()
			.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
					+ " installed_by, execution_time, success) VALUES (" + rank + ", " + version + ", '" + description
					+ "', '" + type + "', 'x', 'flyway', 1, " + success + ")");
	}

	@Test
	void successfulVersionedRowsAreImportedWithTheirNames() {
		history(1, "'1'", "create users", "SQL", true);
		history(2, "'2'", "add email", "SQL", true);

		MigrateResult result = migrator().migrate();

		assertThat(result.applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(Queries.rows(this.fixture.db().dataSource(),
				"SELECT version, name, checksum IS NULL, applied_by FROM applied_migrations ORDER BY version"))
			.startsWith("1|create_users|t|legacy:flyway", "2|add_email|t|legacy:flyway")
			.hasSize(3);
		assertThat(migrator().migrate().applied()).isEmpty();
	}

	@Test
	void aBaselineRowMarksEveryVersionUpToItApplied() {
		history(1, "'2'", "<< Flyway Baseline >>", "BASELINE", true);

		assertThat(migrator().migrate().applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(Queries.rows(this.fixture.db().dataSource(),
				"SELECT version, name FROM applied_migrations ORDER BY version"))
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
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "orders")).isFalse();
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations")).isEmpty();
	}

	@Test
	void theImportHappensOnlyWhileTheAppliedSetIsEmpty() {
		history(1, "'1'", "create users", "SQL", true);
		history(2, "'2'", "add email", "SQL", true);
		migrator().migrate();
		history(3, "'3'", "create orders", "SQL", true);
		this.fixture.db().execute("DELETE FROM applied_migrations WHERE version = 3; DROP TABLE orders");

		assertThat(migrator().migrate().applied()).extracting(Migration::version).containsExactly(3L);
	}

}
