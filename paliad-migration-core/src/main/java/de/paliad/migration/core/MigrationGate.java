package de.paliad.migration.core;

import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * The CI gate in one call, for a pipeline step or a user's own test suite: restore a
 * production schema snapshot into an empty scratch database, then rehearse the pending
 * migrations there exactly as {@code migrate} will run them in production — each in its
 * own transaction (or one under {@code transaction=batch}), {@code no-transaction} ones
 * for real, committed — as {@link MigrationConfiguration#role()}, when set, with the
 * compatibility analysis.
 *
 * <pre>{@code
 * DryRunResult result = MigrationGate.check(scratch, Path.of("prod-schema.sql"),
 *         MigrationConfiguration.builder().role("app_owner").build());
 * }</pre>
 */
public final class MigrationGate {

	private MigrationGate() {
	}

	/**
	 * Restores {@code snapshot} into {@code scratchDatabase} and rehearses the migrations
	 * there.
	 * @param scratchDatabase an empty, disposable database, connected as a role that may
	 * create roles
	 * @param snapshot a plain {@code pg_dump} file: schema plus the tracker's rows
	 * @param configuration the application's migration configuration
	 * @return the rehearsal's result ({@link DryRunResult.Kind#REHEARSAL}); the scratch
	 * database holds the snapshot with the migrations that succeeded committed
	 */
	public static DryRunResult check(DataSource scratchDatabase, Path snapshot, MigrationConfiguration configuration) {
		return new Migrator(scratchDatabase, configuration).dryRun(snapshot);
	}

}
