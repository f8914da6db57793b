package de.paliad.migration.mode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.fixtures.Fixtures;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModeRunner}: every command-line mode against a real database, with its
 * report and exit code.
 */
class ModeRunnerTests {

	private final Settings settings = new Settings();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private TestDatabase database;

	private MigrationDirectory files;

	@BeforeEach
	void setUp(@TempDir Path folder) {
		this.database = TestDatabases.create();
		this.files = new MigrationDirectory(folder).write("1_create_items.up.sql", "CREATE TABLE items (id int);")
			.write("2_add_name.up.sql", "ALTER TABLE items ADD COLUMN name text;")
			.write("2_add_name.down.sql", "ALTER TABLE items DROP COLUMN name;");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void planListsPendingAndExitsWithZero() {
		assertThat(run(Mode.PLAN)).isZero();
		assertThat(output()).contains("2 pending, 0 applied, 2 on disk")
			.contains("Pending (2):")
			.contains("  1  1_create_items.up.sql")
			.contains("Applied but missing on disk (0): none")
			.contains("Exit code: 0");
	}

	@Test
	void planExitsWithThreeOnANameMismatch() {
		migrate();
		this.database.execute("UPDATE applied_migrations SET name = 'renamed' WHERE version = 2");
		assertThat(run(Mode.PLAN)).isEqualTo(3);
		assertThat(output()).contains("Name mismatches (1):").contains("database records name 'renamed'");
	}

	@Test
	void planReportsChecksumDriftAsAProblemOnlyWhenChecksumsFail() {
		migrate();
		this.files.write("2_add_name.up.sql", "ALTER TABLE items ADD COLUMN name text; -- changed");
		assertThat(run(Mode.PLAN)).isEqualTo(3);
		assertThat(output()).contains("Checksum mismatches (verify-checksums=fail) (1):");
		this.settings.setVerifyChecksums(ChecksumPolicy.WARN);
		assertThat(run(Mode.PLAN)).isZero();
	}

	@Test
	void validateNeedsNoDatabase() {
		Migrator offline = new Migrator(Fixtures.unreachable(),
				MigrationConfiguration.builder().locations(this.files.location()).build());
		this.settings.setMode(Mode.VALIDATE);
		assertThat(runner().run(offline)).isZero();
		assertThat(output()).contains("2 migration file(s) are valid").contains("(down: 2_add_name.down.sql)");
	}

	@Test
	void validateExitsWithThreeOnABadFileName() {
		this.files.write("3-bad.sql", "SELECT 1;");
		assertThat(run(Mode.VALIDATE)).isEqualTo(3);
		assertThat(output()).contains("FAILED:").contains("3-bad.sql");
	}

	@Test
	void migrateOnlyAppliesAndExitsWithZero() {
		assertThat(run(Mode.MIGRATE_ONLY)).isZero();
		assertThat(output()).contains("Applied 2 migration(s); 2 applied in all, 2 on disk");
		assertThat(run(Mode.VERIFY)).isZero();
	}

	@Test
	void migrateOnlyExitsWithFourWhenTheSqlFails() {
		this.files.write("3_broken.up.sql", "ALTER TABLE items DROP COLUMN legacy_code;");
		assertThat(run(Mode.MIGRATE_ONLY)).isEqualTo(4);
		assertThat(output()).contains("FAILED: Migration 3 (3_broken.up.sql) failed");
	}

	@Test
	void dryRunReportsEachMigrationAndRollsBack() {
		assertThat(run(Mode.DRY_RUN)).isZero();
		assertThat(output()).contains("1  1_create_items.up.sql  OK").contains("2  2_add_name.up.sql  OK");
		assertThat(run(Mode.PLAN)).isZero();
		assertThat(output()).contains("2 pending, 0 applied");
	}

	@Test
	void dryRunExitsWithFourOnAFailingMigration() {
		this.files.write("3_broken.up.sql", "ALTER TABLE items DROP COLUMN legacy_code;");
		assertThat(run(Mode.DRY_RUN)).isEqualTo(4);
		assertThat(output()).contains("3  3_broken.up.sql  FAILED").contains("42703");
	}

	@Test
	void dryRunWritesEachConfiguredReportAndPrintsAnnotationsAfterItsOutput(@TempDir Path build) throws Exception {
		this.files.write("3_broken.up.sql", "-- fails\nALTER TABLE items DROP COLUMN legacy_code;");
		this.settings.setReports("sarif:" + build.resolve("gate.sarif") + ",markdown:" + build.resolve("md/gate.md")
				+ ",github,gitlab:" + build.resolve("gl-code-quality.json"));
		this.settings.setReportPathPrefix("app/src/main/resources/db/migration");

		assertThat(run(Mode.DRY_RUN)).isEqualTo(4);

		String file = "app/src/main/resources/db/migration/3_broken.up.sql";
		assertThat(output()).startsWith("== paliad-migration dry-run ==")
			.contains("3  3_broken.up.sql  FAILED")
			.endsWith("::error file=" + file + ",line=2,title=paliad-migration%3A migration 3 failed (SQLSTATE 42703)::"
					+ "Migration 3 (3_broken.up.sql) failed at line 2 with SQLSTATE 42703: ERROR: column \"legacy_code\""
					+ " of relation \"items\" does not exist. "
					+ output().substring(output().lastIndexOf("does not exist. ") + 16));
		String sarif = Files.readString(build.resolve("gate.sarif"));
		assertThat((List<String>) JsonPath.read(sarif, "$.runs[0].results[*].ruleId")).contains("migration-failed");
		assertThat((List<String>) JsonPath.read(sarif,
				"$.runs[0].results[?(@.ruleId == 'migration-failed')].locations[0].physicalLocation.artifactLocation.uri"))
			.containsExactly(file);
		assertThat(Files.readString(build.resolve("md/gate.md")))
			.startsWith("### ❌ paliad-migration gate failed: a migration failed");
		assertThat((List<String>) JsonPath.read(Files.readString(build.resolve("gl-code-quality.json")),
				"$[*].location.path"))
			.contains(file);
	}

	@Test
	void anInvalidReportListEndsTheDryRunWithTwoBeforeItRuns() {
		this.settings.setReports("sarif");

		assertThat(run(Mode.DRY_RUN)).isEqualTo(2);
		assertThat(output()).contains("FAILED: Invalid paliad.migration.reports='sarif': 'sarif' names no file")
			.doesNotContain("Migrations (")
			.contains("Exit code: 2");
	}

	@Test
	void aReportFileThatCannotBeWrittenEndsTheDryRunWithTwo(@TempDir Path build) throws Exception {
		Path notAFolder = Files.writeString(build.resolve("build"), "a file, not a folder");
		this.settings.setReports("sarif:" + notAFolder.resolve("gate.sarif"));

		assertThat(run(Mode.DRY_RUN)).isEqualTo(2);
		assertThat(output()).contains("FAILED: Could not write the sarif report to " + notAFolder.resolve("gate.sarif"))
			.contains("name another file in paliad.migration.reports")
			.doesNotContain("Migrations (");
	}

	@Test
	void verifyExitsWithFiveAndListsTheDifferences() {
		assertThat(run(Mode.VERIFY)).isEqualTo(5);
		assertThat(output()).contains("Differences (2):").contains("pending: 1");
	}

	@Test
	void verifyExitsWithSixWhenTheDatabaseIsUnreachable() {
		Migrator offline = new Migrator(Fixtures.unreachable(),
				MigrationConfiguration.builder().locations(this.files.location()).build());
		this.settings.setMode(Mode.VERIFY);
		assertThat(runner().run(offline)).isEqualTo(6);
		assertThat(output()).contains("Cannot connect to the database");
	}

	@Test
	void repairReRecordsChangedChecksums() {
		migrate();
		this.files.write("2_add_name.up.sql", "ALTER TABLE items ADD COLUMN name text; -- reformatted");
		assertThat(run(Mode.REPAIR)).isZero();
		assertThat(output()).contains("Re-recorded the checksums of 1 applied migration(s).").contains("Repaired (1):");
		assertThat(run(Mode.VERIFY)).isZero();
	}

	@Test
	void baselineRecordsVersionsUpToTheTarget() {
		this.settings.setTarget(1L);
		assertThat(run(Mode.BASELINE)).isZero();
		assertThat(output()).contains("Recorded 1 migration(s) up to version 1");
		assertThat(run(Mode.PLAN)).isZero();
		assertThat(output()).contains("1 pending, 1 applied");
	}

	@Test
	void downUndoesTheTarget() {
		migrate();
		this.settings.setTarget(2L);
		assertThat(run(Mode.DOWN)).isZero();
		assertThat(output()).contains("Undid version 2 (2_add_name.up.sql) with 2_add_name.down.sql");
		assertThat(run(Mode.PLAN)).isZero();
		assertThat(output()).contains("1 pending, 1 applied");
	}

	@Test
	void downAndBaselineWithoutTargetExitWithTwo() {
		assertThat(run(Mode.DOWN)).isEqualTo(2);
		assertThat(output()).contains("The down mode needs the version to work on");
		assertThat(run(Mode.BASELINE)).isEqualTo(2);
		this.settings.setTarget(-4L);
		assertThat(run(Mode.BASELINE)).isEqualTo(2);
		assertThat(output()).contains("(it was -4)");
	}

	@Test
	void jsonOutputCarriesTheSameReport() {
		this.settings.setOutput(Output.JSON);
		this.files.write("3_broken.up.sql", "ALTER TABLE items DROP COLUMN legacy_code;");
		assertThat(run(Mode.DRY_RUN)).isEqualTo(4);
		String json = output().strip();
		assertThat(json.lines()).hasSize(1);
		assertThat((String) JsonPath.read(json, "$.mode")).isEqualTo("dry-run");
		assertThat((Integer) JsonPath.read(json, "$.exitCode")).isEqualTo(4);
		assertThat((List<String>) JsonPath.read(json, "$.steps[*].outcome")).containsExactly("OK", "OK", "FAILED");
		assertThat((String) JsonPath.read(json, "$.error.sqlState")).isEqualTo("42703");
		assertThat((Integer) JsonPath.read(json, "$.error.version")).isEqualTo(3);
	}

	private void migrate() {
		migrator().migrate();
	}

	private int run(Mode mode) {
		this.out.reset();
		this.settings.setMode(mode);
		return runner().run(migrator());
	}

	private ModeRunner runner() {
		return new ModeRunner(this.settings.toModeSettings(), new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	private Migrator migrator() {
		return new Migrator(this.database.dataSource(),
				MigrationConfiguration.builder()
					.locations(this.files.location())
					.checksumPolicy(this.settings.getVerifyChecksums())
					.build());
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The settings a test changes one at a time, as it would change the properties.
	 */
	private static final class Settings {

		private Mode mode = Mode.PLAN;

		private Output output = Output.TEXT;

		private Long target;

		private ChecksumPolicy verifyChecksums = ChecksumPolicy.FAIL;

		private String reports;

		private String reportPathPrefix;

		void setReports(String reports) {
			this.reports = reports;
		}

		void setReportPathPrefix(String reportPathPrefix) {
			this.reportPathPrefix = reportPathPrefix;
		}

		void setMode(Mode mode) {
			this.mode = mode;
		}

		void setOutput(Output output) {
			this.output = output;
		}

		void setTarget(Long target) {
			this.target = target;
		}

		ChecksumPolicy getVerifyChecksums() {
			return this.verifyChecksums;
		}

		void setVerifyChecksums(ChecksumPolicy verifyChecksums) {
			this.verifyChecksums = verifyChecksums;
		}

		ModeSettings toModeSettings() {
			return new ModeSettings(this.mode, this.output, this.target, null, CompatPolicy.FAIL, this.verifyChecksums,
					this.reports, this.reportPathPrefix);
		}

	}

}
