package de.paliad.migration.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.fixtures.Fixtures;
import de.paliad.migration.status.MigrationStatus;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StartupMigration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMigrationTests {

	private final MigrationStatus status = new MigrationStatus();

	private final List<Integer> exits = new CopyOnWriteArrayList<>();

	private final CountDownLatch recovered = new CountDownLatch(1);

	private TestDatabase database;

	private MigrationDirectory files;

	@BeforeEach
	void setUp(@TempDir Path folder) {
		this.database = TestDatabases.create();
		this.files = new MigrationDirectory(folder).write("1_create_items.up.sql", "CREATE TABLE items (id int);");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void appliesPendingMigrations() {
		try (StartupMigration startup = startup(OnFailure.UNREADY, Duration.ofSeconds(30))) {
			startup.run(migrator(this.database.dataSource()));
			assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.APPLIED);
			assertThat(this.status.snapshot().applied()).isEqualTo(1);
		}
	}

	@Test
	void unreadyKeepsGoingAfterAPermanentFailureAndDoesNotRetry() throws Exception {
		this.files.write("2_broken.up.sql", "ALTER TABLE items DROP COLUMN legacy_code;");
		try (StartupMigration startup = startup(OnFailure.UNREADY, Duration.ofMillis(50))) {
			startup.run(migrator(this.database.dataSource()));
			assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.FAILED);
			this.files.write("2_broken.up.sql", "ALTER TABLE items ADD COLUMN legacy_code text;");
			assertThat(this.recovered.await(500, TimeUnit.MILLISECONDS)).isFalse();
			assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.FAILED);
			assertThat(this.exits).isEmpty();
		}
	}

	@Test
	void unreadyRetriesATransientFailureUntilItSucceeds() throws Exception {
		SwitchableDataSource dataSource = new SwitchableDataSource(Fixtures.unreachable());
		try (StartupMigration startup = startup(OnFailure.UNREADY, Duration.ofMillis(100))) {
			startup.run(migrator(dataSource));
			assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.FAILED);
			assertThat(this.status.snapshot().error().sqlState()).startsWith("08");
			dataSource.target = this.database.dataSource();
			assertThat(this.recovered.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(this.status.snapshot().state()).isEqualTo(MigrationState.APPLIED);
		}
	}

	@Test
	void closingCancelsARetryInFlightAfterTheShutdownWaitAndReportsAStop(CapturedOutput output) throws Exception {
		this.files.write("2_slow.up.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(60);");
		SwitchableDataSource dataSource = new SwitchableDataSource(Fixtures.unreachable());
		StartupMigration startup = new StartupMigration(this.status,
				new FailureHandler(OnFailure.UNREADY, this.exits::add, null,
						new MigrationShutdown(Duration.ofMillis(200))),
				Duration.ofMillis(100), this.recovered::countDown);
		try (startup) {
			startup.run(migrator(dataSource));
			dataSource.target = this.database.dataSource();
			awaitSleepingBackend();
		}
		// close() returned: the retry was cancelled, not left migrating after its
		// context.
		assertThat(sleepingBackends()).isZero();
		assertThat(Queries.trackedVersions(this.database.dataSource(), "public.applied_migrations"))
			.containsExactly(1L);
		assertThat(Queries.relationExists(this.database.dataSource(), "slow")).isFalse();
		assertThat(Queries.advisoryLocks(this.database.dataSource())).isZero();
		assertThat(this.recovered.getCount()).isOne();
		assertThat(this.exits).isEmpty();
		assertThat(output).contains("Migration retry stopped by a shutdown (not a failure)")
			.doesNotContain("failed permanently");
	}

	@Test
	void exitEndsTheProcessWithTheFailuresExitCode() {
		this.files.write("2_broken.up.sql", "ALTER TABLE items DROP COLUMN legacy_code;");
		try (StartupMigration startup = startup(OnFailure.EXIT, Duration.ofSeconds(30))) {
			assertThatExceptionOfType(MigrationStartupException.class)
				.isThrownBy(() -> startup.run(migrator(this.database.dataSource())))
				.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(4));
			assertThat(this.exits).containsExactly(4);
		}
	}

	@Test
	void exitUsesSixForAnUnreachableDatabase() {
		try (StartupMigration startup = startup(OnFailure.EXIT, Duration.ofSeconds(30))) {
			assertThatExceptionOfType(MigrationStartupException.class)
				.isThrownBy(() -> startup.run(migrator(Fixtures.unreachable())));
			assertThat(this.exits).containsExactly(6);
		}
	}

	private void awaitSleepingBackend() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (sleepingBackends() > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The retry never reached the slow migration");
	}

	private long sleepingBackends() {
		return Long.parseLong(Queries.value(this.database.dataSource(),
				"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"));
	}

	private StartupMigration startup(OnFailure onFailure, Duration retryInterval) {
		return new StartupMigration(this.status, new FailureHandler(onFailure, this.exits::add, null), retryInterval,
				this.recovered::countDown);
	}

	private Migrator migrator(DataSource dataSource) {
		return new Migrator(dataSource, MigrationConfiguration.builder().locations(this.files.location()).build(),
				this.status);
	}

	/**
	 * A data source whose target a test switches, as when a database comes up.
	 */
	static final class SwitchableDataSource extends DelegatingDataSource {

		volatile DataSource target;

		SwitchableDataSource(DataSource target) {
			this.target = target;
		}

		@Override
		protected DataSource obtainTargetDataSource() {
			return this.target;
		}

	}

}
