package de.paliad.migration.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * False alarms the gate once raised on real migrations, and the precise findings that
 * replace them, on the schema of {@code rules/base.sql}.
 */
class AnalyzerPrecisionTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	private DryRunResult dryRun(String... pending) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/rules/base.sql")) {
			this.fixture.files().write("1_base.up.sql", new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		this.fixture.migrator().migrate();
		for (int i = 0; i < pending.length; i++) {
			this.fixture.files().write((i + 2) + "_pending.up.sql", pending[i]);
		}
		return this.fixture.migrator(this.fixture.configuration().compatPolicy(CompatPolicy.FAIL)).dryRun();
	}

	@Test
	void aPrimaryKeyRebuiltByATypeChangeIsAKeyBuiltUnderLockWithUsingIndexAdvice() throws Exception {
		DryRunResult result = dryRun("ALTER TABLE tags ALTER COLUMN id TYPE bigint;");

		assertThat(result.findings()).filteredOn((f) -> f.rule() == Rule.UNIQUE_CONSTRAINT_UNDER_LOCK)
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.object()).isEqualTo("public.tags");
				assertThat(f.message()).contains("rebuilds primary key public.tags_pkey")
					.contains("CONCURRENTLY")
					.contains("ADD CONSTRAINT … PRIMARY KEY USING INDEX")
					.doesNotContain("add it NOT VALID");
			});
		assertThat(result.findings()).extracting(Finding::rule)
			.contains(Rule.TYPE_CHANGE_REWRITE)
			.doesNotContain(Rule.CHANGE_COLUMN_TYPE, Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY,
					Rule.CHECK_WITHOUT_NOT_VALID, Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, Rule.FOREIGN_KEY_WITHOUT_INDEX,
					Rule.CONSTRAINT_NOT_VALID);
	}

	@Test
	void onlyCheckAndForeignKeyAdviceSaysNotValid() throws Exception {
		DryRunResult result = dryRun("""
				ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
				ALTER TABLE tags ALTER COLUMN id TYPE bigint;
				ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);
				""");

		assertThat(result.findings()).filteredOn((f) -> f.message().contains("NOT VALID"))
			.extracting(Finding::rule)
			.containsOnly(Rule.CHECK_WITHOUT_NOT_VALID, Rule.UNIQUE_CONSTRAINT_UNDER_LOCK);
		assertThat(result.findings()).filteredOn((f) -> f.rule() == Rule.UNIQUE_CONSTRAINT_UNDER_LOCK)
			.hasSize(2)
			.allSatisfy((f) -> assertThat(f.message()).doesNotContain("add it NOT VALID").contains("USING INDEX"));
	}

	@Test
	void aColumnThePendingSetAddedMayBeRenamedRetypedAndDropped() throws Exception {
		DryRunResult result = dryRun("ALTER TABLE accounts ADD COLUMN nickname varchar(20);", """
				ALTER TABLE accounts RENAME COLUMN nickname TO alias;
				ALTER TABLE accounts ALTER COLUMN alias TYPE varchar(40);
				""", "ALTER TABLE accounts DROP COLUMN IF EXISTS alias;");

		assertThat(result.gateFailures()).isEmpty();
		assertThat(result.findings()).extracting(Finding::severity).containsOnly(Severity.INFO);
	}

	@Test
	void droppingATableReportsItOnceNotItsSequenceIndexesOrConstraints() throws Exception {
		DryRunResult result = dryRun("DROP TABLE orders;", "DROP TABLE ledgers;");

		assertThat(result.findings()).filteredOn((f) -> f.severity() != Severity.INFO)
			.extracting(Finding::rule, Finding::object)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.DROP_TABLE, "public.orders"),
					org.assertj.core.groups.Tuple.tuple(Rule.DROP_TABLE, "public.ledgers"));
	}

	@Test
	void aDroppedTableAndItsSequenceHoldNoLockAcrossLaterWork() throws Exception {
		// Harbor 0130: DROP TABLE harbor_resource_label, then an index build on another
		// table; the drop is the finding, not a lock on a table (or sequence) that is
		// gone
		DryRunResult result = dryRun("""
				DROP TABLE orders;
				CREATE INDEX tags_label_idx ON tags (label);
				""");

		assertThat(result.findings()).filteredOn((f) -> f.object().startsWith("public.orders"))
			.extracting(Finding::rule)
			.containsExactly(Rule.DROP_TABLE);
		assertThat(result.findings()).extracting(Finding::rule)
			.contains(Rule.CREATE_INDEX_WITHOUT_CONCURRENTLY)
			.doesNotContain(Rule.LOCK_HELD_ACROSS_STATEMENTS, Rule.CATALOG_ONLY_CHANGE);
	}

	@Test
	void aColumnThePendingSetAddedAndMadeNotNullScansTheExistingTableAndBreaksOldInserts() throws Exception {
		// Harbor 0140: ADD COLUMN artifact_type, UPDATE, SET NOT NULL on the existing
		// artifact
		DryRunResult result = dryRun("""
				ALTER TABLE orders ADD COLUMN currency text;
				UPDATE orders SET currency = 'EUR';
				ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
				""", """
				ALTER TABLE accounts ADD COLUMN plan text DEFAULT 'free';
				ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL;
				""");

		assertThat(result.findings()).filteredOn((f) -> f.severity() != Severity.INFO && f.line() == 3)
			.extracting(Finding::rule, Finding::object)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Rule.SET_NOT_NULL, "public.orders.currency"),
					org.assertj.core.groups.Tuple.tuple(Rule.NOT_NULL_COLUMN_WITHOUT_DEFAULT,
							"public.orders.currency"));
		assertThat(result.findings()).filteredOn((f) -> f.object().equals("public.accounts.plan"))
			.extracting(Finding::rule)
			.containsExactlyInAnyOrder(Rule.ADD_COLUMN, Rule.SET_NOT_NULL);
	}

	@Test
	void alteringASequenceIsNoSecondTableLockedWhileTheFirstIsHeld() throws Exception {
		// Harbor 0190: ALTER COLUMN role_id TYPE bigint, then ALTER SEQUENCE robot_id_seq
		DryRunResult result = dryRun("""
				ALTER TABLE tags ADD COLUMN colour text;
				ALTER SEQUENCE orders_id_seq MAXVALUE 9007199254740991;
				""");

		assertThat(result.findings()).extracting(Finding::rule)
			.contains(Rule.ADD_COLUMN)
			.doesNotContain(Rule.LOCK_HELD_ACROSS_STATEMENTS);
	}

	@Test
	void consecutiveCatalogOnlyChangesOfOneTableAreInfo() throws Exception {
		DryRunResult result = dryRun("""
				ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
				ALTER TABLE orders ADD COLUMN note text;
				ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
				""", "ALTER TABLE accounts ALTER COLUMN email TYPE varchar(4096);");

		assertThat(result.findings()).filteredOn((f) -> f.object().startsWith("public.orders"))
			.isNotEmpty()
			.allSatisfy((f) -> assertThat(f.severity()).isEqualTo(Severity.INFO));
		assertThat(result.findings()).filteredOn((f) -> f.object().equals("public.accounts.email"))
			.extracting(Finding::rule)
			.containsExactly(Rule.CATALOG_ONLY_CHANGE);
	}

	@Test
	void aLockHeldAcrossSlowWorkNamesBothStatementsAndTheHoldTime() throws Exception {
		DryRunResult result = dryRun("""
				ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
				UPDATE orders SET status = 'old' WHERE id < 50;
				""");

		assertThat(result.findings()).filteredOn((f) -> f.rule() == Rule.LOCK_HELD_ACROSS_STATEMENTS)
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.line()).isEqualTo(1);
				assertThat(f.object()).isEqualTo("public.orders");
				assertThat(f.message()).containsPattern("taken at line 1 is still held while line 2 \\(UPDATE orders")
					.containsPattern("\\d+ ms in the rehearsal");
			});
		assertThat(result.steps().get(0).locks()).anySatisfy(
				(lock) -> assertThat(lock).matches("AccessExclusiveLock on public\\.orders \\(held \\d+ ms\\)"));
	}

	@Test
	void onAnEmptyDatabaseTheTrackerIsNeitherCreatedNorLockedByTheFirstMigration() {
		this.fixture.files().write("1_widgets.up.sql", "CREATE TABLE widgets (id bigserial PRIMARY KEY);");

		DryRunResult result = this.fixture.migrator(this.fixture.configuration().compatPolicy(CompatPolicy.FAIL))
			.dryRun();

		assertThat(result.findings()).extracting(Finding::rule, Finding::object)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.CREATE_OBJECT, "public.widgets"));
		assertThat(result.steps()).singleElement()
			.satisfies((step) -> assertThat(step.locks()).noneMatch((lock) -> lock.contains("applied_migrations")));
	}

	@Test
	void theTrackerIsNotInTheLockListOfALaterMigration() throws Exception {
		DryRunResult result = dryRun("ALTER TABLE orders ADD COLUMN note text;",
				"ALTER TABLE accounts ADD COLUMN bio text;");

		assertThat(result.steps()).hasSize(2)
			.allSatisfy((step) -> assertThat(step.locks()).isNotEmpty()
				.noneMatch((lock) -> lock.contains("applied_migrations")));
		assertThat(result.steps().get(1).locks()).singleElement()
			.satisfies((lock) -> assertThat(lock).startsWith("AccessExclusiveLock on public.accounts"));
	}

	@Test
	void aForeignKeyIsIndexedByALaterPendingMigrationOrReported() throws Exception {
		DryRunResult result = dryRun("""
				CREATE TABLE shipments (id bigserial PRIMARY KEY, order_id bigint REFERENCES orders (id),
				  account_id bigint REFERENCES accounts (id));
				""", "CREATE INDEX shipments_order_idx ON shipments (order_id, id);");

		assertThat(result.findings()).filteredOn((f) -> f.rule() == Rule.FOREIGN_KEY_WITHOUT_INDEX)
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.object()).isEqualTo("public.shipments.account_id");
				assertThat(f.severity()).isEqualTo(Severity.WARNING);
				assertThat(f.fileName()).isEqualTo("2_pending.up.sql");
			});
	}

	@Test
	void aViewDroppedAndCreatedAgainInOneMigrationIsNotBreaking() throws Exception {
		DryRunResult result = dryRun("""
				DROP VIEW account_names;
				CREATE VIEW account_names AS SELECT id, name, email FROM accounts;
				DROP FUNCTION order_total(bigint);
				""");

		assertThat(result.gateFailures()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Rule.DROP_FUNCTION);
			assertThat(f.object()).isEqualTo("public.order_total(bigint)");
		});
	}

}
