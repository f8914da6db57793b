package de.paliad.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring files users copy, against the real thing: the sample app's fat jar with
 * a migration that fails (state FAILED, unready, alive), scraped by a real Prometheus
 * (the {@code prometheus} binary, Debian's package, on 127.0.0.1 with a temporary config
 * and data directory) that loads {@code compose/monitoring/paliad-migration.rules.yml}.
 * It sees the {@code paliad_migrations_*} series and fires {@code PaliadMigrationFailed}.
 * The dashboard's and the rules' queries are checked against the app's real scrape.
 * <p>
 * Fails, never skips, when {@code prometheus} is missing ({@code apt-get install -y
 * prometheus}, or {@code PROMETHEUS_BIN}).
 */
class MonitoringIT {

	private static final String RULES = "compose/monitoring/paliad-migration.rules.yml";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	static Path temp;

	private static TestDatabase database;

	private static final List<Process> processes = new ArrayList<>();

	private static int appPort;

	private static int prometheusPort;

	private static String scrape;

	@BeforeAll
	static void startAppAndPrometheus() throws Exception {
		String prometheus = prometheusBinary();
		database = TestDatabases.create();
		Path migrations = Files.createDirectories(temp.resolve("migrations"));
		// Valid SQL that fails at run time: SQLSTATE 22012, not transient, so FAILED
		// stays.
		Files.writeString(migrations.resolve("900_divide_by_zero.up.sql"), "SELECT 1 / 0;\n");

		appPort = freePort();
		ProcessBuilder app = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", sampleJar(),
				"--server.address=127.0.0.1", "--server.port=" + appPort,
				"--paliad.migration.locations=classpath:db/migration,filesystem:" + migrations)
			.redirectErrorStream(true)
			.redirectOutput(temp.resolve("app.log").toFile());
		Map<String, String> env = app.environment();
		env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", database.user());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		processes.add(app.start());
		scrape = waitFor("the app's /actuator/prometheus to show state FAILED", Duration.ofSeconds(180),
				() -> get("http://127.0.0.1:" + appPort + "/actuator/prometheus"),
				(body) -> body != null && body.contains("paliad_migrations_state{state=\"FAILED\"} 1"),
				temp.resolve("app.log"));

		prometheusPort = freePort();
		// The shipped rules, with every `for:` shortened so the test need not wait
		// minutes;
		// promtool's unit tests (compose/monitoring/test.sh) cover the real durations.
		Files.writeString(temp.resolve("rules.yml"),
				DeployFiles.read(DeployFiles.file(RULES)).replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: 2s"));
		Files.writeString(temp.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - rules.yml
				scrape_configs:
				  - job_name: sample-app
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(appPort));
		processes.add(new ProcessBuilder(prometheus, "--config.file=" + temp.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + temp.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(temp.resolve("prometheus.log").toFile())
			.start());
		waitFor("Prometheus to be ready", Duration.ofSeconds(60),
				() -> get("http://127.0.0.1:" + prometheusPort + "/-/ready"), (body) -> body != null,
				temp.resolve("prometheus.log"));
	}

	@AfterAll
	static void stop() throws InterruptedException {
		for (Process process : processes) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void prometheusScrapesEveryPaliadSeries() throws Exception {
		Set<String> expected = Set.of("paliad_migrations_applied", "paliad_migrations_pending",
				"paliad_migrations_state", "paliad_migration_duration_seconds_count",
				"paliad_migration_lock_wait_seconds_count", "paliad_migration_failures_total",
				"paliad_migrations_last_success_seconds");
		JsonNode names = waitForJson("Prometheus to have scraped the paliad series", "/api/v1/label/__name__/values",
				(body) -> {
					Set<String> seen = new TreeSet<>();
					body.path("data").forEach((name) -> seen.add(name.asString()));
					return seen.containsAll(expected);
				});
		assertThat(names.path("data").toString()).contains("paliad_migrations_state");
		JsonNode failed = query("paliad_migrations_state{state=\"FAILED\"}");
		assertThat(failed.path(0).path("value").path(1).asString()).isEqualTo("1");
		assertThat(failed.path(0).path("metric").path("job").asString()).isEqualTo("sample-app");
		JsonNode failures = query("paliad_migration_failures_total{sqlstate_class=\"22\"}");
		assertThat(failures.path(0).path("value").path(1).asDouble()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void failedMigrationAlertFires() throws Exception {
		JsonNode alerts = waitForJson("PaliadMigrationFailed to fire", "/api/v1/alerts", (body) -> {
			for (JsonNode alert : body.path("data").path("alerts")) {
				if (alert.path("labels").path("alertname").asString().equals("PaliadMigrationFailed")
						&& alert.path("state").asString().equals("firing")) {
					return true;
				}
			}
			return false;
		});
		JsonNode firing = null;
		for (JsonNode alert : alerts.path("data").path("alerts")) {
			if (alert.path("labels").path("alertname").asString().equals("PaliadMigrationFailed")) {
				firing = alert;
			}
		}
		assertThat(firing).isNotNull();
		assertThat(firing.path("labels").path("severity").asString()).isEqualTo("critical");
		assertThat(firing.path("labels").path("instance").asString()).isEqualTo("127.0.0.1:" + appPort);
		assertThat(firing.path("annotations").path("summary").asString())
			.isEqualTo("Migration failed on 127.0.0.1:" + appPort);
	}

	@Test
	void dashboardQueriesUseOnlyMetricsTheAppExports() {
		Set<String> exported = PromQl.exposedNames(scrape);
		for (String expression : GrafanaDashboardTests.expressions(GrafanaDashboardTests.dashboard())) {
			assertThat(exported).as("exported by the app, used by %s", expression)
				.containsAll(PromQl.paliadMetrics(expression));
		}
	}

	@Test
	void alertRulesUseOnlyMetricsTheAppExports() {
		Set<String> exported = PromQl.exposedNames(scrape);
		List<String> expressions = new ArrayList<>();
		for (Object group : DeployFiles.list(DeployFiles.yaml(RULES).get("groups"), "groups")) {
			for (Object rule : DeployFiles.list(DeployFiles.map(group, "group").get("rules"), "rules")) {
				expressions.add(String.valueOf(DeployFiles.map(rule, "rule").get("expr")));
			}
		}
		assertThat(expressions).hasSize(5);
		for (String expression : expressions) {
			assertThat(PromQl.paliadMetrics(expression)).as(expression).isNotEmpty();
			assertThat(exported).as("exported by the app, used by %s", expression)
				.containsAll(PromQl.paliadMetrics(expression));
		}
	}

	private static JsonNode query(String promQl) throws Exception {
		JsonNode body = json.readTree(get("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
				+ URLEncoder.encode(promQl, StandardCharsets.UTF_8)));
		assertThat(body.path("status").asString()).as(body.toString()).isEqualTo("success");
		return body.path("data").path("result");
	}

	private static JsonNode waitForJson(String what, String path, Predicate<JsonNode> done) throws Exception {
		String body = waitFor(what, Duration.ofSeconds(90), () -> get("http://127.0.0.1:" + prometheusPort + path),
				(text) -> text != null && done.test(json.readTree(text)), temp.resolve("prometheus.log"));
		return json.readTree(body);
	}

	private static String waitFor(String what, Duration timeout, Fetch fetch, Predicate<String> done, Path log)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = null;
		while (System.nanoTime() < deadline) {
			for (Process process : processes) {
				if (!process.isAlive()) {
					throw new AssertionError("A process exited (" + process.exitValue() + ") while waiting for " + what
							+ "; its log:\n" + tail(log));
				}
			}
			last = fetch.get();
			if (done.test(last)) {
				return last;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last answer: "
				+ last + "\nlog:\n" + tail(log));
	}

	private static String get(String url) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static String prometheusBinary() {
		String configured = System.getenv("PROMETHEUS_BIN");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(dir, "prometheus");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException("MonitoringIT needs the prometheus binary and found none on PATH:"
				+ " apt-get install -y prometheus (Debian), or set PROMETHEUS_BIN");
	}

	private static String sampleJar() {
		String jar = System.getProperty("sample.jar");
		assertThat(jar).as("system property sample.jar (set by the failsafe configuration)").isNotBlank();
		assertThat(Path.of(jar)).as("the sample's fat jar: build it in the same reactor (-pl compose -am)")
			.isRegularFile();
		return jar;
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@FunctionalInterface
	private interface Fetch {

		String get() throws Exception;

	}

}
