package de.paliad.migration.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import de.paliad.migration.testing.Queries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rehearsal runs {@code migrate}'s own code path with the analysis watching: the
 * hooks come in order, inside each migration's transaction, after the tracker exists; a
 * {@code no-transaction} migration runs for real, {@code CONCURRENTLY} included.
 */
class RehearsalTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@TempDir
	Path dir;

	@Test
	void theObserverSeesEveryMigrationAndStatementOfTheRunMigrateMakes() {
		this.fixture.files()
			.write("1_items.up.sql", "CREATE TABLE items (id int);\nINSERT INTO items VALUES (1);")
			.write("2_index.up.sql", "-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY items_id ON items (id);");
		Recording recording = new Recording();

		MigrateOperation.Run run = new MigrateOperation(context(this.fixture.configuration()), recording).rehearse();

		assertThat(run.failure()).isNull();
		assertThat(recording.events).containsExactly("started tracker=t", "migrationStarted 1 autocommit=false",
				"afterStatement 1 line 1", "afterStatement 1 line 2", "migrationFinished 1 autocommit=false",
				"migrationStarted 2 autocommit=true", "afterStatement 2 line 2", "migrationFinished 2 autocommit=true",
				"finished");
		assertThat(Queries.value(this.fixture.db().dataSource(),
				"SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_id'::regclass"))
			.isEqualTo("t");
		assertThat(Queries.trackedVersions(this.fixture.db().dataSource(), "public.applied_migrations"))
			.containsExactly(1L, 2L);
	}

	@Test
	void aBatchOnAnEmptyDatabaseStartsTheObserverInsideItsTransactionOnceTheTrackerExists() {
		this.fixture.files().write("1_items.up.sql", "CREATE TABLE items (id int);");
		Recording recording = new Recording();

		new MigrateOperation(context(this.fixture.configuration().transactionMode(TransactionMode.BATCH)), recording)
			.rehearse();

		assertThat(recording.events).startsWith("started tracker=t", "migrationStarted 1 autocommit=false");
	}

	@Test
	void theGateRunsANoTransactionMigrationForRealAndReportsARehearsal() throws Exception {
		Path snapshot = Files.writeString(this.dir.resolve("prod-schema.sql"),
				"CREATE TABLE public.items (id int, name text);\n");
		this.fixture.files()
			.write("1_index.up.sql", "-- paliad:no-transaction\nCREATE INDEX CONCURRENTLY items_name ON items (name);")
			.write("2_vacuum.up.sql", "-- paliad:no-transaction\nVACUUM items;");

		DryRunResult result = MigrationGate.check(this.fixture.db().dataSource(), snapshot,
				this.fixture.configuration().build());

		assertThat(result.kind()).isEqualTo(DryRunResult.Kind.REHEARSAL);
		// The one-transaction dry run could not run VACUUM (PARTLY_CHECKED); the
		// rehearsal does.
		assertThat(result.steps()).extracting(DryRunResult.Step::outcome)
			.containsExactly(DryRunResult.Outcome.OK, DryRunResult.Outcome.OK);
		assertThat(Queries.relationExists(this.fixture.db().dataSource(), "items_name")).isTrue();
	}

	private OperationContext context(MigrationConfiguration.Builder configuration) {
		MigrationConfiguration built = configuration.build();
		return new OperationContext(this.fixture.db().dataSource(), built, MigrationListener.NONE,
				new Tracker(built.trackerTable()), "test");
	}

	private static final class Recording implements DryRunObserver {

		final List<String> events = new ArrayList<>();

		@Override
		public void started(Connection connection) throws SQLException {
			this.events
				.add("started tracker=" + query(connection, "SELECT to_regclass('applied_migrations') IS NOT NULL"));
		}

		@Override
		public void migrationStarted(Connection connection, Migration migration) throws SQLException {
			this.events.add("migrationStarted " + migration.version() + " autocommit=" + connection.getAutoCommit());
		}

		@Override
		public void afterStatement(Connection connection, Migration migration, SqlStatement statement) {
			this.events.add("afterStatement " + migration.version() + " line " + statement.line());
		}

		@Override
		public void migrationFinished(Connection connection, Migration migration) throws SQLException {
			this.events.add("migrationFinished " + migration.version() + " autocommit=" + connection.getAutoCommit());
		}

		@Override
		public void finished(Connection connection) {
			this.events.add("finished");
		}

		private static String query(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
				rs.next();
				return rs.getString(1);
			}
		}

	}

}
