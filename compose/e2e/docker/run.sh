#!/usr/bin/env bash
# End-to-end test of the plain-Docker blue-green template (compose/docker/) and its
# deploy.sh on a real Docker engine with docker compose: PostgreSQL, two app slots, the
# HAProxy router, and a steady client load through the router on 127.0.0.1 from the first
# switch to the end. Scenarios (lib/scenarios.sh):
#   1 v1, the first release: the router goes from "no release" to blue
#   2 v2 (a good migration): blue -> green with zero failed requests, switched only after
#     green was ready; the pre-deploy backup restores into a scratch database
#   3 v3 whose migration fails (the seed's 42703)  } the router stays on green, zero failed
#   4 v4 that exits during boot                     } requests, the router never unhealthy
#   5 v5 that boots but never becomes ready         } (the seed's router bug, replayed)
#   6 the backups: one per release with pending migrations, the newest BACKUP_KEEP kept
# and prints a table per release: verdict, switch or rollback time, requests, failed.
#
# It FAILS (exit 1) when it cannot run (no root, no engine, no compose); only
# PALIAD_E2E_SKIP=1 turns that into a skip (exit 0, with the reason printed). It installs
# what it needs (Debian's docker.io, docker-compose, mmdebstrap), starts dockerd if none
# answers (and stops it at the end), and removes its containers, volumes, network and app
# images. Base images are cached between runs (../lib/images.sh, shared with the Swarm
# e2e). Knobs: E2E_WORK, E2E_ROUTER_PORT, E2E_LOAD_RATE (requests/s, default 20),
# E2E_KEEP=1 (leave everything up to debug).
set -euo pipefail
shopt -s inherit_errexit

DOCKER_E2E_DIR=$(cd "$(dirname "$0")" && pwd)
# The shared helpers (engine, images, checks) expect E2E_DIR to be compose/e2e.
E2E_DIR=$(cd "$DOCKER_E2E_DIR/.." && pwd)
ROOT=$(cd "$E2E_DIR/../.." && pwd)
E2E_WORK=${E2E_WORK:-/tmp/paliad-e2e-docker}
export COMPOSE_PROJECT_NAME=paliad-e2e-docker
RUN_STARTED=$SECONDS

# shellcheck source=../lib/engine.sh
. "$E2E_DIR/lib/engine.sh"
# shellcheck source=../lib/images.sh
. "$E2E_DIR/lib/images.sh"
# shellcheck source=../lib/checks.sh
. "$E2E_DIR/lib/checks.sh"
# shellcheck source=lib/scenarios.sh
. "$DOCKER_E2E_DIR/lib/scenarios.sh"

# A test that cannot run has not passed: exit 1, unless someone opted out explicitly.
cannot_run() {
	cannot_run_test E2E "$1"
}

engine_prepare
# Compose v2 when the client has it (what Dokploy runs), else Debian's docker-compose 1.29.
if "$DOCKER" compose version >/dev/null 2>&1; then
	COMPOSE="$DOCKER compose"
else
	command -v docker-compose >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends docker-compose >>"$E2E_WORK/install.log" 2>&1 ||
		cannot_run "could not install docker-compose: $(tail -n 1 "$E2E_WORK/install.log")"
	COMPOSE=docker-compose
fi
engine_start >"$E2E_WORK/engine.reason" || cannot_run "$(cat "$E2E_WORK/engine.reason")"
export DOCKER DOCKER_HOST COMPOSE
export DOCKER_BUILDKIT=0

PIDS_TO_STOP=()
TEMPLATE_DIR=$ROOT/compose/docker
export COMPOSE_FILES=$TEMPLATE_DIR/compose.yml:$DOCKER_E2E_DIR/compose.e2e.yml

# compose ...: the template plus the overlay, as deploy.sh runs them.
compose() {
	# shellcheck disable=SC2086 # COMPOSE is a command with its arguments
	$COMPOSE -p "$COMPOSE_PROJECT_NAME" -f "$TEMPLATE_DIR/compose.yml" -f "$DOCKER_E2E_DIR/compose.e2e.yml" "$@"
}

remove_project() {
	# Every profile, so the slots and one-off containers go too; -v: the volumes.
	COMPOSE_PROFILES=blue,green,backup compose down -v --remove-orphans --timeout 20 >/dev/null 2>&1 || true
	"$DOCKER" rm -f $("$DOCKER" ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME") \
		>/dev/null 2>&1 || true
}

cleanup() {
	local code=$?
	set +e
	touch "$E2E_WORK/load.stop" "$E2E_WORK/sampler.stop"
	for pid in "${PIDS_TO_STOP[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	if [ "${E2E_KEEP:-0}" = "1" ]; then
		echo "E2E_KEEP=1: project $COMPOSE_PROJECT_NAME left running (DOCKER_HOST=${DOCKER_HOST:-default})"
		return
	fi
	remove_project
	remove_release_images
	engine_stop
	echo "e2e cleaned up (exit $code, $((SECONDS - RUN_STARTED))s in all)"
}
trap cleanup EXIT

echo "e2e: Docker $("$DOCKER" version --format '{{.Server.Version}}') via $DOCKER (${DOCKER_HOST:-default socket}), $($COMPOSE version --short 2>/dev/null || $COMPOSE version | head -n 1)"

# --- images --------------------------------------------------------------------------------
build_e2e_images

# --- the project's surroundings --------------------------------------------------------------
# A free port on 127.0.0.1 for the router.
port=$(free_port "${E2E_ROUTER_PORT:-18180}")
export E2E_ROUTER_PORT=$port ROUTER_BIND=127.0.0.1:$port
export E2E_POSTGRES_IMAGE=$POSTGRES_IMAGE E2E_ROUTER_IMAGE=$ROUTER_IMAGE
export APP_IMAGE=$IMAGE_PREFIX/sample-app
export DATABASE_URL=jdbc:postgresql://db:5432/paliad DATABASE_USER=postgres
# Three dumps kept, five taken: the oldest two are pruned.
export BACKUP_KEEP=3
export DEPLOY_DRAIN_SECONDS=5 DEPLOY_POLL=1
# The password file: readable by the app's uid (10001), like the template's docs say.
export DB_PASSWORD_FILE=$E2E_WORK/db_password
head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DB_PASSWORD_FILE"
chmod 0444 "$DB_PASSWORD_FILE"

remove_project
compose up -d db router >"$E2E_WORK/up.log" 2>&1 || {
	cat "$E2E_WORK/up.log"
	exit 1
}
check "the database becomes healthy" wait_healthy db 60
check "the router becomes healthy before any slot exists" wait_healthy router 30
[ "$FAILED_CHECKS" -eq 0 ] || exit 1
ROUTER_CONTAINER=$(service_container router)

# Container health events for the whole run: when did each slot become healthy.
"$DOCKER" events --filter type=container --filter event=health_status \
	--format '{{.TimeNano}} {{index .Actor.Attributes "name"}} {{.Action}}' >"$E2E_WORK/events" 2>&1 &
PIDS_TO_STOP+=($!)
# The router's health and its serving slot once a second, bounded like the load.
sample_router &
PIDS_TO_STOP+=($!)

# --- scenarios -----------------------------------------------------------------------------
scenario_v1_first_release
[ "$FAILED_CHECKS" -eq 0 ] || exit 1

java "$E2E_DIR/LoadGenerator.java" run "http://127.0.0.1:$E2E_ROUTER_PORT" "${E2E_LOAD_RATE:-20}" 900 40000 \
	"$E2E_WORK/load.stop" "$E2E_WORK/load.counters" "$E2E_WORK/load.log" >"$E2E_WORK/load.out" 2>&1 &
LOAD_PID=$!
PIDS_TO_STOP+=($LOAD_PID)
sleep 5

for scenario in scenario_v2_switches scenario_v3_failed_migration_stays scenario_v4_exit_at_boot_stays \
	scenario_v5_never_ready_stays scenario_backups_kept; do
	"$scenario"
	[ "$FAILED_CHECKS" -eq 0 ] || break
done

echo
echo "== load through all scenarios"
sleep 2
touch "$E2E_WORK/load.stop"
wait "$LOAD_PID" || true
java "$E2E_DIR/LoadGenerator.java" report "$E2E_WORK/load.log" "$E2E_WORK/phases" | tee "$E2E_WORK/load.report"
total=$(awk '$2 == "all" { sub("requests=", "", $3); print $3 }' "$E2E_WORK/load.report")
failed=$(awk '$2 == "all" { sub("failed=", "", $4); print $4 }' "$E2E_WORK/load.report")
check "the load generator sent requests through it all" at_least "${total:-0}" 1000
check "zero failed requests through the router" equals "${failed:-x}" 0
check "the router container never restarted (same container, restart count 0)" router_never_restarted
TABLE+=("$(printf '%-34s %-12s %-28s %9s %7s' "all" "" "" "${total:-?}" "${failed:-?}")")

echo
echo "== summary ($((SECONDS - RUN_STARTED))s so far)"
printf '%s\n' "${TABLE[@]}" | tee "$E2E_WORK/summary"
grep ' all ' "$E2E_WORK/load.report" | sed 's/^LOAD *all */latency through the router: /'
if [ "$FAILED_CHECKS" -ne 0 ]; then
	echo "E2E FAILED: $FAILED_CHECKS check(s) failed (details: $E2E_WORK/checks.log, deploy output: $E2E_WORK/deploy-*.out)"
	exit 1
fi
echo "E2E PASSED"
