#!/usr/bin/env bash
# Deploys one version of the stack to Docker Swarm and reports what really happened.
#
#   compose/swarm/deploy.sh [--watch-only] <version>
#
# `docker stack deploy` and `docker service update` exit 0 even when Swarm rolled the
# update back (docker/cli#6752), so this script reads the service's UpdateStatus itself
# and exits 0 only on `completed`. On anything else it prints a one-screen report: the
# Swarm state and message, the failed task's error and last log lines, and the migration
# failure (version, SQLSTATE) found in them.
#
# --watch-only: deploy nothing, wait for the rollout of <version> that someone else
# started (e.g. Dokploy after its deploy webhook) and report it the same way.
#
# Exit codes: 0 completed (or first deploy healthy, or nothing to change);
#             1 rolled back: the previous version serves (rollback_completed);
#             2 paused: a human is needed (paused, rollback_paused);
#             3 timed out waiting; 64 usage.
#
# Environment (defaults in brackets):
#   STACK_NAME [paliad]  STACK_FILES [the stack.yml beside this script; ':'-separated list]
#   APP_SERVICE [app]    DEPLOY_TIMEOUT [900 s]  DEPLOY_POLL [2 s]
#   DEPLOY_RESOLVE_IMAGE [always; `never` for images that exist only locally]
#   DEPLOY_LOG_LINES [25]  DOCKER [docker]
# plus whatever the stack files interpolate (APP_IMAGE, DATABASE_URL, ...). APP_VERSION
# is set to <version>.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
watch_only=0
if [ "${1:-}" = "--watch-only" ]; then
	watch_only=1
	shift
fi
if [ $# -ne 1 ] || [ -z "$1" ]; then
	echo "usage: $0 [--watch-only] <version>" >&2
	exit 64
fi
version=$1
export APP_VERSION=$version

stack=${STACK_NAME:-paliad}
service=${stack}_${APP_SERVICE:-app}
timeout=${DEPLOY_TIMEOUT:-900}
poll=${DEPLOY_POLL:-2}
log_lines=${DEPLOY_LOG_LINES:-25}
docker=${DOCKER:-docker}

# One line per field, '-' when absent, so `read` can split it safely.
service_state() {
	"$docker" service inspect "$service" --format \
		'{{if .UpdateStatus}}{{.UpdateStatus.State}} {{.UpdateStatus.StartedAt}}{{else}}none -{{end}}' 2>/dev/null ||
		echo "missing -"
}

spec_image() {
	"$docker" service inspect "$service" --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' 2>/dev/null || true
}

previous_image() {
	"$docker" service inspect "$service" \
		--format '{{if .PreviousSpec}}{{.PreviousSpec.TaskTemplate.ContainerSpec.Image}}{{end}}' 2>/dev/null || true
}

# True when an image reference carries this version's tag (with or without a digest).
is_version() {
	[[ "$1" == *":$version" || "$1" == *":$version@sha256:"* ]]
}

# Tasks (current and history) of <version> in one of the given end states.
tasks_of_version() {
	local states=$1 id image state
	for id in $("$docker" service ps -q --no-trunc "$service" 2>/dev/null); do
		read -r image state < <("$docker" inspect "$id" \
			--format '{{.Spec.ContainerSpec.Image}} {{.Status.State}}' 2>/dev/null || echo "- -")
		if is_version "$image" && [[ "$state" =~ ^(${states})$ ]]; then
			echo "$id"
		fi
	done
}

# The replicas of the current spec that run (healthy: with a healthcheck, Swarm reports
# a task `running` only once its container is healthy), and how many are wanted.
running_replicas() {
	"$docker" service ps "$service" --filter desired-state=running \
		--format '{{.CurrentState}}' 2>/dev/null | grep -c '^Running' || true
}

wanted_replicas() {
	"$docker" service inspect "$service" --format '{{.Spec.Mode.Replicated.Replicas}}' 2>/dev/null || echo 1
}

report() {
	local verdict=$1 message ids id
	message=$("$docker" service inspect "$service" \
		--format '{{if .UpdateStatus}}{{.UpdateStatus.Message}}{{end}}' 2>/dev/null || true)
	echo "DEPLOY FAILED: $service version $version: $verdict"
	echo "  swarm says:  ${message:-(no message)}"
	echo "  now serving: $(spec_image)"
	# Tasks that failed first; a task that was only shut down (e.g. a restart the rollback
	# cancelled) says little.
	ids=$(tasks_of_version "failed|rejected" | head -n 2 || true)
	if [ -z "$ids" ]; then
		ids=$(tasks_of_version "shutdown|orphaned" | head -n 1 || true)
	fi
	if [ -z "$ids" ]; then
		echo "  no failed task of $version found (see: $docker service ps --no-trunc $service)"
		return
	fi
	for id in $ids; do
		report_task "$id"
	done
}

report_task() {
	local id=$1 logs found
	"$docker" inspect "$id" --format \
		'  failed task: {{.ID}} ({{.Spec.ContainerSpec.Image}}) slot {{.Slot}} {{.Status.State}}, exit code {{.Status.ContainerStatus.ExitCode}}: {{.Status.Err}}'
	logs=$("$docker" service logs --raw --no-trunc --tail 400 "$id" 2>&1 || true)
	# The migration failure as the starter logs it (version, name, SQLSTATE), first.
	found=$(grep -iE 'sqlstate|sql state|migration.*(fail|error)|failed.*migration|blocked by' <<<"$logs" || true)
	echo "  migration failure:"
	if [ -n "$found" ]; then
		head -n 5 <<<"$found" | cut -c1-300 | sed 's/^/    /'
	else
		echo "    (none logged)"
	fi
	echo "  last $log_lines log lines of the failed task:"
	tail -n "$log_lines" <<<"$logs" | cut -c1-300 | sed 's/^/    /'
}

# Waits for the rollout to reach a terminal state; prints it.
wait_for_update() {
	local before=$1 deadline=$((SECONDS + timeout)) state started
	while [ $SECONDS -lt $deadline ]; do
		read -r state started < <(service_state)
		case "$state" in
		completed | rollback_completed | paused | rollback_paused)
			if is_this_rollout "$state" "$state $started" "$before"; then
				echo "$state"
				return
			fi
			;;
		esac
		sleep "$poll"
	done
	echo "timeout"
}

# A terminal state left over from an earlier rollout is not this one's verdict. Deploying
# ourselves, the update's start time must have changed; watching someone else's rollout,
# the version must be the one Swarm went forward to (Spec) or came back from (PreviousSpec).
is_this_rollout() {
	local state=$1 now=$2 before=$3
	if [ $watch_only -eq 0 ]; then
		[ "$now" != "$before" ]
		return
	fi
	case "$state" in
	completed | paused) is_version "$(spec_image)" ;;
	*) is_version "$(previous_image)" ;;
	esac
}

# First deploy: no previous spec to return to, so success is every replica healthy.
wait_for_first_deploy() {
	local deadline=$((SECONDS + timeout))
	while [ $SECONDS -lt $deadline ]; do
		if [ -n "$(tasks_of_version "failed|rejected")" ]; then
			echo "failed"
			return
		fi
		if [ "$(running_replicas)" -ge "$(wanted_replicas)" ]; then
			echo "completed"
			return
		fi
		sleep "$poll"
	done
	echo "timeout"
}

stack_deploy() {
	local args=(stack deploy --with-registry-auth --resolve-image "${DEPLOY_RESOLVE_IMAGE:-always}")
	local file
	# Newer CLIs would otherwise wait (and exit 0 after a rollback); older ones lack the flag.
	if "$docker" stack deploy --help 2>&1 | grep -q -- '--detach'; then
		args+=(--detach=true)
	fi
	IFS=':' read -r -a files <<<"${STACK_FILES:-$here/stack.yml}"
	for file in "${files[@]}"; do
		args+=(-c "$file")
	done
	"$docker" "${args[@]}" "$stack" >/dev/null
}

started=$SECONDS
existed=0
before_spec=""
if "$docker" service inspect "$service" >/dev/null 2>&1; then
	existed=1
	before_spec=$("$docker" service inspect "$service" --format '{{json .Spec.TaskTemplate}}')
fi
read -r state started_at < <(service_state)
before="$state $started_at"

if [ $watch_only -eq 1 ]; then
	echo "watching the rollout of $service $version"
	if [ "$state" = "none" ] && is_version "$(spec_image)"; then
		outcome=$(wait_for_first_deploy)
	else
		outcome=$(wait_for_update "$before")
	fi
else
	echo "deploying $service $version"
	stack_deploy
	if [ $existed -eq 0 ]; then
		outcome=$(wait_for_first_deploy)
	elif [ "$("$docker" service inspect "$service" --format '{{json .Spec.TaskTemplate}}')" = "$before_spec" ]; then
		echo "spec unchanged: nothing to roll out"
		outcome=completed
	else
		outcome=$(wait_for_update "$before")
	fi
fi

elapsed=$((SECONDS - started))
case "$outcome" in
completed)
	echo "DEPLOY OK: $service runs $(spec_image) (${elapsed}s)"
	exit 0
	;;
rollback_completed)
	report "$outcome after ${elapsed}s; the previous version keeps serving"
	exit 1
	;;
failed)
	report "first deploy failed after ${elapsed}s; there is no previous version to serve"
	exit 1
	;;
paused | rollback_paused)
	report "$outcome after ${elapsed}s; Swarm stopped, a human decides (docker service rollback / update)"
	exit 2
	;;
*)
	report "no verdict within ${timeout}s"
	exit 3
	;;
esac
