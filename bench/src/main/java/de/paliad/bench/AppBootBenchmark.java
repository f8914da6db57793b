package de.paliad.bench;

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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The boot cost inside a real application: the sample app's fat jar, from JVM start to
 * the first {@code 200} of {@code /actuator/health/readiness}, with N migrations applied
 * and none pending. Three variants of the same jar: with this starter; with this starter
 * switched off ({@code paliad.migration.enabled=false}) and Spring Boot's Flyway module
 * (plus the Flyway version Boot manages) added through the fat jar's
 * {@code PropertiesLauncher} and {@code loader.path}; and with no migrator at all. All
 * three start through the same launcher.
 */
final class AppBootBenchmark {

	static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	/** A sample-app configuration. */
	enum AppVariant {

		PALIAD("with paliad-migration (this starter)"), FLYWAY("with Spring Boot's Flyway instead"),
		NONE("no migrator");

		private final String label;

		AppVariant(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	/**
	 * One boot.
	 *
	 * @param variant the configuration
	 * @param run the run's number, from 1
	 * @param readyMs JVM start to readiness
	 * @param peakRssKb {@code VmHWM} at readiness
	 */
	record AppSample(AppVariant variant, int run, long readyMs, long peakRssKb) {

	}

	private final BenchConfig config;

	private final Consumer<String> log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

	AppBootBenchmark(BenchConfig config, Consumer<String> log) {
		this.config = config;
		this.log = log;
	}

	List<AppSample> run() throws IOException, InterruptedException {
		if (!Files.isRegularFile(this.config.sampleJar())) {
			throw new IllegalStateException("The sample app's jar " + this.config.sampleJar()
					+ " is missing: build it first (./mvnw -Pbench -pl bench -am verify builds it).");
		}
		int n = this.config.appSize();
		Path set = MigrationSetGenerator.write(this.config.work().resolve("app-set-" + n), n, Set.of());
		Path logs = Files.createDirectories(this.config.work().resolve("logs"));
		List<AppSample> samples = new ArrayList<>();
		try (BenchServer server = BenchServer.start()) {
			this.log.accept("Sample app boot with " + n + " applied migrations: PostgreSQL " + server.serverVersion());
			for (AppVariant variant : List.of(AppVariant.PALIAD, AppVariant.FLYWAY)) {
				server.createDatabase(database(variant), null);
				Booted first = boot(server, variant, set, logs.resolve("app-" + variant + "-prepare.log"));
				first.stop();
				long rows = server.number(database(variant),
						(variant == AppVariant.PALIAD) ? Tool.PALIAD.countSql() : Tool.FLYWAY.countSql());
				if (rows != n) {
					throw new IllegalStateException("Preparing the app database for " + variant + " left " + rows
							+ " of " + n + " migrations applied");
				}
				server.execute(database(variant), "VACUUM ANALYZE");
			}
			List<AppVariant> variants = List.of(AppVariant.values());
			for (int run = 1; run <= this.config.runs(); run++) {
				for (int i = 0; i < variants.size(); i++) {
					AppVariant variant = variants.get((i + run - 1) % variants.size());
					server.execute("postgres", "CHECKPOINT");
					Booted booted = boot(server, variant, set, logs.resolve("app-" + variant + "-" + run + ".log"));
					booted.stop();
					samples.add(new AppSample(variant, run, booted.readyMs(), booted.peakRssKb()));
					this.log.accept(String.format("  run %d %-40s %6d ms to readiness, %4d MiB peak RSS", run,
							variant.label(), booted.readyMs(), booted.peakRssKb() / 1024));
				}
			}
		}
		return samples;
	}

	private static String database(AppVariant variant) {
		// The no-migrator app boots on the schema the starter built.
		return (variant == AppVariant.FLYWAY) ? "app_flyway" : "app_paliad";
	}

	private Booted boot(BenchServer server, AppVariant variant, Path set, Path logFile)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
		if (variant == AppVariant.FLYWAY) {
			command.add("-Dloader.path=" + this.config.flywayAppLib());
		}
		command.addAll(List.of("-cp", this.config.sampleJar().toString(), LAUNCHER, "--server.port=" + port,
				"--spring.datasource.url=" + server.jdbcUrl(database(variant)),
				"--spring.datasource.username=" + BenchServer.USER,
				"--spring.datasource.password=" + BenchServer.PASSWORD));
		switch (variant) {
			case PALIAD -> command.add("--paliad.migration.locations=filesystem:" + set.resolve("paliad"));
			case FLYWAY -> command.addAll(List.of("--paliad.migration.enabled=false",
					"--spring.flyway.locations=filesystem:" + set.resolve("flyway")));
			case NONE -> command.add("--paliad.migration.enabled=false");
		}
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logFile.toFile())
			.start();
		URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
		long deadline = start + TimeUnit.MINUTES.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						variant + " exited with " + process.exitValue() + " before readiness; see " + logFile);
			}
			if (ready(readiness)) {
				long readyMs = (System.nanoTime() - start) / 1_000_000;
				return new Booted(process, readyMs, Processes.peakRssKb(process.pid()));
			}
			Thread.sleep(20);
		}
		process.destroyForcibly();
		throw new IllegalStateException(variant + " did not become ready within 10 minutes; see " + logFile);
	}

	private boolean ready(URI readiness) {
		try {
			HttpResponse<Void> response = this.http.send(
					HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
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

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A booted app. */
	private record Booted(Process process, long readyMs, long peakRssKb) {

		void stop() throws InterruptedException {
			Processes.stop(this.process);
		}

	}

}
