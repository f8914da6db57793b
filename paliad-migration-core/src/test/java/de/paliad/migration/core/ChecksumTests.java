package de.paliad.migration.core;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checksum drift on applied migrations, per {@code verify-checksums}, and {@code repair}.
 */
class ChecksumTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@BeforeEach
	void applyTwoMigrations() {
		this.fixture.files()
			.write("1_users.up.sql", "CREATE TABLE users (id int);")
			.write("2_orders.up.sql", "CREATE TABLE orders (id int);");
		migrator(ChecksumPolicy.FAIL).migrate();
		this.fixture.files()
			.write("1_users.up.sql", "CREATE TABLE users (id int, edited_after_apply text);")
			.write("3_invoices.up.sql", "CREATE TABLE invoices (id int);");
	}

	private Migrator migrator(ChecksumPolicy policy) {
		return this.fixture.migrator(this.fixture.configuration().checksumPolicy(policy));
	}

	@Test
	void failStopsTheRunBeforeAnySqlNamingTheFile() {
		assertThatExceptionOfType(ChecksumMismatchException.class)
			.isThrownBy(() -> migrator(ChecksumPolicy.FAIL).migrate())
			.withMessageContaining(
					"version 1 (" + this.fixture.files().location() + "/1_users.up.sql) changed after it was applied")
			.withMessageContaining("nothing was executed")
			.withMessageContaining("'repair' mode")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED));
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "invoices")).isFalse();
	}

	@Test
	void warnLogsAndContinues() {
		MigrateResult result = migrator(ChecksumPolicy.WARN).migrate();

		assertThat(result.applied()).extracting(Migration::version).containsExactly(3L);
	}

	@Test
	void offIgnoresDrift() {
		assertThat(migrator(ChecksumPolicy.OFF).migrate().applied()).extracting(Migration::version).containsExactly(3L);
	}

	@Test
	void repairReRecordsTheChecksumSoTheNextRunPasses() {
		Migrator migrator = migrator(ChecksumPolicy.FAIL);

		assertThat(migrator.repair()).containsExactly(1L);
		assertThat(migrator.migrate().applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(Queries.value(this.fixture.db().dataSource(),
				"SELECT checksum FROM applied_migrations WHERE version = 1"))
			.isEqualTo(migrator.validate().get(1).checksum());
		assertThat(migrator.repair()).isEmpty();
	}

	@Test
	void rowsWithoutAChecksumAreNeverReportedAsDrift() {
		this.fixture.db().execute("UPDATE applied_migrations SET checksum = NULL WHERE version = 1");

		MigrationPlan plan = migrator(ChecksumPolicy.FAIL).plan();

		assertThat(plan.checksumMismatches()).isEmpty();
		assertThat(migrator(ChecksumPolicy.FAIL).migrate().applied()).extracting(Migration::version)
			.containsExactly(3L);
	}

}
