package de.paliad.bench.fault;

import java.time.Duration;
import java.util.stream.Collectors;

import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.MigrateResult;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.Migrator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrating JVM the fault suite kills, restarts the server under, or blocks: the core
 * runner with its defaults, in a process of its own. Arguments: JDBC URL, user, password,
 * location, application name, lock-timeout in ms, lock retries. System properties
 * {@code fault.pause-before-commit-ms} / {@code fault.pause-after-commit-ms} put pauses
 * around each commit (see {@link PausingDataSource}). Prints {@value #APPLIED} with the
 * versions it applied, or {@value #FAILED}; exits with the runner's exit code.
 */
public final class FaultMigrateMain {

	static final String APPLIED = "FAULT-CHILD APPLIED";

	static final String FAILED = "FAULT-CHILD FAILED";

	private FaultMigrateMain() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource pg = new PGSimpleDataSource();
		pg.setUrl(args[0]);
		pg.setUser(args[1]);
		pg.setPassword(args[2]);
		pg.setApplicationName(args[4]);
		PausingDataSource dataSource = new PausingDataSource(pg, Long.getLong("fault.pause-before-commit-ms", 0),
				Long.getLong("fault.pause-after-commit-ms", 0));
		Migrator migrator = new Migrator(dataSource,
				MigrationConfiguration.builder()
					.locations(args[3])
					.lockTimeout(Duration.ofMillis(Long.parseLong(args[5])))
					.lockRetries(Integer.parseInt(args[6]))
					.lockWaitTimeout(Duration.ofMinutes(2))
					.build());
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
			System.out.println(
					FAILED + " exit " + ex.exitCode().code() + ": " + ex.getMessage().lines().findFirst().orElse(""));
			exitCode = ex.exitCode().code();
		}
		catch (RuntimeException ex) {
			ex.printStackTrace(System.out);
			System.out.println(FAILED + " unexpected: " + ex);
			exitCode = ExitCode.UNEXPECTED.code();
		}
		System.out.flush();
		System.exit(exitCode);
	}

}
