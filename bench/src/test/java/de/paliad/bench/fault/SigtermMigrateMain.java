package de.paliad.bench.fault;

import java.time.Duration;
import java.util.stream.Collectors;

import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.Migrator;
import de.paliad.migration.startup.FailureHandler;
import de.paliad.migration.startup.MigrationShutdown;
import de.paliad.migration.startup.OnFailure;
import de.paliad.migration.startup.ProcessExit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JVM the SIGTERM trials stop: the starter's shutdown handling
 * ({@link MigrationShutdown}, {@link FailureHandler} with {@code on-failure=exit}) around
 * the core runner, without Spring, so a trial costs a second, not a Spring Boot start.
 * Arguments: JDBC URL, user, password, location, application name, shutdown wait in ms.
 * Prints {@value #MIGRATING} before the run, then {@value FaultMigrateMain#APPLIED} or
 * {@value #STOPPED} (a shutdown stopped it) or {@value FaultMigrateMain#FAILED}.
 */
public final class SigtermMigrateMain {

	static final String MIGRATING = "FAULT-CHILD MIGRATING";

	static final String STOPPED = "FAULT-CHILD STOPPED";

	private SigtermMigrateMain() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		dataSource.setPassword(args[2]);
		dataSource.setApplicationName(args[4]);
		Migrator migrator = new Migrator(dataSource, MigrationConfiguration.builder().locations(args[3]).build());
		MigrationShutdown shutdown = new MigrationShutdown(Duration.ofMillis(Long.parseLong(args[5])));
		FailureHandler failures = new FailureHandler(OnFailure.EXIT, ProcessExit.system(), null, shutdown);
		// The failure is handled inside the watch, as the starter does: once the watch
		// closes, the shutdown hook returns and the JVM may halt.
		try (MigrationShutdown.Watch watch = shutdown.watch(migrator)) {
			System.out.println(MIGRATING);
			System.out.flush();
			try {
				MigrateResult result = migrator.migrate();
				System.out.println(FaultMigrateMain.APPLIED + " "
						+ result.applied()
							.stream()
							.map((migration) -> String.valueOf(migration.version()))
							.collect(Collectors.joining(",")));
				System.out.flush();
			}
			catch (RuntimeException ex) {
				try {
					failures.runFailed(ex);
				}
				catch (RuntimeException stop) {
					// What the Spring Boot startup would throw; outside Spring it is
					// printed.
					System.out.println((shutdown.requested() ? STOPPED : FaultMigrateMain.FAILED) + " "
							+ stop.getClass().getSimpleName() + ": " + stop.getMessage());
					System.out.flush();
				}
				// During a shutdown the JVM exits by itself (143 after SIGTERM).
				return;
			}
		}
		// No System.exit: during a shutdown it would block; without one main just ends.
	}

}
