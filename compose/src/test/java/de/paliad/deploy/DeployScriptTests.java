package de.paliad.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compose/swarm/deploy.sh} reads the truth from Swarm, not from the exit code of
 * {@code docker stack deploy} (which is 0 after a rollback, docker/cli#6752). Here a fake
 * {@code docker} plays Swarm's answers, so the verdicts are checked on every build, also
 * where no Docker engine runs; the e2e checks them against a real Swarm. Also: every
 * shell script under {@code compose/} parses, runs in strict mode, and the steps refuse
 * bad input before touching anything.
 */
class DeployScriptTests {

	/**
	 * Answers deploy.sh's docker calls from files in $FAKE: states (one UpdateStatus per
	 * inspect, the last one sticks), spec and spec.next (the task template before and
	 * after `stack deploy`), image, previous-image, message, tasks ("id image state slot
	 * exit err"), logs-<id>. Records each `stack deploy` in deployed.
	 */
	private static final String FAKE_DOCKER = """
			#!/usr/bin/env bash
			set -euo pipefail
			f=$FAKE
			args="$*"
			task_field() { awk -v id="$1" -v n="$2" '$1 == id { print $n }' "$f/tasks"; }
			case "$args" in
			"stack deploy --help") echo "      --detach   Exit immediately" ;;
			"stack deploy "*) echo "$args" >>"$f/deployed"; cp "$f/spec.next" "$f/spec" ;;
			"service inspect "*"UpdateStatus.State"*)
				n=$(cat "$f/calls" 2>/dev/null || echo 0); n=$((n + 1)); echo $n >"$f/calls"
				total=$(wc -l <"$f/states")
				sed -n "$(( n < total ? n : total ))p" "$f/states" ;;
			"service inspect "*"json .Spec.TaskTemplate"*) cat "$f/spec" ;;
			"service inspect "*"PreviousSpec"*) cat "$f/previous-image" ;;
			"service inspect "*"ContainerSpec.Image"*) cat "$f/image" ;;
			"service inspect "*"UpdateStatus.Message"*) cat "$f/message" ;;
			"service inspect "*"Replicas"*) echo 2 ;;
			"service inspect "*) [ -f "$f/exists" ] ;;
			"service ps -q --no-trunc "*) awk '{ print $1 }' "$f/tasks" ;;
			"service ps "*"desired-state=running"*) echo "Running 1 minute ago"; echo "Running 1 minute ago" ;;
			"inspect "*"{{.Spec.ContainerSpec.Image}} {{.Status.State}}"*) echo "$(task_field "$2" 2) $(task_field "$2" 3)" ;;
			"inspect "*"failed task"*) echo "  failed task: $2 ($(task_field "$2" 2)) slot $(task_field "$2" 4) $(task_field "$2" 3), exit code $(task_field "$2" 5)" ;;
			"service logs "*) cat "$f/logs-${@: -1}" 2>/dev/null || true ;;
			*) echo "fake docker: unexpected call: $args" >&2; exit 99 ;;
			esac
			""";

	private static final String SEED_FAILURE_LOG = """
			2026-05-25T16:05:01Z  INFO 1 --- [main] d.p.migration.core.Migrator : Applying 1 pending migration(s): [125 (125_cross_cutting_filter_legal_source.up.sql)]
			2026-05-25T16:05:01Z ERROR 1 --- [main] d.p.migration.core.Migrator : Migration run failed: Migration 125 (125_cross_cutting_filter_legal_source.up.sql) failed at line 3 with SQLSTATE 42703: ERROR: column "is_mandatory" does not exist
			2026-05-25T16:05:02Z  WARN 1 --- [main] d.p.m.a.MigrationReadiness : Readiness stays REFUSING_TRAFFIC
			""";

	@TempDir
	private Path fake;

	@Test
	void completedUpdateExits0() throws Exception {
		swarm(List.of("completed 2026-05-25T10:00:00Z", "updating 2026-05-25T16:00:00Z",
				"completed 2026-05-25T16:00:00Z"), "app:v2");
		ScriptRun result = deploy("v2");
		assertThat(result.code()).as(result.output()).isEqualTo(0);
		assertThat(result.output()).contains("DEPLOY OK", "app:v2");
		assertThat(Files.readString(this.fake.resolve("deployed"))).contains("--detach=true", "paliad");
	}

	@Test
	void rollbackExits1AndReportsTheFailingMigrationThoughStackDeploySucceeded() throws Exception {
		swarm(List.of("completed 2026-05-25T10:00:00Z", "updating 2026-05-25T16:05:00Z",
				"rollback_started 2026-05-25T16:05:00Z", "rollback_completed 2026-05-25T16:05:00Z"), "app:v124");
		write("message", "rollback completed");
		write("tasks", "t1 app:v125 failed 1 143 unhealthy\nt0 app:v124 running 1 0 -\n");
		write("logs-t1", SEED_FAILURE_LOG);
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("DEPLOY FAILED", "rollback_completed", "now serving: app:v124",
				"failed task: t1 (app:v125)", "125_cross_cutting_filter_legal_source", "SQLSTATE 42703");
	}

	@Test
	void pausedUpdateExits2() throws Exception {
		swarm(List.of("completed 2026-05-25T10:00:00Z", "paused 2026-05-25T16:05:00Z"), "app:v3");
		assertThat(deploy("v3").code()).isEqualTo(2);
	}

	@Test
	void aVerdictLeftOverFromAnEarlierRolloutIsNotThisOnes() throws Exception {
		// Swarm never starts the new update: the old `completed` must not pass for it.
		swarm(List.of("completed 2026-05-25T10:00:00Z"), "app:v2");
		ScriptRun result = deploy("v3", Map.of("DEPLOY_TIMEOUT", "3", "DEPLOY_POLL", "1"));
		assertThat(result.code()).as(result.output()).isEqualTo(3);
		assertThat(result.output()).contains("no verdict within 3s");
	}

	@Test
	void anUnchangedSpecHasNothingToRollOut() throws Exception {
		swarm(List.of("completed 2026-05-25T10:00:00Z"), "app:v2");
		write("spec.next", read("spec"));
		ScriptRun result = deploy("v2");
		assertThat(result.code()).as(result.output()).isEqualTo(0);
		assertThat(result.output()).contains("spec unchanged");
	}

	@Test
	void watchOnlyReportsARollbackOfTheWatchedVersionWithoutDeploying() throws Exception {
		swarm(List.of("rollback_completed 2026-05-25T16:05:00Z"), "app:v124");
		write("previous-image", "app:v125");
		ScriptRun result = deploy("--watch-only", "v125");
		assertThat(result.code()).as(result.output()).isEqualTo(1);
		assertThat(this.fake.resolve("deployed")).doesNotExist();
	}

	@Test
	void deployScriptsRejectBadUsageBeforeTouchingAnything() throws Exception {
		assertThat(run(List.of(script("compose/swarm/deploy.sh")), Map.of()).code()).isEqualTo(64);
		assertThat(run(List.of(script("compose/ci/steps/deploy.sh")), Map.of("DEPLOY_VIA", "ftp", "APP_VERSION", "v1"))
			.code()).isEqualTo(64);
		ScriptRun latest = run(List.of(script("compose/ci/steps/image.sh")),
				Map.of("APP_IMAGE", "registry.example/app", "APP_VERSION", "latest", "DOCKER", fakeDocker()));
		assertThat(latest.code()).isEqualTo(64);
		assertThat(latest.output()).contains("refusing the tag 'latest'");
	}

	@Test
	void everyShellScriptParsesAndRunsInStrictMode() throws Exception {
		List<Path> scripts;
		try (Stream<Path> files = Files.walk(DeployFiles.file("compose"))) {
			scripts = files.filter((file) -> file.toString().endsWith(".sh")).sorted().toList();
		}
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(8);
		for (Path script : scripts) {
			ScriptRun syntax = run(List.of("bash", "-n", script.toString()), Map.of());
			assertThat(syntax.code()).as(script + ": " + syntax.output()).isEqualTo(0);
			String text = DeployFiles.read(script);
			if (script.getParent().getFileName().toString().equals("lib")) {
				// Sourced by run.sh, which sets the strict mode.
				assertThat(text).as(script.toString()).startsWith("# shellcheck shell=bash");
			}
			else if (!script.toString().contains("/images/")) {
				assertThat(text).as(script.toString()).startsWith("#!/usr/bin/env bash").contains("set -euo pipefail");
				assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
			}
		}
	}

	/** A Swarm whose app service exists, runs <image>, and answers <states> in turn. */
	private void swarm(List<String> states, String image) throws IOException {
		write("exists", "");
		write("states", String.join("\n", states) + "\n");
		write("spec", "{\"ContainerSpec\":{\"Image\":\"before\"}}");
		write("spec.next", "{\"ContainerSpec\":{\"Image\":\"after\"}}");
		write("image", image);
		write("previous-image", "");
		write("message", "");
		write("tasks", "");
	}

	private ScriptRun deploy(String... args) throws Exception {
		return deploy(args, Map.of());
	}

	private ScriptRun deploy(String version, Map<String, String> environment) throws Exception {
		return deploy(new String[] { version }, environment);
	}

	private ScriptRun deploy(String[] args, Map<String, String> environment) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(script("compose/swarm/deploy.sh"));
		command.addAll(List.of(args));
		Map<String, String> env = new java.util.HashMap<>(Map.of("DOCKER", fakeDocker(), "DEPLOY_POLL", "0",
				"DEPLOY_TIMEOUT", "20", "STACK_FILES", DeployFiles.file("compose/swarm/stack.yml").toString()));
		env.putAll(environment);
		return run(command, env);
	}

	private String fakeDocker() throws IOException {
		Path docker = this.fake.resolve("docker");
		if (!Files.exists(docker)) {
			Files.writeString(docker, FAKE_DOCKER, StandardCharsets.UTF_8);
			Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		return docker.toString();
	}

	private static String script(String relative) {
		return DeployFiles.file(relative).toString();
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.fake.resolve(name), content, StandardCharsets.UTF_8);
	}

	private String read(String name) throws IOException {
		return Files.readString(this.fake.resolve(name), StandardCharsets.UTF_8);
	}

	private ScriptRun run(List<String> command, Map<String, String> environment) throws Exception {
		return ScriptRun.of(this.fake, command, environment);
	}

}
