package de.paliad.migration.core;

import java.nio.file.Files;
import java.nio.file.Path;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migration A adds an enum value, migration B uses it: valid in production, where each
 * migration commits before the next, and refused by PostgreSQL (55P04) when both share
 * one transaction — the one-transaction dry run and {@code transaction=batch}.
 */
class EnumPairTests {

	private static final String SCHEMA = """
			CREATE TYPE public.mood AS ENUM ('a', 'b');
			CREATE TABLE public.people (name text, mood public.mood);
			""";

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@TempDir
	Path dir;

	@BeforeEach
	void writeThePair() {
		this.fixture.files()
			.write("2_add_mood_c.up.sql", "ALTER TYPE mood ADD VALUE 'c';")
			.write("3_use_mood_c.up.sql", "INSERT INTO people (name, mood) VALUES ('carla', 'c');");
	}

	@Test
	void passesTheSnapshotGateWhichRehearsesAndCommitsEachMigration() throws Exception {
		Path snapshot = Files.writeString(this.dir.resolve("prod-schema.sql"), SCHEMA);

		DryRunResult result = MigrationGate.check(this.fixture.db().dataSource(), snapshot,
				this.fixture.configuration().build());

		assertThat(result.kind()).isEqualTo(DryRunResult.Kind.REHEARSAL);
		assertThat(result.failure()).isEmpty();
		assertThat(result.steps()).extracting(DryRunResult.Step::outcome)
			.containsExactly(DryRunResult.Outcome.OK, DryRunResult.Outcome.OK);
		assertThat(Queries.value(this.fixture.db().dataSource(), "SELECT mood FROM people")).isEqualTo("c");
	}

	@Test
	void passesTheRehearsalOnAScratchDatabaseWithoutASnapshot() {
		this.fixture.db().execute(SCHEMA);

		DryRunResult result = this.fixture.migrator().rehearse();

		assertThat(result.kind()).isEqualTo(DryRunResult.Kind.REHEARSAL);
		assertThat(result.failure()).isEmpty();
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(2L, 3L);
	}

	@Test
	void migratesPerMigration() {
		this.fixture.db().execute(SCHEMA);

		this.fixture.migrator().migrate();

		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(2L, 3L);
		assertThat(Queries.value(this.fixture.db().dataSource(), "SELECT mood FROM people")).isEqualTo("c");
	}

	@Test
	void theOneTransactionDryRunFailsAndSaysWhyAndWhereToGateIt() {
		this.fixture.db().execute(SCHEMA);

		DryRunResult result = this.fixture.migrator().dryRun();

		assertThat(result.kind()).isEqualTo(DryRunResult.Kind.ROLLED_BACK);
		assertThat(result.failure()).get().satisfies((ex) -> {
			assertThat(ex.version()).isEqualTo(3L);
			assertThat(ex.sqlState()).isEqualTo("55P04");
			assertThat(ex.getMessage()).contains("55P04 unsafe_new_enum_value_usage")
				.contains("limit of the one-transaction dry run")
				.contains("migrate commits each migration in its own transaction and will succeed")
				.contains("paliad.migration.snapshot")
				.doesNotContain("\n");
		});
	}

	@Test
	void aBatchFailsWithTheSameExplanationAndRollsBackTheAddedValue() {
		this.fixture.db().execute(SCHEMA);

		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> this.fixture.migrator(this.fixture.configuration().transactionMode(TransactionMode.BATCH))
				.migrate())
			.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("55P04"))
			.withMessageContaining("55P04 unsafe_new_enum_value_usage")
			.withMessageContaining("transaction=batch ran an earlier migration of this run in the same transaction")
			.withMessageContaining("transaction=per-migration")
			.withMessageContaining("The batch was rolled back: 2_add_mood_c.up.sql and this one are not applied.");
		assertThat(Queries.value(this.fixture.db().dataSource(), "SELECT count(*) FROM pg_enum")).isEqualTo("2");
	}

	@Test
	void oneMigrationThatAddsAndUsesTheValueIsToldToSplitIt() {
		this.fixture.files().delete("2_add_mood_c.up.sql").delete("3_use_mood_c.up.sql");
		this.fixture.files().write("2_add_and_use.up.sql", """
				ALTER TYPE mood ADD VALUE 'c';
				INSERT INTO people (name, mood) VALUES ('carla', 'c');
				""");
		this.fixture.db().execute(SCHEMA);

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.fixture.migrator().migrate())
			.withMessageContaining("failed at line 2")
			.withMessageContaining("in this migration's own transaction: add the value in a migration of its own");
	}

	/**
	 * The same kind: deferred constraint events queued by one migration, ALTER TABLE in
	 * the next.
	 */
	@Test
	void pendingTriggerEventsOfAnEarlierMigrationAreExplainedTheSameWay() {
		this.fixture.files().delete("2_add_mood_c.up.sql").delete("3_use_mood_c.up.sql");
		this.fixture.files()
			.write("2_seed_child.up.sql", "INSERT INTO parent VALUES (1);\nINSERT INTO child VALUES (1);")
			.write("3_alter_child.up.sql", "ALTER TABLE child ADD COLUMN note text;");
		this.fixture.db()
			.execute("CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE child (parent_id int"
					+ " REFERENCES parent DEFERRABLE INITIALLY DEFERRED);");

		DryRunResult result = this.fixture.migrator().dryRun();

		assertThat(result.failure()).get().satisfies((ex) -> {
			assertThat(ex.sqlState()).isEqualTo("55006");
			assertThat(ex.getMessage()).contains("pending trigger events (55006 object_in_use)")
				.contains("limit of the one-transaction dry run")
				.contains("paliad.migration.snapshot");
		});
		this.fixture.migrator().migrate();
		assertThat(Queries.columnExists(this.fixture.db().dataSource(), "child", "note")).isTrue();
	}

}
