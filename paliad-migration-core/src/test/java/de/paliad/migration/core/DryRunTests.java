package de.paliad.migration.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import de.paliad.migration.core.DryRunResult.Outcome;
import de.paliad.migration.core.DryRunResult.Step;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dry run is the CI gate against a copy of production: it runs every pending
 * migration and leaves the database exactly as it found it, catalog and data, whether the
 * migrations succeed or fail.
 */
class DryRunTests {

	private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	@Test
	void dryRunOfTableAlterIndexAndFunctionMigrationsLeavesTheDatabaseUnchanged(@TempDir Path dir) {
		MigrationDirectory files = applied(dir);
		try (TestDatabase db = TestDatabases.create()) {
			Migrator migrator = new Migrator(db.dataSource(), configuration(files).build());
			migrator.migrate();
			writePending(files);
			List<String> before = snapshot(db.dataSource());

			DryRunResult result = migrator.dryRun();

			assertThat(result.succeeded()).as("dry run succeeded: %s", result.failure()).isTrue();
			assertThat(result.steps()).extracting(Step::version, Step::outcome)
				.containsExactly(tuple(3L, Outcome.OK), tuple(4L, Outcome.OK), tuple(5L, Outcome.OK),
						tuple(6L, Outcome.OK));
			assertThat(snapshot(db.dataSource())).as("catalog, data and tracker after the dry run")
				.containsExactlyElementsOf(before);

			// The snapshot sees what the migrations change: applying them for real
			// changes it.
			migrator.migrate();
			List<String> migrated = snapshot(db.dataSource());
			assertThat(migrated).isNotEqualTo(before)
				.anySatisfy((line) -> assertThat(line).startsWith("relation public.invoices "))
				.anySatisfy((line) -> assertThat(line).startsWith("column public.accounts.status "))
				.anySatisfy((line) -> assertThat(line).startsWith("index CREATE UNIQUE INDEX accounts_email_key"))
				.anySatisfy((line) -> assertThat(line).startsWith("function touch_updated_at()"))
				.anySatisfy((line) -> assertThat(line).startsWith("trigger CREATE TRIGGER accounts_touch"))
				.anySatisfy((line) -> assertThat(line).startsWith("sequence public.invoice_numbers "))
				.anySatisfy((line) -> assertThat(line).contains("active,closed,suspended"))
				.anySatisfy((line) -> assertThat(line).startsWith("tracker 6|create_touch_function|"));
			assertThat(migrated.stream().filter((line) -> line.startsWith("data public.accounts ")))
				.as("the data fingerprint sees the UPDATE")
				.doesNotContainAnyElementsOf(before);
		}
	}

	@Test
	void dryRunDoesNotCreateTheTracker(@TempDir Path dir) {
		MigrationDirectory files = applied(dir);
		writePending(files);
		try (TestDatabase db = TestDatabases.create()) {
			List<String> before = snapshot(db.dataSource());

			DryRunResult result = new Migrator(db.dataSource(), configuration(files).build()).dryRun();

			assertThat(result.succeeded()).as("dry run succeeded: %s", result.failure()).isTrue();
			assertThat(result.steps()).extracting(Step::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
			assertThat(Queries.relationExists(db.dataSource(), "public.applied_migrations")).isFalse();
			assertThat(snapshot(db.dataSource())).containsExactlyElementsOf(before);
		}
	}

	@Test
	void dryRunDoesNotCreateTheTrackerSchema(@TempDir Path dir) {
		MigrationDirectory files = applied(dir);
		try (TestDatabase db = TestDatabases.create()) {
			List<String> before = snapshot(db.dataSource());

			DryRunResult result = new Migrator(db.dataSource(), configuration(files).schema("deploy").build()).dryRun();

			assertThat(result.succeeded()).as("dry run succeeded: %s", result.failure()).isTrue();
			assertThat(Queries.value(db.dataSource(), "SELECT count(*) FROM pg_namespace WHERE nspname = 'deploy'"))
				.isEqualTo("0");
			assertThat(snapshot(db.dataSource())).containsExactlyElementsOf(before);
		}
	}

	@Test
	void migrationThatReferencesADroppedColumnFailsTheDryRunAndLaterStepsDoNotRun(@TempDir Path dir) {
		MigrationDirectory files = applied(dir).write("3_drop_legacy_code.up.sql",
				"ALTER TABLE accounts DROP COLUMN legacy_code;");
		try (TestDatabase db = TestDatabases.create()) {
			Migrator migrator = new Migrator(db.dataSource(), configuration(files).build());
			migrator.migrate();
			files.write("4_create_invoices.up.sql", "CREATE TABLE invoices (id bigserial PRIMARY KEY);")
				.write("5_backfill_legacy_code.up.sql",
						"-- written on a branch that predates 3_drop_legacy_code\n"
								+ "UPDATE accounts SET email = lower(email);\n"
								+ "UPDATE accounts SET legacy_code = 'L-' || id WHERE legacy_code IS NULL;\n")
				.write("6_create_payments.up.sql", "CREATE TABLE payments (id bigserial PRIMARY KEY);");
			List<String> before = snapshot(db.dataSource());

			DryRunResult result = migrator.dryRun();

			assertThat(result.succeeded()).isFalse();
			assertThat(result.steps()).extracting(Step::version, Step::outcome)
				.containsExactly(tuple(4L, Outcome.OK), tuple(5L, Outcome.FAILED), tuple(6L, Outcome.NOT_RUN));
			assertThat(result.steps().get(1)).satisfies((failed) -> {
				assertThat(failed.fileName()).isEqualTo("5_backfill_legacy_code.up.sql");
				assertThat(failed.sqlState()).isEqualTo("42703");
				assertThat(failed.message()).contains("5_backfill_legacy_code.up.sql", "line 3", "legacy_code",
						"does not exist", "rolled back");
			});
			assertThat(result.steps().get(2).message()).contains("not run");
			assertThat(result.failure()).hasValueSatisfying((failure) -> {
				assertThat(failure.version()).isEqualTo(5L);
				assertThat(failure.sqlState()).isEqualTo("42703");
				assertThat(failure.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
				assertThat(failure.serverMessage()).contains("legacy_code");
			});
			assertThat(snapshot(db.dataSource())).as("database after the failed dry run")
				.containsExactlyElementsOf(before);
		}
	}

	@Test
	void dryRunGivesUpWhenAnotherSessionHoldsTheMigrationLock(@TempDir Path dir) throws Exception {
		MigrationDirectory files = applied(dir);
		try (TestDatabase db = TestDatabases.create(); Connection holder = ConcurrencyTests.connect(db, "deploy-v42")) {
			int holderPid = ConcurrencyTests.holdMigrationLock(holder);
			List<String> before = snapshot(db.dataSource());
			Migrator migrator = new Migrator(db.dataSource(),
					configuration(files).lockWaitTimeout(Duration.ofSeconds(1)).build());
			assertThatExceptionOfType(LockNotAcquiredException.class).isThrownBy(migrator::dryRun)
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("pid " + holderPid,
						"application_name 'deploy-v42'"));
			assertThat(snapshot(db.dataSource())).containsExactlyElementsOf(before);
		}
	}

	@Test
	void dryRunWaitsForTheMigrationLock(@TempDir Path dir) throws Exception {
		MigrationDirectory files = applied(dir);
		try (TestDatabase db = TestDatabases.create(); Connection holder = ConcurrencyTests.connect(db, "deploy-v42")) {
			ConcurrencyTests.holdMigrationLock(holder);
			AtomicBoolean released = new AtomicBoolean();
			AtomicReference<Duration> lockWait = new AtomicReference<>();
			MigrationListener listener = new MigrationListener() {
				@Override
				public void stateChanged(MigrationState state) {
					if (state == MigrationState.WAITING_FOR_LOCK) {
						DryRunTests.this.scheduler.schedule(
								() -> released.set(ConcurrencyTests.releaseMigrationLock(holder)), 500,
								TimeUnit.MILLISECONDS);
					}
				}

				@Override
				public void lockWaited(Duration waited) {
					lockWait.set(waited);
				}
			};
			DryRunResult result = new Migrator(db.dataSource(),
					configuration(files).lockWaitTimeout(Duration.ofSeconds(30)).build(), listener)
				.dryRun();
			assertThat(result.succeeded()).isTrue();
			assertThat(released).as("the holder released the lock").isTrue();
			assertThat(lockWait.get()).as("time the dry run waited for the holder")
				.isGreaterThanOrEqualTo(Duration.ofMillis(500));
			assertThat(Queries.userTables(db.dataSource())).isEmpty();
		}
	}

	private static MigrationConfiguration.Builder configuration(MigrationDirectory files) {
		return MigrationConfiguration.builder().locations(files.location());
	}

	/** The migrations production has applied. */
	private static MigrationDirectory applied(Path dir) {
		return new MigrationDirectory(dir)
			.write("1_create_accounts.up.sql",
					"CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, legacy_code text);\n"
							+ "INSERT INTO accounts (email) VALUES ('A@example.org'), ('B@example.org');\n")
			.write("2_create_account_status.up.sql", "CREATE TYPE account_status AS ENUM ('active', 'closed');");
	}

	/**
	 * Pending: a new table and view, an alter, a no-transaction index, a function with a
	 * trigger.
	 */
	private static void writePending(MigrationDirectory files) {
		files.write("3_create_invoices.up.sql", """
				CREATE TABLE invoices (
					id bigserial PRIMARY KEY,
					account_id bigint NOT NULL REFERENCES accounts (id),
					total numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0)
				);
				CREATE VIEW open_invoices AS SELECT * FROM invoices WHERE total > 0;
				""").write("4_alter_accounts.up.sql", """
				ALTER TABLE accounts ADD COLUMN status account_status NOT NULL DEFAULT 'active',
					ALTER COLUMN legacy_code SET DEFAULT 'none';
				ALTER TYPE account_status ADD VALUE 'suspended';
				UPDATE accounts SET email = lower(email);
				""").write("5_index_accounts_email.up.sql", """
				-- paliad:no-transaction
				CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);
				""").write("6_create_touch_function.up.sql", """
				CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
					NEW.updated_at := now();
					RETURN NEW;
				END;
				$$;
				ALTER TABLE accounts ADD COLUMN updated_at timestamptz;
				CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
					FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
				CREATE SEQUENCE invoice_numbers START 1000;
				COMMENT ON TABLE accounts IS 'customer accounts';
				""");
	}

	/**
	 * A textual snapshot of everything a migration can change, from the catalogs,
	 * ordered: schemas, relations, columns, constraints, indexes, functions, triggers,
	 * sequences, views, types, extensions, comments, every user table's rows
	 * (fingerprinted) and the tracker's rows.
	 */
	private static List<String> snapshot(DataSource dataSource) {
		List<String> lines = new ArrayList<>();
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'schema ' || n.nspname || ' owner '"
						+ " || pg_get_userbyid(n.nspowner) || ' acl ' || coalesce(n.nspacl::text, '')"
						+ " FROM pg_namespace n WHERE " + USER_SCHEMAS + " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource, "SELECT 'relation ' || n.nspname || '.' || c.relname || ' kind '"
				+ " || c.relkind::text || ' persistence ' || c.relpersistence::text || ' owner ' || pg_get_userbyid(c.relowner)"
				+ " || ' options ' || coalesce(array_to_string(c.reloptions, ','), '')"
				+ " || ' acl ' || coalesce(c.relacl::text, '') || ' rls ' || c.relrowsecurity"
				+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS
				+ " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname"
						+ " || ' #' || a.attnum || ' ' || format_type(a.atttypid, a.atttypmod)"
						+ " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
						+ " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
						+ " || CASE WHEN a.attisdropped THEN ' dropped' ELSE '' END"
						+ " || coalesce(' identity ' || nullif(a.attidentity::text, ''), '')"
						+ " || coalesce(' generated ' || nullif(a.attgenerated::text, ''), '')"
						+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
						+ " JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
						+ " WHERE a.attnum > 0 AND " + USER_SCHEMAS + " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'constraint ' || n.nspname || '.' || co.conname || ' on '"
						+ " || coalesce(co.conrelid::regclass::text, '-') || ' ' || pg_get_constraintdef(co.oid)"
						+ " || ' validated ' || co.convalidated"
						+ " FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE " + USER_SCHEMAS
						+ " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' valid '"
						+ " || i.indisvalid || ' ready ' || i.indisready"
						+ " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
						+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS + " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'function ' || p.oid::regprocedure || ' kind ' || p.prokind::text"
						+ " || ' ' || CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) ELSE '' END"
						+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS
						+ " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled '"
						+ " || t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
						+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND " + USER_SCHEMAS
						+ " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource, "SELECT 'sequence ' || s.schemaname || '.' || s.sequencename || ' '"
				+ " || s.data_type || ' start ' || s.start_value || ' min ' || s.min_value || ' max ' || s.max_value"
				+ " || ' increment ' || s.increment_by || ' cycle ' || s.cycle || ' cache ' || s.cache_size"
				+ " FROM pg_sequences s ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource, "SELECT 'view ' || v.schemaname || '.' || v.viewname || ' '"
				+ " || v.definition FROM pg_views v WHERE v.schemaname NOT IN ('pg_catalog', 'information_schema')"
				+ " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'type ' || t.oid::regtype || ' kind ' || t.typtype::text"
						+ " || coalesce(' labels ' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
						+ " FROM pg_enum e WHERE e.enumtypid = t.oid), '')"
						+ " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_SCHEMAS
						+ " ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource,
				"SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension ORDER BY 1"));
		lines.addAll(Queries.rows(dataSource, "SELECT 'comment ' || pg_describe_object(d.classoid, d.objoid,"
				+ " d.objsubid) || ' ' || d.description FROM pg_description d WHERE d.objoid >= 16384 ORDER BY 1"));
		for (String table : Queries.rows(dataSource,
				"SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
						+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND "
						+ USER_SCHEMAS + " ORDER BY 1")) {
			lines.add("data " + table + " " + Queries.value(dataSource, "SELECT count(*) || ' rows, md5 '"
					+ " || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM " + table + " t"));
		}
		if (Queries.relationExists(dataSource, "public.applied_migrations")) {
			lines.addAll(Queries.rows(dataSource,
					"SELECT 'tracker ' || version || '|' || name || '|' || applied_at"
							+ " || '|' || coalesce(checksum, '-') || '|' || coalesce(execution_ms::text, '-') || '|'"
							+ " || coalesce(applied_by, '-') FROM public.applied_migrations ORDER BY version"));
		}
		return lines;
	}

}
