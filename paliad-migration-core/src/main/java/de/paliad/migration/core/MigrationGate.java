package de.paliad.migration.core;

import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * The CI gate in one call, for a pipeline step or a user's own test suite: restore a
 * production schema snapshot into an empty scratch database, then dry-run the pending
 * migrations against it (as {@link MigrationConfiguration#role()}, when set) with the
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
	 * Restores {@code snapshot} into {@code scratchDatabase} and dry-runs the migrations.
	 * @param scratchDatabase an empty database, connected as a role that may create roles
	 * @param snapshot a plain {@code pg_dump} file: schema plus the tracker's rows
	 * @param configuration the application's migration configuration
	 * @return the dry run's result; the scratch database holds the restored snapshot,
	 * unchanged
	 */
	public static DryRunResult check(DataSource scratchDatabase, Path snapshot, MigrationConfiguration configuration) {
		return new Migrator(scratchDatabase, configuration).dryRun(snapshot); // restores,
																				// rehearses,
																				// weighs
																				// sizes
	}

}
