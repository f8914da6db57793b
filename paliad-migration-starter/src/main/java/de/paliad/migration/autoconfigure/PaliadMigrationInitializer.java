package de.paliad.migration.autoconfigure;

import de.paliad.migration.core.Migrator;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.Assert;

/**
 * Runs the {@link Migrator} through a {@link PaliadMigrationStrategy} while the
 * application context refreshes. It is a database initializer: beans that use the
 * database (JdbcTemplate, JPA, jOOQ, ...) are created after it, and the web server opens
 * after it.
 */
public class PaliadMigrationInitializer implements InitializingBean {

	private final Migrator migrator;

	private final PaliadMigrationStrategy strategy;

	/**
	 * Creates the initializer.
	 * @param migrator the migrator
	 * @param strategy what to do with it
	 */
	public PaliadMigrationInitializer(Migrator migrator, PaliadMigrationStrategy strategy) {
		Assert.notNull(migrator, "'migrator' must not be null");
		Assert.notNull(strategy, "'strategy' must not be null");
		this.migrator = migrator;
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		this.strategy.migrate(this.migrator);
	}

}
