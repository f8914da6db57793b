#!/usr/bin/env bash
# End-to-end test of the Swarm template (compose/swarm/stack.yml) and the deploy script
# on a real one-node Docker Swarm: PostgreSQL, the sample app with 2 replicas, a router
# that sends traffic only to ready tasks, and a steady client load through the router
# on 127.0.0.1 for the whole run. Scenarios (lib/scenarios.sh):
#   1 v1 deploys, every replica healthy
#   2 v2 with a good migration rolls forward (completed, applied once, health-gated swap)
#   3 v3 whose migration fails (the seed's dropped column) is rolled back, no trace left
#   4 v4 that exits during boot is rolled back
#   5 v5 that boots but never becomes ready is rolled back after the healthcheck budget
#   6 through all of it: zero failed requests (totals, p99) and each rollback's duration
#
# If no Docker engine can run here it prints `E2E CANNOT RUN: <reason>` and exits 1: a
# skipped end-to-end test is not a passing one. PALIAD_E2E_SKIP=1 turns that into a skip
# on purpose (exit 0, the reason printed) for machines without Docker. Once the engine
# runs, any failure exits non-zero. It installs what it needs (Debian's
# docker.io, mmdebstrap), starts dockerd if none answers (and stops it at the end), and
# removes its stack, network, secret and app images at the end. Base images are cached
# between runs (lib/images.sh). Knobs: E2E_WORK (work dir), E2E_ROUTER_PORT,
# E2E_LOAD_RATE (requests/s, default 20), E2E_KEEP=1 (leave the stack up to debug).
set -euo pipefail
# Errors inside $(...) stop the script too (bash clears -e there by default).
shopt -s inherit_errexit

E2E_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E_DIR/../.." && pwd)
E2E_WORK=${E2E_WORK:-/tmp/paliad-e2e}
export STACK_NAME=paliad-e2e
RUN_STARTED=$SECONDS

# shellcheck source=lib/engine.sh
. "$E2E_DIR/lib/engine.sh"
# shellcheck source=lib/images.sh
. "$E2E_DIR/lib/images.sh"
# shellcheck source=lib/checks.sh
. "$E2E_DIR/lib/checks.sh"
# shellcheck source=lib/scenarios.sh
. "$E2E_DIR/lib/scenarios.sh"

cannot_run() {
	cannot_run_test E2E "$1"
}

# --- the engine: up to here nothing is printed but the CANNOT RUN line -------------------
engine_prepare
engine_start >"$E2E_WORK/engine.reason" || cannot_run "$(cat "$E2E_WORK/engine.reason")"
export DOCKER DOCKER_HOST
# Classic builder: every image is local, nothing to pull (BuildKit would want its own image).
export DOCKER_BUILDKIT=0

PIDS_TO_STOP=()

# How many requests the router sent again to another task (a task Swarm was stopping
# closed the connection): the retries=N field of haproxy.cfg's log-format.
router_retries() {
	"$DOCKER" service logs --raw "${STACK_NAME}_router" 2>/dev/null | awk '
		{ for (i = 1; i <= NF; i++) if ($i ~ /^retries=/) { logged++; if ($i != "retries=0") retried++ } }
		END { printf "router: %d of %d logged request(s) retried on another task after a connection error\n", retried, logged }'
}

# The stack and what run.sh creates around it; also clears what an interrupted run left.
remove_stack() {
	"$DOCKER" stack rm "$STACK_NAME" >/dev/null 2>&1 || true
	# The network can go only once the stack's containers are gone.
	for _ in $(seq 1 60); do
		[ -z "$("$DOCKER" ps -aq --filter "label=com.docker.stack.namespace=$STACK_NAME")" ] && break
		sleep 1
	done
	"$DOCKER" network rm paliad-e2e-edge >/dev/null 2>&1 || true
	"$DOCKER" secret rm paliad-e2e-db-password >/dev/null 2>&1 || true
}

cleanup() {
	local code=$?
	set +e
	touch "$E2E_WORK/load.stop"
	for pid in "${PIDS_TO_STOP[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	if [ "${E2E_KEEP:-0}" = "1" ]; then
		echo "E2E_KEEP=1: stack $STACK_NAME left running (DOCKER_HOST=${DOCKER_HOST:-default})"
		return
	fi
	remove_stack
	remove_release_images
	swarm_stop
	engine_stop
	echo "e2e cleaned up (exit $code, $((SECONDS - RUN_STARTED))s in all)"
}
trap cleanup EXIT

echo "e2e: Docker $("$DOCKER" version --format '{{.Server.Version}}') via $DOCKER (${DOCKER_HOST:-default socket})"
swarm_start

# --- images ------------------------------------------------------------------------------
build_e2e_images

# --- the stack's surroundings --------------------------------------------------------------
# A free port on 127.0.0.1 for the router.
port=$(free_port "${E2E_ROUTER_PORT:-18080}")
export E2E_ROUTER_PORT=$port
export E2E_POSTGRES_IMAGE=$POSTGRES_IMAGE E2E_ROUTER_IMAGE=$ROUTER_IMAGE
export E2E_HAPROXY_CFG=$E2E_DIR/haproxy.cfg
E2E_HAPROXY_HASH=$(recipe_hash "$E2E_HAPROXY_CFG")
export E2E_HAPROXY_HASH
export APP_IMAGE=$IMAGE_PREFIX/sample-app
export DATABASE_URL=jdbc:postgresql://db:5432/paliad DATABASE_USER=postgres
export TRAEFIK_NETWORK=paliad-e2e-edge DB_PASSWORD_SECRET=paliad-e2e-db-password
export APP_HOST=paliad.e2e.invalid

remove_stack
"$DOCKER" network create --driver overlay "$TRAEFIK_NETWORK" >/dev/null
head -c 18 /dev/urandom | base64 | tr -d '/+=' | "$DOCKER" secret create "$DB_PASSWORD_SECRET" - >/dev/null

# The template as users copy it; only a client older than 25 gets a copy without
# healthcheck.start_interval, which it cannot parse (engines before 25 ignore it).
template=$ROOT/compose/swarm/stack.yml
if [ "$CLIENT_KNOWS_START_INTERVAL" -eq 0 ]; then
	grep -v 'start_interval:' "$template" >"$E2E_WORK/stack.yml"
	template=$E2E_WORK/stack.yml
fi
export STACK_FILES=$template:$E2E_DIR/stack.e2e.yml
export DEPLOY_RESOLVE_IMAGE=never DEPLOY_TIMEOUT=300

# Container start/kill/health events for the whole run (the swap-order assertion).
"$DOCKER" events --filter type=container --filter event=health_status --filter event=kill \
	--format '{{.TimeNano}} {{.Actor.ID}} {{index .Actor.Attributes "name"}} {{index .Actor.Attributes "image"}} {{.Action}}' \
	>"$E2E_WORK/events" 2>&1 &
PIDS_TO_STOP+=($!)

# --- scenarios ---------------------------------------------------------------------------
scenario_v1_deploys
[ "$FAILED_CHECKS" -eq 0 ] || exit 1

# The steady load, from here to the end: bounded in rate, count and time.
java "$E2E_DIR/LoadGenerator.java" run "http://127.0.0.1:$E2E_ROUTER_PORT" "${E2E_LOAD_RATE:-20}" 1500 60000 \
	"$E2E_WORK/load.stop" "$E2E_WORK/load.counters" "$E2E_WORK/load.log" >"$E2E_WORK/load.out" 2>&1 &
LOAD_PID=$!
PIDS_TO_STOP+=($LOAD_PID)
sleep 5

for scenario in scenario_v2_rolls_forward scenario_v3_failed_migration_rolls_back \
	scenario_v4_exit_at_boot_rolls_back scenario_v5_never_ready_rolls_back; do
	"$scenario"
	[ "$FAILED_CHECKS" -eq 0 ] || break
done

# --- 6: the load through all of it ----------------------------------------------------
echo
echo "== load through all scenarios"
sleep 3
touch "$E2E_WORK/load.stop"
wait "$LOAD_PID" || true
java "$E2E_DIR/LoadGenerator.java" report "$E2E_WORK/load.log" "$E2E_WORK/phases" | tee "$E2E_WORK/load.report"
total=$(awk '$2 == "all" { sub("requests=", "", $3); print $3 }' "$E2E_WORK/load.report")
failed=$(awk '$2 == "all" { sub("failed=", "", $4); print $4 }' "$E2E_WORK/load.report")
check "the load generator sent requests through it all" at_least "${total:-0}" 1000
check "zero failed requests through the router" equals "${failed:-x}" 0
RESULTS+=("6 load: $(grep ' all ' "$E2E_WORK/load.report" | sed 's/^LOAD *all *//')")
RESULTS+=("  $(router_retries)")

echo
echo "== summary ($((SECONDS - RUN_STARTED))s so far)"
printf '  %s\n' "${RESULTS[@]}" | tee "$E2E_WORK/summary"
if [ "$FAILED_CHECKS" -ne 0 ]; then
	echo "E2E FAILED: $FAILED_CHECKS check(s) failed (details: $E2E_WORK/checks.log, router: docker service logs ${STACK_NAME}_router)"
	exit 1
fi
echo "E2E PASSED"
