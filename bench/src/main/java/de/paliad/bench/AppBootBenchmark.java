package de.paliad.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The boot cost inside a real application: the sample app's fat jar, from JVM start to
 * the first {@code 200} of {@code /actuator/health/readiness}, with N migrations applied
 * and none pending. Every variant boots the same jar, a copy of the sample app's with the
 * set packaged in it ({@link AppJar}), through the same launcher: with this starter and
 * the set in the jar with its build-time index (what the sample app ships: its build runs
 * the Maven plugin's {@code index} goal), and with the set in a folder (no index); with
 * this starter switched off ({@code paliad.migration.enabled=false}) and Spring Boot's
 * Flyway module (plus the Flyway version Boot manages) added through the fat jar's
 * {@code PropertiesLauncher} and {@code loader.path}, the set in the jar and in a folder;
 * and with no migrator at all.
 */
final class AppBootBenchmark {

	static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	/** A sample-app configuration. */
	enum AppVariant {

		PALIAD_INDEX("paliad-migration, set in the jar with its index"),
		PALIAD("paliad-migration, set in a folder (no index)"), FLYWAY("Spring Boot's Flyway, set in the jar"),
		FLYWAY_FOLDER("Spring Boot's Flyway, set in a folder"), NONE("no migrator");

		private final String label;

		AppVariant(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

		boolean paliad() {
			return this == PALIAD_INDEX || this == PALIAD;
		}

		boolean flyway() {
			return this == FLYWAY || this == FLYWAY_FOLDER;
		}

		/** The database it boots on: its own, prepared by itself; none uses paliad's. */
		String database() {
			return (this == NONE) ? PALIAD_INDEX.database() : "app_" + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One boot.
	 *
	 * @param variant the configuration
	 * @param run the run's number, from 1
	 * @param readyMs JVM start to readiness
	 * @param peakRssKb {@code VmHWM} at readiness
	 * @param loggedMs the migration run's duration as the migrator logged it, or -1
	 */
	record AppSample(AppVariant variant, int run, long readyMs, long peakRssKb, long loggedMs) {

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
		Path jar = AppJar.write(this.config.sampleJar(), set, set.resolve("sample-app-with-set.jar"));
		Path logs = Files.createDirectories(this.config.work().resolve("logs"));
		List<AppSample> samples = new ArrayList<>();
		try (BenchServer server = BenchServer.start()) {
			this.log.accept("Sample app boot with " + n + " applied migrations: PostgreSQL " + server.serverVersion());
			for (AppVariant variant : AppVariant.values()) {
				if (variant != AppVariant.NONE) {
					prepare(server, variant, jar, set, logs);
				}
			}
			List<AppVariant> variants = List.of(AppVariant.values());
			for (int run = 1; run <= this.config.runs(); run++) {
				for (int i = 0; i < variants.size(); i++) {
					AppVariant variant = variants.get((i + run - 1) % variants.size());
					server.execute("postgres", "CHECKPOINT");
					Path logFile = logs.resolve("app-" + variant + "-" + run + ".log");
					Booted booted = boot(server, variant, jar, set, logFile);
					booted.stop();
					long loggedMs = MigratorLog.loggedMs(variant, Files.readAllLines(logFile, StandardCharsets.UTF_8));
					if (variant != AppVariant.NONE && loggedMs < 0) {
						this.log.accept("  (no migration run duration found in " + logFile + ")");
					}
					samples.add(new AppSample(variant, run, booted.readyMs(), booted.peakRssKb(), loggedMs));
					this.log.accept(String.format("  run %d %-48s %6d ms to readiness, %4d MiB peak RSS, %5d ms logged",
							run, variant.label(), booted.readyMs(), booted.peakRssKb() / 1024, loggedMs));
				}
			}
		}
		return samples;
	}

	/** The variant's migrator applies the set to its own database, outside the timing. */
	private void prepare(BenchServer server, AppVariant variant, Path jar, Path set, Path logs)
			throws IOException, InterruptedException {
		int n = this.config.appSize();
		server.createDatabase(variant.database(), null);
		Booted first = boot(server, variant, jar, set, logs.resolve("app-" + variant + "-prepare.log"));
		first.stop();
		long rows = server.number(variant.database(),
				variant.paliad() ? Tool.PALIAD.countSql() : Tool.FLYWAY.countSql());
		if (rows != n) {
			throw new IllegalStateException(
					"Preparing the app database for " + variant + " left " + rows + " of " + n + " migrations applied");
		}
		server.execute(variant.database(), "VACUUM ANALYZE");
	}

	private Booted boot(BenchServer server, AppVariant variant, Path jar, Path set, Path logFile)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
		if (variant.flyway()) {
			command.add("-Dloader.path=" + this.config.flywayAppLib());
		}
		command.addAll(List.of("-cp", jar.toString(), LAUNCHER, "--server.port=" + port,
				"--spring.datasource.url=" + server.jdbcUrl(variant.database()),
				"--spring.datasource.username=" + BenchServer.USER,
				"--spring.datasource.password=" + BenchServer.PASSWORD));
		switch (variant) {
			case PALIAD_INDEX -> command.add("--paliad.migration.locations=classpath:" + AppJar.PALIAD);
			case PALIAD -> command.add("--paliad.migration.locations=filesystem:" + set.resolve("paliad"));
			case FLYWAY -> command.addAll(List.of("--paliad.migration.enabled=false",
					"--spring.flyway.locations=classpath:" + AppJar.FLYWAY));
			case FLYWAY_FOLDER -> command.addAll(List.of("--paliad.migration.enabled=false",
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
