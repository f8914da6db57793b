package de.paliad.migration.autoconfigure;

import java.nio.file.Path;

import javax.sql.DataSource;

import de.paliad.migration.core.InvalidConfigurationException;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationListener;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.mode.Mode;
import de.paliad.migration.mode.ModeRunner;
import de.paliad.migration.mode.ModeSettings;
import de.paliad.migration.startup.FailureHandler;
import de.paliad.migration.startup.MigrationReadiness;
import de.paliad.migration.startup.ProcessExit;
import de.paliad.migration.startup.MigrationShutdown;
import de.paliad.migration.startup.StartupMigration;
import de.paliad.migration.status.MigrationStatus;
import de.paliad.migration.web.ManagementRequests;
import de.paliad.migration.web.MigrationTrafficGateFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of the boot-time migrator: a {@link Migrator} on the application's
 * DataSource (or on {@code paliad.migration.url}), the {@link PaliadMigrationInitializer}
 * that runs it during context refresh before any bean that uses the database, the
 * {@link MigrationStatus} that health, metrics and readiness report, and the traffic gate
 * of servlet applications.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class })
@ConditionalOnClass({ Migrator.class, DelegatingDataSource.class })
@Conditional(PaliadMigrationAutoConfiguration.MigrationDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "paliad.migration.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PaliadMigrationProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class PaliadMigrationAutoConfiguration {

	/**
	 * Runs the migrations under {@code spring.main.lazy-initialization} too: nothing may
	 * have to ask for the initializer for it to run.
	 */
	@Bean
	static LazyInitializationExcludeFilter paliadMigrationLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(PaliadMigrationInitializer.class);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationStatus paliadMigrationStatus() {
		return new MigrationStatus();
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessExit paliadProcessExit() {
		return ProcessExit.system();
	}

	@Configuration(proxyBeanMethods = false)
	static class MigratorConfiguration {

		/**
		 * The migrator. Lazy: the initializer asks for it when it runs, so that a
		 * configuration the migrator rejects takes the startup's failure path (a report,
		 * exit code 2) instead of failing the bean's creation.
		 */
		@Bean
		@Lazy
		@ConditionalOnMissingBean
		Migrator paliadMigrator(PaliadMigrationProperties properties, ObjectProvider<DataSource> dataSource,
				ResourceLoader resourceLoader, ObjectProvider<MigrationListener> listeners, Environment environment,
				ObjectProvider<BuildProperties> buildProperties) {
			MigrationConfiguration configuration = MigrationConfiguration.builder()
				.locations(properties.getLocations())
				.schema(properties.getSchema())
				.table(properties.getTable())
				.transactionMode(properties.getTransaction())
				.checksumPolicy(properties.getVerifyChecksums())
				.lockWaitTimeout(properties.getLockWaitTimeout())
				.lockTimeout(properties.getLockTimeout())
				.statementTimeout(properties.getStatementTimeout())
				.lockRetries(properties.getLockRetries())
				.legacy(properties.getLegacy().getType(), properties.getLegacy().getTable())
				.compatPolicy(properties.getCompat())
				.role(properties.getRole())
				.tableSizes(
						StringUtils.hasText(properties.getTableSizes()) ? Path.of(properties.getTableSizes()) : null)
				.sizeLimit(properties.sizeLimitBytes())
				.rowLimit(properties.getRowLimit())
				.appliedBy(appliedBy(environment, buildProperties.getIfAvailable()))
				.classLoader(resourceLoader.getClassLoader())
				.build();
			return new Migrator(migrationDataSource(properties, dataSource), configuration,
					new CompositeMigrationListener(listeners.orderedStream().toList()));
		}

		/**
		 * The DataSource to migrate. The application's one is looked up only when the
		 * migrator first connects, so the {@code validate} mode works where no database
		 * is configured or reachable, and nothing connects before the migration runs.
		 */
		private static DataSource migrationDataSource(PaliadMigrationProperties properties,
				ObjectProvider<DataSource> dataSource) {
			if (StringUtils.hasText(properties.getUrl())) {
				return DataSourceBuilder.create()
					.type(SimpleDriverDataSource.class)
					.url(properties.getUrl())
					.username(properties.getUser())
					.password(properties.getPassword())
					.build();
			}
			SingletonSupplier<DataSource> target = SingletonSupplier.of(() -> {
				DataSource application = dataSource.getIfUnique();
				if (application == null) {
					throw new InvalidConfigurationException("No unique DataSource to migrate: define one @Primary"
							+ " DataSource bean or set paliad.migration.url.");
				}
				if (!StringUtils.hasText(properties.getUser())) {
					return application;
				}
				// Separate migration credentials, like spring.flyway.user: same database,
				// own
				// login.
				return DataSourceBuilder.derivedFrom(application)
					.type(SimpleDriverDataSource.class)
					.username(properties.getUser())
					.password(properties.getPassword())
					.build();
			});
			return new DelegatingDataSource() {

				@Override
				protected DataSource obtainTargetDataSource() {
					return target.obtain();
				}

			};
		}

		/**
		 * Provenance recorded with each applied migration (the tracker prefixes the
		 * database user): the host, and the application's name and version when known.
		 */
		private static String appliedBy(Environment environment, @Nullable BuildProperties buildProperties) {
			String name = environment.getProperty("spring.application.name");
			String version = environment.getProperty("spring.application.version");
			if (version == null && buildProperties != null) {
				version = buildProperties.getVersion();
			}
			StringBuilder appliedBy = new StringBuilder(Migrator.hostName());
			for (String part : new String[] { name, version }) {
				if (StringUtils.hasText(part)) {
					appliedBy.append(' ').append(part);
				}
			}
			return appliedBy.toString();
		}

		@Bean
		@ConditionalOnMissingBean
		PaliadMigrationStrategy paliadMigrationStrategy(PaliadMigrationProperties properties, MigrationStatus status,
				ProcessExit exit, ObjectProvider<MigrationReadiness> readiness) {
			MigrationShutdown shutdown = new MigrationShutdown(properties.getShutdownWait());
			FailureHandler failures = new FailureHandler(properties.getOnFailure(), exit, modeRunner(properties),
					shutdown);
			StartupMigration startup = new StartupMigration(status, failures, properties.getRetryInterval(),
					() -> readiness.ifAvailable(MigrationReadiness::migrationsApplied));
			return new ConfiguredMigrationStrategy(startup, modeRunner(properties), failures, shutdown);
		}

		@Bean
		@ConditionalOnMissingBean
		PaliadMigrationInitializer paliadMigrationInitializer(ObjectProvider<Migrator> migrator,
				PaliadMigrationStrategy strategy, PaliadMigrationProperties properties, ProcessExit exit) {
			return new PaliadMigrationInitializer(() -> buildMigrator(migrator), strategy,
					failureHandler(properties, exit)::configurationFailed);
		}

		/**
		 * Builds the migrator; a configuration it rejects is thrown as the migrator's own
		 * exception, not wrapped by the bean factory.
		 */
		private static Migrator buildMigrator(ObjectProvider<Migrator> migrator) {
			try {
				return migrator.getObject();
			}
			catch (BeanCreationException ex) {
				for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
					if (cause instanceof MigrationException failure) {
						throw failure;
					}
				}
				throw ex;
			}
		}

		/**
		 * The failure handling of the properties. It holds no state, so the strategy and
		 * the initializer each build one.
		 */
		private static FailureHandler failureHandler(PaliadMigrationProperties properties, ProcessExit exit) {
			return new FailureHandler(properties.getOnFailure(), exit, modeRunner(properties));
		}

		/**
		 * The command-line mode to run, or {@code null} for {@code migrate}.
		 */
		private static @Nullable ModeRunner modeRunner(PaliadMigrationProperties properties) {
			if (properties.getMode() == Mode.MIGRATE) {
				return null;
			}
			ModeSettings settings = new ModeSettings(properties.getMode(), properties.getOutput(),
					properties.getTarget(), properties.getSnapshot(), properties.getCompat(),
					properties.getVerifyChecksums(), properties.getReports(), properties.getReportPathPrefix(),
					properties.isRehearse());
			return new ModeRunner(settings, System.out);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ApplicationAvailability.class)
	static class ReadinessConfiguration {

		@Bean
		MigrationReadiness paliadMigrationReadiness(MigrationStatus status, ApplicationAvailability availability,
				ApplicationEventPublisher publisher) {
			return new MigrationReadiness(status, availability, publisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "jakarta.servlet.Filter")
	@ConditionalOnBooleanProperty(name = "paliad.migration.gate-traffic", matchIfMissing = true)
	static class TrafficGateConfiguration {

		@Bean
		FilterRegistrationBean<MigrationTrafficGateFilter> paliadMigrationTrafficGateFilter(MigrationStatus status,
				PaliadMigrationProperties properties, Environment environment) {
			MigrationTrafficGateFilter filter = new MigrationTrafficGateFilter(status, properties.getRetryInterval(),
					ManagementRequests.of(environment));
			FilterRegistrationBean<MigrationTrafficGateFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setName("paliadMigrationTrafficGateFilter");
			// Early: a gated request should cost nothing (no security, no MVC).
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
			return registration;
		}

	}

	/**
	 * Matches when there is a DataSource to migrate: a DataSource bean, or
	 * {@code paliad.migration.url}.
	 */
	static final class MigrationDataSourceCondition extends AnyNestedCondition {

		MigrationDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("paliad.migration.url")
		private static final class MigrationUrlCondition {

		}

	}

}
