package de.paliad.migration.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;

/**
 * Regenerates the checked-in snapshot fixture {@code gate/prod-schema.sql}: applies
 * {@code gate/prod-migrations} as the production migration role {@code app_owner} and
 * dumps what a production snapshot job would (schema only, plus the tracker's rows) with
 * the machine's {@code pg_dump}. Not a test; run by hand after changing the prod
 * migrations:
 *
 * <pre>
 * ./mvnw -q -pl paliad-migration-starter test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp -Dmdep.includeScope=test
 * java -Dpaliad.test.pg-binaries=paliad-migration-starter/target/pg-binaries/postgres-oldest.jar \
 *   -cp paliad-migration-starter/target/test-classes:paliad-migration-starter/target/classes:$(cat /tmp/cp) \
 *   de.paliad.migration.core.SnapshotFixtureGenerator paliad-migration-starter/src/test/resources/gate
 * </pre>
 *
 * (pg_dump refuses servers newer than itself; Debian 12's pg_dump 15 dumps the embedded
 * 13.)
 */
public final class SnapshotFixtureGenerator {

	private SnapshotFixtureGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = Paths.get(args[0]);
		try (TestDatabase db = TestDatabases.create()) {
			db.execute("CREATE ROLE app_owner NOLOGIN; CREATE ROLE app_rw NOLOGIN; CREATE ROLE app_ro NOLOGIN;"
					+ " GRANT CREATE ON DATABASE " + db.name()
					+ " TO app_owner; ALTER SCHEMA public OWNER TO app_owner");
			new Migrator(db.dataSource(),
					MigrationConfiguration.builder()
						.locations("filesystem:" + folder.resolve("prod-migrations").toAbsolutePath())
						.role("app_owner")
						.build())
				.migrate();
			// The ownership trap of the seed: a table created by hand by a DBA, not by
			// the migration role.
			db.execute("CREATE ROLE dba NOLOGIN; ALTER TABLE public.settings OWNER TO dba;"
					+ " GRANT SELECT, INSERT, UPDATE, DELETE ON public.settings TO app_owner");
			String url = db.jdbcUrl().replace("jdbc:postgresql://", "");
			String host = url.substring(0, url.indexOf(':'));
			String port = url.substring(url.indexOf(':') + 1, url.indexOf('/'));
			Path out = folder.resolve("prod-schema.sql");
			Files.writeString(out, dump(host, port, db, List.of("--schema-only"))
					+ dump(host, port, db, List.of("--data-only", "--table=public.applied_migrations")));
			System.out.println("Wrote " + out);
		}
	}

	private static String dump(String host, String port, TestDatabase db, List<String> options) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("pg_dump", "--no-password", "-h", host, "-p", port, "-U", db.user(), "-d", db.name()));
		command.addAll(options);
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("PGPASSWORD", db.password());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pg_dump failed: " + command);
		}
		return output;
	}

}
