package de.paliad.migration.core;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrator in a JVM of its own, for {@link ConcurrencyTests}: one process per container
 * booting at the same time. Arguments: JDBC URL, user, password, location. Prints
 * {@value #READY} when everything but the run itself is set up and waits for a line on
 * stdin, so the test can release all processes at the same moment; then prints
 * {@value #APPLIED} with the versions this process applied, and exits with the
 * {@link ExitCode} of the failure, if any.
 */
public final class MigrateMain {

	/** Printed once the process is ready to migrate. */
	public static final String READY = "MIGRATE-MAIN READY";

	/** Prefix of the line listing the versions this process applied. */
	public static final String APPLIED = "MIGRATE-MAIN APPLIED";

	private MigrateMain() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 4) {
			System.err.println("Usage: MigrateMain <jdbc-url> <user> <password> <location>");
			System.exit(ExitCode.INVALID_CONFIGURATION.code());
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		dataSource.setPassword(args[2]);
		dataSource.setApplicationName("migrate-main-" + ProcessHandle.current().pid());
		Migrator migrator = new Migrator(dataSource,
				MigrationConfiguration.builder().locations(args[3]).lockWaitTimeout(Duration.ofMinutes(2)).build());
		// Load the migrations once before the start signal, so class loading and file
		// reading
		// do not stagger the processes.
		migrator.validate();
		System.out.println(READY);
		System.out.flush();
		System.in.read();
		int exitCode;
		try {
			MigrateResult result = migrator.migrate();
			System.out.println(APPLIED + " "
					+ result.applied()
						.stream()
						.map((migration) -> String.valueOf(migration.version()))
						.collect(Collectors.joining(",")));
			exitCode = ExitCode.SUCCESS.code();
		}
		catch (MigrationException ex) {
			System.err.println(ex.getMessage());
			exitCode = ex.exitCode().code();
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			exitCode = ExitCode.UNEXPECTED.code();
		}
		System.out.flush();
		System.exit(exitCode);
	}

}
