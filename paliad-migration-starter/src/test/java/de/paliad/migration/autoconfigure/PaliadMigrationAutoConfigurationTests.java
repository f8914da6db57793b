package de.paliad.migration.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.LegacyTrackerType;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationState;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.core.TransactionMode;
import de.paliad.migration.endpoint.MigrationsEndpoint;
import de.paliad.migration.health.MigrationsHealthIndicator;
import de.paliad.migration.metrics.MigrationMetrics;
import de.paliad.migration.startup.MigrationReadiness;
import de.paliad.migration.startup.MigrationStartupException;
import de.paliad.migration.startup.ProcessExit;
import de.paliad.migration.status.MigrationStatus;
import de.paliad.migration.testing.MigrationDirectory;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaliadMigrationAutoConfiguration}, against a real database.
 */
class PaliadMigrationAutoConfigurationTests {

	private static final AutoConfigurations DATA_SOURCE = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			JdbcTemplateAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaliadMigrationAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class, MigrationMetricsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
		.withPropertyValues("paliad.migration.locations=classpath:paliad/good")
		.withBean(RecordingExit.class);

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void backsOffWithNoDataSource() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(PaliadMigrationInitializer.class)
				.doesNotHaveBean(MigrationStatus.class);
		});
	}

	@Test
	void appliesTheMigrationsWhileTheContextStarts() {
		withDatabase().run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(PaliadMigrationInitializer.class);
			assertThat(items(context.getBean(JdbcTemplate.class))).isEqualTo(1);
			MigrationStatus.Snapshot status = context.getBean(MigrationStatus.class).snapshot();
			assertThat(status.state()).isEqualTo(MigrationState.APPLIED);
			assertThat(status.applied()).isEqualTo(3);
			assertThat(status.lastSuccess()).isNotNull();
		});
	}

	@Test
	void migratesTheMigrationUrlWithoutAnApplicationDataSource() {
		this.contextRunner
			.withPropertyValues("paliad.migration.url=" + this.database.jdbcUrl(),
					"paliad.migration.user=" + this.database.user(),
					"paliad.migration.password=" + this.database.password())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DataSource.class).hasSingleBean(Migrator.class);
				assertThat(items(new JdbcTemplate(this.database.dataSource()))).isEqualTo(1);
			});
	}

	@Test
	void migratesWithSeparateCredentialsOnTheApplicationDatabase() {
		String role = "paliad_migrator_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
		this.database.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
		this.database.execute("GRANT ALL ON SCHEMA public TO " + role);
		try {
			withDatabase().withPropertyValues("paliad.migration.user=" + role, "paliad.migration.password=secret")
				.run((context) -> assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'items'", String.class))
					.isEqualTo(role));
		}
		finally {
			this.database.execute("DROP OWNED BY " + role);
			this.database.execute("DROP ROLE " + role);
		}
	}

	@Test
	void backsOffWhenDisabled() {
		withDatabase().withPropertyValues("paliad.migration.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(Migrator.class).doesNotHaveBean(PaliadMigrationInitializer.class);
			assertThat(trackerExists(context.getBean(JdbcTemplate.class))).isFalse();
			assertThat(context.getBean(MigrationsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void usesAUserDefinedMigrator(@TempDir Path folder) {
		MigrationDirectory files = new MigrationDirectory(folder).write("7_own.up.sql", "CREATE TABLE own (id int);");
		withDatabase()
			.withBean(Migrator.class,
					() -> new Migrator(this.database.dataSource(),
							MigrationConfiguration.builder().locations(files.location()).build()))
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrator.class);
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForObject("SELECT to_regclass('public.own') IS NOT NULL", Boolean.class)).isTrue();
				assertThat(jdbc.queryForObject("SELECT to_regclass('public.items') IS NULL", Boolean.class)).isTrue();
				// Without the starter's listeners the status still learns the outcome.
				assertThat(context.getBean(MigrationStatus.class).snapshot().state()).isEqualTo(MigrationState.APPLIED);
			});
	}

	@Test
	void aUserDefinedInitializerReplacesTheDefault() {
		withDatabase().withUserConfiguration(NoOpInitializerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PaliadMigrationInitializer.class);
			assertThat(trackerExists(context.getBean(JdbcTemplate.class))).isFalse();
		});
	}

	@Test
	void aUserDefinedStrategyReplacesTheDefault() {
		withDatabase().withBean(PaliadMigrationStrategy.class, () -> (migrator) -> {
		}).run((context) -> assertThat(trackerExists(context.getBean(JdbcTemplate.class))).isFalse());
	}

	@Test
	void propertiesReachTheMigrator() {
		withDatabase().withPropertyValues("paliad.migration.schema=ops", "paliad.migration.table=schema_versions",
				"paliad.migration.transaction=batch", "paliad.migration.verify-checksums=warn",
				"paliad.migration.lock-wait-timeout=2m", "paliad.migration.lock-timeout=750ms",
				"paliad.migration.statement-timeout=1h", "paliad.migration.lock-retries=7",
				"paliad.migration.legacy.type=golang-migrate", "paliad.migration.legacy.table=legacy.schema_migrations")
			.run((context) -> {
				MigrationConfiguration configuration = context.getBean(Migrator.class).configuration();
				assertThat(configuration.locations()).containsExactly("classpath:paliad/good");
				assertThat(configuration.tracker()).hasToString("ops.schema_versions");
				assertThat(configuration.transactionMode()).isEqualTo(TransactionMode.BATCH);
				assertThat(configuration.checksumPolicy()).isEqualTo(ChecksumPolicy.WARN);
				assertThat(configuration.lockWaitTimeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(configuration.statementTimeout()).isEqualTo(Duration.ofHours(1));
				assertThat(configuration.lockRetries()).isEqualTo(7);
				assertThat(configuration.legacyType()).isEqualTo(LegacyTrackerType.GOLANG_MIGRATE);
				assertThat(configuration.legacyTable()).hasToString("legacy.schema_migrations");
				assertThat(trackerRows(context.getBean(JdbcTemplate.class), "ops.schema_versions")).isEqualTo(3);
			});
	}

	@Test
	void defaultsMatchTheDocumentedProperties() {
		withDatabase().run((context) -> {
			MigrationConfiguration configuration = context.getBean(Migrator.class).configuration();
			assertThat(configuration.tracker()).hasToString("public.applied_migrations");
			assertThat(configuration.transactionMode()).isEqualTo(TransactionMode.PER_MIGRATION);
			assertThat(configuration.checksumPolicy()).isEqualTo(ChecksumPolicy.FAIL);
			assertThat(configuration.lockWaitTimeout()).isEqualTo(Duration.ofMinutes(10));
			assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(configuration.statementTimeout()).isZero();
			assertThat(configuration.lockRetries()).isEqualTo(3);
			assertThat(configuration.legacyType()).isEqualTo(LegacyTrackerType.NONE);
		});
	}

	@Test
	void invalidTrackerSchemaFailsTheStartupWithExitCodeTwo() {
		withDatabase().withPropertyValues("paliad.migration.schema=Public; DROP TABLE x").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Invalid tracker schema name");
			MigrationStartupException startup = findCause(context.getStartupFailure(), MigrationStartupException.class);
			assertThat(startup.getExitCode()).isEqualTo(2);
		});
	}

	@Test
	void appliedByNamesTheBuildVersionWhenKnown() {
		Properties build = new Properties();
		build.setProperty("version", "2.4.6");
		withDatabase().withPropertyValues("spring.application.name=orders")
			.withBean(BuildProperties.class, () -> new BuildProperties(build))
			.run((context) -> assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT applied_by FROM applied_migrations WHERE version = 1", String.class))
				.endsWith(" orders 2.4.6"));
	}

	@Test
	void runsUnderLazyInitialization() {
		withDatabase()
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> assertThat(
					trackerRows(new JdbcTemplate(this.database.dataSource()), "applied_migrations"))
				.isEqualTo(3));
	}

	@Test
	void jdbcTemplateDependsOnTheInitializer() {
		withDatabase()
			.run((context) -> assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
				.contains("paliadMigrationInitializer"));
	}

	@Test
	void keepsReadinessWithTheApplicationAvailability() {
		withDatabase().run((context) -> assertThat(context).hasSingleBean(MigrationReadiness.class));
	}

	@Test
	void registersHealthMetricsAndEndpoint() {
		withDatabase().withBean(SimpleMeterRegistry.class)
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsHealthIndicator.class)
					.hasSingleBean(MigrationMetrics.class)
					.hasSingleBean(MigrationsEndpoint.class);
				assertThat(context.getBean(SimpleMeterRegistry.class).get(MigrationMetrics.APPLIED).gauge().value())
					.isEqualTo(3);
			});
	}

	@Test
	void worksWithoutActuator() {
		importedAutoConfigurations()
			.withClassLoader(
					new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
				assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class)
					.doesNotHaveBean(MigrationsEndpoint.class);
				assertThat(items(context.getBean(JdbcTemplate.class))).isEqualTo(1);
			});
	}

	@Test
	void worksWithoutMicrometer() {
		importedAutoConfigurations().withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Migrator.class).doesNotHaveBean(MigrationMetrics.class);
			assertThat(items(context.getBean(JdbcTemplate.class))).isEqualTo(1);
		});
	}

	@Test
	void worksWithoutTheServletApiAndSpringWeb() {
		importedAutoConfigurations()
			.withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.web"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
				assertThat(items(context.getBean(JdbcTemplate.class))).isEqualTo(1);
			});
	}

	@Test
	void gatesTrafficOfServletApplications() {
		webRunner().run((context) -> assertThat(context).hasSingleBean(FilterRegistrationBean.class));
	}

	@Test
	void doesNotGateTrafficWhenTurnedOff() {
		webRunner().withPropertyValues("paliad.migration.gate-traffic=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void doesNotGateNonWebApplications() {
		withDatabase().run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withConfiguration(DATA_SOURCE).withPropertyValues(databaseProperties());
	}

	/**
	 * The starter's auto-configurations, imported as an application imports them (the
	 * import filter reads the generated condition metadata), so that an
	 * auto-configuration whose classes are hidden is skipped before its conditions are
	 * even loaded.
	 */
	private ApplicationContextRunner importedAutoConfigurations() {
		return new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
			.withPropertyValues("paliad.migration.locations=classpath:paliad/good")
			.withPropertyValues(databaseProperties());
	}

	private WebApplicationContextRunner webRunner() {
		return new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PaliadMigrationAutoConfiguration.class, DataSourceAutoConfiguration.class))
			.withPropertyValues("paliad.migration.locations=classpath:paliad/good")
			.withPropertyValues(databaseProperties());
	}

	private String[] databaseProperties() {
		return new String[] { "spring.datasource.url=" + this.database.jdbcUrl(),
				"spring.datasource.username=" + this.database.user(),
				"spring.datasource.password=" + this.database.password() };
	}

	private static int items(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT count(*) FROM items", Integer.class);
	}

	private static boolean trackerExists(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT to_regclass('public.applied_migrations') IS NOT NULL", Boolean.class);
	}

	private static int trackerRows(JdbcTemplate jdbc, String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			PaliadMigrationAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class,
			MigrationMetricsAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class })
	static class ImportedAutoConfigurations {

	}

	@Configuration(proxyBeanMethods = false)
	static class NoOpInitializerConfiguration {

		@Bean
		PaliadMigrationInitializer customInitializer(Migrator migrator) {
			return new PaliadMigrationInitializer(migrator, (m) -> {
			});
		}

	}

	static class RecordingExit implements ProcessExit {

		final List<Integer> codes = new CopyOnWriteArrayList<>();

		@Override
		public void exit(int code) {
			this.codes.add(code);
		}

	}

}
