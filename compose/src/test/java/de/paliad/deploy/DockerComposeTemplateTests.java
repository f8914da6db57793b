package de.paliad.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static de.paliad.deploy.DeployFiles.at;
import static de.paliad.deploy.DeployFiles.duration;
import static de.paliad.deploy.DeployFiles.list;
import static de.paliad.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static checks of the plain-Docker blue-green template ({@code compose/docker/}): the
 * slots' readiness healthcheck, slots that only deploy.sh starts, and a router whose
 * health and start never depend on a slot (the seed's router was left unhealthy by a
 * broken slot). {@link DockerDeployScriptTests} checks the switch's order; the Docker e2e
 * proves it all on a real engine.
 */
class DockerComposeTemplateTests {

	private static final String TEMPLATE = "compose/docker/compose.yml";

	private static final String OVERLAY = "compose/e2e/docker/compose.e2e.yml";

	private static final String ROUTER_CONFIG = "compose/docker/router/haproxy.cfg";

	private final Map<String, Object> template = DeployFiles.yaml(TEMPLATE);

	private final Map<String, Object> services = map(this.template.get("services"), "services");

	private final Map<String, Object> router = map(this.services.get("router"), "router");

	@Test
	void theSlotsAreTheSameServiceInTwoProfilesThatOnlyDeployShStarts() {
		Map<String, Object> blue = new HashMap<>(map(this.services.get("app-blue"), "app-blue"));
		Map<String, Object> green = new HashMap<>(map(this.services.get("app-green"), "app-green"));
		assertThat(blue.remove("profiles")).isEqualTo(List.of("blue"));
		assertThat(green.remove("profiles")).isEqualTo(List.of("green"));
		assertThat(blue).isEqualTo(green);
		assertThat(blue).as("only the router is reachable from outside").doesNotContainKeys("ports", "container_name");
		assertThat(blue.get("image")).asString().matches("\\$\\{APP_IMAGE:\\?[^}]+}:\\$\\{APP_VERSION:-[^}]+}");
		assertThat(blue.get("restart")).isEqualTo("unless-stopped");
	}

	@Test
	void slotHealthcheckProbesReadinessOnLoopbackInExecForm() {
		Map<String, Object> slot = map(this.services.get("app-blue"), "app-blue");
		List<Object> test = list(at(slot, "healthcheck", "test"), "healthcheck.test");
		assertThat(test.get(0)).isEqualTo("CMD");
		assertThat(test).contains("http://127.0.0.1:8080/actuator/health/readiness");
		assertThat(test).anyMatch((arg) -> String.valueOf(arg).matches("-[a-zA-Z]*f[a-zA-Z]*|--fail"));
		Duration interval = duration(at(slot, "healthcheck", "interval"));
		Duration timeout = duration(at(slot, "healthcheck", "timeout"));
		Duration startPeriod = duration(at(slot, "healthcheck", "start_period"));
		int retries = (Integer) at(slot, "healthcheck", "retries");
		assertThat(timeout).isLessThan(interval);
		assertThat(retries).isGreaterThanOrEqualTo(2);
		assertThat(startPeriod).as("JVM boot plus migrations").isGreaterThanOrEqualTo(Duration.ofSeconds(60));
		assertThat(startPeriod.plus(interval.multipliedBy(retries))).as("the never-ready budget")
			.isLessThanOrEqualTo(Duration.ofMinutes(5));
		// docker-compose 1.29 rejects start_interval; the template must run on it and on
		// v2.
		assertThat(map(slot.get("healthcheck"), "healthcheck")).doesNotContainKey("start_interval");
	}

	@Test
	void theRouterNeverDependsOnASlot() {
		assertThat(this.router).as("the router starts and stays up whatever the slots do")
			.doesNotContainKeys("depends_on", "profiles", "links");
		List<Object> test = list(at(this.router, "healthcheck", "test"), "router healthcheck");
		String probe = String.join(" ", test.stream().map(String::valueOf).toList());
		assertThat(probe).contains("127.0.0.1/8080", "/paliad-router/health").doesNotContain("app-", "actuator");
		String config = DeployFiles.read(DeployFiles.file(ROUTER_CONFIG));
		// HAProxy answers the monitor URI itself, without asking any backend.
		assertThat(config).contains("monitor-uri /paliad-router/health");
		assertThat(config).as("the static part names no slot")
			.doesNotContain("app-blue", "app-green")
			.doesNotContainPattern("(?m)^\\s*(server|backend)\\s");
		assertThat(DeployFiles.read(DeployFiles.file("compose/docker/router/no-slot.cfg")))
			.doesNotContainPattern("(?m)^\\s*server\\s");
		assertThat(this.router.get("restart")).isEqualTo("unless-stopped");
	}

	@Test
	void theRouterStartsWithoutAnyBackendFileAndKeepsItsLiveConfigInAVolume() {
		String start = DeployFiles.read(DeployFiles.file("compose/docker/router/start.sh"));
		assertThat(start).contains("no-slot.cfg", "exec haproxy -W -db");
		List<Object> volumes = list(this.router.get("volumes"), "router volumes");
		assertThat(volumes).contains("./router:/usr/local/etc/paliad-router:ro", "router-live:/var/lib/paliad-router");
		assertThat(map(this.template.get("volumes"), "volumes")).containsKey("router-live");
		// A directory, not a bind-mounted file: a rename inside it is atomic and visible.
		assertThat(volumes).noneMatch((volume) -> String.valueOf(volume).contains("active.cfg"));
		String slot = DeployFiles.read(DeployFiles.file("compose/docker/router/slot.cfg.in"));
		assertThat(slot).contains("# active-slot: @SLOT@", "server @SLOT@ app-@SLOT@:8080",
				"uri /actuator/health/readiness", "init-addr last,libc,none");
	}

	@Test
	void reloadsKeepIdleConnectionsAndRetryOnlyWhatNeverReachedTheApp() {
		String config = DeployFiles.read(DeployFiles.file(ROUTER_CONFIG));
		assertThat(config).contains("option idle-close-on-response", "retry-on conn-failure empty-response",
				"hard-stop-after");
		// Never a status the app answered (a 503 from a slot that is not migrated yet).
		assertThat(config.lines().filter((line) -> line.strip().startsWith("retry-on")))
			.allMatch((line) -> !line.contains("503") && !line.contains(" all"));
	}

	@Test
	void stopGracePeriodOutlastsTheAppsGracefulShutdown() throws IOException {
		Duration grace = duration(at(map(this.services.get("app-blue"), "app-blue"), "stop_grace_period"));
		assertThat(grace).isGreaterThan(Duration.ofSeconds(30));
		Properties sample = new Properties();
		sample.load(new StringReader(
				DeployFiles.read(DeployFiles.file("sample-app/src/main/resources/application.properties"))));
		String phase = sample.getProperty("spring.lifecycle.timeout-per-shutdown-phase");
		if (phase != null) {
			assertThat(grace).isGreaterThan(duration(phase));
		}
	}

	@Test
	void theDatabasePasswordReachesSpringAsAFileThroughConfigtree() {
		Map<String, Object> slot = map(this.services.get("app-blue"), "app-blue");
		Map<String, Object> environment = map(slot.get("environment"), "environment");
		assertThat(environment.get("SPRING_CONFIG_IMPORT")).asString().contains("configtree:/run/secrets/");
		assertThat(environment).doesNotContainKey("SPRING_DATASOURCE_PASSWORD");
		assertThat(environment.get("PALIAD_MIGRATION_ON_FAILURE")).isEqualTo("unready");
		Map<String, Object> secret = map(list(slot.get("secrets"), "secrets").get(0), "secret");
		assertThat(secret.get("target")).isEqualTo("spring.datasource.password");
	}

	@Test
	void theBackupIsAToolInItsOwnProfileWritingToAVolume() {
		Map<String, Object> backup = map(this.services.get("backup"), "backup");
		assertThat(backup.get("profiles")).isEqualTo(List.of("backup"));
		assertThat(list(backup.get("volumes"), "backup volumes")).contains("${BACKUP_VOLUME:-backups}:/backups");
		assertThat(map(backup.get("environment"), "environment")).containsKey("BACKUP_KEEP");
	}

	@Test
	void deployShSwitchesOnlyAfterReadinessAndValidatesTheConfigFirst() {
		String deploy = DeployFiles.read(DeployFiles.file("compose/docker/deploy.sh"));
		assertThat(deploy).startsWith("#!/usr/bin/env bash").contains("set -euo pipefail");
		// The main line: wait, then switch; the switch writes a temp file, validates,
		// renames.
		assertThat(deploy.indexOf("verdict=$(wait_until_ready)")).isPositive()
			.isLessThan(deploy.indexOf("\nswitch_router\n"));
		assertThat(deploy).contains("haproxy -c -q", "active.cfg.next", "mv \"$live/active.cfg.next\"",
				"--paliad.migration.mode=plan --paliad.migration.output=json");
	}

	@Test
	void theE2eOverlayChangesOnlyImagesTimingsAndAddsTheDatabase() {
		Map<String, Object> overlay = map(DeployFiles.yaml(OVERLAY).get("services"), "overlay services");
		assertThat(overlay.keySet()).containsExactlyInAnyOrder("router", "app-blue", "app-green", "backup", "db");
		assertThat(map(overlay.get("router"), "router").keySet()).containsExactly("image");
		assertThat(map(overlay.get("backup"), "backup").keySet()).containsExactly("image");
		for (String slot : List.of("app-blue", "app-green")) {
			Map<String, Object> app = map(overlay.get(slot), slot);
			assertThat(app.keySet()).containsExactlyInAnyOrder("environment", "healthcheck");
			assertThat(map(app.get("healthcheck"), "healthcheck").keySet()).isSubsetOf("interval", "timeout", "retries",
					"start_period");
		}
		assertThat(DeployFiles.read(DeployFiles.file(OVERLAY))).contains("SHORTER THAN THE TEMPLATE");
	}

	@Test
	void everySettingSaysWhyInAComment() {
		List<String> lines = DeployFiles.read(DeployFiles.file(TEMPLATE)).lines().toList();
		Set<String> keys = Set.of("image", "interval", "timeout", "retries", "start_period", "stop_grace_period",
				"restart", "user", "entrypoint", "profiles", "PALIAD_MIGRATION_ON_FAILURE", "JAVA_TOOL_OPTIONS",
				"SPRING_CONFIG_IMPORT", "BACKUP_KEEP", "target", "test");
		List<String> uncommented = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String trimmed = lines.get(i).strip().replaceFirst("^- ", "");
			String key = trimmed.split(":")[0];
			if (keys.contains(key) && !lines.get(i - 1).strip().startsWith("#") && !lines.get(i).contains(" # ")
					&& !trimmed.startsWith("<<")) {
				uncommented.add((i + 1) + ": " + trimmed);
			}
		}
		assertThat(uncommented).as("settings without a comment saying why").isEmpty();
	}

}
