package de.paliad.bench.runner;

import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * This project's runner with every default on (checksums verified, static checks, lock
 * timeouts, blocker watch): what the starter does at boot. It has no out-of-order option:
 * a version below the highest applied one simply runs. Given a folder it reads the files
 * there ({@code filesystem:}, no index); given a jar (which the harness put on the class
 * path) it reads {@code classpath:}{@value #PACKAGED_PATH}, where the jar holds the files
 * and their build-time index.
 */
public final class PaliadRunner {

	/** Where a packaged set's files and index are inside its jar. */
	public static final String PACKAGED_PATH = "db/migration";

	private PaliadRunner() {
	}

	public static void main(String[] args) {
		RunnerSupport.run(args, (arguments) -> {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(arguments.jdbcUrl());
			dataSource.setUser(arguments.user());
			dataSource.setPassword(arguments.password());
			String location = arguments.directory().toString().endsWith(".jar") ? "classpath:" + PACKAGED_PATH
					: "filesystem:" + arguments.directory();
			new Migrator(dataSource, MigrationConfiguration.builder().locations(location).build()).migrate();
		});
	}

}
