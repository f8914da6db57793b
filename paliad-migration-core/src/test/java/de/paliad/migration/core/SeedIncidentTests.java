package de.paliad.migration.core;

import java.nio.file.Files;

import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.SingleCounterRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The production incidents this project was founded on (shared/seeds), replayed against a
 * real PostgreSQL. Where a single-counter tracker is part of the story, the test shows it
 * failing there too.
 */
class SeedIncidentTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	private Migrator migrator(TransactionMode mode) {
		return this.fixture.migrator(this.fixture.configuration().transactionMode(mode));
	}

	/** Seed 004: merges land as 104+105, then 103, then 106; each push deploys. */
	private void writeApprovalRequestsBase() {
		this.fixture.files()
			.write("101_approval_requests.up.sql",
					"CREATE TABLE approval_requests (id bigserial PRIMARY KEY, status text NOT NULL"
							+ " CONSTRAINT approval_status CHECK (status IN ('open', 'approved', 'rejected')));")
			.write("102_approval_comments.up.sql", "CREATE TABLE approval_comments (id bigserial PRIMARY KEY,"
					+ " request_id bigint REFERENCES approval_requests(id), body text);");
	}

	private void writeMig103() {
		this.fixture.files().write("103_changes_requested.up.sql", """
				ALTER TABLE approval_requests ADD COLUMN counter_payload jsonb;
				ALTER TABLE approval_requests ADD COLUMN previous_request_id bigint;
				ALTER TABLE approval_requests DROP CONSTRAINT approval_status;
				ALTER TABLE approval_requests ADD CONSTRAINT approval_status
				  CHECK (status IN ('open', 'approved', 'rejected', 'changes_requested'));
				""");
	}

	@Test
	void mig103MergedAfter104And105IsAppliedOnTheNextDeploy() {
		writeApprovalRequestsBase();
		this.fixture.files()
			.write("104_approval_deadline.up.sql", "ALTER TABLE approval_requests ADD COLUMN deadline date;")
			.write("105_approval_owner.up.sql", "ALTER TABLE approval_requests ADD COLUMN owner text;");
		migrator(TransactionMode.PER_MIGRATION).migrate();
		writeMig103();
		MigrateResult second = migrator(TransactionMode.PER_MIGRATION).migrate();
		this.fixture.files()
			.write("106_approval_index.up.sql", "CREATE INDEX approval_owner_idx ON approval_requests (owner);");
		MigrateResult third = migrator(TransactionMode.PER_MIGRATION).migrate();

		assertThat(second.applied()).extracting(Migration::version).containsExactly(103L);
		assertThat(third.applied()).extracting(Migration::version).containsExactly(106L);
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(101L, 102L, 103L, 104L, 105L, 106L);
		assertThat(Queries.columnExists(this.fixture.db().dataSource(), "approval_requests", "counter_payload"))
			.isTrue();
		this.fixture.db().execute("INSERT INTO approval_requests (status) VALUES ('changes_requested')");
	}

	@Test
	void mig103MergedAfter104And105IsSilentlySkippedByASingleCounterTracker() throws Exception {
		writeApprovalRequestsBase();
		this.fixture.files()
			.write("104_approval_deadline.up.sql", "ALTER TABLE approval_requests ADD COLUMN deadline date;")
			.write("105_approval_owner.up.sql", "ALTER TABLE approval_requests ADD COLUMN owner text;");
		SingleCounterRunner counter = new SingleCounterRunner(this.fixture.db().dataSource());
		counter.migrate(this.fixture.files().root());
		writeMig103();
		counter.migrate(this.fixture.files().root());

		assertThat(Queries.value(this.fixture.db().dataSource(), "SELECT version FROM schema_migrations"))
			.isEqualTo("105");
		assertThat(Queries.columnExists(this.fixture.db().dataSource(), "approval_requests", "counter_payload"))
			.isFalse();
	}

	/**
	 * Seed 000, outage 1: a test run wrote version 123 with the wrong name; the real
	 * 123_backups merged in parallel.
	 */
	@Test
	void trackerRowClaiming123WithAnotherNameStopsTheRunBeforeAnySql() {
		this.fixture.files()
			.write("122_settings.up.sql", "CREATE TABLE settings (key text PRIMARY KEY, value text);")
			.write("123_backups.up.sql", "CREATE TABLE backups (id bigserial PRIMARY KEY, taken_at timestamptz);")
			.write("124_backup_retention.up.sql", "CREATE TABLE backup_retention (days int);");
		migratorUpTo122();
		this.fixture.db().execute("INSERT INTO applied_migrations (version, name) VALUES (123, 'brunel_scratch_test')");

		assertThatExceptionOfType(NameMismatchException.class)
			.isThrownBy(() -> migrator(TransactionMode.PER_MIGRATION).migrate())
			.withMessageContaining("version 123")
			.withMessageContaining("123_backups.up.sql")
			.withMessageContaining("name 'backups'")
			.withMessageContaining("database records name 'brunel_scratch_test'")
			.withMessageContaining("nothing was executed")
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED));
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "backup_retention")).isFalse();
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(122L, 123L);
		assertThat(Queries.advisoryLocks(this.fixture.db().dataSource())).isZero();
	}

	private void migratorUpTo122() {
		this.fixture.files().delete("123_backups.up.sql").delete("124_backup_retention.up.sql");
		migrator(TransactionMode.PER_MIGRATION).migrate();
		this.fixture.files()
			.write("123_backups.up.sql", "CREATE TABLE backups (id bigserial PRIMARY KEY, taken_at timestamptz);")
			.write("124_backup_retention.up.sql", "CREATE TABLE backup_retention (days int);");
	}

	/** Seed 000, outage 2: migration 125 references columns dropped by 091. */
	private void writeDroppedColumnScenario() {
		this.fixture.files().write("090_deadline_rules.up.sql", """
				CREATE TABLE deadline_rules (id bigserial PRIMARY KEY, legal_source text,
				  is_mandatory boolean, is_optional boolean, condition_flag text);
				""").write("091_drop_rule_flags.up.sql", """
				ALTER TABLE deadline_rules DROP COLUMN is_mandatory, DROP COLUMN is_optional,
				  DROP COLUMN condition_flag;
				""");
		migrator(TransactionMode.PER_MIGRATION).migrate();
		this.fixture.files()
			.write("124_filter_presets.up.sql", "CREATE TABLE filter_presets (id bigserial PRIMARY KEY, name text);")
			.write("125_cross_cutting_filter_legal_source.up.sql", """
					CREATE TABLE legal_source_filters (id bigserial PRIMARY KEY, legal_source text);
					INSERT INTO legal_source_filters (legal_source)
					  SELECT legal_source FROM deadline_rules WHERE is_mandatory OR is_optional;
					""");
	}

	@Test
	void mig125ReferencingColumnsDroppedBy091FailsAndLeavesNoTracePerMigration() {
		writeDroppedColumnScenario();

		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(TransactionMode.PER_MIGRATION).migrate())
			.withMessageContaining("Migration 125 (125_cross_cutting_filter_legal_source.up.sql) failed at line 3")
			// Where PostgreSQL located the error (is_mandatory), as psql says; the
			// statement starts at line 2.
			.withMessageContaining("The statement starts at line 2: INSERT INTO legal_source_filters")
			.withMessageContaining("SQLSTATE 42703")
			.withMessageContaining("is_mandatory")
			.withMessageContaining("rolled back")
			.satisfies((ex) -> {
				assertThat(ex.version()).isEqualTo(125L);
				assertThat(ex.sqlState()).isEqualTo("42703");
				assertThat(ex.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
			});
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(90L, 91L, 124L);
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "filter_presets")).isTrue();
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "legal_source_filters")).isFalse();
		assertThat(Queries.advisoryLocks(this.fixture.db().dataSource())).isZero();
	}

	@Test
	void mig125ReferencingColumnsDroppedBy091RollsBackTheWholeBatch() {
		writeDroppedColumnScenario();

		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(TransactionMode.BATCH).migrate())
			.withMessageContaining("Migration 125")
			.withMessageContaining("is_mandatory");
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(90L, 91L);
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "filter_presets")).isFalse();
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "legal_source_filters")).isFalse();
		assertThat(Queries.advisoryLocks(this.fixture.db().dataSource())).isZero();
	}

	/** Seed 002: executescript() issued implicit COMMITs that broke batch atomicity. */
	@Test
	void topLevelCommitIsRejectedBeforeAnythingRuns() {
		this.fixture.files()
			.write("1_users.up.sql", "CREATE TABLE users (id int);")
			.write("2_half_committed.up.sql",
					"CREATE TABLE audit (id int);\nCOMMIT;\nCREATE TABLE audit_items (id int);\n");

		assertThatExceptionOfType(StaticCheckException.class)
			.isThrownBy(() -> migrator(TransactionMode.BATCH).migrate())
			.withMessageContaining("2_half_committed.up.sql line 2")
			.withMessageContaining("top-level COMMIT")
			.withMessageContaining("nothing was executed");
		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
	}

	@Test
	void commitInsideAFunctionBodyOrAStringIsAccepted() {
		this.fixture.files().write("1_procedures.up.sql", """
				CREATE TABLE jobs (id int, note text);
				CREATE PROCEDURE finish_jobs() LANGUAGE plpgsql AS $$
				BEGIN
				  UPDATE jobs SET note = 'done';
				  COMMIT;
				END;
				$$;
				INSERT INTO jobs VALUES (1, 'COMMIT; ROLLBACK; BEGIN');
				-- COMMIT in a comment is fine too
				INSERT INTO jobs VALUES (2, E'it\\'s COMMIT');
				""");

		migrator(TransactionMode.PER_MIGRATION).migrate();

		assertThat(Queries.rows(this.fixture.db().dataSource(), "SELECT note FROM jobs ORDER BY id"))
			.containsExactly("COMMIT; ROLLBACK; BEGIN", "it's COMMIT");
	}

	@Test
	void twoFilesSharingAVersionAreRejectedNamingBoth() throws Exception {
		this.fixture.files()
			.write("123_backups.up.sql", "CREATE TABLE backups (id int);")
			.write("123_audit_reason.up.sql", "CREATE TABLE audit_reason (id int);");

		assertThatExceptionOfType(DuplicateVersionException.class)
			.isThrownBy(() -> migrator(TransactionMode.PER_MIGRATION).migrate())
			.withMessageContaining("version 123 is claimed by 2 up files")
			.withMessageContaining("123_audit_reason.up.sql")
			.withMessageContaining("123_backups.up.sql");
		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
		assertThat(Files.exists(this.fixture.files().root().resolve("123_backups.up.sql"))).isTrue();
	}

	@Test
	void dirtyGolangMigrateTrackerStopsWithInstructions() {
		this.fixture.files()
			.write("1_a.up.sql", "CREATE TABLE a (id int);")
			.write("2_b.up.sql", "CREATE TABLE b (id int);");
		this.fixture.db()
			.execute("CREATE SCHEMA paliad; CREATE TABLE paliad.paliad_schema_migrations"
					+ " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);"
					+ " INSERT INTO paliad.paliad_schema_migrations VALUES (2, true)");
		Migrator migrator = this.fixture.migrator(this.fixture.configuration()
			.schema("paliad")
			.legacy(LegacyTrackerType.GOLANG_MIGRATE, "paliad.paliad_schema_migrations"));

		assertThatExceptionOfType(DirtyLegacyTrackerException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("paliad.paliad_schema_migrations is dirty")
			.withMessageContaining("version 2")
			.withMessageContaining("2_b.up.sql")
			.withMessageContaining("SET dirty = false");
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "paliad.applied_migrations")).isEmpty();
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "public.a")).isFalse();
	}

	@Test
	void cleanGolangMigrateTrackerIsImportedOnceAndLaterVersionsRun() {
		this.fixture.files()
			.write("1_a.up.sql", "CREATE TABLE a (id int);")
			.write("2_b.up.sql", "CREATE TABLE b (id int);")
			.write("3_c.up.sql", "CREATE TABLE c (id int);");
		this.fixture.db()
			.execute("CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE SCHEMA paliad;"
					+ " CREATE TABLE paliad.paliad_schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);"
					+ " INSERT INTO paliad.paliad_schema_migrations VALUES (2, false)");
		MigrationConfiguration configuration = this.fixture.configuration()
			.schema("paliad")
			.legacy(LegacyTrackerType.GOLANG_MIGRATE, "paliad.paliad_schema_migrations")
			.build();

		MigrateResult first = new Migrator(this.fixture.db().dataSource(), configuration).migrate();
		MigrateResult second = new Migrator(this.fixture.db().dataSource(), configuration).migrate();

		assertThat(first.applied()).extracting(Migration::version).containsExactly(3L);
		assertThat(second.applied()).isEmpty();
		assertThat(Queries.rows(this.fixture.db().dataSource(),
				"SELECT version, name, checksum IS NULL, applied_by FROM paliad.applied_migrations ORDER BY version"))
			.hasSize(3)
			.startsWith("1|a|t|legacy:golang-migrate", "2|b|t|legacy:golang-migrate")
			.last()
			.asString()
			.startsWith("3|c|f|" + Queries.value(this.fixture.db().dataSource(), "SELECT current_user") + "@");
	}

}
