# shellcheck shell=bash
# Assertions and probes the scenarios share (sourced by run.sh).
# Expects DOCKER, STACK_NAME, E2E_WORK.

FAILED_CHECKS=0
RESULTS=()

# check <description> <command...>: runs the command, records ok / FAIL.
check() {
	local description=$1
	shift
	if "$@" >>"$E2E_WORK/checks.log" 2>&1; then
		echo "  ok   $description"
	else
		echo "  FAIL $description"
		FAILED_CHECKS=$((FAILED_CHECKS + 1))
	fi
}

equals() {
	if [ "$1" = "$2" ]; then return 0; fi
	echo "expected [$2], got [$1]"
	return 1
}

contains() {
	if grep -qF -- "$2" <<<"$1"; then return 0; fi
	echo "[$2] not found in output"
	return 1
}

at_least() {
	if [ "$1" -ge "$2" ]; then return 0; fi
	echo "expected at least $2, got $1"
	return 1
}

app_service() { echo "${STACK_NAME}_app"; }

update_state() {
	"$DOCKER" service inspect "$(app_service)" --format '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}'
}

spec_image() {
	"$DOCKER" service inspect "$(app_service)" --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}'
}

# Seconds from the failure of <version>'s task (when Swarm decides to roll back) to
# UpdateStatus.CompletedAt (the previous spec serves again, rollback monitor included).
rollback_seconds() {
	local version=$1 task failed_at completed
	for task in $("$DOCKER" service ps -q --no-trunc "$(app_service)"); do
		if "$DOCKER" inspect "$task" --format '{{.Spec.ContainerSpec.Image}} {{.Status.State}}' |
			grep -qE ":$version(@[^ ]*)? failed$"; then
			failed_at=$("$DOCKER" inspect "$task" --format '{{.Status.Timestamp.Unix}}')
			break
		fi
	done
	completed=$("$DOCKER" service inspect "$(app_service)" --format '{{.UpdateStatus.CompletedAt.Unix}}')
	if [ -z "${failed_at:-}" ]; then
		echo "?"
		return
	fi
	echo $((completed - failed_at))
}

# Container IDs of the app's running tasks, sorted: equal before and after a rollback
# means the old tasks were never restarted.
app_containers() {
	local task
	for task in $("$DOCKER" service ps -q --filter desired-state=running "$(app_service)"); do
		"$DOCKER" inspect "$task" --format '{{.Status.State}} {{.Status.ContainerStatus.ContainerID}}'
	done | awk '$1 == "running" { print $2 }' | sort
}

container_health() {
	"$DOCKER" inspect "$1" --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}'
}

# Both replicas run, and both are healthy.
all_healthy() {
	local id
	[ "$(app_containers | wc -l)" -eq 2 ] || return 1
	for id in $(app_containers); do
		[ "$(container_health "$id")" = "healthy" ] || return 1
	done
}

db_container() {
	"$DOCKER" ps -q --filter "label=com.docker.swarm.service.name=${STACK_NAME}_db" | head -n 1
}

# sql <statement>: one value (or rows, '|'-separated) from the application database.
# -p 5432 always: Debian's psql wrapper would default to the port of the cluster the package
# created when the image was built (5433 where the build host runs its own PostgreSQL).
sql() {
	"$DOCKER" exec -i "$(db_container)" psql -h /var/run/postgresql -p 5432 -U postgres -d paliad -AtX -v ON_ERROR_STOP=1 -c "$1" </dev/null
}

tracker_has() {
	[ "$(sql "SELECT count(*) FROM public.applied_migrations WHERE version = $1")" = "1" ]
}

tracker_lacks() {
	[ "$(sql "SELECT count(*) FROM public.applied_migrations WHERE version = $1")" = "0" ]
}

no_relation() {
	[ "$(sql "SELECT to_regclass('public.$1') IS NULL")" = "t" ]
}

no_column() {
	[ "$(sql "SELECT count(*) FROM information_schema.columns WHERE table_name = '$1' AND column_name = '$2'")" = "0" ]
}

# The load generator's running counters: "total failed".
load_counters() {
	cat "$E2E_WORK/load.counters" 2>/dev/null || echo "0 0"
}

load_failed() {
	load_counters | awk '{ print $2 }'
}

load_total() {
	load_counters | awk '{ print $1 }'
}

now_ms() {
	date +%s%3N
}

# Scenario phases for the load report: "name startMillis endMillis".
phase_begin() {
	PHASE_NAME=$1
	PHASE_START=$(now_ms)
	PHASE_FAILED_BEFORE=$(load_failed)
	PHASE_TOTAL_BEFORE=$(load_total)
	echo
	echo "== $1"
}

phase_end() {
	echo "$PHASE_NAME $PHASE_START $(now_ms)" >>"$E2E_WORK/phases"
}
