package de.paliad.migration.autoconfigure;

import java.util.function.Consumer;
import java.util.function.Supplier;

import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.Migrator;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.Assert;

/**
 * Runs the {@link Migrator} through a {@link PaliadMigrationStrategy} while the
 * application context refreshes. It is a database initializer: beans that use the
 * database (JdbcTemplate, JPA, jOOQ, ...) are created after it, and the web server opens
 * after it.
 * <p>
 * The migrator may be supplied lazily, so that a configuration it rejects surfaces here,
 * where the startup's failure handling takes it, rather than while the bean is created.
 */
public class PaliadMigrationInitializer implements InitializingBean {

	private final Supplier<Migrator> migrator;

	private final PaliadMigrationStrategy strategy;

	private final Consumer<MigrationException> configurationFailed;

	/**
	 * Creates the initializer.
	 * @param migrator the migrator
	 * @param strategy what to do with it
	 */
	public PaliadMigrationInitializer(Migrator migrator, PaliadMigrationStrategy strategy) {
		this(() -> migrator, strategy, (failure) -> {
			throw failure;
		});
		Assert.notNull(migrator, "'migrator' must not be null");
	}

	/**
	 * Creates the initializer for a migrator that is built when it runs.
	 * @param migrator supplies the migrator; throws a {@link MigrationException} when the
	 * configuration is invalid
	 * @param strategy what to do with the migrator
	 * @param configurationFailed what an invalid configuration does; expected to end the
	 * startup
	 */
	public PaliadMigrationInitializer(Supplier<Migrator> migrator, PaliadMigrationStrategy strategy,
			Consumer<MigrationException> configurationFailed) {
		Assert.notNull(migrator, "'migrator' must not be null");
		Assert.notNull(strategy, "'strategy' must not be null");
		Assert.notNull(configurationFailed, "'configurationFailed' must not be null");
		this.migrator = migrator;
		this.strategy = strategy;
		this.configurationFailed = configurationFailed;
	}

	@Override
	public void afterPropertiesSet() {
		Migrator migrator;
		try {
			migrator = this.migrator.get();
		}
		catch (MigrationException ex) {
			this.configurationFailed.accept(ex);
			throw ex;
		}
		this.strategy.migrate(migrator);
	}

}
