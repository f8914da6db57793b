package de.paliad.migration.core;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * What every operation of the {@link Migrator} shares: the database, the configuration,
 * the listener, the tracker and the provenance of applied rows.
 *
 * @param database the migrated database, or {@code null} for an
 * {@linkplain Migrator#offline(MigrationConfiguration) offline} migrator
 * @param configuration the configuration
 * @param listener the listener
 * @param tracker the tracker table
 * @param appliedBy the provenance recorded with applied rows
 */
record OperationContext(@Nullable DataSource database, MigrationConfiguration configuration, MigrationListener listener,
		Tracker tracker, String appliedBy) {

	/**
	 * The migrated database.
	 * @throws InvalidConfigurationException for an offline migrator
	 */
	DataSource dataSource() {
		if (this.database == null) {
			throw new InvalidConfigurationException(
					"This migrator has no database (Migrator.offline): it can only validate the migration files.");
		}
		return this.database;
	}

	/**
	 * Reads and checks the migrations on disk: naming, duplicates, static checks. No
	 * database.
	 * @throws MigrationValidationException when a file is wrong
	 */
	MigrationSet load() {
		return new MigrationLoader(this.configuration.classLoader()).load(this.configuration.locations());
	}

	/**
	 * Lists the migrations on disk and checks their names and versions, reading no file
	 * yet. Close it when the migrations are loaded.
	 * @throws MigrationValidationException when a name does not parse, a version is taken
	 * twice, or a build-time index disagrees with the listing
	 */
	MigrationLoader.Listed list() {
		return new MigrationLoader(this.configuration.classLoader()).list(this.configuration.locations());
	}

	MigrationSession openSession() {
		return MigrationSession.open(dataSource(), this.configuration, this.listener, this.tracker);
	}

	/**
	 * A statement runner with its own blocker watch; close it when the migrations ran.
	 */
	StatementRunner runner() {
		return runner(DryRunObserver.NONE);
	}

	/**
	 * A runner that tells {@code observer} about every migration and statement it runs.
	 */
	StatementRunner runner(DryRunObserver observer) {
		DataSource dataSource = dataSource();
		BlockerWatch watch = new BlockerWatch(dataSource::getConnection, this.configuration.lockTimeout(),
				this.listener);
		return new StatementRunner(this.tracker, this.configuration, watch, this.appliedBy, observer);
	}

	PlanPolicy policy() {
		return new PlanPolicy(this.configuration, this.listener);
	}

}
