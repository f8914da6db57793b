#!/usr/bin/env bash
# CI step 2: the migration gate. Runs the jar that will be deployed, in its own modes,
# against a fresh scratch database on the pipeline's PostgreSQL server:
#   1. dry-run       restore the production snapshot if one is given (the jar restores
#                    it: COPY blocks, the roles it references), then rehearse every
#                    pending migration exactly as migrate will (a transaction each,
#                    no-transaction ones for real, committed on this throw-away copy) as
#                    production's migration role, checking each change against the
#                    running version (compat)
#   2. migrate-only  nothing is left pending: proves a second deploy is a no-op
#   3. verify        the copy's applied set now equals the jar's migrations exactly
# Without a snapshot every migration runs from an empty database, which still catches
# the seed's "column dropped long ago" when the whole history is on disk; with one, the
# new migrations run against production's real shape, drift and ownership included.
# Exits 0 only if all pass; otherwise with the failing mode's exit code and its meaning
# (meaning() below says what ExitCode says; MigrationGateScriptTests keeps them equal).
#
# Environment:
#   PGHOST PGPORT PGUSER PGPASSWORD  the PostgreSQL server (libpq's variables; the role
#                                    must be allowed to create databases and roles)
#   APP_JAR        the jar (default: sample-app/target/sample-app-*.jar)
#   GATE_SNAPSHOT  optional plain-SQL pg_dump of production: pg_dump --schema-only, plus
#                  pg_dump --data-only --table=public.applied_migrations
#   GATE_ROLE      optional: the production migration role (from the snapshot) to run as
#   GATE_REPORTS   optional: reports the dry run writes besides its log output
#                  (paliad.migration.reports; docs/deploy-gate.md "Reports for CI"), e.g.
#                  sarif:build/gate/gate.sarif,markdown:build/gate/gate.md,github
#                  Files are written even when the gate fails, so a later CI step can
#                  upload them; github/gitea print annotations into this step's log.
#   GATE_REPORT_PATH_PREFIX  optional: where the migration location lives in the
#                  repository, so reports point at the right file
#                  (paliad.migration.report-path-prefix), e.g.
#                  sample-app/src/main/resources/db/migration/
#   GATE_JAVA_OPTS JVM options (default: quick start for a one-shot JVM)
#   GATE_VIA       optional: "maven" runs the Maven goal paliad-migration:gate instead
#                  (./mvnw -pl "$GATE_MAVEN_MODULE" paliad-migration:gate, module default
#                  sample-app) with GATE_SNAPSHOT, GATE_ROLE, GATE_REPORTS and
#                  GATE_REPORT_PATH_PREFIX as its -Dpaliad.migration.* properties. The goal
#                  rehearses on an embedded PostgreSQL it starts: no PostgreSQL service, no
#                  psql, no jar; the PG* variables are not used. It runs the dry run only
#                  (no migrate-only/verify pass). Its exit code is the dry-run mode's, read
#                  from the goal's failure message; 1 when Maven failed for another reason.
# Needs java and psql (to create and drop the scratch database); GATE_VIA=maven needs
# java only.
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/../../.." && pwd)

# The meaning of each exit code, word for word as de.paliad.migration.core.ExitCode has it.
meaning() {
	case "$1" in
	2) echo "invalid configuration or usage: down/baseline without target, an invalid tracker schema/table name, down of a version that is not applied or has no down file" ;;
	3) echo "validation failed: file naming, duplicate versions, static checks, a recorded name that disagrees with the file, checksum drift (with verify-checksums=fail); in dry-run, a breaking finding (or a blocking one on a table over the size limit) with compat=fail" ;;
	4) echo "a migration's SQL failed (its transaction was rolled back)" ;;
	5) echo "verify found a difference: pending migrations, or applied versions missing on disk" ;;
	6) echo "the database is unreachable, or the migration lock was not acquired within lock-wait-timeout" ;;
	*) echo "unexpected error (a bug, or an environment problem nobody anticipated; the log has the stack trace)" ;;
	esac
}

# Relative files are relative to the repository root here, but Maven resolves a path
# parameter against the module's folder: hand the goal absolute ones.
absolute() {
	case "$1" in
	/*) echo "$1" ;;
	*) echo "$PWD/$1" ;;
	esac
}

# GATE_REPORTS with each report file made absolute (format:file; annotations have none).
absolute_reports() {
	local entries entry result=()
	IFS=, read -r -a entries <<<"$1"
	for entry in "${entries[@]}"; do
		entry="${entry#"${entry%%[![:space:]]*}"}"
		entry="${entry%"${entry##*[![:space:]]}"}"
		if [[ $entry == *:* ]]; then
			result+=("${entry%%:*}:$(absolute "${entry#*:}")")
		else
			result+=("$entry")
		fi
	done
	(
		IFS=,
		echo "${result[*]}"
	)
}

gate_via_maven() {
	local args=(-B -ntp -pl "${GATE_MAVEN_MODULE:-sample-app}" paliad-migration:gate)
	if [ -n "${GATE_SNAPSHOT:-}" ]; then
		args+=("-Dpaliad.migration.snapshot=$(absolute "$GATE_SNAPSHOT")")
	fi
	if [ -n "${GATE_ROLE:-}" ]; then
		args+=("-Dpaliad.migration.role=$GATE_ROLE")
	fi
	if [ -n "${GATE_REPORTS:-}" ]; then
		args+=("-Dpaliad.migration.reports=$(absolute_reports "$GATE_REPORTS")")
	fi
	if [ -n "${GATE_REPORT_PATH_PREFIX:-}" ]; then
		args+=("-Dpaliad.migration.report-path-prefix=$GATE_REPORT_PATH_PREFIX")
	fi
	echo "gate: ./mvnw ${args[*]}"
	local log code=0 gate_code
	log=$(mktemp)
	./mvnw "${args[@]}" 2>&1 | tee "$log" || code=$?
	if [ $code -ne 0 ]; then
		# The goal's failure message carries the dry-run mode's exit code.
		gate_code=$(grep -o 'The migration gate failed with exit code [0-9]*' "$log" | head -n 1 | grep -o '[0-9]*$' || true)
		rm -f "$log"
		if [ -n "$gate_code" ]; then
			echo "GATE FAILED: paliad-migration:gate exited $gate_code: $(meaning "$gate_code")"
			exit "$gate_code"
		fi
		echo "GATE FAILED: the Maven build failed before the gate decided (exit $code; its log is above)"
		exit 1
	fi
	rm -f "$log"
	echo "gate: passed"
}

case "${GATE_VIA:-script}" in
script) ;;
maven)
	if [ -n "${GATE_SNAPSHOT:-}" ] && [ ! -r "$GATE_SNAPSHOT" ]; then
		echo "GATE FAILED: GATE_SNAPSHOT=$GATE_SNAPSHOT is not a readable file" >&2
		exit 2
	fi
	gate_via_maven
	exit 0
	;;
*)
	echo "GATE FAILED: GATE_VIA=$GATE_VIA is not a route; use 'maven' or leave it unset (the jar with psql)" >&2
	exit 2
	;;
esac

jar=${APP_JAR:-$(ls "$root"/sample-app/target/sample-app-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
	echo "GATE FAILED: no jar (set APP_JAR or run compose/ci/steps/test.sh first)" >&2
	exit 2
fi
# Named but missing is an error: a gate that silently ran on an empty database would
# miss whatever only production's real shape shows.
if [ -n "${GATE_SNAPSHOT:-}" ] && [ ! -r "$GATE_SNAPSHOT" ]; then
	echo "GATE FAILED: GATE_SNAPSHOT=$GATE_SNAPSHOT is not a readable file" >&2
	exit 2
fi

export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
database="paliad_gate_$$_$(date +%s)"

psql_admin() {
	psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
}

psql_admin -c "CREATE DATABASE $database"
# The copy goes away whatever happens; WITH (FORCE) ends a session a killed JVM left.
trap 'psql_admin -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

# The datasource comes from the environment, so the password is never on a command line.
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database"
export SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
if [ -n "${GATE_ROLE:-}" ]; then
	export PALIAD_MIGRATION_ROLE=$GATE_ROLE
fi
# Only the dry run reads them; the prefix is harmless to the other modes.
if [ -n "${GATE_REPORT_PATH_PREFIX:-}" ]; then
	export PALIAD_MIGRATION_REPORT_PATH_PREFIX=$GATE_REPORT_PATH_PREFIX
fi
read -r -a java_opts <<<"${GATE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"


for mode in dry-run migrate-only verify; do
	echo "gate: $mode"
	extra=()
	# Only the dry run restores: the restore refuses a database that has tables.
	if [ "$mode" = "dry-run" ] && [ -n "${GATE_SNAPSHOT:-}" ]; then
		echo "gate: restoring $GATE_SNAPSHOT"
		extra+=(--paliad.migration.snapshot="$GATE_SNAPSHOT")
	fi
	# The scratch database is ours to throw away: rehearse (commit) rather than roll
	# back one transaction, which would fail a valid enum ADD VALUE + use pair (55P04).
	if [ "$mode" = "dry-run" ] && [ -z "${GATE_SNAPSHOT:-}" ]; then
		extra+=(--paliad.migration.rehearse=true)
	fi
	if [ "$mode" = "dry-run" ] && [ -n "${GATE_REPORTS:-}" ]; then
		echo "gate: reports $GATE_REPORTS"
		extra+=(--paliad.migration.reports="$GATE_REPORTS")
	fi
	code=0
	java "${java_opts[@]}" -jar "$jar" --paliad.migration.mode="$mode" "${extra[@]}" || code=$?
	if [ $code -ne 0 ]; then
		echo "GATE FAILED: $mode exited $code: $(meaning $code)"
		exit $code
	fi
done
echo "gate: passed"
