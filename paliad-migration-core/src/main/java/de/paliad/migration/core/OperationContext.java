package de.paliad.migration.core;

import javax.sql.DataSource;

/**
 * What every operation of the {@link Migrator} shares: the database, the configuration,
 * the listener, the tracker and the provenance of applied rows.
 *
 * @param dataSource the migrated database
 * @param configuration the configuration
 * @param listener the listener
 * @param tracker the tracker table
 * @param appliedBy the provenance recorded with applied rows
 */
record OperationContext(DataSource dataSource, MigrationConfiguration configuration, MigrationListener listener,
		Tracker tracker, String appliedBy) {

	/**
	 * Reads and checks the migrations on disk: naming, duplicates, static checks. No
	 * database.
	 * @throws MigrationValidationException when a file is wrong
	 */
	MigrationSet load() {
		return new MigrationLoader(this.configuration.classLoader()).load(this.configuration.locations());
	}

	MigrationSession openSession() {
		return MigrationSession.open(this.dataSource, this.configuration, this.listener, this.tracker);
	}

	/**
	 * A statement runner with its own blocker watch; close it when the migrations ran.
	 */
	StatementRunner runner() {
		BlockerWatch watch = new BlockerWatch(this.dataSource::getConnection, this.configuration.lockTimeout(),
				this.listener);
		return new StatementRunner(this.tracker, this.configuration, watch, this.appliedBy);
	}

	PlanPolicy policy() {
		return new PlanPolicy(this.configuration, this.listener);
	}

}
