package de.paliad.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
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
 * Static checks of the Swarm template users copy ({@code compose/swarm/stack.yml}) and of
 * the e2e's overlay on it: every value the deploy gate depends on, so that an edit that
 * would let a broken release replace the serving one fails the build before any Swarm
 * sees it. The e2e ({@code compose/e2e/run.sh}) proves the same file on a real Swarm.
 */
class StackTemplateTests {

	private static final String TEMPLATE = "compose/swarm/stack.yml";

	private static final String OVERLAY = "compose/e2e/stack.e2e.yml";

	/** Spring Boot's default for spring.lifecycle.timeout-per-shutdown-phase. */
	private static final Duration SPRING_DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

	private final Map<String, Object> template = DeployFiles.yaml(TEMPLATE);

	private final Map<String, Object> app = map(at(this.template, "services", "app"), "services.app");

	@Test
	void healthcheckProbesReadinessOnLoopbackInExecForm() {
		List<Object> test = list(at(this.app, "healthcheck", "test"), "healthcheck.test");
		// Exec form: a list starting with CMD, no shell needed (CMD-SHELL would be a
		// string).
		assertThat(test.get(0)).isEqualTo("CMD");
		String url = test.stream()
			.map(String::valueOf)
			.filter((arg) -> arg.startsWith("http"))
			.findFirst()
			.orElseThrow();
		assertThat(url).startsWith("http://127.0.0.1:").endsWith("/actuator/health/readiness");
		// curl -f: fails on a non-2xx answer (readiness DOWN is 503).
		assertThat(test).anyMatch((arg) -> String.valueOf(arg).matches("-[a-zA-Z]*f[a-zA-Z]*|--fail"));
	}

	@Test
	void healthcheckTimingIsConsistent() {
		Duration interval = duration(at(this.app, "healthcheck", "interval"));
		Duration timeout = duration(at(this.app, "healthcheck", "timeout"));
		Duration startPeriod = duration(at(this.app, "healthcheck", "start_period"));
		Duration startInterval = duration(at(this.app, "healthcheck", "start_interval"));
		int retries = (Integer) at(this.app, "healthcheck", "retries");
		assertThat(timeout).as("timeout < interval").isLessThan(interval);
		assertThat(startInterval).as("start_interval < interval").isLessThan(interval);
		assertThat(retries).as("one lost probe never kills a task").isGreaterThanOrEqualTo(2);
		// Covers a JVM boot plus migrations.
		assertThat(startPeriod).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
		// The never-ready budget (start_period + retries x interval) stays within
		// minutes.
		assertThat(startPeriod.plus(interval.multipliedBy(retries))).isLessThanOrEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void updatesOneTaskAtATimeStartFirstAndRollsBackOnTheFirstFailure() {
		Map<String, Object> update = map(at(this.app, "deploy", "update_config"), "update_config");
		assertThat(update.get("parallelism")).isEqualTo(1);
		assertThat(update.get("order")).isEqualTo("start-first");
		assertThat(update.get("failure_action")).isEqualTo("rollback");
		assertThat(duration(update.get("monitor"))).as("monitor > delay").isGreaterThan(duration(update.get("delay")));
		assertThat(update.get("max_failure_ratio")).isEqualTo(0);
	}

	@Test
	void rollsBackStartFirstAndPausesIfTheRollbackFails() {
		Map<String, Object> rollback = map(at(this.app, "deploy", "rollback_config"), "rollback_config");
		assertThat(rollback.get("order")).isEqualTo("start-first");
		assertThat(rollback.get("failure_action")).isEqualTo("pause");
		assertThat(rollback.get("parallelism")).isEqualTo(1);
	}

	@Test
	void restartPolicyKeepsTheServiceAliveWithoutATightLoop() {
		Map<String, Object> restart = map(at(this.app, "deploy", "restart_policy"), "restart_policy");
		assertThat(restart.get("condition")).isIn("any", "on-failure");
		assertThat(duration(restart.get("delay"))).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
		// 0 = unbounded: a capped count leaves the slot empty after a long database
		// outage.
		assertThat(restart.get("max_attempts")).isEqualTo(0);
	}

	@Test
	void stopGracePeriodOutlastsTheAppsGracefulShutdown() throws IOException {
		Duration grace = duration(at(this.app, "stop_grace_period"));
		assertThat(grace).isGreaterThan(SPRING_DEFAULT_SHUTDOWN_PHASE);
		Properties sample = new Properties();
		sample.load(new StringReader(
				DeployFiles.read(DeployFiles.file("sample-app/src/main/resources/application.properties"))));
		String phase = sample.getProperty("spring.lifecycle.timeout-per-shutdown-phase");
		if (phase != null) {
			assertThat(grace).isGreaterThan(duration(phase));
		}
	}

	@Test
	void imageIsAnImmutableTagFromVariables() {
		String image = (String) at(this.app, "image");
		assertThat(image).matches("\\$\\{APP_IMAGE:\\?[^}]+}:\\$\\{APP_VERSION:\\?[^}]+}");
		for (String file : List.of(TEMPLATE, OVERLAY)) {
			assertThat(DeployFiles.read(DeployFiles.file(file))).as(file).doesNotContainPattern("image:.*:latest\\b");
		}
	}

	@Test
	void noServiceHasAContainerName() {
		for (String file : List.of(TEMPLATE, OVERLAY)) {
			map(DeployFiles.yaml(file).get("services"), file).forEach((name, service) -> assertThat(map(service, name))
				.as(file + " " + name + ": a fixed name breaks start-first's second task")
				.doesNotContainKey("container_name"));
		}
	}

	@Test
	void theAppPublishesNoHostModePort() {
		for (String file : List.of(TEMPLATE, OVERLAY)) {
			Object ports = map(map(DeployFiles.yaml(file).get("services"), file).get("app"), "app").get("ports");
			if (ports != null) {
				// Two tasks cannot hold one host port, which start-first needs for a
				// moment.
				assertThat(list(ports, "ports")).as(file)
					.noneMatch((port) -> port instanceof Map<?, ?> p && "host".equals(p.get("mode"))
							|| String.valueOf(port).contains("mode=host"));
			}
		}
	}

	@Test
	void theDatabasePasswordReachesSpringAsADockerSecretThroughConfigtree() {
		Map<String, Object> environment = map(at(this.app, "environment"), "environment");
		assertThat(environment.get("SPRING_CONFIG_IMPORT")).asString().contains("configtree:/run/secrets/");
		assertThat(environment).doesNotContainKey("SPRING_DATASOURCE_PASSWORD");
		Map<String, Object> secret = map(list(at(this.app, "secrets"), "secrets").get(0), "secret");
		assertThat(secret.get("target")).isEqualTo("spring.datasource.password");
		Map<String, Object> declared = map(at(this.template, "secrets", (String) secret.get("source")), "secret");
		assertThat(declared.get("external")).isEqualTo(true);
	}

	@Test
	void traefikLabelsSitOnTheServiceAndRouteToTheHealthGatedVip() {
		Map<String, Object> labels = map(at(this.app, "deploy", "labels"), "deploy.labels");
		assertThat(labels.get("traefik.enable")).isEqualTo("true");
		// Traefik v3 (providers.swarm) and v2 (providers.docker) spell it differently.
		assertThat(labels.get("traefik.swarm.lbswarm")).isEqualTo("true");
		assertThat(labels.get("traefik.docker.lbswarm")).isEqualTo("true");
		assertThat(labels.get("traefik.http.services.paliad.loadbalancer.server.port")).isEqualTo("8080");
		assertThat(at(this.app, "deploy", "endpoint_mode")).isEqualTo("vip");
		// Container labels are invisible to Traefik in Swarm mode.
		assertThat(this.app).doesNotContainKey("labels");
	}

	@Test
	void twoReplicasSoOneCanBeReplacedWhileTheOtherServes() {
		assertThat((Integer) at(this.app, "deploy", "replicas")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void everyDeploySettingSaysWhyInAComment() {
		List<String> lines = DeployFiles.read(DeployFiles.file(TEMPLATE)).lines().toList();
		List<String> uncommented = new ArrayList<>();
		Set<String> blocks = Set.of("healthcheck:", "deploy:", "update_config:", "rollback_config:", "restart_policy:");
		int blockIndent = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int indent = line.length() - line.stripLeading().length();
			if (blockIndent >= 0 && indent <= blockIndent) {
				blockIndent = -1;
			}
			boolean inBlock = blockIndent >= 0;
			if (blocks.contains(trimmed) && indent >= 4) {
				blockIndent = indent;
			}
			boolean setting = (inBlock && trimmed.matches("[a-z_]+: .+")) || trimmed.startsWith("stop_grace_period:");
			boolean explained = line.contains(" # ") || lines.get(i - 1).strip().startsWith("#");
			if (setting && !explained) {
				uncommented.add((i + 1) + ": " + trimmed);
			}
		}
		assertThat(uncommented).as("settings without a comment saying why").isEmpty();
	}

	@Test
	void theE2eOverlayChangesOnlyTimingsAndNetworking() {
		Map<String, Object> overlay = map(at(DeployFiles.yaml(OVERLAY), "services", "app"), "overlay app");
		Map<String, Object> healthcheck = map(overlay.get("healthcheck"), "healthcheck");
		assertThat(healthcheck.keySet()).isSubsetOf("interval", "timeout", "retries", "start_period");
		assertThat(duration(healthcheck.get("timeout"))).isLessThan(duration(healthcheck.get("interval")));
		Map<String, Object> deploy = map(overlay.get("deploy"), "deploy");
		assertThat(deploy.keySet()).isSubsetOf("endpoint_mode", "update_config", "rollback_config", "restart_policy");
		Map<String, Object> update = map(deploy.get("update_config"), "update_config");
		assertThat(update.keySet()).isSubsetOf("delay", "monitor");
		assertThat(duration(update.get("monitor"))).isGreaterThan(duration(update.get("delay")));
		assertThat(map(deploy.get("rollback_config"), "rollback_config").keySet()).isSubsetOf("monitor");
		assertThat(map(deploy.get("restart_policy"), "restart_policy").keySet()).isSubsetOf("delay");
		// Said where a reader of the overlay looks.
		assertThat(DeployFiles.read(DeployFiles.file(OVERLAY))).contains("SHORTER THAN THE TEMPLATE");
	}

}
