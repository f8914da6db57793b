#!/usr/bin/env bash
# Runs the sample app's Testcontainers test (SampleApplicationContainerTests) against a
# real Docker engine, and fails unless all of it ran and passed: a skipped test is not a
# passing one. No registry is reachable in CI, so the PostgreSQL image is built here from
# Debian's postgresql-15 (image/: an entrypoint with the official image's contract) and
# handed to the test as PALIAD_TEST_PG_IMAGE, which the test declares a compatible
# substitute for `postgres`. Users' runs pull `postgres` as usual.
#
# Steps: install and start the engine (../e2e/lib/engine.sh: a private dockerd unless an
# engine answers already; stopped at the end), build the image (the e2e's cached Debian
# rootfs + image/), run the test with Maven, then check the surefire report (at least 7
# tests, none skipped, failed or in error), that the test's container came from the
# local image, and that no container of the test is left.
#
# If the engine cannot run it prints `TESTCONTAINERS TEST CANNOT RUN: <reason>` and exits
# 1; PALIAD_E2E_SKIP=1 turns that into a skip on purpose (exit 0, the reason printed).
# Ryuk (testcontainers/ryuk) cannot be pulled here, so it is disabled; the test stops its
# container at JVM exit, and this script checks that it did.
# Knobs: TC_WORK (work dir), TC_IMAGE (the image's tag), TC_MAVEN_ARGS (extra Maven
# arguments, e.g. -o).
set -euo pipefail
shopt -s inherit_errexit

TC_DIR=$(cd "$(dirname "$0")" && pwd)
# The shared helpers (engine, images) expect E2E_DIR to be compose/e2e.
E2E_DIR=$(cd "$TC_DIR/../e2e" && pwd)
ROOT=$(cd "$TC_DIR/../.." && pwd)
E2E_WORK=${TC_WORK:-/tmp/paliad-tc}
TC_IMAGE=${TC_IMAGE:-paliad/postgres-tc:15}
REPORT=$ROOT/sample-app/target/surefire-reports/TEST-de.paliad.sample.SampleApplicationContainerTests.xml
MIN_TESTS=7
RUN_STARTED=$SECONDS

# shellcheck source=../e2e/lib/engine.sh
. "$E2E_DIR/lib/engine.sh"
# shellcheck source=../e2e/lib/images.sh
. "$E2E_DIR/lib/images.sh"

cannot_run() {
	cannot_run_test "TESTCONTAINERS TEST" "$1"
}

failed() {
	echo "TESTCONTAINERS TEST FAILED: $1"
	exit 1
}

# --- the engine ----------------------------------------------------------------------------
engine_prepare
engine_start >"$E2E_WORK/engine.reason" || cannot_run "$(cat "$E2E_WORK/engine.reason")"
# DOCKER_HOST (set when engine_start started a private dockerd) is how Testcontainers
# finds the engine, as it is for the docker CLI.
export DOCKER DOCKER_HOST
export DOCKER_BUILDKIT=0

# The test's containers (label org.testcontainers=true), from the engine's event log.
test_containers() {
	"$DOCKER" events --since "$MAVEN_STARTED" --until "$(date +%s)" \
		--filter type=container --filter event=create --filter label=org.testcontainers=true \
		--format '{{.ID}} {{.From}}' 2>/dev/null
}

# The test's containers that still exist.
leftover_containers() {
	local id
	for id in $(test_containers | cut -d' ' -f1); do
		"$DOCKER" container inspect "$id" >/dev/null 2>&1 && echo "$id"
	done
	return 0
}

cleanup() {
	local code=$? leftover
	set +e
	if [ -n "${MAVEN_STARTED:-}" ]; then
		leftover=$(leftover_containers)
		if [ -n "$leftover" ]; then
			echo "removing the test's leftover container(s): $(echo $leftover)"
			# shellcheck disable=SC2086 # a list of ids
			"$DOCKER" rm -f -v $leftover >/dev/null
		fi
	fi
	engine_stop
	echo "Testcontainers test cleaned up (exit $code, $((SECONDS - RUN_STARTED))s in all)"
	exit "$code"
}
trap cleanup EXIT

echo "testcontainers: Docker $("$DOCKER" version --format '{{.Server.Version}}') via $DOCKER (${DOCKER_HOST:-default socket})"

# --- the image -----------------------------------------------------------------------------
step=$SECONDS
rootfs=$(rootfs_image postgres "postgresql-15")
# Classic builder, no pull: its only base is the local rootfs image. Quick when cached.
build -t "$TC_IMAGE" --build-arg "ROOTFS_IMAGE=$rootfs" "$TC_DIR/image" >/dev/null ||
	failed "could not build $TC_IMAGE (see $E2E_WORK/build.log)"
echo "image $TC_IMAGE ready in $((SECONDS - step))s (on $rootfs)"

# --- the test ------------------------------------------------------------------------------
# A report from an earlier run must not pass for this one.
rm -f "$REPORT"
step=$SECONDS
MAVEN_STARTED=$(date +%s)
maven_code=0
# shellcheck disable=SC2086 # TC_MAVEN_ARGS is a list of arguments
(cd "$ROOT" && PALIAD_TEST_PG_IMAGE=$TC_IMAGE TESTCONTAINERS_RYUK_DISABLED=true \
	./mvnw -B -ntp ${TC_MAVEN_ARGS:-} -pl sample-app -am test \
	-Dtest=SampleApplicationContainerTests -Dsurefire.failIfNoSpecifiedTests=false) ||
	maven_code=$?
echo "Maven ran the Testcontainers test in $((SECONDS - step))s (exit $maven_code)"

# --- the checks ----------------------------------------------------------------------------
[ -f "$REPORT" ] || failed "no surefire report at $REPORT: the test class did not run"
# The <testsuite ...> element's counters.
suite=$(tr '\n' ' ' <"$REPORT" | grep -o '<testsuite [^>]*>' | head -n 1)
counter() {
	sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$suite"
}
tests=$(counter tests) skipped=$(counter skipped) failures=$(counter failures) errors=$(counter errors)
echo "surefire: tests=${tests:-?} skipped=${skipped:-?} failures=${failures:-?} errors=${errors:-?}"
[ "${failures:-x}" = 0 ] && [ "${errors:-x}" = 0 ] ||
	failed "${failures:-?} failure(s), ${errors:-?} error(s) (see $REPORT)"
[ "${skipped:-x}" = 0 ] || failed "${skipped:-?} test(s) skipped: the container test must run, not skip"
[ "${tests:-0}" -ge "$MIN_TESTS" ] || failed "expected at least $MIN_TESTS tests, the report has ${tests:-none}"
[ "$maven_code" -eq 0 ] || failed "Maven exited with $maven_code"
# The database really was the local image, not some other PostgreSQL.
test_containers | grep -qF " $TC_IMAGE" ||
	failed "no container from $TC_IMAGE was created during the test"
# Without Ryuk, the test's JVM must have stopped its container itself.
leftover=$(leftover_containers)
[ -z "$leftover" ] || failed "container(s) of the test still exist after the JVM exited: $(echo $leftover)"
echo "TESTCONTAINERS TEST PASSED: $tests tests against $TC_IMAGE, none skipped"
