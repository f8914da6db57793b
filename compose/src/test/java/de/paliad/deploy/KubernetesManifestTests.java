package de.paliad.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kubernetes manifests ({@code compose/kubernetes/}) keep the same promises as the
 * Swarm template ({@link StackTemplateTests}): probes on the right endpoints, a startup
 * budget that covers the migration budget, no ready pod removed before its replacement is
 * ready, a grace period above the graceful shutdown, a disruption budget, and a migrate
 * Job that ends and does not retry what cannot succeed. Every file is read as its
 * Kubernetes API type, strictly ({@link KubernetesManifests}). No cluster runs here: this
 * validates the files against the API's types and these rules, not a rollout
 * (docs/deploy.md).
 *
 * <p>
 * Each promise is also broken on purpose
 * ({@link #eachPromiseFailsWhenItsManifestIsBroken}), so none of them can pass vacuously.
 */
class KubernetesManifestTests {

	/** Spring Boot's default for spring.lifecycle.timeout-per-shutdown-phase. */
	private static final Duration SPRING_DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

	private static final String DEPLOYMENT = KubernetesManifests.BASE + "/deployment.yaml";

	private static final String PDB = KubernetesManifests.BASE + "/pdb.yaml";

	private static final String SERVICE = KubernetesManifests.BASE + "/service.yaml";

	private static final String JOB = KubernetesManifests.MIGRATE_JOB + "/job.yaml";

	enum Promise {

		PROBES_ON_THE_RIGHT_ENDPOINTS(KubernetesManifestTests::probesOnTheRightEndpoints),
		STARTUP_BUDGET_COVERS_THE_MIGRATION_BUDGET(KubernetesManifestTests::startupBudgetCoversTheMigrationBudget),
		NO_READY_POD_REMOVED_BEFORE_ITS_REPLACEMENT_IS_READY(KubernetesManifestTests::rollingUpdateKeepsCapacity),
		PROGRESS_DEADLINE_ABOVE_THE_MIGRATION_BUDGET(KubernetesManifestTests::progressDeadlineAboveTheBudget),
		GRACE_PERIOD_ABOVE_THE_GRACEFUL_SHUTDOWN(KubernetesManifestTests::gracePeriodAboveTheShutdown),
		A_FAILED_MIGRATION_KEEPS_THE_POD_ALIVE_AND_UNREADY(KubernetesManifestTests::failedMigrationStaysUnready),
		DISRUPTION_BUDGET_KEEPS_ONE_POD(KubernetesManifestTests::disruptionBudgetKeepsOnePod),
		SERVICE_ROUTES_TO_THE_APPS_PODS(KubernetesManifestTests::serviceRoutesToTheAppsPods),
		MIGRATE_JOB_RUNS_MIGRATE_ONLY_AND_ENDS(KubernetesManifestTests::migrateJobRunsMigrateOnlyAndEnds),
		MIGRATE_JOB_RETRIES_ONLY_TRANSIENT_FAILURES(KubernetesManifestTests::migrateJobRetriesOnlyTransientFailures),
		MIGRATE_JOB_IS_NOT_PART_OF_THE_SERVICE(KubernetesManifestTests::migrateJobIsNotPartOfTheService);

		private final Consumer<KubernetesManifests> check;

		Promise(Consumer<KubernetesManifests> check) {
			this.check = check;
		}

	}

	/** A way to break one promise: in file, replace from with to. */
	record Breakage(Promise promise, String file, String from, String to) {

		@Override
		public String toString() {
			return this.promise + ": " + this.from.strip() + " -> " + this.to.strip();
		}

	}

	static Stream<Breakage> breakages() {
		return Stream.of(
				new Breakage(Promise.PROBES_ON_THE_RIGHT_ENDPOINTS, DEPLOYMENT, "path: /actuator/health/liveness",
						"path: /actuator/health/readiness"),
				new Breakage(Promise.PROBES_ON_THE_RIGHT_ENDPOINTS, DEPLOYMENT,
						"readinessProbe:\n            httpGet:\n              path: /actuator/health/readiness",
						"readinessProbe:\n            httpGet:\n              path: /actuator/health"),
				new Breakage(Promise.STARTUP_BUDGET_COVERS_THE_MIGRATION_BUDGET, DEPLOYMENT, "failureThreshold: 60",
						"failureThreshold: 12"),
				new Breakage(Promise.STARTUP_BUDGET_COVERS_THE_MIGRATION_BUDGET, DEPLOYMENT, "value: 3m", "value: 10m"),
				new Breakage(Promise.NO_READY_POD_REMOVED_BEFORE_ITS_REPLACEMENT_IS_READY, DEPLOYMENT,
						"maxUnavailable: 0", "maxUnavailable: 1"),
				new Breakage(Promise.NO_READY_POD_REMOVED_BEFORE_ITS_REPLACEMENT_IS_READY, DEPLOYMENT, "replicas: 2",
						"replicas: 1"),
				new Breakage(Promise.PROGRESS_DEADLINE_ABOVE_THE_MIGRATION_BUDGET, DEPLOYMENT,
						"progressDeadlineSeconds: 600", "progressDeadlineSeconds: 300"),
				new Breakage(Promise.GRACE_PERIOD_ABOVE_THE_GRACEFUL_SHUTDOWN, DEPLOYMENT,
						"terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: 30"),
				new Breakage(Promise.A_FAILED_MIGRATION_KEEPS_THE_POD_ALIVE_AND_UNREADY, DEPLOYMENT, "value: unready",
						"value: exit"),
				new Breakage(Promise.DISRUPTION_BUDGET_KEEPS_ONE_POD, PDB, "minAvailable: 1", "minAvailable: 0"),
				new Breakage(Promise.DISRUPTION_BUDGET_KEEPS_ONE_POD, PDB, "app.kubernetes.io/name: paliad-app",
						"app.kubernetes.io/name: paliad"),
				new Breakage(Promise.SERVICE_ROUTES_TO_THE_APPS_PODS, SERVICE, "targetPort: http", "targetPort: web"),
				new Breakage(Promise.MIGRATE_JOB_RUNS_MIGRATE_ONLY_AND_ENDS, JOB,
						"--paliad.migration.mode=migrate-only", "--paliad.migration.mode=migrate"),
				new Breakage(Promise.MIGRATE_JOB_RUNS_MIGRATE_ONLY_AND_ENDS, JOB, "activeDeadlineSeconds: 600",
						"activeDeadlineSeconds: 120"),
				new Breakage(Promise.MIGRATE_JOB_RUNS_MIGRATE_ONLY_AND_ENDS, JOB, "value: exit", "value: unready"),
				new Breakage(Promise.MIGRATE_JOB_RETRIES_ONLY_TRANSIENT_FAILURES, JOB, "values: [1, 2, 3, 4, 5]",
						"values: [1, 2, 3, 5]"),
				new Breakage(Promise.MIGRATE_JOB_RETRIES_ONLY_TRANSIENT_FAILURES, JOB, "backoffLimit: 2",
						"backoffLimit: 6"),
				new Breakage(Promise.MIGRATE_JOB_IS_NOT_PART_OF_THE_SERVICE, JOB,
						"app.kubernetes.io/name: paliad-migrate\n        app.kubernetes.io/component",
						"app.kubernetes.io/name: paliad-app\n        app.kubernetes.io/component"));
	}

	@ParameterizedTest
	@EnumSource(Promise.class)
	void theManifestsKeepThePromise(Promise promise) {
		promise.check.accept(KubernetesManifests.load());
	}

	@ParameterizedTest
	@MethodSource("breakages")
	void eachPromiseFailsWhenItsManifestIsBroken(Breakage breakage) {
		assertThat(DeployFiles.read(DeployFiles.file(breakage.file()))).as(breakage.file()).contains(breakage.from());
		KubernetesManifests broken = KubernetesManifests
			.load(Map.of(breakage.file(), (text) -> text.replace(breakage.from(), breakage.to())));
		assertThatThrownBy(() -> breakage.promise().check.accept(broken)).isInstanceOf(AssertionError.class);
	}

	@Test
	void everyPromiseCanBeBroken() {
		assertThat(breakages().map(Breakage::promise).distinct()).containsExactlyInAnyOrder(Promise.values());
	}

	@Test
	void aFieldTheKubernetesApiDoesNotHaveFails() {
		String deployment = DeployFiles.read(DeployFiles.file(DEPLOYMENT));
		for (String typo : List.of("readinessProbe:", "maxUnavailable:", "terminationGracePeriodSeconds:")) {
			String broken = deployment.replace(typo, typo.replace("e", "ee"));
			assertThatThrownBy(() -> KubernetesManifests.parse(broken, typo)).as(typo)
				.isInstanceOf(UncheckedIOException.class)
				.hasMessageContaining("Unrecognized field");
		}
		String job = DeployFiles.read(DeployFiles.file(JOB)).replace("backoffLimit:", "backOffLimit:");
		assertThatThrownBy(() -> KubernetesManifests.parse(job, JOB)).isInstanceOf(UncheckedIOException.class);
	}

	@Test
	void theKustomizationsListEveryManifestAndNothingMissing() throws IOException {
		List<String> listed = new ArrayList<>(KubernetesManifests.resources(KubernetesManifests.MIGRATE_JOB));
		assertThat(KubernetesManifests.resources(KubernetesManifests.BASE)).isSubsetOf(listed);
		List<String> present;
		try (Stream<Path> files = Files.walk(DeployFiles.file("compose/kubernetes"))) {
			present = files.filter((file) -> file.toString().endsWith(".yaml"))
				.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
				.map((file) -> DeployFiles.root().relativize(file).toString())
				.toList();
		}
		assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
		// One tag for both: the Job migrates exactly the release the Deployment rolls
		// out.
		Map<String, Object> image = DeployFiles.map(DeployFiles
			.list(DeployFiles.yaml(KubernetesManifests.BASE + "/kustomization.yaml").get("images"), "images")
			.get(0), "image");
		assertThat(app(KubernetesManifests.load()).getImage()).startsWith(image.get("name") + ":");
	}

	@Test
	void everySettingSaysWhyInAComment() {
		Set<String> settings = Set.of("replicas", "minReadySeconds", "progressDeadlineSeconds", "maxUnavailable",
				"maxSurge", "terminationGracePeriodSeconds", "periodSeconds", "timeoutSeconds", "failureThreshold",
				"minAvailable", "unhealthyPodEvictionPolicy", "backoffLimit", "activeDeadlineSeconds",
				"ttlSecondsAfterFinished", "restartPolicy", "revisionHistoryLimit", "type", "targetPort", "seconds");
		List<String> uncommented = new ArrayList<>();
		for (String file : KubernetesManifests.resources(KubernetesManifests.MIGRATE_JOB)) {
			List<String> lines = DeployFiles.read(DeployFiles.file(file)).lines().toList();
			for (int i = 0; i < lines.size(); i++) {
				String key = lines.get(i).strip().split(":")[0];
				if (settings.contains(key) && !explained(lines, i)) {
					uncommented.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(uncommented).as("settings without a comment saying why").isEmpty();
	}

	/**
	 * A comment on the line or right above it, or a comment right above the block that
	 * holds it which names the value (e.g. "60 x 5 s" above a startup probe's
	 * failureThreshold: 60).
	 */
	private static boolean explained(List<String> lines, int index) {
		String line = lines.get(index);
		if (line.contains(" # ") || (index > 0 && lines.get(index - 1).strip().startsWith("#"))) {
			return true;
		}
		String value = line.substring(line.indexOf(':') + 1).strip();
		for (int i = index - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")
					&& indent(lines.get(i)) < indent(line)) {
				StringBuilder comment = new StringBuilder();
				for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("#"); j--) {
					comment.append(lines.get(j)).append('\n');
				}
				return !value.isEmpty() && comment.toString().matches("(?s).*\\b" + Pattern.quote(value) + "\\b.*");
			}
		}
		return false;
	}

	private static int indent(String line) {
		return line.length() - line.stripLeading().length();
	}

	// --- the promises
	// ---------------------------------------------------------------------

	static void probesOnTheRightEndpoints(KubernetesManifests manifests) {
		Container app = app(manifests);
		assertThat(path(app.getStartupProbe())).as("startupProbe: boot plus migrations")
			.isEqualTo("/actuator/health/readiness");
		assertThat(path(app.getReadinessProbe())).as("readinessProbe: migrated and serving")
			.isEqualTo("/actuator/health/readiness");
		assertThat(path(app.getLivenessProbe())).as("livenessProbe: never readiness, or a failed migration restarts")
			.isEqualTo("/actuator/health/liveness");
		for (Probe probe : List.of(app.getStartupProbe(), app.getReadinessProbe(), app.getLivenessProbe())) {
			IntOrString port = probe.getHttpGet().getPort();
			assertThat(app.getPorts()).as("probe port " + port)
				.anyMatch((p) -> p.getContainerPort().equals(port.getIntVal()) || p.getName().equals(port.getStrVal()));
			assertThat(probe.getTimeoutSeconds()).as("timeout < period").isLessThan(probe.getPeriodSeconds());
		}
		assertThat(app.getReadinessProbe().getFailureThreshold()).as("one slow answer never unreadies a pod")
			.isGreaterThanOrEqualTo(2);
		assertThat(app.getLivenessProbe().getFailureThreshold()).isGreaterThanOrEqualTo(3);
	}

	static void startupBudgetCoversTheMigrationBudget(KubernetesManifests manifests) {
		Probe startup = app(manifests).getStartupProbe();
		int delay = (startup.getInitialDelaySeconds() != null) ? startup.getInitialDelaySeconds() : 0;
		Duration budget = Duration.ofSeconds(delay + (long) startup.getPeriodSeconds() * startup.getFailureThreshold());
		assertThat(budget).as("startup probe budget").isGreaterThanOrEqualTo(migrationBudget(manifests));
		// A pod waiting for another pod's lock gives up before its startup budget runs
		// out.
		Duration lockWait = DeployFiles.duration(env(app(manifests), "PALIAD_MIGRATION_LOCK_WAIT_TIMEOUT"));
		assertThat(lockWait).as("lock wait < migration budget").isLessThan(migrationBudget(manifests));
	}

	static void rollingUpdateKeepsCapacity(KubernetesManifests manifests) {
		assertThat(manifests.deployment().getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
		RollingUpdateDeployment rolling = manifests.deployment().getSpec().getStrategy().getRollingUpdate();
		assertThat(rolling.getMaxUnavailable()).as("maxUnavailable").isIn(new IntOrString(0), new IntOrString("0%"));
		assertThat(rolling.getMaxSurge()).as("maxSurge").isEqualTo(new IntOrString(1));
		assertThat(manifests.deployment().getSpec().getReplicas()).as("replicas: one serves while one is replaced")
			.isGreaterThanOrEqualTo(2);
	}

	static void progressDeadlineAboveTheBudget(KubernetesManifests manifests) {
		int minReady = manifests.deployment().getSpec().getMinReadySeconds();
		assertThat(Duration.ofSeconds(manifests.deployment().getSpec().getProgressDeadlineSeconds()))
			.as("progressDeadlineSeconds > migration budget + minReadySeconds")
			.isGreaterThan(migrationBudget(manifests).plusSeconds(minReady));
	}

	static void gracePeriodAboveTheShutdown(KubernetesManifests manifests) {
		PodSpec pod = manifests.deployment().getSpec().getTemplate().getSpec();
		Container app = app(manifests);
		long preStop = (app.getLifecycle() != null && app.getLifecycle().getPreStop() != null
				&& app.getLifecycle().getPreStop().getSleep() != null)
						? app.getLifecycle().getPreStop().getSleep().getSeconds() : 0;
		Duration shutdown = SPRING_DEFAULT_SHUTDOWN_PHASE;
		String phase = sampleProperties().getProperty("spring.lifecycle.timeout-per-shutdown-phase");
		if (phase != null && DeployFiles.duration(phase).compareTo(shutdown) > 0) {
			shutdown = DeployFiles.duration(phase);
		}
		assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
			.as("terminationGracePeriodSeconds > preStop + graceful shutdown")
			.isGreaterThan(shutdown.plusSeconds(preStop));
	}

	static void failedMigrationStaysUnready(KubernetesManifests manifests) {
		assertThat(env(app(manifests), "PALIAD_MIGRATION_ON_FAILURE")).isEqualTo("unready");
	}

	static void disruptionBudgetKeepsOnePod(KubernetesManifests manifests) {
		var pdb = manifests.pdb().getSpec();
		assertThat(pdb.getSelector().getMatchLabels()).as("the PDB selects the app's pods")
			.isEqualTo(manifests.deployment().getSpec().getSelector().getMatchLabels());
		assertThat(podLabels(manifests)).containsAllEntriesOf(pdb.getSelector().getMatchLabels());
		assertThat(pdb.getMinAvailable()).as("minAvailable").isNotNull();
		int minAvailable = pdb.getMinAvailable().getIntVal();
		assertThat(minAvailable).as("at least one pod always serves").isGreaterThanOrEqualTo(1);
		assertThat(minAvailable).as("below replicas, so a drain can proceed")
			.isLessThan(manifests.deployment().getSpec().getReplicas());
	}

	static void serviceRoutesToTheAppsPods(KubernetesManifests manifests) {
		var service = manifests.service().getSpec();
		assertThat(podLabels(manifests)).containsAllEntriesOf(service.getSelector());
		assertThat(service.getPublishNotReadyAddresses()).as("never route to unready pods").isNotEqualTo(Boolean.TRUE);
		for (var port : service.getPorts()) {
			assertThat(app(manifests).getPorts()).as("targetPort " + port.getTargetPort())
				.anyMatch((p) -> p.getName().equals(port.getTargetPort().getStrVal())
						|| p.getContainerPort().equals(port.getTargetPort().getIntVal()));
		}
	}

	static void migrateJobRunsMigrateOnlyAndEnds(KubernetesManifests manifests) {
		JobSpec job = manifests.job().getSpec();
		Container migrate = job.getTemplate().getSpec().getContainers().get(0);
		assertThat(migrate.getArgs()).contains("--paliad.migration.mode=migrate-only");
		assertThat(migrate.getImage()).as("the Deployment's release").isEqualTo(app(manifests).getImage());
		assertThat(env(migrate, "PALIAD_MIGRATION_ON_FAILURE")).as("a Job must end").isEqualTo("exit");
		assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
		assertThat(Duration.ofSeconds(job.getActiveDeadlineSeconds())).as("activeDeadlineSeconds >= migration budget")
			.isGreaterThanOrEqualTo(migrationBudget(manifests));
		assertThat(job.getTtlSecondsAfterFinished()).as("the log outlives the pipeline run")
			.isGreaterThanOrEqualTo(3600);
		for (String name : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_CONFIG_IMPORT")) {
			assertThat(env(migrate, name)).as(name + " as the Deployment's").isEqualTo(env(app(manifests), name));
		}
	}

	static void migrateJobRetriesOnlyTransientFailures(KubernetesManifests manifests) {
		JobSpec job = manifests.job().getSpec();
		assertThat(job.getBackoffLimit()).as("backoffLimit: a retry or two for a transient failure").isBetween(1, 3);
		List<Integer> failJob = job.getPodFailurePolicy()
			.getRules()
			.stream()
			.filter((rule) -> "FailJob".equals(rule.getAction()) && rule.getOnExitCodes() != null)
			.map(PodFailurePolicyRule::getOnExitCodes)
			.filter((codes) -> "In".equals(codes.getOperator()))
			.flatMap((codes) -> codes.getValues().stream())
			.toList();
		// docs/modes.md: 3 validation and 4 SQL failed repeat on every try; 6 (database
		// unreachable, lock not acquired) may not.
		assertThat(failJob).as("exit codes that fail the Job at once").contains(2, 3, 4).doesNotContain(6, 0);
	}

	static void migrateJobIsNotPartOfTheService(KubernetesManifests manifests) {
		Map<String, String> jobLabels = manifests.job().getSpec().getTemplate().getMetadata().getLabels();
		for (Map<String, String> selector : List.of(manifests.service().getSpec().getSelector(),
				manifests.pdb().getSpec().getSelector().getMatchLabels(),
				manifests.deployment().getSpec().getSelector().getMatchLabels())) {
			assertThat(jobLabels.entrySet().containsAll(selector.entrySet()))
				.as("the Job's pod %s must not match the selector %s", jobLabels, selector)
				.isFalse();
		}
	}

	// --- helpers
	// -------------------------------------------------------------------------

	private static Container app(KubernetesManifests manifests) {
		List<Container> containers = manifests.deployment().getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static Map<String, String> podLabels(KubernetesManifests manifests) {
		return manifests.deployment().getSpec().getTemplate().getMetadata().getLabels();
	}

	private static String path(Probe probe) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet()).as("an HTTP probe").isNotNull();
		return probe.getHttpGet().getPath();
	}

	private static Duration migrationBudget(KubernetesManifests manifests) {
		String budget = manifests.deployment().getMetadata().getAnnotations().get("paliad.de/migration-budget-seconds");
		assertThat(budget).as("the migration budget annotation").isNotNull();
		return Duration.ofSeconds(Long.parseLong(budget));
	}

	private static String env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((env) -> env.getName().equals(name))
			.map(EnvVar::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
	}

	private static Properties sampleProperties() {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(
					DeployFiles.read(DeployFiles.file("sample-app/src/main/resources/application.properties"))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
