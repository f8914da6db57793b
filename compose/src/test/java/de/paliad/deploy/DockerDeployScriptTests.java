package de.paliad.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compose/docker/deploy.sh} switches the router only after the new slot is ready,
 * and never when it is not. A scripted {@code docker} and {@code docker compose} play the
 * engine here, so the order of the steps and the verdicts are checked on every build; the
 * Docker e2e ({@code compose/e2e/docker/run.sh}) runs the same script on a real engine.
 * Also {@code compose/docker/backup.sh} against a scripted {@code pg_dump}.
 */
class DockerDeployScriptTests {

	/**
	 * The engine, from files in $FAKE: containers/<service> (its id), states-<id> (one
	 * "status exit restarts health" per inspect, the last one sticks), active (the
	 * router's slot), serving (the slot answering through the router), logs-<id>,
	 * plan.json and plan.code, backup.code, reload-breaks. Every call is appended to
	 * calls.
	 */
	private static final String FAKE_DOCKER = """
			#!/usr/bin/env bash
			set -euo pipefail
			f=$FAKE
			args="$*"
			case "$args" in
			"ps -aq "*)
				service=$(sed -n 's/.*com.docker.compose.service=\\([^ ]*\\).*/\\1/p' <<<"$args")
				cat "$f/containers/$service" 2>/dev/null || true ;;
			"inspect "*)
				id=$2; n=$(cat "$f/calls-$id" 2>/dev/null || echo 0); n=$((n + 1)); echo $n >"$f/calls-$id"
				total=$(grep -c '' "$f/states-$id")
				state=$(sed -n "$(( n < total ? n : total ))p" "$f/states-$id")
				echo "docker inspect $id -> $state" >>"$f/calls"
				echo "$state" ;;
			"exec -i router sed -n s/^# active-slot: //p "*) cat "$f/active" ;;
			"exec -i router sed -n s/^# active-release: //p "*) echo "app:before" ;;
			"exec -i router bash -c "*)
				if [[ "$args" == *" 127.0.0.1 "* ]]; then
					echo "HTTP/1.1 200 OK"; echo "X-Paliad-Slot: $(cat "$f/serving")"
				elif [[ "$args" == *"mv "* ]]; then
					echo "docker exec router restore" >>"$f/calls"; cp "$f/active" "$f/serving"
				else
					echo "HTTP/1.1 200 OK"
				fi ;;
			"exec -i router bash -s -- "*)
				cat >/dev/null
				echo "docker exec router switch $7" >>"$f/calls"; echo "$7" >"$f/next" ;;
			"kill -s USR2 router")
				echo "docker kill USR2" >>"$f/calls"
				[ -f "$f/reload-breaks" ] || cp "$f/next" "$f/serving" ;;
			"logs "*) cat "$f/logs-${@: -1}" 2>/dev/null || true ;;
			"stop "*) echo "docker $args" >>"$f/calls" ;;
			*) echo "fake docker: unexpected call: $args" >&2; exit 99 ;;
			esac
			""";

	private static final String FAKE_COMPOSE = """
			#!/usr/bin/env bash
			set -euo pipefail
			f=$FAKE
			# Drops -p <project> -f <file>...
			while [ $# -gt 0 ] && { [ "$1" = "-p" ] || [ "$1" = "-f" ]; }; do shift 2; done
			args="$*"
			echo "compose $args" >>"$f/calls"
			case "$args" in
			"up -d --no-deps --force-recreate "*) echo "${@: -1}-id" >"$f/containers/${@: -1}" ;;
			"up -d --no-deps router") echo router >"$f/containers/router" ;;
			"run --rm --no-deps -T app-"*"--paliad.migration.mode=plan"*)
				echo "Picked up JAVA_TOOL_OPTIONS" >&2
				cat "$f/plan.json"; exit "$(cat "$f/plan.code" 2>/dev/null || echo 0)" ;;
			"run --rm --no-deps -T backup take "*)
				echo "BACKUP: /backups/20260525T160500Z-$5.dump (1234 bytes)"
				exit "$(cat "$f/backup.code" 2>/dev/null || echo 0)" ;;
			"stop "*) ;;
			*) echo "fake compose: unexpected call: $args" >&2; exit 99 ;;
			esac
			""";

	private static final String PLAN_ONE_PENDING = """
			{"mode":"plan","exitCode":0,"summary":"1 pending, 124 applied, 125 on disk; migrate would apply the pending ones.","applied":124,"onDisk":125,"pending":[{"version":125,"file":"125_cross_cutting_filter_legal_source.up.sql"}],"appliedMissingOnDisk":[],"nameMismatches":[],"checksumMismatches":[],"error":null}
			""";

	private static final String SEED_FAILURE_LOG = """
			2026-05-25T16:05:01Z  INFO 1 --- [main] d.p.migration.core.Migrator : Applying 1 pending migration(s): [125 (125_cross_cutting_filter_legal_source.up.sql)]
			2026-05-25T16:05:01Z ERROR 1 --- [main] d.p.migration.core.Migrator : Migration run failed: Migration 125 (125_cross_cutting_filter_legal_source.up.sql) failed at line 3 with SQLSTATE 42703: ERROR: column "is_mandatory" does not exist
			2026-05-25T16:05:02Z  WARN 1 --- [main] d.p.m.a.MigrationReadiness : Readiness stays REFUSING_TRAFFIC
			""";

	@TempDir
	private Path fake;

	@BeforeEach
	void aRouterServingBlue() throws IOException {
		Files.createDirectories(this.fake.resolve("containers"));
		write("containers/router", "router");
		write("states-router", "running 0 0 healthy");
		write("active", "blue");
		write("serving", "blue");
		write("plan.json", PLAN_ONE_PENDING);
	}

	@Test
	void aReadyReleaseIsSwitchedToOnlyAfterItsSlotIsHealthyThenTheOldSlotIsStopped() throws Exception {
		newSlot("app-green", "running 0 0 starting", "running 0 0 starting", "running 0 0 healthy");
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(0);
		assertThat(result.output()).contains("DEPLOY OK: app:v125 serves from app-green", "plan: 1 pending");
		List<String> calls = calls();
		int backup = indexOf(calls, "compose run --rm --no-deps -T backup take before-v125");
		int started = indexOf(calls, "compose up -d --no-deps --force-recreate app-green");
		int healthy = indexOf(calls, "docker inspect app-green-id -> running 0 0 healthy");
		int switched = indexOf(calls, "docker exec router switch green");
		int reloaded = indexOf(calls, "docker kill USR2");
		int stopped = indexOf(calls, "compose stop app-blue");
		assertThat(List.of(backup, started, healthy, switched, reloaded, stopped)).as(String.join("\n", calls))
			.doesNotContain(-1)
			.isSorted();
		assertThat(calls).noneMatch((call) -> call.contains("stop app-green"));
	}

	@Test
	void aFailedMigrationStopsTheNewSlotLeavesTheRouterAloneAndNamesMigrationAndSqlState() throws Exception {
		newSlot("app-green", "running 0 0 starting", "running 0 0 unhealthy");
		write("logs-app-green-id", SEED_FAILURE_LOG);
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("DEPLOY FAILED: app:v125 (slot app-green): never became ready",
				"the router was not touched: it still sends every request to app-blue",
				"125_cross_cutting_filter_legal_source", "SQLSTATE 42703");
		List<String> calls = calls();
		assertThat(calls).as("the router is never rewritten or reloaded")
			.noneMatch((call) -> call.contains("switch") || call.contains("USR2"));
		assertThat(calls).contains("compose stop app-green").doesNotContain("compose stop app-blue");
	}

	@Test
	void aReleaseRestartedAfterExitingDuringBootIsReportedWithTheExitCodeItLogged() throws Exception {
		// Docker's restart policy has already started it again: inspect shows the new
		// run.
		newSlot("app-green", "running 0 0 starting", "running 0 1 starting");
		write("logs-app-green-id", "ERROR FailureHandler : Stopping the application with exit code 4"
				+ " (paliad.migration.on-failure=exit). Fix the migration in a new release.\n");
		ScriptRun result = deploy("v127");
		assertThat(result.code()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("exited during boot with exit code 4");
		assertThat(calls()).noneMatch((call) -> call.contains("switch"));
	}

	@Test
	void aReleaseThatExitsDuringBootIsReportedWithItsExitCode() throws Exception {
		newSlot("app-green", "running 0 0 starting", "restarting 4 1 starting");
		ScriptRun result = deploy("v126");
		assertThat(result.code()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("exited during boot with exit code 4");
		assertThat(calls()).noneMatch((call) -> call.contains("switch"));
	}

	@Test
	void aReleaseThatIsNeverReadyIsStoppedAtTheDeployTimeout() throws Exception {
		newSlot("app-green", "running 0 0 starting");
		ScriptRun result = deploy(List.of("v127"), Map.of("DEPLOY_READY_TIMEOUT", "2", "DEPLOY_POLL", "1"));
		assertThat(result.code()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("not ready within DEPLOY_READY_TIMEOUT=2s");
		assertThat(calls()).noneMatch((call) -> call.contains("switch")).contains("compose stop app-green");
	}

	@Test
	void noPendingMigrationsMeansNoBackup() throws Exception {
		write("plan.json", PLAN_ONE_PENDING.replaceAll("\"pending\":\\[[^\\]]*\\]", "\"pending\":[]"));
		newSlot("app-green", "running 0 0 healthy");
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(0);
		assertThat(result.output()).contains("plan: 0 pending");
		assertThat(calls()).noneMatch((call) -> call.contains("backup"));
	}

	@Test
	void aPlanThatFailsRefusesTheReleaseBeforeAnythingStarts() throws Exception {
		write("plan.json",
				"""
						{"mode":"plan","exitCode":3,"summary":"1 pending, 124 applied; migrate would stop on the problems below.","error":{"type":"ValidationException","message":"Migration 17 is recorded as add_index but the file is 17_add_idx.up.sql"}}
						""");
		write("plan.code", "3");
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(3);
		assertThat(result.output()).contains("DEPLOY REFUSED: app:v125: plan exited with code 3",
				"migrate would stop on the problems below", "recorded as add_index");
		assertThat(calls()).noneMatch((call) -> call.contains("up -d") || call.contains("backup"));
	}

	@Test
	void noBackupNoMigration() throws Exception {
		write("backup.code", "1");
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(3);
		assertThat(result.output()).contains("the pre-deploy backup failed");
		assertThat(calls()).noneMatch((call) -> call.contains("up -d"));
	}

	@Test
	void aRouterThatDoesNotTakeTheNewBackendGetsTheOldOneBack() throws Exception {
		newSlot("app-green", "running 0 0 healthy");
		write("reload-breaks", "");
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(2);
		assertThat(calls()).contains("docker exec router restore", "compose stop app-green")
			.doesNotContain("compose stop app-blue");
	}

	@Test
	void theFirstReleaseGoesToBlueAndStopsNothing() throws Exception {
		write("active", "none");
		write("serving", "");
		newSlot("app-blue", "running 0 0 healthy");
		ScriptRun result = deploy("v1");
		assertThat(result.code()).as(result.output()).isEqualTo(0);
		assertThat(calls()).contains("docker exec router switch blue").noneMatch((call) -> call.contains("stop"));
	}

	@Test
	void aRunningIdleSlotMeansAnotherDeployAndIsRefused() throws Exception {
		newSlot("app-green", "running 0 0 starting");
		write("containers/app-green", "app-green-id");
		ScriptRun result = deploy("v125");
		assertThat(result.code()).as(result.output()).isEqualTo(3);
		assertThat(result.output()).contains("another deploy is running");
		assertThat(calls()).noneMatch((call) -> call.contains("compose"));
	}

	@Test
	void badUsageIsRefusedBeforeTouchingAnything() throws Exception {
		assertThat(deploy(List.of(), Map.of()).code()).isEqualTo(64);
		ScriptRun latest = deploy("latest");
		assertThat(latest.code()).isEqualTo(64);
		assertThat(latest.output()).contains("refusing the tag 'latest'");
		assertThat(this.fake.resolve("calls")).doesNotExist();
	}

	@Test
	void backupKeepsTheNewestDumpsAndNeverAHalfWrittenOne() throws Exception {
		Path dir = Files.createDirectories(this.fake.resolve("backups"));
		write("password", "s3cret");
		executable("bin/date", """
				#!/usr/bin/env bash
				n=$(cat "$FAKE/date.n" 2>/dev/null || echo 0); n=$((n + 1)); echo $n >"$FAKE/date.n"
				echo "2026052${n}T120000Z"
				""");
		executable("bin/pg_dump", """
				#!/usr/bin/env bash
				echo "$* password=$PGPASSWORD" >>"$FAKE/pg_dump.args"
				[ -f "$FAKE/pg_dump.fails" ] && { echo partial >"${4#--file=}"; exit 1; }
				for arg; do case "$arg" in --file=*) echo dump >"${arg#--file=}" ;; esac; done
				""");
		Map<String, String> env = Map.of("PATH", this.fake.resolve("bin") + ":" + System.getenv("PATH"), "BACKUP_DIR",
				dir.toString(), "BACKUP_KEEP", "2", "BACKUP_PASSWORD_FILE", this.fake.resolve("password").toString(),
				"DATABASE_URL", "jdbc:postgresql://db:5432/paliad?ApplicationName=app", "DATABASE_USER", "paliad");
		String backup = DeployFiles.file("compose/docker/backup.sh").toString();
		for (String label : List.of("before-v1", "before-v2", "before-v3")) {
			ScriptRun take = run(List.of(backup, "take", label), env);
			assertThat(take.code()).as(take.output()).isEqualTo(0);
			assertThat(take.output()).contains("BACKUP: " + dir + "/");
		}
		assertThat(Files.list(dir).map((file) -> file.getFileName().toString()).sorted().toList())
			.containsExactly("20260522T120000Z-before-v2.dump", "20260523T120000Z-before-v3.dump");
		assertThat(read("pg_dump.args")).contains("--format=custom", "--username=paliad",
				"--dbname=postgresql://db:5432/paliad password=s3cret");
		write("pg_dump.fails", "");
		ScriptRun failed = run(List.of(backup, "take", "before-v4"), env);
		assertThat(failed.code()).isNotEqualTo(0);
		assertThat(Files.list(dir).map((file) -> file.getFileName().toString()).sorted().toList())
			.as("a failed dump leaves no file and deletes nothing")
			.containsExactly("20260522T120000Z-before-v2.dump", "20260523T120000Z-before-v3.dump");
		assertThat(run(List.of(backup, "take", "../x"), env).code()).isEqualTo(64);
	}

	private void newSlot(String service, String... states) throws IOException {
		write("states-" + service + "-id", String.join("\n", states) + "\n");
	}

	private ScriptRun deploy(String version) throws Exception {
		return deploy(List.of(version), Map.of());
	}

	private ScriptRun deploy(List<String> args, Map<String, String> environment) throws Exception {
		String docker = executable("docker", FAKE_DOCKER);
		String compose = executable("compose", FAKE_COMPOSE);
		List<String> command = new java.util.ArrayList<>();
		command.add(DeployFiles.file("compose/docker/deploy.sh").toString());
		command.addAll(args);
		Map<String, String> env = new HashMap<>(Map.of("DOCKER", docker, "COMPOSE", compose, "APP_IMAGE", "app",
				"DEPLOY_POLL", "0", "DEPLOY_DRAIN_SECONDS", "0", "DEPLOY_READY_TIMEOUT", "20"));
		env.putAll(environment);
		return run(command, env);
	}

	private List<String> calls() throws IOException {
		return Files.exists(this.fake.resolve("calls")) ? Files.readAllLines(this.fake.resolve("calls")) : List.of();
	}

	private static int indexOf(List<String> calls, String call) {
		return calls.indexOf(call);
	}

	private String executable(String name, String content) throws IOException {
		Path file = this.fake.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file.toString();
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
