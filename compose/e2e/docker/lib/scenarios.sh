# shellcheck shell=bash
# The Docker e2e's probes and scenarios, in the order run.sh calls them. Each scenario
# deploys a release with the template's own deploy.sh and asserts on the containers, the
# router (its health, its serving slot, its request log), the database and the load
# generator's counters. Sourced by run.sh after ../../lib/checks.sh (check, equals,
# contains, at_least, the load counters and phases), whose Swarm-specific db_container and
# sql are redefined here for compose.

TABLE=("$(printf '%-34s %-12s %-28s %9s %7s' release verdict "switch / rollback" requests failed)")

# A service's container (running or not), by Compose's labels (Compose v1 and v2 alike).
service_container() {
	"$DOCKER" ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" \
		--filter "label=com.docker.compose.service=$1" --filter "label=com.docker.compose.oneoff=False" | head -n 1
}

health_of() {
	local id
	id=$(service_container "$1")
	[ -n "$id" ] || { echo "absent"; return; }
	"$DOCKER" inspect "$id" --format '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}'
}

# wait_healthy <service> <seconds>
wait_healthy() {
	local i
	for i in $(seq 1 "$2"); do
		[ "$(health_of "$1")" = "running/healthy" ] && return 0
		sleep 1
	done
	echo "$1: $(health_of "$1") after $2 s"
	return 1
}

db_container() { service_container db; }

# sql <statement> [database]: one value (or rows, '|'-separated). -p 5432 always: inside the
# image, Debian's psql wrapper would default to the port of the cluster the package created
# at build time (5433 where the build host runs its own PostgreSQL on 5432).
sql() {
	"$DOCKER" exec -i "$(db_container)" psql -h /var/run/postgresql -p 5432 -U postgres -d "${2:-paliad}" \
		-AtX -v ON_ERROR_STOP=1 -c "$1" </dev/null
}

# The slot that answered through the router on 127.0.0.1 (its X-Paliad-Slot header).
served_by() {
	curl -sS -o /dev/null -D - --max-time 3 "http://127.0.0.1:$E2E_ROUTER_PORT/actuator/health/readiness" 2>/dev/null |
		tr -d '\r' | awk -F': ' 'tolower($1) == "x-paliad-slot" { print $2 }'
}

# Once a second: "millis health slot" of the router, until run.sh stops it (bounded).
sample_router() {
	local i=0
	while [ ! -f "$E2E_WORK/sampler.stop" ] && [ $i -lt 1800 ]; do
		echo "$(now_ms) $(health_of router) $(served_by || true)" >>"$E2E_WORK/router.samples"
		i=$((i + 1))
		sleep 1
	done
}

# Every router sample in this phase: healthy, and serving <slot>; at least 10 of them.
router_healthy_on_slot_in_phase() {
	awk -v from="$PHASE_START" -v slot="$1" '
		$1 >= from { n++; if ($2 != "running/healthy" || $3 != slot) { bad++; if (bad < 4) print "sample: " $0 } }
		END { print n " samples, " bad + 0 " not healthy on " slot; exit (n >= 10 && bad == 0) ? 0 : 1 }' \
		"$E2E_WORK/router.samples"
}

router_log() {
	"$DOCKER" logs "$ROUTER_CONTAINER" 2>&1
}

# No request of this phase went to <slot> (router log lines "<epoch>.<ms> <status> app/<slot> ...").
router_sent_nothing_to() {
	local since_s=$((PHASE_START / 1000))
	router_log | awk -v since="$since_s" -v server="app/$1" '$1 + 0 >= since && $3 == server { n++ }
		END { print n + 0 " request(s) to " server; exit n > 0 }'
}

# The first request the router sent to <slot> came after <slot> first reported healthy
# (docker events) in this phase.
first_request_after_healthy() {
	local slot=$1 healthy_ms first_ms
	healthy_ms=$(awk -v since="$PHASE_START" -v slot="app-$slot" \
		'$1 / 1000000 >= since && index($2, slot) && $NF == "healthy" { printf "%.0f\n", $1 / 1000000; exit }' "$E2E_WORK/events")
	first_ms=$(router_log | awk -v since="$((PHASE_START / 1000))" -v server="app/$slot" \
		'$1 + 0 >= since && $3 == server { split($1, t, "."); printf "%.0f\n", t[1] * 1000 + t[2]; exit }')
	echo "app-$slot healthy at ${healthy_ms:-never}, first request at ${first_ms:-never}"
	[ -n "$healthy_ms" ] && [ -n "$first_ms" ] && [ "$first_ms" -ge "$healthy_ms" ]
}

router_never_restarted() {
	equals "$(service_container router) $("$DOCKER" inspect "$ROUTER_CONTAINER" --format '{{.RestartCount}}')" \
		"$ROUTER_CONTAINER 0"
}

slot_stopped() {
	case "$(health_of "app-$1")" in
	exited/* | absent) return 0 ;;
	*) health_of "app-$1"; return 1 ;;
	esac
}

# deploy_version <version>: the template's deploy.sh; sets DEPLOY_CODE, DEPLOY_SECONDS,
# DEPLOY_OUTPUT, TIMING (its TIMING line) and shows its output indented.
deploy_version() {
	local version=$1 out="$E2E_WORK/deploy-$1.out" start=$SECONDS
	set +e
	"$ROOT/compose/docker/deploy.sh" "$version" >"$out" 2>&1
	DEPLOY_CODE=$?
	set -e
	DEPLOY_SECONDS=$((SECONDS - start))
	DEPLOY_OUTPUT=$(cat "$out")
	TIMING=$(grep '^TIMING ' "$out" | tail -n 1 || true)
	sed 's/^/    | /' "$out"
}

timing() {
	sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$TIMING"
}

phase_requests() { requests_in_phase_; }
requests_in_phase_() { echo $(($(load_total) - PHASE_TOTAL_BEFORE)); }
phase_failed() { echo $(($(load_failed) - PHASE_FAILED_BEFORE)); }

load_ran_in_phase() { at_least "$(requests_in_phase_)" 100; }
no_failed_requests_in_phase() { equals "$(phase_failed)" 0; }

table_row() {
	TABLE+=("$(printf '%-34s %-12s %-28s %9s %7s' "$1" "$2" "$3" "$4" "$5")")
}

backups() {
	compose run --rm --no-deps -T backup list 2>/dev/null | awk '$1 ~ /^\/backups\// { print $1 }'
}

# Restores the dump taken before v2 into a scratch database and prints its tracker's versions.
restore_into_scratch() {
	local dump=$1
	compose run --rm --no-deps -T --entrypoint bash backup -c '
		set -euo pipefail
		export PGPASSWORD=$(cat /run/secrets/db_password) PGHOST=db PGPORT=5432 PGUSER=postgres
		dropdb -p 5432 --if-exists scratch_restore
		createdb -p 5432 scratch_restore
		pg_restore -p 5432 --exit-on-error --no-owner -d scratch_restore "$0"
		psql -p 5432 -d scratch_restore -AtX -c "SELECT string_agg(version::text, \$\$,\$\$ ORDER BY version) FROM public.applied_migrations"
		dropdb -p 5432 scratch_restore' "$dump" 2>>"$E2E_WORK/checks.log"
}

scenario_v1_first_release() {
	phase_begin "v1-first"
	deploy_version v1
	check "deploy.sh v1 exits 0" equals "$DEPLOY_CODE" 0
	check "the router serves app-blue" equals "$(served_by)" blue
	check "app-blue is healthy" equals "$(health_of app-blue)" running/healthy
	check "app-green was never started" slot_stopped green
	check "the tracker holds 001..006" equals "$(sql 'SELECT string_agg(version::text, $$,$$ ORDER BY version) FROM public.applied_migrations')" "1,2,3,4,5,6"
	check "a backup was taken before the 6 pending migrations" contains "$DEPLOY_OUTPUT" "BACKUP: /backups/"
	table_row "v1 first release (001..006)" "switched" "$(timing switch), deploy ${DEPLOY_SECONDS}s" "-" "-"
}

scenario_v2_switches() {
	phase_begin "v2-switch"
	deploy_version v2
	check "deploy.sh v2 exits 0" equals "$DEPLOY_CODE" 0
	check "the router serves app-green" equals "$(served_by)" green
	check "app-blue (v1) was drained and stopped" slot_stopped blue
	check "007 applied exactly once (tracker)" tracker_has 7
	check "007's side effect happened exactly once" equals "$(sql 'SELECT count(*) FROM release_markers')" 1
	check "the router sent nothing to green before green was healthy" first_request_after_healthy green
	check "the load ran through it" load_ran_in_phase
	check "no failed request through the router" no_failed_requests_in_phase
	local dump
	dump=$(backups | grep -- '-before-v2\.dump$' | tail -n 1 || true)
	check "the backup before v2 is listed" contains "$dump" "before-v2.dump"
	check "it restores into a scratch database with 001..006, without 007" equals "$(restore_into_scratch "$dump")" "1,2,3,4,5,6"
	table_row "v2 good migration (007)" "switched" "$(timing switch) (ready $(timing ready_after))" "$(requests_in_phase_)" "$(phase_failed)"
	phase_end
}

# Shared by 3-5: the release was stopped, the router stayed on green, healthy, and sent it nothing.
assert_stays_on_green() {
	local version=$1
	check "deploy.sh $version exits 1" equals "$DEPLOY_CODE" 1
	check "deploy.sh names the release" contains "$DEPLOY_OUTPUT" "sample-app:$version"
	check "the failed slot app-blue was stopped" slot_stopped blue
	check "app-green (v2) still healthy" equals "$(health_of app-green)" running/healthy
	check "the router still serves app-green" equals "$(served_by)" green
	check "seed 002 replayed: the router was healthy and on green in every sample of the deploy" \
		router_healthy_on_slot_in_phase green
	check "the router sent no request to the broken slot" router_sent_nothing_to blue
	check "the load ran through it" load_ran_in_phase
	check "no failed request through the router" no_failed_requests_in_phase
}

scenario_v3_failed_migration_stays() {
	phase_begin "v3-failed"
	deploy_version v3
	assert_stays_on_green v3
	check "deploy.sh prints the failing migration" contains "$DEPLOY_OUTPUT" "cross_cutting_filter"
	check "deploy.sh prints the SQLSTATE (42703)" contains "$DEPLOY_OUTPUT" "42703"
	check "no tracker row for 008" tracker_lacks 8
	check "no trace of 008 in the catalog" no_relation cross_cutting_filters
	table_row "v3 migration fails (42703)" "rolled back" "stop $(timing stop) (failed $(timing failed_after))" "$(requests_in_phase_)" "$(phase_failed)"
	phase_end
}

scenario_v4_exit_at_boot_stays() {
	phase_begin "v4-exits"
	deploy_version v4
	assert_stays_on_green v4
	check "deploy.sh shows the exit code of a failed migration (4)" contains "$DEPLOY_OUTPUT" "exit code 4"
	check "deploy.sh prints the SQLSTATE (23514)" contains "$DEPLOY_OUTPUT" "23514"
	check "no tracker row for 009" tracker_lacks 9
	check "no trace of 009 in the catalog" no_relation priority_audit
	table_row "v4 exits at boot (exit 4, 23514)" "rolled back" "stop $(timing stop) (failed $(timing failed_after))" "$(requests_in_phase_)" "$(phase_failed)"
	phase_end
}

lock_holder_holds() {
	local i
	for i in $(seq 1 20); do
		[ "$(sql "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
			WHERE a.application_name = 'e2e-lock-holder' AND l.relation = 'comments'::regclass AND l.granted")" = "1" ] && return 0
		sleep 0.5
	done
	return 1
}

scenario_v5_never_ready_stays() {
	phase_begin "v5-never-ready"
	# A forgotten session idle in a transaction on comments: bounded by pg_sleep, and
	# terminated explicitly below.
	"$DOCKER" exec -d -e PGAPPNAME=e2e-lock-holder "$(db_container)" psql -h /var/run/postgresql -p 5432 \
		-U postgres -d paliad -c "BEGIN; LOCK TABLE comments IN ACCESS SHARE MODE; SELECT pg_sleep(300); COMMIT;"
	check "a test session holds a lock on comments" lock_holder_holds
	deploy_version v5
	sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'e2e-lock-holder'" >/dev/null
	assert_stays_on_green v5
	check "deploy.sh says it never became ready" contains "$DEPLOY_OUTPUT" "never became ready"
	check "stopped only after the healthcheck budget (start_period 60 s)" at_least "${DEPLOY_SECONDS}" 60
	check "no tracker row for 010" tracker_lacks 10
	check "no trace of 010 in the catalog" no_column comments edited_at
	table_row "v5 never ready (blocked by a lock)" "rolled back" "stop $(timing stop) (failed $(timing failed_after))" "$(requests_in_phase_)" "$(phase_failed)"
	phase_end
}

scenario_backups_kept() {
	echo
	echo "== backups"
	local list
	list=$(backups)
	sed 's/^/    | /' <<<"$list"
	check "BACKUP_KEEP=3: three dumps kept of the five taken" equals "$(grep -c . <<<"$list")" 3
	check "the newest are kept: before v3, v4, v5" equals "$(sed 's/.*Z-//' <<<"$list" | tr '\n' ' ')" \
		"before-v3.dump before-v4.dump before-v5.dump "
}
