package de.paliad.migration.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PgBouncer of the test's own in front of the test server, on a free port of 127.0.0.1,
 * with a temporary ini file; never the system's service. Needs the {@code pgbouncer}
 * binary (Debian: {@code apt-get install -y pgbouncer}) and fails, never skips, when it
 * is missing.
 */
public final class PgBouncer implements AutoCloseable {

	private static final List<String> LOCATIONS = List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer",
			"/usr/local/bin/pgbouncer", "/usr/local/sbin/pgbouncer");

	private static final Pattern SERVER_PORT = Pattern.compile("^jdbc:postgresql://[^:/]+:(\\d+)/");

	private final Process process;

	private final Path directory;

	private final int port;

	private PgBouncer(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Starts PgBouncer in front of the server {@code db} lives on.
	 * @param db any database of the test server; every database is reachable through it
	 * @param poolMode {@code session} or {@code transaction}
	 * @return the running PgBouncer; close it to stop it
	 */
	public static PgBouncer start(TestDatabase db, String poolMode) {
		Path binary = binary();
		Matcher url = SERVER_PORT.matcher(db.jdbcUrl());
		if (!url.find()) {
			throw new IllegalStateException("Cannot tell the test server's port from " + db.jdbcUrl());
		}
		try {
			Path directory = Files.createTempDirectory("paliad-pgbouncer-");
			Files.writeString(directory.resolve("userlist.txt"), "\"" + db.user() + "\" \"" + db.password() + "\"\n");
			int port = freePort();
			Path ini = directory.resolve("pgbouncer.ini");
			Files.writeString(ini, String.join("\n", "[databases]",
					"* = host=127.0.0.1 port=" + url.group(1) + " user=" + db.user() + " password=" + db.password(),
					"[pgbouncer]", "listen_addr = 127.0.0.1", "listen_port = " + port, "unix_socket_dir =",
					"auth_type = plain", "auth_file = " + directory.resolve("userlist.txt"), "pool_mode = " + poolMode,
					"default_pool_size = 40", "max_client_conn = 400", "ignore_startup_parameters = extra_float_digits",
					// PgBouncer refuses to run as root; CI containers often are root.
					isRoot() ? "user = nobody" : "", ""));
			// Readable by the user PgBouncer switches to.
			directory.toFile().setReadable(true, false);
			directory.toFile().setExecutable(true, false);
			try (Stream<Path> files = Files.list(directory)) {
				files.forEach((file) -> file.toFile().setReadable(true, false));
			}
			Process process = new ProcessBuilder(binary.toString(), ini.toString()).redirectErrorStream(true)
				.redirectOutput(directory.resolve("pgbouncer.log").toFile())
				.start();
			PgBouncer bouncer = new PgBouncer(process, directory, port);
			bouncer.awaitListening();
			return bouncer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PgBouncer", ex);
		}
	}

	private static Path binary() {
		Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Paths.get(dir, "pgbouncer"));
		return Stream.concat(onPath, LOCATIONS.stream().map(Paths::get))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("PgBouncer is not installed, and the pooler tests need it:"
					+ " install it (Debian/Ubuntu: apt-get install -y pgbouncer)."));
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void awaitListening() throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("PgBouncer exited with " + this.process.exitValue() + ": " + log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
				return;
			}
			catch (IOException notYet) {
				sleep(100);
			}
		}
		close();
		throw new IllegalStateException("PgBouncer did not listen on port " + this.port + " within 15 s: " + log());
	}

	/**
	 * The JDBC URL of {@code database} through this PgBouncer, without server-side
	 * prepared statements (which transaction pooling cannot carry).
	 * @param database the database name
	 * @return the URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database + "?prepareThreshold=0";
	}

	/** What PgBouncer logged so far. */
	public String log() {
		try {
			return Files.readString(this.directory.resolve("pgbouncer.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(this.directory);
		}
		catch (IOException ex) {
			// A temporary directory left behind is harmless.
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting PgBouncer", ex);
		}
	}

}
