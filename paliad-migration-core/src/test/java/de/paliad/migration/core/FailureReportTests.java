package de.paliad.migration.core;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failed migration's report, one paragraph an operator acts on: the line PostgreSQL
 * located the error at, its DETAIL and HINT, the statement, and what this run committed
 * or rolled back.
 */
class FailureReportTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	/** psql -f reports this file's error at line 13 (the statement starts at line 6). */
	@Test
	void namesTheLinePostgresqlLocatedTheErrorAtNotWhereTheStatementStarts() {
		this.fixture.files().write("1_report.up.sql", """
				-- A report view over orders.
				CREATE TABLE orders (id int, customer text, total numeric, placed_at timestamptz);

				-- Totals per customer.

				CREATE VIEW customer_totals AS
				SELECT
				  customer,
				  sum(total) AS total,
				  count(*) AS orders,
				  min(placed_at) AS first_order,
				  max(placed_at) AS last_order,
				  avg(totl) AS average
				FROM orders
				GROUP BY customer;
				""");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("failed at line 13 with SQLSTATE 42703")
			.withMessageContaining("The statement starts at line 6: CREATE VIEW customer_totals AS SELECT customer,")
			.withMessageNotContaining("\n");
	}

	@Test
	void namesTheLineInTheFirstStatementWhichCarriesTheTimeouts() {
		// The transaction's SET LOCAL timeouts are sent in the same string as the first
		// statement; the error position must still count in the statement's own text.
		this.fixture.files().write("1_orders.up.sql", """
				-- Orders.
				CREATE TABLE orders (
				  id int,
				  total numerc
				);
				""");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("failed at line 4 with SQLSTATE 42704")
			.withMessageContaining("The statement starts at line 2: CREATE TABLE orders");
	}

	@Test
	void carriesTheServersDetailAndHint() {
		this.fixture.files()
			.write("1_users.up.sql", "CREATE TABLE users (id int PRIMARY KEY);\nINSERT INTO users VALUES (1);")
			.write("2_duplicate.up.sql", "INSERT INTO users VALUES (1);")
			.write("3_call.up.sql", "SELECT no_such_function(1, 'x');");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("DETAIL: Key (id)=(1) already exists.")
			.withMessageContaining("The statement starts at line 1: INSERT INTO users VALUES (1)")
			// What anonymous callers may read (health details): no row values, no SQL.
			.satisfies((ex) -> assertThat(ex.summary()).contains("Migration 2 (2_duplicate.up.sql) failed at line 1")
				.contains("SQLSTATE 23505")
				.doesNotContain("Key (id)")
				.doesNotContain("INSERT INTO"));
		this.fixture.files().delete("2_duplicate.up.sql");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("HINT: No function matches the given name and argument types.");
	}

	@Test
	void perMigrationSaysWhichMigrationsOfThisRunWereCommittedBeforeIt() {
		this.fixture.files()
			.write("5_a.up.sql", "CREATE TABLE a (id int);")
			.write("6_b.up.sql", "CREATE TABLE b (id int);")
			.write("7_broken.up.sql", "ALTER TABLE a ADD COLUMN x int;\nALTER TABLE missing ADD COLUMN y int;");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("Its transaction was rolled back; nothing of it remains.")
			.withMessageContaining("2 migration(s) of this run were committed before it: 5_a.up.sql, 6_b.up.sql.");
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(5L, 6L);
	}

	@Test
	void aBatchSaysWhatWasRolledBackWithIt() {
		this.fixture.files()
			.write("5_a.up.sql", "CREATE TABLE a (id int);")
			.write("6_b.up.sql", "CREATE TABLE b (id int);")
			.write("7_broken.up.sql", "ALTER TABLE missing ADD COLUMN y int;");

		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> this.fixture.migrator(this.fixture.configuration().transactionMode(TransactionMode.BATCH))
				.migrate())
			.withMessageContaining("The batch was rolled back: 5_a.up.sql, 6_b.up.sql and this one are not applied.")
			.withMessageContaining("No migration of this run was committed before it.");
	}

	/** The docs promise a failed batch leaves the database exactly as before. */
	@Test
	void aFailedBatchOnAnEmptyDatabaseLeavesNoTrackerNoSchemaNothing() {
		this.fixture.files()
			.write("1_a.up.sql", "CREATE TABLE a (id int);")
			.write("2_b.up.sql", "CREATE TABLE b (id int);")
			.write("3_broken.up.sql", "ALTER TABLE missing ADD COLUMN y int;");
		String schemas = "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace"
				+ " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'";
		String before = Queries.value(this.fixture.db().dataSource(), schemas);

		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> this.fixture
				.migrator(this.fixture.configuration().transactionMode(TransactionMode.BATCH).schema("paliad"))
				.migrate())
			.withMessageContaining("Migration 3");

		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
		assertThat(Queries.value(this.fixture.db().dataSource(), schemas)).isEqualTo(before).doesNotContain("paliad");
	}

	@Test
	void aSucceedingBatchOnAnEmptyDatabaseCreatesTheTrackerWithIt() {
		this.fixture.files()
			.write("1_a.up.sql", "CREATE TABLE a (id int);")
			.write("2_b.up.sql", "CREATE TABLE b (id int);");

		this.fixture.migrator(this.fixture.configuration().transactionMode(TransactionMode.BATCH).schema("paliad"))
			.migrate();

		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "paliad.applied_migrations"))
			.containsExactly(1L, 2L);
	}

}
