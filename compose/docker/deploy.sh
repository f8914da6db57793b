#!/usr/bin/env bash
# Blue-green deploy of one version with plain `docker compose` (compose.yml beside this).
#
#   compose/docker/deploy.sh <version>
#
# 1. Asks the new image what it would apply (--paliad.migration.mode=plan, JSON).
# 2. Pending migrations: a pg_dump -Fc into the backups volume first (backup.sh).
# 3. Starts the idle slot with the new image and waits for its readiness (the healthcheck
#    on /actuator/health/readiness, which holds the `migrations` indicator).
# 4. Only then switches the router: writes the new backend to a temp file, validates it
#    (haproxy -c), renames it over the live one, reloads HAProxy, and checks that the new
#    slot answers through the router (else puts the old file back).
# 5. Lets the old slot drain, then stops it.
# A release that exits, fails its migration or never becomes ready is stopped at step 3;
# the router is never touched and the old slot keeps serving. The report names the release,
# the failing migration and its SQLSTATE (from the slot's log: anonymous health callers get
# no details) and shows the slot's last log lines.
#
# Exit codes: 0 switched (or first release serving);
#             1 the release failed: stopped, the old slot serves;
#             2 the router did not take the new backend: the old one was put back;
#             3 refused before starting anything (plan failed, backup failed, or another
#               deploy is running); 64 usage.
#
# Environment (defaults in brackets):
#   COMPOSE_PROJECT_NAME [paliad]  COMPOSE_FILES [compose.yml beside this; ':'-separated]
#   DEPLOY_BACKUP [auto: when migrations are pending; off]  DEPLOY_READY_TIMEOUT [300 s,
#   a safety net above the healthcheck budget]  DEPLOY_DRAIN_SECONDS [15]  DEPLOY_POLL [2 s]
#   DEPLOY_LOG_LINES [25]  DOCKER [docker]  COMPOSE [`docker compose`, else docker-compose]
# plus whatever compose.yml interpolates (APP_IMAGE, DATABASE_URL, ...). APP_VERSION is set
# to <version>. One deploy at a time per project (a pipeline's concurrency group).
set -euo pipefail
# Errors inside $(...) stop the script too.
shopt -s inherit_errexit

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ] || [ -z "$1" ]; then
	echo "usage: $0 <version>" >&2
	exit 64
fi
version=$1
if [ "$version" = "latest" ]; then
	echo "deploy.sh: refusing the tag 'latest': the old slot must keep other bytes than the new one" >&2
	exit 64
fi
export APP_VERSION=$version

docker=${DOCKER:-docker}
project=${COMPOSE_PROJECT_NAME:-paliad}
ready_timeout=${DEPLOY_READY_TIMEOUT:-300}
drain=${DEPLOY_DRAIN_SECONDS:-15}
poll=${DEPLOY_POLL:-2}
log_lines=${DEPLOY_LOG_LINES:-25}
release="${APP_IMAGE:?set APP_IMAGE to the image repository}:$version"
# Where start.sh and compose.yml put the router's files inside its container.
static=/usr/local/etc/paliad-router
live=/var/lib/paliad-router

if [ -n "${COMPOSE:-}" ]; then
	read -r -a compose <<<"$COMPOSE"
elif "$docker" compose version >/dev/null 2>&1; then
	compose=("$docker" compose)
else
	compose=(docker-compose)
fi
compose_args=(-p "$project")
IFS=':' read -r -a files <<<"${COMPOSE_FILES:-$here/compose.yml}"
for file in "${files[@]}"; do
	compose_args+=(-f "$file")
done

c() {
	"${compose[@]}" "${compose_args[@]}" "$@"
}

# A service's container (running or not), found by Compose's own labels, so it works the
# same with Compose v2 and docker-compose 1.x and for services in inactive profiles.
container_of() {
	"$docker" ps -aq --filter "label=com.docker.compose.project=$project" \
		--filter "label=com.docker.compose.service=$1" --filter "label=com.docker.compose.oneoff=False" | head -n 1
}

# "status exitCode restartCount health" of a container.
container_state() {
	"$docker" inspect "$1" --format \
		'{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}'
}

router_exec() {
	"$docker" exec -i "$router" "$@"
}

# One HTTP GET from inside the router container (the network path the router uses):
# prints the status line and the X-Paliad-Slot header. HAProxy images have no curl.
router_get() {
	local host=$1 path=$2
	router_exec bash -c 'exec 3<>"/dev/tcp/$0/8080" || exit 1
		printf "GET %s HTTP/1.0\r\nHost: paliad-deploy\r\n\r\n" "$1" >&3
		tr -d "\r" <&3 | sed -n "1p; /^X-Paliad-Slot:/Ip; /^\$/q"' "$host" "$path" 2>/dev/null || true
}

# The slot the router serves (blue, green or none), from the live backend's marker line.
active_slot() {
	router_exec sed -n 's/^# active-slot: //p' "$live/active.cfg" 2>/dev/null | head -n 1
}

active_release() {
	router_exec sed -n 's/^# active-release: //p' "$live/active.cfg" 2>/dev/null | head -n 1
}

ensure_router() {
	local i state
	router=$(container_of router)
	if [ -z "$router" ] || [ "$(container_state "$router" | cut -d' ' -f1)" != "running" ]; then
		echo "starting the router"
		c up -d --no-deps router >/dev/null
		router=$(container_of router)
	fi
	for i in $(seq 1 30); do
		state=$(container_state "$router")
		[ "${state##* }" = "healthy" ] && return 0
		sleep 1
	done
	echo "DEPLOY REFUSED: the router ($router) is not healthy: $state; nothing was changed" >&2
	exit 3
}

# Asks the new image (in the idle slot's configuration) what migrate would do. Sets
# pending (a count) and pending_files. Exits 3 when the plan fails: migrate would too.
plan() {
	local out code=0 json
	out=$(c run --rm --no-deps -T "app-$target" \
		--paliad.migration.mode=plan --paliad.migration.output=json 2>"$work/plan.err") || code=$?
	json=$(grep '^{' <<<"$out" | tail -n 1 || true)
	if [ "$code" -ne 0 ] || [ -z "$json" ]; then
		echo "DEPLOY REFUSED: $release: plan exited with code $code, so migrate would fail too; nothing was started"
		# The report's summary and error (exit code meanings: docs/modes.md).
		sed -n 's/.*"summary":"\([^"]*\)".*/  plan says: \1/p' <<<"$json"
		sed -n 's/.*"error":{[^}]*"message":"\([^"]*\)".*/  error: \1/p' <<<"$json" | cut -c1-400
		[ -n "$json" ] || tail -n 10 "$work/plan.err" | sed 's/^/  /'
		exit 3
	fi
	# One line of JSON; the pending items hold no nested brackets.
	pending_files=$(sed -n 's/.*"pending":\[\([^]]*\)\].*/\1/p' <<<"$json" | grep -o '"file":"[^"]*"' | cut -d'"' -f4 || true)
	pending=$(grep -c . <<<"$pending_files" || true)
}

backup() {
	local label
	# The label says what the dump is the state before (letters, digits, . _ - only).
	label="before-$(tr -c 'A-Za-z0-9._\n-' '_' <<<"$version")"
	echo "backing up the database before $pending pending migration(s):"
	# Compose's progress lines go to stderr; shown only when the backup failed.
	if ! c run --rm --no-deps -T backup take "$label" 2>"$work/backup.err" | sed 's/^/  /'; then
		sed 's/^/  /' "$work/backup.err"
		echo "DEPLOY REFUSED: $release: the pre-deploy backup failed; nothing was started (DEPLOY_BACKUP=off deploys without one)"
		exit 3
	fi
}

# Waits for the new slot: healthy, or a verdict why not. Prints "ready" or the verdict.
wait_until_ready() {
	local start=$SECONDS status code restarts health
	while :; do
		read -r status code restarts health < <(container_state "$slot_container")
		if [ "$health" = "healthy" ]; then
			echo "ready"
			return
		fi
		if [ "$status" != "running" ] || [ "$restarts" -gt 0 ]; then
			# Once the restart policy has started it again, inspect shows the new run's
			# code (0): the starter logs the code it stops with.
			if [ "$code" = "0" ] && [ "$restarts" -gt 0 ]; then
				code=$("$docker" logs "$slot_container" 2>&1 |
					sed -n 's/.*Stopping the application with exit code \([0-9]*\).*/\1/p' | tail -n 1)
				code=${code:-unknown}
			fi
			echo "exited during boot with exit code $code"
			return
		fi
		if [ "$health" = "unhealthy" ]; then
			echo "never became ready: unhealthy after the healthcheck budget"
			return
		fi
		if [ $((SECONDS - start)) -ge "$ready_timeout" ]; then
			echo "not ready within DEPLOY_READY_TIMEOUT=${ready_timeout}s"
			return
		fi
		sleep "$poll"
	done
}

# The router must reach the slot by name before it is sent traffic (Docker's DNS registers
# a new container within a moment).
router_reaches_slot() {
	local i
	for i in $(seq 1 10); do
		grep -q '^HTTP/1.[01] 200' <<<"$(router_get "app-$target" /actuator/health/readiness)" && return 0
		sleep 1
	done
	return 1
}

# Writes active.cfg for the target slot the safe way, all inside the router container:
# temp file, haproxy -c on it, keep the current file as active.cfg.previous, rename (atomic
# on one file system), reload. The router never runs an unvalidated file.
switch_router() {
	router_exec bash -s -- "$target" "$release" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$static" "$live" <<'EOF'
set -euo pipefail
slot=$1 release=$2 at=$3 static=$4 live=$5
sed -e "s|@SLOT@|$slot|g" -e "s|@RELEASE@|$release|g" -e "s|@WRITTEN_AT@|$at|g" \
	"$static/slot.cfg.in" >"$live/active.cfg.next"
haproxy -c -q -f "$static/haproxy.cfg" -f "$live/active.cfg.next"
cp "$live/active.cfg" "$live/active.cfg.previous"
mv "$live/active.cfg.next" "$live/active.cfg"
EOF
	"$docker" kill -s USR2 "$router" >/dev/null
}

router_serves_target() {
	local i answer
	for i in $(seq 1 15); do
		answer=$(router_get 127.0.0.1 /actuator/health/readiness)
		if grep -q '^HTTP/1.[01] 200' <<<"$answer" && grep -qi "^X-Paliad-Slot: $target\$" <<<"$answer"; then
			return 0
		fi
		sleep 1
	done
	return 1
}

restore_router() {
	router_exec bash -c 'mv "$0/active.cfg.previous" "$0/active.cfg"' "$live"
	"$docker" kill -s USR2 "$router" >/dev/null
}

report_failure() {
	local verdict=$1 logs found status code restarts health
	read -r status code restarts health < <(container_state "$slot_container")
	logs=$("$docker" logs --tail 400 "$slot_container" 2>&1 || true)
	echo "DEPLOY FAILED: $release (slot app-$target): $verdict after $((SECONDS - slot_started))s"
	echo "  the router was not touched: it still sends every request to app-$active (${active_release:-no release})"
	# Now, not at the verdict: a slot that exited may have been restarted since.
	echo "  slot container now: $slot_container, status $status, restarts $restarts, health $health"
	# The migration failure as the starter logs it (version, name, SQLSTATE), first.
	found=$(grep -iE 'sqlstate|sql state|migration.*(fail|error)|failed.*migration|blocked by' <<<"$logs" || true)
	echo "  migration failure:"
	if [ -n "$found" ]; then
		head -n 5 <<<"$found" | cut -c1-300 | sed 's/^/    /'
	else
		echo "    (none logged)"
	fi
	echo "  last $log_lines log lines of app-$target:"
	tail -n "$log_lines" <<<"$logs" | cut -c1-300 | sed 's/^/    /'
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$SECONDS

ensure_router
active=$(active_slot)
active_release=$(active_release)
case "$active" in
blue) target=green ;;
green) target=blue ;;
*) active=none target=blue ;;
esac

# A running idle slot means another deploy is under way (or one was killed halfway):
# starting it again would pull the ground from under that deploy.
slot_container=$(container_of "app-$target")
if [ -n "$slot_container" ] && [ "$(container_state "$slot_container" | cut -d' ' -f1)" = "running" ] && [ "$active" != "none" ]; then
	echo "DEPLOY REFUSED: app-$target is running while the router serves app-$active: another deploy is running," \
		"or one was interrupted. If none is: ${compose[*]} -p $project stop app-$target"
	exit 3
fi

if [ "$active" = "none" ]; then
	echo "deploying $release to app-$target (the router serves no release yet)"
else
	echo "deploying $release to app-$target (the router serves app-$active${active_release:+, $active_release})"
fi
plan
echo "plan: $pending pending migration(s)${pending_files:+: $(tr '\n' ' ' <<<"$pending_files")}"
if [ "$pending" -gt 0 ] && [ "${DEPLOY_BACKUP:-auto}" != "off" ]; then
	backup
fi

slot_started=$SECONDS
c up -d --no-deps --force-recreate "app-$target" >/dev/null 2>"$work/up.err" || {
	echo "DEPLOY FAILED: $release: app-$target did not start; the router was not touched"
	sed 's/^/  /' "$work/up.err"
	exit 1
}
slot_container=$(container_of "app-$target")
verdict=$(wait_until_ready)
if [ "$verdict" = "ready" ] && ! router_reaches_slot; then
	verdict="ready, but the router cannot reach app-$target:8080"
fi
if [ "$verdict" != "ready" ]; then
	failed_at=$SECONDS
	report_failure "$verdict"
	c stop "app-$target" >/dev/null 2>&1 || "$docker" stop "$slot_container" >/dev/null
	echo "  stopped app-$target in $((SECONDS - failed_at))s"
	echo "TIMING release=$version verdict=rolled-back failed_after=$((failed_at - slot_started))s stop=$((SECONDS - failed_at))s total=$((SECONDS - started))s"
	exit 1
fi
ready_after=$((SECONDS - slot_started))
echo "app-$target is ready after ${ready_after}s; switching the router"

switch_started=$(date +%s%3N)
switch_router
if ! router_serves_target; then
	restore_router
	echo "DEPLOY FAILED: $release: the router did not serve app-$target after the reload; the previous backend was put back"
	c stop "app-$target" >/dev/null 2>&1 || true
	exit 2
fi
switch_ms=$(($(date +%s%3N) - switch_started))
echo "the router serves app-$target (switched in ${switch_ms} ms)"

if [ "$active" != "none" ]; then
	# The previous HAProxy worker finishes the old slot's requests in flight and answers each
	# idle keep-alive connection once more (idle-close-on-response); then the slot is idle.
	echo "draining app-$active for ${drain}s, then stopping it"
	sleep "$drain"
	c stop "app-$active" >/dev/null 2>&1
fi
echo "DEPLOY OK: $release serves from app-$target ($((SECONDS - started))s)"
echo "TIMING release=$version verdict=switched ready_after=${ready_after}s switch=${switch_ms}ms total=$((SECONDS - started))s"
