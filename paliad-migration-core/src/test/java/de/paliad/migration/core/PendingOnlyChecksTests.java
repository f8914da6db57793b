package de.paliad.migration.core;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code migrate} lexes and checks only what it is about to run; {@code validate} checks
 * every file. An applied migration never runs again, so a static check that became
 * stricter after it ran must not stop the next boot.
 */
class PendingOnlyChecksTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@Test
	void anAppliedMigrationTheStaticChecksRejectDoesNotBlockMigrate() {
		this.fixture.files().write("1_users.up.sql", "CREATE TABLE users (id int);");
		this.fixture.migrator().migrate();
		// Applied by an older release whose checks let a top-level COMMIT through.
		String legacy = "CREATE TABLE audit (id int);\nCOMMIT;\n";
		this.fixture.files().write("2_legacy.up.sql", legacy);
		this.fixture.db()
			.execute("INSERT INTO applied_migrations (version, name, checksum) VALUES (2, 'legacy', '"
					+ Checksums.sha256(legacy.getBytes()) + "')");
		this.fixture.files().write("3_orders.up.sql", "CREATE TABLE orders (id int);");

		assertThat(this.fixture.migrator().migrate().applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "orders")).isTrue();
		assertThatExceptionOfType(StaticCheckException.class).isThrownBy(() -> this.fixture.migrator().validate())
			.withMessageContaining("2_legacy.up.sql line 2: top-level COMMIT");
	}

	@Test
	void anAppliedMigrationIsStillHashedForDrift() {
		this.fixture.files().write("1_users.up.sql", "CREATE TABLE users (id int);");
		this.fixture.migrator().migrate();
		this.fixture.files().write("1_users.up.sql", "CREATE TABLE users (id int);\nCOMMIT;\n");

		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("version 1");
	}

}
