package de.paliad.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static de.paliad.deploy.DeployFiles.at;
import static de.paliad.deploy.DeployFiles.list;
import static de.paliad.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI pipelines of {@code compose/ci/} (Gitea Actions, GitHub Actions, Woodpecker,
 * GitLab CI) parse, run the shared step scripts in the order test, gate, image, deploy
 * against a real PostgreSQL service, and deploy only from main after everything before
 * passed. The steps themselves run in {@link MigrationGateStepIT},
 * {@link DeployScriptTests} and the e2e, so the pipelines cannot rot apart from what is
 * tested.
 */
class PipelineTemplatesTests {

	private static final String GITEA = "compose/ci/gitea/.gitea/workflows/deploy.yaml";

	private static final String GITHUB = "compose/ci/github/.github/workflows/deploy.yml";

	private static final String WOODPECKER = "compose/ci/woodpecker/.woodpecker.yaml";

	private static final String GITLAB = "compose/ci/gitlab/.gitlab-ci.yml";

	private static final List<String> STEPS_IN_ORDER = List.of("compose/ci/steps/test.sh",
			"compose/ci/steps/migration-gate.sh", "compose/ci/steps/image.sh", "compose/ci/steps/deploy.sh");

	private static final Pattern STEP = Pattern.compile("compose/ci/steps/[a-z-]+\\.sh");

	@ParameterizedTest
	@ValueSource(strings = { GITEA, GITHUB, WOODPECKER, GITLAB })
	void runsEveryStepInOrder(String pipeline) {
		assertThat(stepsCalled(pipeline)).as(pipeline).containsExactlyElementsOf(STEPS_IN_ORDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { GITEA, GITHUB, WOODPECKER, GITLAB })
	void testsAndGateRunAgainstAPostgresqlService(String pipeline) {
		String text = DeployFiles.read(DeployFiles.file(pipeline));
		assertThat(text).containsPattern("image: postgres:\\d+|name: postgres:\\d+");
		assertThat(text).contains("PALIAD_TEST_JDBC_URL: jdbc:postgresql://", "PGHOST:");
	}

	@Test
	void everyCalledStepExistsAndIsExecutable() {
		for (String step : STEPS_IN_ORDER) {
			Path script = DeployFiles.file(step);
			assertThat(script).as(step).isRegularFile();
			assertThat(Files.isExecutable(script)).as(step + " is executable").isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { GITEA, GITHUB })
	void actionsDeployOnlyFromMainAfterTheVerifyJob(String pipeline) {
		Map<String, Object> jobs = map(at(DeployFiles.yaml(pipeline), "jobs"), "jobs");
		assertThat(jobs.keySet()).containsExactly("verify", "deploy");
		Map<String, Object> deploy = map(jobs.get("deploy"), "deploy");
		assertThat(deploy.get("needs")).isEqualTo("verify");
		assertThat((String) deploy.get("if")).contains("github.ref == 'refs/heads/main'");
		Map<String, Object> verify = map(jobs.get("verify"), "verify");
		assertThat(map(verify.get("services"), "services")).containsKey("postgres");
		// The image is built from the gated jar only on main.
		List<Object> steps = list(verify.get("steps"), "steps");
		Map<String, Object> image = steps.stream()
			.map((step) -> map(step, "step"))
			.filter((step) -> String.valueOf(step.get("run")).contains("image.sh"))
			.findFirst()
			.orElseThrow();
		assertThat((String) image.get("if")).contains("refs/heads/main");
	}

	@Test
	void woodpeckerRunsStepsInOrderAndDeploysOnlyPushesToMain() {
		Map<String, Object> pipeline = DeployFiles.yaml(WOODPECKER);
		assertThat(list(pipeline.get("services"), "services")).isNotEmpty();
		List<Object> steps = list(pipeline.get("steps"), "steps");
		List<String> names = steps.stream().map((step) -> (String) map(step, "step").get("name")).toList();
		assertThat(names).containsExactly("test", "migration-gate", "image", "deploy");
		for (Object step : steps.subList(2, 4)) {
			Map<String, Object> when = map(list(map(step, "step").get("when"), "when").get(0), "when");
			assertThat(when).containsEntry("event", "push").containsEntry("branch", "main");
		}
	}

	@Test
	void gitlabDeploysOnlyFromTheDefaultBranchAfterEveryEarlierStage() {
		Map<String, Object> pipeline = DeployFiles.yaml(GITLAB);
		assertThat(list(pipeline.get("stages"), "stages")).containsExactly("test", "gate", "image", "deploy");
		for (String job : List.of("build-image", "deploy")) {
			Map<String, Object> rule = map(list(at(pipeline, job, "rules"), "rules").get(0), "rule");
			assertThat((String) rule.get("if")).isEqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
		}
		assertThat(at(pipeline, "deploy", "stage")).isEqualTo("deploy");
		// The gate and the image use the jar the test stage built.
		assertThat(list(at(pipeline, "test", "artifacts", "paths"), "paths")).isNotEmpty();
	}

	@Test
	void deploysAreSerialized() {
		assertThat(DeployFiles.read(DeployFiles.file(GITHUB))).contains("cancel-in-progress: false");
		assertThat(at(DeployFiles.yaml(GITLAB), "deploy", "resource_group")).isEqualTo("production");
	}

	/** The step scripts a pipeline calls, in the order they appear in its file. */
	private static List<String> stepsCalled(String pipeline) {
		DeployFiles.yaml(pipeline);
		List<String> steps = new ArrayList<>();
		for (String line : DeployFiles.read(DeployFiles.file(pipeline)).lines().toList()) {
			if (line.strip().startsWith("#")) {
				continue;
			}
			Matcher matcher = STEP.matcher(line);
			while (matcher.find()) {
				steps.add(matcher.group());
			}
		}
		return steps;
	}

}
