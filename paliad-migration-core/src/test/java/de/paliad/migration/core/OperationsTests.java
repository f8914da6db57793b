package de.paliad.migration.core;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The operations behind the modes: plan, verify, baseline, down.
 */
class OperationsTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@BeforeEach
	void writeThreeMigrations() {
		this.fixture.files()
			.write("1_users.up.sql", "CREATE TABLE users (id int);")
			.write("2_orders.up.sql", "CREATE TABLE orders (id int);")
			.write("2_orders.down.sql", "DROP TABLE orders;")
			.write("3_invoices.up.sql", "CREATE TABLE invoices (id int);");
	}

	private Migrator migrator() {
		return this.fixture.migrator();
	}

	@Test
	void planOnAnEmptyDatabaseListsEverythingPendingAndChangesNothing() {
		MigrationPlan plan = migrator().plan();

		assertThat(plan.pending()).extracting(Migration::version).containsExactly(1L, 2L, 3L);
		assertThat(plan.applied()).isEmpty();
		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
	}

	@Test
	void planReportsGapsMissingFilesAndNameMismatches() {
		migrator().migrate();
		this.fixture.db()
			.execute("DELETE FROM applied_migrations WHERE version = 2;"
					+ " INSERT INTO applied_migrations (version, name) VALUES (9, 'gone');"
					+ " UPDATE applied_migrations SET name = 'people' WHERE version = 1");

		MigrationPlan plan = migrator().plan();

		assertThat(plan.pending()).extracting(Migration::version).containsExactly(2L);
		assertThat(plan.appliedMissingOnDisk()).extracting(AppliedMigration::version).containsExactly(9L);
		assertThat(plan.nameMismatches()).singleElement()
			.hasToString("version 1: the file on disk is " + this.fixture.files().location()
					+ "/1_users.up.sql (name 'users') but the database records name 'people'");
		assertThat(plan.isUpToDate()).isFalse();
	}

	@Test
	void verifyPassesWhenTheAppliedSetEqualsTheDisk() {
		migrator().migrate();

		assertThat(migrator().verify().isUpToDate()).isTrue();
	}

	@Test
	void verifyFailsOnPendingAndOnAppliedButMissing() {
		migrator().migrate();
		this.fixture.db()
			.execute("DELETE FROM applied_migrations WHERE version = 2;"
					+ " INSERT INTO applied_migrations (version, name) VALUES (9, 'gone')");

		assertThatExceptionOfType(VerificationFailedException.class).isThrownBy(() -> migrator().verify())
			.withMessageContaining(
					"pending: 2 (" + this.fixture.files().location() + "/2_orders.up.sql) is not applied")
			.withMessageContaining("applied but missing on disk: 9 'gone'")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.VERIFY_FAILED))
			.satisfies((ex) -> assertThat(ex.differences()).hasSize(2));
	}

	@Test
	void verifyOnAnEmptyDatabaseFails() {
		assertThatExceptionOfType(VerificationFailedException.class).isThrownBy(() -> migrator().verify())
			.satisfies((ex) -> assertThat(ex.differences()).hasSize(3));
		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
	}

	@Test
	void baselineRecordsVersionsUpToTheTargetWithoutRunningThem() {
		assertThat(migrator().baseline(2)).containsExactly(1L, 2L);

		assertThat(Queries.userTables(this.fixture.db().dataSource())).containsExactly("public.applied_migrations");
		assertThat(migrator().migrate().applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(migrator().baseline(2)).isEmpty();
	}

	@Test
	void downRunsTheDownFileAndDeletesTheRowTogether() {
		migrator().migrate();

		assertThat(migrator().down(2).version()).isEqualTo(2L);

		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "orders")).isFalse();
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(1L, 3L);
		assertThat(migrator().migrate().applied()).extracting(Migration::version).containsExactly(2L);
	}

	@Test
	void downWithoutADownFileOrOfAnUnappliedVersionIsAUsageError() {
		migrator().migrate();

		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> migrator().down(3))
			.withMessageContaining("Version 3 has no down migration on disk");
		this.fixture.db().execute("DELETE FROM applied_migrations WHERE version = 2");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> migrator().down(2))
			.withMessageContaining("Version 2 is not applied");
	}

	@Test
	void aFailingDownFileRollsBackAndKeepsTheRow() {
		this.fixture.files().write("2_orders.down.sql", "DROP TABLE orders; DROP TABLE no_such_table;");
		migrator().migrate();

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().down(2))
			.withMessageContaining("Migration 2 (2_orders.down.sql) failed at line 1")
			.withMessageContaining("no_such_table")
			.withMessageContaining("version 2 is still applied");
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "orders")).isTrue();
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations")).contains(2L);
	}

	@Test
	void aCustomTrackerSchemaAndTableAreCreatedAndUsed() {
		Migrator migrator = this.fixture.migrator(this.fixture.configuration().schema("ops").table("schema_history"));

		migrator.migrate();

		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "ops.schema_history")).containsExactly(1L,
				2L, 3L);
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "public.applied_migrations")).isFalse();
	}

	@Test
	void anUnreachableDatabaseIsReportedWithoutCredentials() {
		org.postgresql.ds.PGSimpleDataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
		unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
		unreachable.setUser("deployer");
		unreachable.setPassword("s3cret-password");
		Migrator migrator = new Migrator(unreachable, this.fixture.configuration().build());

		assertThatExceptionOfType(DatabaseUnavailableException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Cannot connect to the database")
			.withMessageNotContaining("s3cret-password")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
	}

}
