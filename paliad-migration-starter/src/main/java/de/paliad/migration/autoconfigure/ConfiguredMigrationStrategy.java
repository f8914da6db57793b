package de.paliad.migration.autoconfigure;

import de.paliad.migration.core.Migrator;
import de.paliad.migration.mode.ModeRunner;
import de.paliad.migration.startup.FailureHandler;
import de.paliad.migration.startup.MigrationShutdown;
import de.paliad.migration.startup.StartupMigration;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link PaliadMigrationStrategy}: {@code paliad.migration.mode=migrate}
 * applies pending migrations with the configured failure handling; every other mode
 * prints its report and ends the process with the mode's exit code, before any bean that
 * uses the database (or a web server) exists.
 */
final class ConfiguredMigrationStrategy implements PaliadMigrationStrategy, AutoCloseable {

	private final StartupMigration startup;

	private final @Nullable ModeRunner mode;

	private final FailureHandler failures;

	private final MigrationShutdown shutdown;

	/**
	 * Creates the strategy.
	 * @param startup the {@code migrate} mode
	 * @param mode the command-line mode to run instead, or {@code null}
	 * @param failures what the end of a mode does
	 * @param shutdown what a shutdown during the run does
	 */
	ConfiguredMigrationStrategy(StartupMigration startup, @Nullable ModeRunner mode, FailureHandler failures,
			MigrationShutdown shutdown) {
		this.startup = startup;
		this.mode = mode;
		this.failures = failures;
		this.shutdown = shutdown;
	}

	@Override
	public void migrate(Migrator migrator) {
		int exitCode;
		// The watch ends before the failure handling: a shutdown waits for the run, not
		// for the exit.
		try (MigrationShutdown.Watch watch = this.shutdown.watch(migrator)) {
			if (this.mode == null) {
				this.startup.run(migrator);
				return;
			}
			exitCode = this.mode.run(migrator);
		}
		this.failures.modeFinished(exitCode);
	}

	@Override
	public void close() {
		this.startup.close();
	}

}
