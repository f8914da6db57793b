package de.paliad.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.paliad.migration.core.GateReport.Format;
import de.paliad.migration.core.GateReport.Target;
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
		assertThat(names).containsExactly("test", "migration-gate", "gate-summary", "image", "deploy");
		for (Object step : steps.subList(3, 5)) {
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

	@ParameterizedTest
	@ValueSource(strings = { GITEA, GITHUB, WOODPECKER, GITLAB })
	void theGateWritesAMarkdownSummaryWithPathsFromTheRepositoryRoot(String pipeline) {
		Map<String, String> gate = gateEnvironment(pipeline);
		assertThat(reports(gate)).extracting(Target::format).contains(Format.MARKDOWN);
		assertThat(gate.get("GATE_REPORT_PATH_PREFIX")).isEqualTo("sample-app/src/main/resources/db/migration/");
		assertThat(DeployFiles.file(gate.get("GATE_REPORT_PATH_PREFIX"))).isDirectory();
	}

	@Test
	void githubUploadsTheSarifToCodeScanningPrintsAnnotationsAndPostsTheSummaryEvenWhenTheGateFails() {
		List<Target> reports = reports(gateEnvironment(GITHUB));
		assertThat(reports).extracting(Target::format).contains(Format.SARIF, Format.GITHUB);
		Map<String, Object> verify = map(at(DeployFiles.yaml(GITHUB), "jobs", "verify"), "verify");
		assertThat(map(verify.get("permissions"), "permissions")).containsEntry("security-events", "write")
			.containsEntry("pull-requests", "write");
		Map<String, Object> upload = step(verify, "github/codeql-action/upload-sarif");
		assertThat(map(upload.get("with"), "with")).containsEntry("sarif_file", file(reports, Format.SARIF));
		assertThat((String) upload.get("if")).contains("!cancelled()");
		Map<String, Object> summary = step(verify, "GITHUB_STEP_SUMMARY");
		assertThat((String) summary.get("run")).contains(file(reports, Format.MARKDOWN)).contains("gh pr comment");
		assertThat((String) summary.get("if")).contains("!cancelled()");
	}

	@Test
	void giteaPrintsAnnotationsAndKeepsTheReports() {
		assertThat(reports(gateEnvironment(GITEA))).extracting(Target::format).contains(Format.GITEA);
		Map<String, Object> verify = map(at(DeployFiles.yaml(GITEA), "jobs", "verify"), "verify");
		assertThat((String) step(verify, "upload-artifact@").get("if")).contains("!cancelled()");
	}

	@Test
	void gitlabPublishesTheCodeQualityReportAlsoWhenTheGateFails() {
		List<Target> reports = reports(gateEnvironment(GITLAB));
		Map<String, Object> pipeline = DeployFiles.yaml(GITLAB);
		assertThat(at(pipeline, "migration-gate", "artifacts", "reports", "codequality"))
			.isEqualTo(file(reports, Format.GITLAB));
		assertThat(at(pipeline, "migration-gate", "artifacts", "when")).isEqualTo("always");
	}

	/** The environment of the step or job that runs the migration gate. */
	private static Map<String, String> gateEnvironment(String pipeline) {
		Map<String, Object> yaml = DeployFiles.yaml(pipeline);
		Object environment = switch (pipeline) {
			case GITLAB -> at(yaml, "migration-gate", "variables");
			case WOODPECKER -> list(yaml.get("steps"), "steps").stream()
				.map((step) -> map(step, "step"))
				.filter((step) -> "migration-gate".equals(step.get("name")))
				.findFirst()
				.orElseThrow()
				.get("environment");
			default -> step(map(at(yaml, "jobs", "verify"), "verify"), "migration-gate.sh").get("env");
		};
		Map<String, String> strings = new java.util.LinkedHashMap<>();
		map(environment, "environment").forEach((key, value) -> strings.put(key, String.valueOf(value)));
		return strings;
	}

	/** The gate's reports, parsed as the starter parses paliad.migration.reports. */
	private static List<Target> reports(Map<String, String> gate) {
		assertThat(gate).containsKey("GATE_REPORTS");
		return Target.parse(gate.get("GATE_REPORTS"));
	}

	private static String file(List<Target> reports, Format format) {
		return reports.stream()
			.filter((target) -> target.format() == format)
			.findFirst()
			.map((target) -> String.valueOf(target.file()))
			.orElseThrow();
	}

	/** The first step of an Actions job that uses or runs {@code text}. */
	private static Map<String, Object> step(Map<String, Object> job, String text) {
		return list(job.get("steps"), "steps").stream()
			.map((step) -> map(step, "step"))
			.filter((step) -> String.valueOf(step.get("uses")).contains(text)
					|| String.valueOf(step.get("run")).contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step with " + text));
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
