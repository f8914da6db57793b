package de.paliad.migration.autoconfigure;

import de.paliad.migration.core.Migrator;

/**
 * What {@link PaliadMigrationInitializer} does with the {@link Migrator} during context
 * refresh. The default applies pending migrations (or runs the command-line mode of
 * {@code paliad.migration.mode}); define a bean of this type to do something else, for
 * example nothing in a test slice.
 */
@FunctionalInterface
public interface PaliadMigrationStrategy {

	/**
	 * Runs the migrator.
	 * @param migrator the migrator
	 */
	void migrate(Migrator migrator);

}
