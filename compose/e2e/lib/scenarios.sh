# shellcheck shell=bash
# The e2e's scenarios, one function each, in the order run.sh calls them. Each deploys a
# release with the real deploy script and asserts on `docker service inspect`, the
# database and the load generator's counters. Sourced by run.sh.

# deploy_version <version>: runs the pipelines' deploy step (compose/ci/steps/deploy.sh,
# which runs compose/swarm/deploy.sh); sets DEPLOY_CODE, DEPLOY_SECONDS, DEPLOY_OUTPUT and
# shows the script's output indented.
deploy_version() {
	local version=$1 out="$E2E_WORK/deploy-$1.out" start=$SECONDS
	set +e
	APP_VERSION=$version DEPLOY_VIA=stack "$ROOT/compose/ci/steps/deploy.sh" >"$out" 2>&1
	DEPLOY_CODE=$?
	set -e
	DEPLOY_SECONDS=$((SECONDS - start))
	DEPLOY_OUTPUT=$(cat "$out")
	sed 's/^/    | /' "$out"
}

# In every slot the update touched, the new release's container reported healthy before
# the old release's container got its stop signal (from `docker events`).
new_healthy_before_old_stopped() {
	local old=$1 new=$2 since=$3
	awk -v old=":$old\$" -v new=":$new\$" -v since="$since" '
		$1 >= since {
			split($3, part, "."); slot = part[2]
			if ($4 ~ new && $5 == "health_status:" && $6 == "healthy" && !(slot in healthy)) healthy[slot] = $1
			if ($4 ~ old && $5 == "kill" && !(slot in killed)) killed[slot] = $1
		}
		END {
			for (slot in killed) {
				stopped++
				if (!(slot in healthy) || healthy[slot] > killed[slot]) { print "slot " slot ": old stopped first"; bad = 1 }
			}
			if (stopped == 0) { print "no old task was stopped"; bad = 1 }
			exit bad
		}' "$E2E_WORK/events"
}

# The router answers through 127.0.0.1 (used before the load starts).
router_serves() {
	local i ok=0
	for i in $(seq 1 60); do
		if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$E2E_ROUTER_PORT/api/approval-requests?limit=1"; then
			ok=$((ok + 1))
			[ $ok -ge 5 ] && return 0
		else
			ok=0
		fi
		sleep 1
	done
	return 1
}

# The load generator kept sending while the scenario ran (so "no failure" means something).
load_ran_in_phase() {
	at_least "$(requests_in_phase)" 100
}

no_failed_requests_in_phase() {
	equals "$(($(load_failed) - PHASE_FAILED_BEFORE))" 0
}

requests_in_phase() {
	echo $(($(load_total) - PHASE_TOTAL_BEFORE))
}

scenario_v1_deploys() {
	phase_begin "v1"
	deploy_version v1
	check "deploy.sh v1 exits 0" equals "$DEPLOY_CODE" 0
	check "2 replicas running" equals "$(app_containers | wc -l)" 2
	check "every replica healthy" all_healthy
	check "the tracker holds 001..006" equals "$(sql 'SELECT string_agg(version::text, $$,$$ ORDER BY version) FROM public.applied_migrations')" "1,2,3,4,5,6"
	check "the router serves through 127.0.0.1" router_serves
	RESULTS+=("1 v1 deploys: ${DEPLOY_SECONDS}s to 2 healthy replicas")
	# No load yet (nothing served before v1), so no phase in the load report.
}

scenario_v2_rolls_forward() {
	phase_begin "v2-forward"
	local since
	since=$(date +%s%N)
	deploy_version v2
	check "deploy.sh v2 exits 0" equals "$DEPLOY_CODE" 0
	check "UpdateStatus.State = completed" equals "$(update_state)" completed
	check "the service runs v2" contains "$(spec_image)" ":v2"
	check "2 replicas running, all healthy" all_healthy
	check "007 applied exactly once (tracker)" tracker_has 7
	check "007's side effect happened exactly once" equals "$(sql 'SELECT count(*) FROM release_markers')" 1
	check "old tasks stopped only after the new one in their slot was healthy" new_healthy_before_old_stopped v1 v2 "$since"
	check "the load ran through it" load_ran_in_phase
	check "no failed request through the router" no_failed_requests_in_phase
	RESULTS+=("2 v2 rolls forward: completed in ${DEPLOY_SECONDS}s, $(requests_in_phase) requests, $(($(load_failed) - PHASE_FAILED_BEFORE)) failed")
	phase_end
}

# Shared by scenarios 3-5: the release was rolled back and left nothing behind.
# rolled_back <version> <containers before>
assert_rolled_back() {
	local version=$1 before=$2
	check "deploy.sh $version exits 1 (rolled back)" equals "$DEPLOY_CODE" 1
	check "UpdateStatus.State = rollback_completed" equals "$(update_state)" rollback_completed
	check "the service spec is back on v2" contains "$(spec_image)" ":v2"
	check "the v2 tasks never restarted (same container IDs)" equals "$(app_containers | tr '\n' ' ')" "$before"
	check "the v2 tasks are healthy" all_healthy
	check "deploy.sh names the failed release" contains "$DEPLOY_OUTPUT" "sample-app:$version"
	check "the load ran through it" load_ran_in_phase
	check "no failed request through the router" no_failed_requests_in_phase
}

scenario_v3_failed_migration_rolls_back() {
	phase_begin "v3-rollback"
	local before
	before=$(app_containers | tr '\n' ' ')
	deploy_version v3
	assert_rolled_back v3 "$before"
	check "deploy.sh prints the failing migration" contains "$DEPLOY_OUTPUT" "cross_cutting_filter"
	check "deploy.sh prints the SQLSTATE (42703)" contains "$DEPLOY_OUTPUT" "42703"
	check "no tracker row for 008" tracker_lacks 8
	check "no trace of 008 in the catalog" no_relation cross_cutting_filters
	RESULTS+=("3 v3 (migration fails, 42703) rolled back: ${DEPLOY_SECONDS}s from deploy to verdict, $(rollback_seconds v3)s from the task failing to rollback_completed, $(requests_in_phase) requests, $(($(load_failed) - PHASE_FAILED_BEFORE)) failed")
	phase_end
}

scenario_v4_exit_at_boot_rolls_back() {
	phase_begin "v4-rollback"
	local before
	before=$(app_containers | tr '\n' ' ')
	deploy_version v4
	assert_rolled_back v4 "$before"
	check "deploy.sh shows the exit code of a failed migration (4)" contains "$DEPLOY_OUTPUT" "exit code 4"
	check "deploy.sh prints the SQLSTATE (23514)" contains "$DEPLOY_OUTPUT" "23514"
	check "no tracker row for 009" tracker_lacks 9
	check "no trace of 009 in the catalog" no_relation priority_audit
	RESULTS+=("4 v4 (exits during boot) rolled back: ${DEPLOY_SECONDS}s from deploy to verdict, $(rollback_seconds v4)s from the task failing to rollback_completed, $(requests_in_phase) requests, $(($(load_failed) - PHASE_FAILED_BEFORE)) failed")
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

release_lock_holder() {
	sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'e2e-lock-holder'" >/dev/null
}

scenario_v5_never_ready_rolls_back() {
	phase_begin "v5-rollback"
	local before
	before=$(app_containers | tr '\n' ' ')
	# A forgotten session idle in a transaction that read comments: bounded by pg_sleep,
	# and terminated explicitly below.
	"$DOCKER" exec -d -e PGAPPNAME=e2e-lock-holder "$(db_container)" psql -h /var/run/postgresql -p 5432 -U postgres -d paliad -c \
		"BEGIN; LOCK TABLE comments IN ACCESS SHARE MODE; SELECT pg_sleep(300); COMMIT;"
	check "a test session holds a lock on comments" lock_holder_holds
	deploy_version v5
	release_lock_holder
	assert_rolled_back v5 "$before"
	check "rolled back only after the healthcheck budget (start_period 45 s)" at_least "$DEPLOY_SECONDS" 45
	check "no tracker row for 010" tracker_lacks 10
	check "no trace of 010 in the catalog" no_column comments edited_at
	RESULTS+=("5 v5 (never ready: blocked migration) rolled back: ${DEPLOY_SECONDS}s from deploy to verdict, $(rollback_seconds v5)s from the task failing to rollback_completed, $(requests_in_phase) requests, $(($(load_failed) - PHASE_FAILED_BEFORE)) failed")
	phase_end
}
