package de.paliad.bench.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample app's fat jar, started as a deploy would start it, and its readiness probe.
 */
final class SampleApp {

	/**
	 * Lighter JVMs, so 16 of them fit on a 2-core machine: C1 only, serial GC, a small
	 * heap.
	 */
	static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ChildProcess process;

	private final int port;

	private SampleApp(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	static Path jar() {
		Path jar = Paths.get(System.getProperty("sample.jar", "../sample-app/target/sample-app.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The sample app's jar " + jar + " is missing; build it first"
					+ " (./mvnw -Pbench -pl bench -am verify builds it)");
		}
		return jar;
	}

	static SampleApp start(FaultServer server, String database, List<String> properties, Path log) throws IOException {
		int port = freePort();
		List<String> args = new ArrayList<>(
				List.of("--server.port=" + port, "--spring.datasource.url=" + server.jdbcUrl(database),
						"--spring.datasource.username=" + FaultServer.USER,
						"--spring.datasource.password=" + FaultServer.PASSWORD));
		args.addAll(properties);
		return new SampleApp(ChildProcess.jar(JVM_OPTIONS, jar(), args, log), port);
	}

	ChildProcess process() {
		return this.process;
	}

	/** Whether {@code /actuator/health/readiness} answers 200 now. */
	boolean ready() {
		try {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.GET()
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Waits for readiness; {@code false} when the process dies or time runs out. */
	boolean awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				return false;
			}
			if (ready()) {
				return true;
			}
			Thread.sleep(250);
		}
		return false;
	}

	/** SIGTERM: the app shuts down gracefully. */
	void stop() throws InterruptedException {
		this.process.close();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
