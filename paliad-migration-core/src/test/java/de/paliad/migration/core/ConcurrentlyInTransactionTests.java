package de.paliad.migration.core;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rule {@code concurrently-in-transaction} as a static check: the statements PostgreSQL
 * refuses inside a transaction block are stopped before any SQL runs; a
 * {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}, which PostgreSQL runs inside one, is
 * not.
 */
class ConcurrentlyInTransactionTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY items_name_idx ON items (name)",
			"CREATE UNIQUE INDEX CONCURRENTLY items_name_idx ON items (name)", "DROP INDEX CONCURRENTLY items_name_idx",
			"REINDEX INDEX CONCURRENTLY items_name_idx", "REINDEX TABLE CONCURRENTLY items",
			"ALTER TABLE events DETACH PARTITION events_2025 CONCURRENTLY" })
	void isStoppedBeforeAnySqlRunsWithoutTheDirective(String statement) {
		this.fixture.files()
			.write("1_items.up.sql", "CREATE TABLE items (id int, name text);")
			.write("2_concurrently.up.sql", "SELECT 1;\n" + statement + ";\n");

		assertThatExceptionOfType(StaticCheckException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("2_concurrently.up.sql line 2: CONCURRENTLY cannot run inside a transaction")
			.withMessageContaining("rule concurrently-in-transaction")
			.withMessageContaining("-- paliad:no-transaction");
		assertThat(Queries.userTables(this.fixture.db().dataSource())).isEmpty();
		assertThatExceptionOfType(StaticCheckException.class).isThrownBy(() -> this.fixture.migrator().validate())
			.withMessageContaining("rule concurrently-in-transaction");
	}

	@Test
	void refreshMaterializedViewConcurrentlyIsAcceptedAndRunsInTheMigrationsTransaction() {
		this.fixture.files().write("1_totals.up.sql", """
				CREATE TABLE orders (customer text, total numeric);
				INSERT INTO orders VALUES ('ann', 3), ('bob', 4);
				CREATE MATERIALIZED VIEW totals AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer;
				CREATE UNIQUE INDEX totals_customer ON totals (customer);
				""").write("2_refresh.up.sql", """
				INSERT INTO orders VALUES ('cid', 5);
				REFRESH MATERIALIZED VIEW CONCURRENTLY totals;
				""");

		assertThat(this.fixture.migrator().validate().size()).isEqualTo(2);
		this.fixture.migrator().migrate();

		assertThat(Queries.value(this.fixture.db().dataSource(), "SELECT count(*) FROM totals")).isEqualTo("3");
	}

	@Test
	void withTheDirectiveAConcurrentIndexIsAccepted() {
		this.fixture.files()
			.write("1_items.up.sql", "CREATE TABLE items (id int, name text);")
			.write("2_index.up.sql",
					"-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY items_name_idx ON items (name);");

		this.fixture.migrator().migrate();

		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "items_name_idx")).isTrue();
	}

}
