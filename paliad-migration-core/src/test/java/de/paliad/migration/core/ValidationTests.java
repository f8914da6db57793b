package de.paliad.migration.core;

import java.nio.file.Path;

import de.paliad.migration.testing.MigrationDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The offline checks of the {@code validate} mode: file names, duplicates, empty files,
 * static checks. No database is involved; the migrator's data source here would fail.
 */
class ValidationTests {

	@TempDir
	Path dir;

	@TempDir
	Path otherDir;

	private MigrationSet validate(String... locations) {
		return new Migrator(null, MigrationConfiguration.builder().locations(locations).build()).validate();
	}

	private MigrationSet validate() {
		return validate(new MigrationDirectory(this.dir).location());
	}

	@Test
	void nativeAndFlywayNamesAreBothAccepted() {
		new MigrationDirectory(this.dir).write("1_create_users.up.sql", "CREATE TABLE users (id int);")
			.write("1_create_users.down.sql", "DROP TABLE users;")
			.write("V2__add_email.sql", "ALTER TABLE users ADD COLUMN email text;")
			.write("20260520123000_timestamped.up.sql", "SELECT 1;")
			.write("0003_padded.up.sql", "SELECT 1;")
			.write("README.md", "not a migration")
			.write("notes.txt", "not a migration either");

		MigrationSet set = validate();

		assertThat(set.all()).extracting(Migration::version).containsExactly(1L, 2L, 3L, 20260520123000L);
		assertThat(set.get(1).name()).isEqualTo("create_users");
		assertThat(set.get(1).down()).hasSize(1);
		assertThat(set.get(1).downFileName()).isEqualTo("1_create_users.down.sql");
		assertThat(set.get(2).name()).isEqualTo("add_email");
		assertThat(set.get(2).down()).isNull();
		assertThat(set.get(3).name()).isEqualTo("padded");
	}

	@Test
	void checksumIsTheSha256OfTheUpFileBytes() {
		new MigrationDirectory(this.dir).write("1_a.up.sql", "SELECT 1;\n");

		// Computed independently: printf 'SELECT 1;\n' | sha256sum
		assertThat(validate().get(1).checksum())
			.isEqualTo("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "12-foo.sql;expected <version>_<name>.up.sql",
			"12_foo.up.SQL;extension must be lower-case '.sql'", "V12_foo.sql;expected <version>_<name>.up.sql",
			"12_foo.sql;expected <version>_<name>.up.sql", "0_zero.up.sql;version must be greater than zero",
			"99999999999999999999_big.up.sql;does not fit a 64-bit integer",
			"V1.1__dotted.sql;dotted versions are not supported",
			"R__repeatable.sql;repeatable, undo and baseline migrations are not supported",
			"12_foo.bar.up.sql;expected <version>_<name>.up.sql", "_foo.up.sql;expected <version>_<name>.up.sql" })
	void malformedNamesAreRejectedNamingTheFile(String fileName, String reason) {
		new MigrationDirectory(this.dir).write("1_fine.up.sql", "SELECT 1;").write(fileName, "SELECT 1;");

		assertThatExceptionOfType(MalformedMigrationException.class).isThrownBy(this::validate)
			.withMessageContaining(fileName)
			.withMessageContaining(reason)
			.withMessageContaining("nothing was executed")
			.withMessageContaining("Rename them")
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(1))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED));
	}

	@Test
	void everyMalformedFileIsListedInOneMessage() {
		new MigrationDirectory(this.dir).write("1-a.sql", "SELECT 1;").write("2_b.UP.sql", "SELECT 1;");

		assertThatExceptionOfType(MalformedMigrationException.class).isThrownBy(this::validate)
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(2))
			.withMessageContaining("1-a.sql")
			.withMessageContaining("2_b.UP.sql");
	}

	@Test
	void aDownFileWithoutItsUpFileIsRejected() {
		new MigrationDirectory(this.dir).write("1_a.up.sql", "SELECT 1;").write("2_b.down.sql", "SELECT 1;");

		assertThatExceptionOfType(MalformedMigrationException.class).isThrownBy(this::validate)
			.withMessageContaining("2_b.down.sql")
			.withMessageContaining("a down migration without an up migration of version 2");
	}

	@Test
	void duplicateVersionsAcrossNamingStylesAreRejected() {
		new MigrationDirectory(this.dir).write("7_native.up.sql", "SELECT 1;").write("V7__flyway.sql", "SELECT 1;");

		assertThatExceptionOfType(DuplicateVersionException.class).isThrownBy(this::validate)
			.withMessageContaining("version 7 is claimed by 2 up files")
			.withMessageContaining("7_native.up.sql")
			.withMessageContaining("V7__flyway.sql");
	}

	@Test
	void duplicateVersionsAcrossLocationsAreRejected() {
		MigrationDirectory first = new MigrationDirectory(this.dir).write("5_from_main.up.sql", "SELECT 1;");
		MigrationDirectory second = new MigrationDirectory(this.otherDir).write("5_from_branch.up.sql", "SELECT 1;");

		assertThatExceptionOfType(DuplicateVersionException.class)
			.isThrownBy(() -> validate(first.location(), second.location()))
			.withMessageContaining(first.location() + "/5_from_main.up.sql")
			.withMessageContaining(second.location() + "/5_from_branch.up.sql");
	}

	@Test
	void leadingZerosDoNotHideADuplicate() {
		new MigrationDirectory(this.dir).write("007_a.up.sql", "SELECT 1;").write("7_b.up.sql", "SELECT 1;");

		assertThatExceptionOfType(DuplicateVersionException.class).isThrownBy(this::validate)
			.withMessageContaining("007_a.up.sql")
			.withMessageContaining("7_b.up.sql");
	}

	@Test
	void emptyAndCommentOnlyFilesAreRejected() {
		new MigrationDirectory(this.dir).write("1_empty.up.sql", "")
			.write("2_comments.up.sql", "-- nothing here yet\n/* still nothing */\n");

		assertThatExceptionOfType(MalformedMigrationException.class).isThrownBy(this::validate)
			.withMessageContaining("Empty migration files")
			.withMessageContaining("1_empty.up.sql contains no SQL statement")
			.withMessageContaining("2_comments.up.sql contains no SQL statement");
	}

	@Test
	void unterminatedDollarQuoteIsRejectedWithItsLine() {
		new MigrationDirectory(this.dir).write("1_fn.up.sql",
				"SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $$\nSELECT 1\n");

		assertThatExceptionOfType(StaticCheckException.class).isThrownBy(this::validate)
			.withMessageContaining("1_fn.up.sql")
			.withMessageContaining("line 2");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "BEGIN;BEGIN", "START TRANSACTION;START", "ROLLBACK;ROLLBACK", "END;END",
			"COMMIT;COMMIT", "ABORT;ABORT" })
	void transactionControlInATransactionalMigrationIsRejected(String statement, String word) {
		new MigrationDirectory(this.dir).write("1_tx.up.sql", "CREATE TABLE t (id int);\n" + statement + ";\n");

		assertThatExceptionOfType(StaticCheckException.class).isThrownBy(this::validate)
			.withMessageContaining("1_tx.up.sql line 2: top-level " + word);
	}

	@Test
	void concurrentlyWithoutTheDirectiveIsRejected() {
		new MigrationDirectory(this.dir).write("1_idx.up.sql", "CREATE INDEX CONCURRENTLY idx ON t (id);");

		assertThatExceptionOfType(StaticCheckException.class).isThrownBy(this::validate)
			.withMessageContaining("1_idx.up.sql line 1: CONCURRENTLY cannot run inside a transaction")
			.withMessageContaining("-- paliad:no-transaction");
	}

	@Test
	void theDirectiveMarksAMigrationNonTransactional() {
		new MigrationDirectory(this.dir)
			.write("1_idx.up.sql", "-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY idx ON t (id);")
			.write("2_plain.up.sql", "CREATE TABLE t2 (id int);\n-- paliad:no-transaction\n");

		MigrationSet set = validate();

		assertThat(set.get(1).transactional()).isFalse();
		assertThat(set.get(2).transactional()).as("the directive only counts on the first line").isTrue();
	}

	@Test
	void aByteOrderMarkIsIgnored() {
		new MigrationDirectory(this.dir).write("1_bom.up.sql", "\uFEFF-- paliad:no-transaction\nSELECT 1;");

		assertThat(validate().get(1).transactional()).isFalse();
	}

	@Test
	void invalidTrackerIdentifiersAreRejectedBeforeTheyReachSql() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationConfiguration.builder().table("applied_migrations; DROP TABLE users").build())
			.withMessageContaining("Invalid tracker table name 'applied_migrations; DROP TABLE users'")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION));
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationConfiguration.builder().schema("Public").build())
			.withMessageContaining("Invalid tracker schema name 'Public'");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(
				() -> MigrationConfiguration.builder().legacy(LegacyTrackerType.FLYWAY, "public.\"flyway\"").build())
			.withMessageContaining("Invalid table name '\"flyway\"'");
	}

	@Test
	void aLegacyTypeWithoutATableIsRejected() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> MigrationConfiguration.builder().legacy(LegacyTrackerType.GOLANG_MIGRATE, null).build())
			.withMessageContaining("legacy.table is not set");
	}

	@Test
	void aMissingFilesystemLocationIsAConfigurationError() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> validate("filesystem:" + this.dir.resolve("nope")))
			.withMessageContaining("is not a directory");
	}

}
