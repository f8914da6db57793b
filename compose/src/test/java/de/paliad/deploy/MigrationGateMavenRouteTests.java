package de.paliad.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GATE_VIA=maven} of {@code compose/ci/steps/migration-gate.sh}: the step runs the
 * Maven goal with the GATE_* variables as its properties, needs neither psql nor a jar,
 * and exits with the dry-run mode's code that the goal's failure message names. A fake
 * {@code ./mvnw} records its arguments; a fake {@code psql} on the PATH fails if called.
 */
class MigrationGateMavenRouteTests {

	private static final String FAKE_MVNW = """
			#!/usr/bin/env bash
			printf '%s\\n' "$@" > "$FAKE/mvnw.args"
			echo "${FAKE_MVNW_OUTPUT:-[INFO] The migration gate passed.}"
			exit "${FAKE_MVNW_EXIT:-0}"
			""";

	private static final String FAKE_PSQL = """
			#!/usr/bin/env bash
			echo psql >> "$FAKE/psql.calls"
			exit 1
			""";

	@TempDir
	Path fake;

	@Test
	void runsTheGoalWithTheGateVariablesAsPropertiesAndNoPsql() throws Exception {
		Files.writeString(this.fake.resolve("prod.sql"), "-- snapshot", StandardCharsets.UTF_8);
		ScriptRun run = gate(Map.of("GATE_SNAPSHOT", "prod.sql", "GATE_ROLE", "app_owner", "GATE_REPORTS",
				"sarif:build/gate/gate.sarif, markdown:/abs/gate.md,github", "GATE_REPORT_PATH_PREFIX",
				"sample-app/src/main/resources/db/migration/"));
		assertThat(run.code()).as(run.output()).isZero();
		assertThat(run.output()).contains("gate: passed");
		String root = this.fake.toString();
		assertThat(args()).containsExactly("-B", "-ntp", "-pl", "sample-app", "paliad-migration:gate",
				"-Dpaliad.migration.snapshot=" + root + "/prod.sql", "-Dpaliad.migration.role=app_owner",
				"-Dpaliad.migration.reports=sarif:" + root + "/build/gate/gate.sarif,markdown:/abs/gate.md,github",
				"-Dpaliad.migration.report-path-prefix=sample-app/src/main/resources/db/migration/");
		assertThat(this.fake.resolve("psql.calls")).doesNotExist();
	}

	@Test
	void theModuleIsConfigurableAndUnsetVariablesAddNoProperties() throws Exception {
		ScriptRun run = gate(Map.of("GATE_MAVEN_MODULE", "app"));
		assertThat(run.code()).as(run.output()).isZero();
		assertThat(args()).containsExactly("-B", "-ntp", "-pl", "app", "paliad-migration:gate");
	}

	@Test
	void exitsWithTheDryRunCodeTheGoalNames() throws Exception {
		ScriptRun run = gate(Map.of("FAKE_MVNW_EXIT", "1", "FAKE_MVNW_OUTPUT",
				"[ERROR] Failed to execute goal gate: The migration gate failed with exit code 3 of the dry-run mode"));
		assertThat(run.code()).isEqualTo(3);
		assertThat(run.output()).contains("GATE FAILED: paliad-migration:gate exited 3: validation failed:");
	}

	@Test
	void aMavenFailureWithoutAVerdictExitsOne() throws Exception {
		ScriptRun run = gate(Map.of("FAKE_MVNW_EXIT", "1", "FAKE_MVNW_OUTPUT", "[ERROR] Could not resolve plugin"));
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.output()).contains("GATE FAILED: the Maven build failed before the gate decided");
	}

	@Test
	void aMissingSnapshotFailsBeforeMaven() throws Exception {
		ScriptRun run = gate(Map.of("GATE_SNAPSHOT", "missing.sql"));
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.output()).contains("GATE_SNAPSHOT=missing.sql is not a readable file");
		assertThat(this.fake.resolve("mvnw.args")).doesNotExist();
	}

	@Test
	void anUnknownRouteIsRefused() throws Exception {
		ScriptRun run = gate(Map.of("GATE_VIA", "gradle"));
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.output()).contains("GATE_VIA=gradle is not a route; use 'maven'");
		assertThat(this.fake.resolve("mvnw.args")).doesNotExist();
	}

	private ScriptRun gate(Map<String, String> environment) throws Exception {
		executable("mvnw", FAKE_MVNW);
		Path bin = Files.createDirectories(this.fake.resolve("bin"));
		executable("bin/psql", FAKE_PSQL);
		Map<String, String> env = new java.util.HashMap<>(
				Map.of("GATE_VIA", "maven", "PATH", bin + ":" + System.getenv("PATH")));
		env.putAll(environment);
		// The step runs from the repository root, where ./mvnw is: here the fakes'
		// folder.
		return ScriptRun.of(this.fake, List.of("bash", "-c", "cd \"$FAKE\" && exec \"$0\"",
				DeployFiles.file("compose/ci/steps/migration-gate.sh").toString()), env);
	}

	private List<String> args() throws IOException {
		return Files.readAllLines(this.fake.resolve("mvnw.args"), StandardCharsets.UTF_8);
	}

	private void executable(String name, String content) throws IOException {
		Path file = this.fake.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

}
