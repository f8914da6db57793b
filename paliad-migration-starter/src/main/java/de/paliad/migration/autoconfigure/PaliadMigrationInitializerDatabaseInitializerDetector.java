package de.paliad.migration.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link PaliadMigrationInitializer}, so that
 * beans which depend on database initialization are created after the migrations ran.
 */
class PaliadMigrationInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(PaliadMigrationInitializer.class);
	}

	/**
	 * Like Flyway's: before script-based initialization
	 * ({@code schema.sql}/{@code data.sql}), which may then rely on the migrated schema.
	 */
	@Override
	public int getOrder() {
		return 1;
	}

}
