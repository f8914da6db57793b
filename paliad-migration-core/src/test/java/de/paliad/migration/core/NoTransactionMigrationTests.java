package de.paliad.migration.core;

import java.nio.file.Path;

import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code -- paliad:no-transaction} migrations: {@code CREATE INDEX CONCURRENTLY} runs in
 * autocommit and is tracked after it succeeds; without the directive it is stopped before
 * anything runs; batch mode keeps version order around it.
 */
class NoTransactionMigrationTests {

	private static final String TRACKER = "public.applied_migrations";

	@Test
	void concurrentIndexWithTheDirectiveIsBuiltValidAndTracked(@TempDir Path dir) {
		MigrationDirectory files = new MigrationDirectory(dir)
			.write("1_create_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n"
					+ "INSERT INTO accounts SELECT g, 'user' || g || '@example.org' FROM generate_series(1, 1000) g;")
			.write("2_index_accounts_email.up.sql",
					"-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n");
		try (TestDatabase db = TestDatabases.create()) {
			MigrateResult result = new Migrator(db.dataSource(),
					MigrationConfiguration.builder().locations(files.location()).build())
				.migrate();
			assertThat(result.applied()).extracting(Migration::version, Migration::transactional)
				.containsExactly(tuple(1L, true), tuple(2L, false));
			assertThat(Queries.rows(db.dataSource(),
					"SELECT i.indisvalid, i.indisready, pg_get_indexdef(i.indexrelid) FROM pg_index i"
							+ " WHERE i.indexrelid = 'accounts_email_idx'::regclass"))
				.containsExactly("t|t|CREATE INDEX accounts_email_idx ON public.accounts USING btree (email)");
			assertThat(Queries.rows(db.dataSource(),
					"SELECT version, name, checksum IS NOT NULL, execution_ms IS NOT NULL FROM " + TRACKER
							+ " ORDER BY version"))
				.containsExactly("1|create_accounts|t|t", "2|index_accounts_email|t|t");
		}
	}

	@Test
	void failedConcurrentIndexIsNotTrackedAndTheMessageSaysWhatIsLeft(@TempDir Path dir) {
		MigrationDirectory files = new MigrationDirectory(dir)
			.write("1_create_accounts.up.sql",
					"CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n"
							+ "INSERT INTO accounts VALUES (1, 'same@example.org'), (2, 'same@example.org');")
			.write("2_unique_email.up.sql",
					"-- paliad:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);\n");
		try (TestDatabase db = TestDatabases.create()) {
			Migrator migrator = new Migrator(db.dataSource(),
					MigrationConfiguration.builder().locations(files.location()).build());
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate).satisfies((ex) -> {
				assertThat(ex.version()).isEqualTo(2L);
				assertThat(ex.sqlState()).isEqualTo("23505");
				assertThat(ex.getMessage()).contains("2_unique_email.up.sql", "line 2", "outside a transaction",
						"no tracker row was written", "INVALID index");
			});
			assertThat(Queries.trackedVersions(db.dataSource(), TRACKER)).containsExactly(1L);
			assertThat(Queries.value(db.dataSource(),
					"SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass"))
				.as("what PostgreSQL leaves of a failed CREATE INDEX CONCURRENTLY")
				.isEqualTo("f");
		}
	}

	@Test
	void concurrentlyWithoutTheDirectiveIsRejectedBeforeAnySqlRuns(@TempDir Path dir) {
		MigrationDirectory files = new MigrationDirectory(dir)
			.write("1_create_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);")
			.write("2_index_accounts_email.up.sql", "-- adds the e-mail index\nCREATE TABLE audit (id bigint);\n"
					+ "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n");
		try (TestDatabase db = TestDatabases.create()) {
			Migrator migrator = new Migrator(db.dataSource(),
					MigrationConfiguration.builder().locations(files.location()).build());
			assertThatExceptionOfType(StaticCheckException.class).isThrownBy(migrator::migrate).satisfies((ex) -> {
				assertThat(ex.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED);
				assertThat(ex.problems()).singleElement()
					.satisfies((problem) -> assertThat(problem).contains(
							files.location() + "/2_index_accounts_email.up.sql", "line 3", "CONCURRENTLY",
							"-- paliad:no-transaction"));
				assertThat(ex.getMessage()).contains("nothing was executed", "2_index_accounts_email.up.sql line 3");
			});
			assertThat(Queries.userTables(db.dataSource())).as("tables after the rejected run, tracker included")
				.isEmpty();
		}
	}

	@Test
	void directiveOnALaterLineDoesNotCount(@TempDir Path dir) {
		MigrationDirectory files = new MigrationDirectory(dir).write("1_index.up.sql",
				"CREATE TABLE accounts (id bigint);\n-- paliad:no-transaction\n"
						+ "CREATE INDEX CONCURRENTLY accounts_id_idx ON accounts (id);\n");
		try (TestDatabase db = TestDatabases.create()) {
			Migrator migrator = new Migrator(db.dataSource(),
					MigrationConfiguration.builder().locations(files.location()).build());
			assertThatExceptionOfType(StaticCheckException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("1_index.up.sql line 3");
			assertThat(Queries.userTables(db.dataSource())).isEmpty();
		}
	}

	@Test
	void batchModeAppliesTransactionalAndNoTransactionMigrationsInVersionOrder(@TempDir Path dir) {
		MigrationDirectory files = new MigrationDirectory(dir)
			.write("1_create_steps.up.sql",
					"CREATE TABLE steps (seq bigserial PRIMARY KEY, version bigint NOT NULL);\n"
							+ "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n"
							+ "INSERT INTO steps (version) VALUES (1);")
			.write("2_seed_accounts.up.sql",
					"INSERT INTO accounts VALUES (1, 'a@example.org');\nINSERT INTO steps (version) VALUES (2);")
			.write("3_index_accounts_email.up.sql",
					"-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n"
							+ "INSERT INTO steps (version) VALUES (3);")
			.write("4_add_name.up.sql",
					"ALTER TABLE accounts ADD COLUMN name text;\nINSERT INTO steps (version) VALUES (4);")
			.write("5_index_accounts_name.up.sql",
					"-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY accounts_name_idx ON accounts (name);\n"
							+ "INSERT INTO steps (version) VALUES (5);")
			.write("6_backfill_name.up.sql",
					"UPDATE accounts SET name = split_part(email, '@', 1);\nINSERT INTO steps (version) VALUES (6);")
			.write("7_require_name.up.sql",
					"ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;\nINSERT INTO steps (version) VALUES (7);");
		try (TestDatabase db = TestDatabases.create()) {
			MigrateResult result = new Migrator(db.dataSource(),
					MigrationConfiguration.builder()
						.locations(files.location())
						.transactionMode(TransactionMode.BATCH)
						.build())
				.migrate();
			assertThat(result.applied()).extracting(Migration::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
			assertThat(Queries.rows(db.dataSource(), "SELECT version FROM steps ORDER BY seq"))
				.as("order in which the migrations' SQL ran")
				.containsExactly("1", "2", "3", "4", "5", "6", "7");
			assertThat(Queries.trackedVersions(db.dataSource(), TRACKER)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
			assertThat(Queries.rows(db.dataSource(), "SELECT c.relname, i.indisvalid FROM pg_index i"
					+ " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'accounts_%_idx' ORDER BY 1"))
				.containsExactly("accounts_email_idx|t", "accounts_name_idx|t");
			assertThat(Queries.value(db.dataSource(), "SELECT name FROM accounts WHERE id = 1")).isEqualTo("a");
		}
	}

}
