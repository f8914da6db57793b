package de.paliad.migration.autoconfigure;

import java.io.PrintStream;

import de.paliad.migration.autoconfigure.PaliadMigrationProperties.Mode;
import de.paliad.migration.core.Migrator;

/**
 * The default {@link PaliadMigrationStrategy}: {@code paliad.migration.mode=migrate}
 * applies pending migrations with the configured failure handling; every other mode
 * prints its report and ends the process with the mode's exit code, before any bean that
 * uses the database (or a web server) exists.
 */
final class ConfiguredMigrationStrategy implements PaliadMigrationStrategy, AutoCloseable {

	private final PaliadMigrationProperties properties;

	private final StartupMigration startup;

	private final ModeRunner modes;

	private final ProcessExit exit;

	ConfiguredMigrationStrategy(PaliadMigrationProperties properties, MigrationStatus status, ProcessExit exit,
			Runnable onRecovered, PrintStream out) {
		this.properties = properties;
		this.startup = new StartupMigration(status, properties.getOnFailure(), properties.getRetryInterval(), exit,
				onRecovered);
		this.modes = new ModeRunner(properties, out);
		this.exit = exit;
	}

	@Override
	public void migrate(Migrator migrator) {
		if (this.properties.getMode() == Mode.MIGRATE) {
			this.startup.run(migrator);
		}
		else {
			this.exit.exit(this.modes.run(migrator));
		}
	}

	@Override
	public void close() {
		this.startup.close();
	}

}
