package de.paliad.migration.corpora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The schema comparison the corpus tests rely on can fail: it sees one column, one type,
 * one enum label, one index or one function body of difference, and names it.
 */
class SchemaDumpTests {

	private static final String BASE = """
			CREATE TYPE mood AS ENUM ('happy', 'sad');
			CREATE TABLE orders (id bigserial PRIMARY KEY, status text NOT NULL DEFAULT 'new', mood mood);
			CREATE INDEX orders_status ON orders (status);
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
			CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
			CREATE VIEW open_orders AS SELECT id FROM orders WHERE id > 0;
			""";

	private static TestDatabase expected;

	private static TestDatabase actual;

	private static List<String> expectedDump;

	@BeforeAll
	static void createDatabases() {
		expected = TestDatabases.create();
		expected.execute(BASE);
		expectedDump = SchemaDump.of(expected.dataSource(), "public.applied_migrations");
		actual = TestDatabases.create();
		actual.execute(BASE);
	}

	@AfterAll
	static void dropDatabases() {
		expected.close();
		actual.close();
	}

	/**
	 * The change is dumped inside a transaction and rolled back: one database for all.
	 */
	private static String diffAgainst(String change) {
		try (Connection connection = actual.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute(change);
				return SchemaDump.diff("psql", expectedDump, "runner",
						SchemaDump.of(connection, "public.applied_migrations"));
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theSameSqlGivesTheSameDump() {
		assertThat(diffAgainst("SELECT 1")).isEmpty();
	}

	@Test
	void oneExtraColumnIsNamedWithTheSideThatHasIt() {
		assertThat(diffAgainst("ALTER TABLE orders ADD COLUMN note text")).isEqualTo("""
				column public.orders.note #4
				  runner: text
				""");
	}

	@Test
	void aDifferentTypeShowsBothDefinitions() {
		assertThat(diffAgainst("ALTER TABLE orders ALTER COLUMN status TYPE varchar(20)")).isEqualTo("""
				column public.orders.status #2
				  psql:   text NOT NULL DEFAULT 'new'::text
				  runner: character varying(20) NOT NULL DEFAULT 'new'::text
				""");
	}

	@Test
	void nullabilityDefaultsEnumLabelsIndexesFunctionsAndTriggersCount() {
		assertThat(diffAgainst("ALTER TABLE orders ALTER COLUMN status DROP NOT NULL"))
			.contains("column public.orders.status");
		assertThat(diffAgainst("ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open'"))
			.contains("DEFAULT 'open'::text");
		assertThat(diffAgainst("ALTER TYPE mood ADD VALUE 'ok'")).contains("enum mood")
			.contains("'happy', 'sad', 'ok'");
		assertThat(diffAgainst("DROP INDEX orders_status; CREATE INDEX orders_status ON orders (status DESC)"))
			.contains("index public.orders_status");
		assertThat(diffAgainst(
				"CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$"))
			.contains("function touch()")
			.contains("RETURN OLD");
		assertThat(diffAgainst("ALTER TABLE orders DISABLE TRIGGER orders_touch"))
			.contains("trigger orders.orders_touch");
		assertThat(diffAgainst("ALTER TABLE orders ADD CONSTRAINT status_known CHECK (status <> '') NOT VALID"))
			.contains("constraint orders.status_known")
			.contains("NOT VALID");
		assertThat(diffAgainst("CREATE OR REPLACE VIEW open_orders AS SELECT id FROM orders WHERE id > 1"))
			.contains("view public.open_orders");
	}

	@Test
	void theTrackerTableAndWhatHangsOnItAreLeftOutButNoOtherTable() {
		assertThat(diffAgainst("CREATE TABLE applied_migrations (version bigint PRIMARY KEY, id serial)")).isEmpty();
		assertThat(diffAgainst("CREATE TABLE applied_migrations_2 (version bigint PRIMARY KEY)"))
			.contains("relation public.applied_migrations_2")
			.contains("index public.applied_migrations_2_pkey");
	}

	@Test
	void missingPsqlFailsSayingHowToInstallIt(@TempDir Path empty) {
		assertThatIllegalStateException().isThrownBy(() -> Psql.onPath(empty.toString()))
			.withMessageContaining("psql is not on the PATH")
			.withMessageContaining("apt-get install -y postgresql-client");
	}

	@Test
	void aFileThatPsqlStopsOnFailsWithPsqlsError(@TempDir Path folder) throws Exception {
		Path file = Files.writeString(folder.resolve("broken.sql"), "CREATE TABLE a (id int);\nSELECT nope FROM a;\n");
		try (TestDatabase database = TestDatabases.create()) {
			assertThatIllegalStateException().isThrownBy(() -> Psql.onPath().apply(database, file))
				.withMessageContaining("exit code 3")
				.withMessageContaining("column \"nope\" does not exist");
			// ON_ERROR_STOP stops at the failing statement; what ran before stays.
			assertThat(SchemaDump.of(database.dataSource(), "public.applied_migrations"))
				.anyMatch((line) -> line.startsWith("relation public.a:"));
		}
	}

	@Test
	void aDumpOfAnEmptyDatabaseHoldsOnlyWhatCreateDatabaseMade() {
		try (TestDatabase empty = TestDatabases.create()) {
			assertThat(SchemaDump.of(empty.dataSource(), "public.applied_migrations"))
				.isEqualTo(List.of("extension plpgsql: 1.0 in pg_catalog", "schema public: owner pg_database_owner"));
		}
	}

}
