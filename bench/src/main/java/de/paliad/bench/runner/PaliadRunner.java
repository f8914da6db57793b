package de.paliad.bench.runner;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * This project's runner with every default on (checksums verified, static checks, lock
 * timeouts, blocker watch): what the starter does at boot. It has no out-of-order option:
 * a version below the highest applied one simply runs.
 */
public final class PaliadRunner {

	private PaliadRunner() {
	}

	public static void main(String[] args) {
		RunnerSupport.run(args, (arguments) -> {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(arguments.jdbcUrl());
			dataSource.setUser(arguments.user());
			dataSource.setPassword(arguments.password());
			new Migrator(dataSource,
					MigrationConfiguration.builder().locations("filesystem:" + arguments.directory()).build())
				.migrate();
		});
	}

}
