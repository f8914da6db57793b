package de.paliad.migration.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CI gate against the checked-in production snapshot ({@code gate/prod-schema.sql}:
 * 34 tables, views, a materialized view, functions, triggers, three roles and their
 * grants, dumped by pg_dump 15 from PostgreSQL 13), dry-run as the production migration
 * role.
 */
class CompatibilityGateTests {

	@TempDir
	Path prod;

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@BeforeEach
	void copyProdMigrations() throws IOException, URISyntaxException {
		Path source = Paths.get(getClass().getResource("/gate/prod-migrations").toURI());
		try (Stream<Path> files = Files.list(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.prod.resolve(file.getFileName()));
			}
		}
	}

	private static Path snapshot() throws URISyntaxException {
		return Paths.get(CompatibilityGateTests.class.getResource("/gate/prod-schema.sql").toURI());
	}

	private DryRunResult gate() throws URISyntaxException {
		return MigrationGate.check(this.fixture.db().dataSource(), snapshot(),
				MigrationConfiguration.builder()
					.locations("filesystem:" + this.prod, this.fixture.files().location())
					.role("app_owner")
					.compatPolicy(CompatPolicy.FAIL)
					.build());
	}

	private static List<Finding> findings(DryRunResult result, Severity severity) {
		return result.findings().stream().filter((f) -> f.severity() == severity).toList();
	}

	@Test
	void theSnapshotRestoresWithItsRolesAndNothingIsPendingWithoutNewMigrations() throws Exception {
		DryRunResult result = gate();

		assertThat(result.succeeded()).isTrue();
		assertThat(result.steps()).isEmpty();
		assertThat(result.findings()).isEmpty();
		assertThat(Queries.rows(this.fixture.db().dataSource(),
				"SELECT rolname || ':' || rolsuper FROM pg_roles WHERE rolname IN ('app_owner', 'app_rw', 'app_ro', 'dba') ORDER BY 1"))
			.containsExactly("app_owner:false", "app_ro:false", "app_rw:false", "dba:false");
		assertThat(Integer.parseInt(Queries.value(this.fixture.db().dataSource(),
				"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")))
			.isGreaterThanOrEqualTo(30);
		assertThat(Queries.value(this.fixture.db().dataSource(),
				"SELECT has_table_privilege('app_rw', 'public.approval_requests', 'INSERT')"))
			.isEqualTo("t");
	}

	/** Seed 000, outage 2, in CI instead of production. */
	@Test
	void mig125ReferencingColumnsDroppedBy091FailsTheGateNamingTheMigrationAndTheColumn() throws Exception {
		this.fixture.files().write("125_cross_cutting_filter_legal_source.up.sql", """
				CREATE TABLE legal_source_filters (id bigserial PRIMARY KEY, legal_source_id bigint);
				INSERT INTO legal_source_filters (legal_source_id)
				  SELECT legal_source_id FROM deadline_rules WHERE is_mandatory OR is_optional;
				""");

		DryRunResult result = gate();

		assertThat(result.succeeded()).isFalse();
		assertThat(result.failure().get().getMessage())
			.contains("Migration 125 (125_cross_cutting_filter_legal_source.up.sql) failed at line 3")
			// Where PostgreSQL located the error (is_mandatory), as psql says; the
			// statement starts at line 2.
			.contains("The statement starts at line 2: INSERT INTO legal_source_filters")
			.contains("column \"is_mandatory\" does not exist")
			// A rehearsal: production would roll back this migration's transaction alone.
			.contains("Its transaction was rolled back; nothing of it remains.")
			.contains("No migration of this run was committed before it.");
		assertThat(result.steps()).singleElement().satisfies((step) -> {
			assertThat(step.outcome()).isEqualTo(DryRunResult.Outcome.FAILED);
			assertThat(step.sqlState()).isEqualTo("42703");
		});
	}

	/** Seed 000, outage 1, in CI instead of production. */
	@Test
	void aTrackerRowWithAnotherNameForVersion123FailsTheGate() throws Exception {
		Files.delete(this.prod.resolve("123_backups_retention.up.sql"));
		this.fixture.files().write("123_backups.up.sql", "CREATE TABLE backup_targets (id int);");

		assertThatExceptionOfType(NameMismatchException.class).isThrownBy(this::gate)
			.withMessageContaining("version 123")
			.withMessageContaining("123_backups.up.sql (name 'backups')")
			.withMessageContaining("database records name 'backups_retention'");
	}

	@Test
	void theOwnershipTrapFailsInCiAsItWouldInProduction() throws Exception {
		this.fixture.files().write("124_settings_scope.up.sql", "ALTER TABLE settings ADD COLUMN scope text;");

		DryRunResult result = gate();

		assertThat(result.failure()).get()
			.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("42501"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("must be owner of table settings")
				.contains("lacks a privilege or does not own the object"));
	}

	@Test
	void droppingAColumnIsBreaking() throws Exception {
		this.fixture.files().write("124_drop_display_name.up.sql", "ALTER TABLE users DROP COLUMN display_name;");

		DryRunResult result = gate();

		assertThat(result.gateFailures()).singleElement().satisfies((f) -> {
			assertThat(f.severity()).isEqualTo(Severity.BREAKING);
			assertThat(f.object()).isEqualTo("public.users.display_name");
			assertThat(f.message()).contains("is dropped");
			assertThat(f.statement()).isEqualTo("ALTER TABLE users DROP COLUMN display_name");
			assertThat(f.fileName()).isEqualTo("124_drop_display_name.up.sql");
			assertThat(f.line()).isEqualTo(1);
		});
	}

	@Test
	void renamingAColumnOrATableIsBreaking() throws Exception {
		this.fixture.files().write("124_renames.up.sql", """
				ALTER TABLE projects RENAME COLUMN title TO name;
				ALTER TABLE project_tags RENAME TO project_labels;
				""");

		DryRunResult result = gate();

		assertThat(findings(result, Severity.BREAKING)).extracting(Finding::object, Finding::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("public.projects.title", 1),
					org.assertj.core.groups.Tuple.tuple("public.project_tags", 2));
		assertThat(findings(result, Severity.BREAKING).get(1).message()).contains("renamed to public.project_labels");
	}

	/**
	 * integer to bigint widens: every value the running version writes and reads still
	 * fits, so it is not breaking (it was reported breaking before); the rewrite blocks.
	 */
	@Test
	void wideningAColumnTypeIsABlockingRewriteButNotBreaking() throws Exception {
		this.fixture.files()
			.write("124_amount_bigint.up.sql", "ALTER TABLE payments ALTER COLUMN amount_cents TYPE bigint;");

		DryRunResult result = gate();

		assertThat(findings(result, Severity.BREAKING)).isEmpty();
		assertThat(findings(result, Severity.BLOCKING)).extracting(Finding::rule, Finding::object)
			.contains(org.assertj.core.groups.Tuple.tuple(Rule.TYPE_CHANGE_REWRITE, "public.payments.amount_cents"));
		assertThat(findings(result, Severity.BLOCKING)).extracting(Finding::message)
			.anySatisfy((m) -> assertThat(m).contains("from integer to bigint rewrites public.payments"));
	}

	@Test
	void narrowingAColumnTypeIsBreaking() throws Exception {
		this.fixture.files()
			.write("124_amount_smallint.up.sql", "ALTER TABLE payments ALTER COLUMN amount_cents TYPE smallint;");

		DryRunResult result = gate();

		assertThat(findings(result, Severity.BREAKING)).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Rule.CHANGE_COLUMN_TYPE);
			assertThat(f.message()).contains("changes type from integer to smallint");
		});
	}

	@Test
	void aNotNullColumnWithoutADefaultOnAnExistingTableIsBreaking() throws Exception {
		this.fixture.files()
			.write("124_required_region.up.sql", "ALTER TABLE organisations ADD COLUMN region text NOT NULL;");

		DryRunResult result = gate();

		assertThat(result.gateFailures()).singleElement()
			.satisfies((f) -> assertThat(f.message())
				.contains("public.organisations.region is added NOT NULL without a default"));
	}

	@Test
	void aPlainCreateIndexOnAnExistingTableIsBlocking() throws Exception {
		this.fixture.files()
			.write("124_index_documents.up.sql", "CREATE INDEX documents_title_idx ON documents (title);");

		DryRunResult result = gate();

		assertThat(result.gateFailures()).isEmpty();
		assertThat(findings(result, Severity.BLOCKING)).singleElement().satisfies((f) -> {
			assertThat(f.object()).isEqualTo("public.documents");
			assertThat(f.message()).contains("built without CONCURRENTLY");
			assertThat(f.statement()).isEqualTo("CREATE INDEX documents_title_idx ON documents (title)");
		});
		assertThat(result.steps().get(0).locks())
			.anySatisfy((lock) -> assertThat(lock).matches("ShareLock on public\\.documents \\(held \\d+ ms\\)"));
	}

	@Test
	void anExplicitAccessExclusiveLockIsBlocking() throws Exception {
		this.fixture.files().write("124_lock_jobs.up.sql", """
				LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE;
				UPDATE jobs SET attempts = 0;
				""");

		DryRunResult result = gate();

		assertThat(findings(result, Severity.BLOCKING)).extracting(Finding::rule, Finding::object, Finding::line)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(Rule.ACCESS_EXCLUSIVE_LOCK, "public.jobs", 1),
					org.assertj.core.groups.Tuple.tuple(Rule.LOCK_HELD_ACROSS_STATEMENTS, "public.jobs", 1));
		assertThat(result.steps().get(0).locks())
			.anySatisfy((lock) -> assertThat(lock).startsWith("AccessExclusiveLock on public.jobs (held "));
	}

	@Test
	void addingANullableColumnOrANewTableIsInfoOnly() throws Exception {
		this.fixture.files()
			.write("124_expand.up.sql",
					"""
							ALTER TABLE documents ADD COLUMN summary text;
							ALTER TABLE projects ADD COLUMN archived_at timestamptz DEFAULT NULL;
							CREATE TABLE document_links (id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents(id));
							CREATE INDEX document_links_document_idx ON document_links (document_id);
							""");

		DryRunResult result = gate();

		assertThat(result.succeeded()).isTrue();
		// Only one thing is not INFO: documents stays ACCESS EXCLUSIVE locked (line 1)
		// while
		// line 2 waits for the lock on projects.
		assertThat(result.findings()).filteredOn((f) -> f.severity() != Severity.INFO)
			.extracting(Finding::rule, Finding::object)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.LOCK_HELD_ACROSS_STATEMENTS, "public.documents"));
		assertThat(result.findings()).extracting(Finding::object)
			.contains("public.documents.summary", "public.projects.archived_at", "public.document_links");
	}

	@Test
	void aConcurrentIndexInANoTransactionMigrationIsNotBlocking() throws Exception {
		this.fixture.files()
			.write("124_index_concurrently.up.sql",
					"-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY documents_updated_idx ON documents (updated_at);\n");

		DryRunResult result = gate();

		assertThat(result.succeeded()).isTrue();
		assertThat(findings(result, Severity.BLOCKING)).isEmpty();
	}

	@Test
	void allowBreakingLetsTheContractStepPassAndKeepsItsReason() throws Exception {
		this.fixture.files().write("124_contract_display_name.up.sql", """
				-- paliad:allow-breaking v2.3 stopped reading users.display_name (expand/contract step 3)
				ALTER TABLE users DROP COLUMN display_name;
				""");

		DryRunResult result = gate();

		assertThat(result.gateFailures()).isEmpty();
		assertThat(findings(result, Severity.BREAKING)).singleElement()
			.satisfies((f) -> assertThat(f.allowedBecause())
				.isEqualTo("v2.3 stopped reading users.display_name (expand/contract step 3)"));
	}

	@Test
	void theGateCommitsTheRehearsalOnTheScratchCopyAsMigrateWould() throws Exception {
		this.fixture.files().write("124_many_changes.up.sql", """
				ALTER TABLE users DROP COLUMN display_name;
				CREATE TABLE scratch (id int);
				CREATE INDEX projects_title_idx ON projects (title);
				""");

		DryRunResult result = gate();

		assertThat(result.kind()).isEqualTo(DryRunResult.Kind.REHEARSAL);
		assertThat(result.succeeded()).isTrue();
		assertThat(result.findings()).isNotEmpty();
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations")).hasSize(13)
			.contains(124L);
		assertThat(Queries.value(this.fixture.db().dataSource(),
				"SELECT applied_by LIKE 'app_owner%' FROM applied_migrations WHERE version = 124"))
			.isEqualTo("t");
		assertThat(Queries.columnExists(this.fixture.db().dataSource(), "users", "display_name")).isFalse();
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "scratch")).isTrue();
	}

	@Test
	void theOneTransactionDryRunLeavesTheRestoredSnapshotUnchanged() throws Exception {
		this.fixture.files().write("124_many_changes.up.sql", """
				ALTER TABLE users DROP COLUMN display_name;
				CREATE TABLE scratch (id int);
				CREATE INDEX projects_title_idx ON projects (title);
				""");
		String catalog = "SELECT c.relname || ':' || c.relkind::text || ':' || coalesce(string_agg(a.attname || ' '"
				+ " || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum), '') FROM pg_class c"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attribute a ON a.attrelid = c.oid"
				+ " AND a.attnum > 0 AND NOT a.attisdropped WHERE n.nspname IN ('public', 'reporting')"
				+ " GROUP BY c.relname, c.relkind ORDER BY 1";
		new SnapshotRestorer().restore(this.fixture.db().dataSource(), snapshot());
		List<String> restored = Queries.rows(this.fixture.db().dataSource(), catalog);
		List<String> trackerRestored = Queries.rows(this.fixture.db().dataSource(),
				"SELECT * FROM applied_migrations ORDER BY 1");

		DryRunResult result = new Migrator(this.fixture.db().dataSource(),
				MigrationConfiguration.builder()
					.locations("filesystem:" + this.prod, this.fixture.files().location())
					.role("app_owner")
					.build())
			.dryRun();

		assertThat(result.kind()).isEqualTo(DryRunResult.Kind.ROLLED_BACK);
		assertThat(result.findings()).isNotEmpty();
		assertThat(Queries.rows(this.fixture.db().dataSource(), catalog)).isEqualTo(restored)
			.anyMatch((r) -> r.startsWith("users:r:"))
			.noneMatch((r) -> r.startsWith("scratch:"));
		assertThat(Queries.rows(this.fixture.db().dataSource(), "SELECT * FROM applied_migrations ORDER BY 1"))
			.isEqualTo(trackerRestored)
			.hasSize(12);
		assertThat(Queries.columnExists(this.fixture.db().dataSource(), "users", "display_name")).isTrue();
	}

	@Test
	void restoringIntoADatabaseWithTablesIsRefused() throws Exception {
		this.fixture.db().execute("CREATE TABLE precious (id int)");

		assertThatExceptionOfType(de.paliad.migration.core.InvalidConfigurationException.class).isThrownBy(this::gate)
			.withMessageContaining("Refusing to restore a snapshot")
			.withMessageContaining("already has 1 tables or views");
	}

}
