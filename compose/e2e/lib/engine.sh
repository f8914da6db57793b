# shellcheck shell=bash
# The Docker engine and the one-node Swarm for the e2e (sourced by run.sh).
#
# Uses an engine that already answers (and leaves it running); otherwise installs
# Debian's docker.io if needed and starts a private dockerd on its own socket, so that
# nothing else on the machine (a Testcontainers test, say) mistakes it for the machine's
# Docker, and stops it at the end. See shared/SWARM-LAB.md.

E2E_SOCKET_DIR=${E2E_SOCKET_DIR:-/run/paliad-e2e}
ENGINE_STARTED=0
SWARM_STARTED=0

# Installs what the e2e needs on a bare Debian machine. Returns non-zero on failure.
engine_install() {
	local missing=()
	command -v dockerd >/dev/null || missing+=(docker.io)
	command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
	command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
	command -v curl >/dev/null || missing+=(curl)
	[ ${#missing[@]} -eq 0 ] && return 0
	DEBIAN_FRONTEND=noninteractive apt-get update -q &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Picks the client: a CLI that understands the template's healthcheck.start_interval
# (25+; e.g. the machine's /usr/local/bin/docker), else Debian's 20.10 client, for which
# run.sh strips start_interval from a copy (20.10 engines ignore the value anyway).
engine_pick_client() {
	local candidate major
	DOCKER=""
	for candidate in $(type -ap docker) /usr/local/bin/docker /usr/bin/docker; do
		[ -x "$candidate" ] || continue
		major=$("$candidate" version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1 || true)
		[ -z "$DOCKER" ] && DOCKER=$candidate
		if [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge 25 ]; then
			DOCKER=$candidate
			CLIENT_KNOWS_START_INTERVAL=1
			return 0
		fi
	done
	CLIENT_KNOWS_START_INTERVAL=0
	[ -n "$DOCKER" ]
}

# Starts dockerd unless an engine answers already. Prints the reason on failure.
engine_start() {
	if [ -n "${DOCKER_HOST:-}" ] && "$DOCKER" info >/dev/null 2>&1; then
		return 0
	fi
	if [ -z "${DOCKER_HOST:-}" ] && "$DOCKER" info >/dev/null 2>&1; then
		return 0
	fi
	mkdir -p "$E2E_SOCKET_DIR"
	export DOCKER_HOST="unix://$E2E_SOCKET_DIR/docker.sock"
	if "$DOCKER" info >/dev/null 2>&1; then
		# A dockerd an earlier, interrupted run left behind: reuse it, and stop it at the end.
		ENGINE_STARTED=1
		return 0
	fi
	# Its own session, so a Ctrl-C meant for the test does not reach the daemon first.
	setsid dockerd -H "$DOCKER_HOST" --pidfile "$E2E_SOCKET_DIR/dockerd.pid" \
		>"$E2E_WORK/dockerd.log" 2>&1 </dev/null &
	local pid=$! i
	ENGINE_STARTED=1
	for i in $(seq 1 60); do
		if "$DOCKER" info >/dev/null 2>&1; then
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 1
	done
	kill "$pid" 2>/dev/null || true
	ENGINE_STARTED=0
	echo "dockerd did not start: $(grep -iE 'error|fatal|failed' "$E2E_WORK/dockerd.log" | tail -n 1 | cut -c1-200)"
	return 1
}

engine_stop() {
	[ "$ENGINE_STARTED" -eq 1 ] || return 0
	local pid
	pid=$(cat "$E2E_SOCKET_DIR/dockerd.pid" 2>/dev/null || true)
	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null || true
	# dockerd stops its containers and containerd; give it the time that takes.
	for _ in $(seq 1 60); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 1
	done
	echo "dockerd ($pid) did not stop within 60 s" >&2
}

swarm_start() {
	local state
	state=$("$DOCKER" info --format '{{.Swarm.LocalNodeState}}')
	if [ "$state" = "active" ]; then
		return 0
	fi
	"$DOCKER" swarm init --advertise-addr 127.0.0.1 >/dev/null
	SWARM_STARTED=1
}

# Leaves the swarm this run made, or any swarm on the private engine this run stopped.
swarm_stop() {
	[ "$SWARM_STARTED" -eq 1 ] || [ "$ENGINE_STARTED" -eq 1 ] || return 0
	"$DOCKER" swarm leave --force >/dev/null 2>&1 || true
}

# The first port from $1 up that nothing on 127.0.0.1 listens on.
free_port() {
	local port=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
		port=$((port + 1))
	done
	echo "$port"
}

# Ends a test that cannot run here: a test that did not run has not passed, so exit 1,
# unless PALIAD_E2E_SKIP=1 opts out on purpose (exit 0, the reason printed).
# $1: the test's label in the message (e.g. "E2E"), $2: why it cannot run.
cannot_run_test() {
	if [ "${PALIAD_E2E_SKIP:-0}" = "1" ]; then
		echo "$1 SKIPPED (PALIAD_E2E_SKIP=1): it cannot run here: $2"
		exit 0
	fi
	echo "$1 CANNOT RUN: $2 (set PALIAD_E2E_SKIP=1 to skip it on purpose)"
	exit 1
}

# Installs Docker (and mmdebstrap) into a fresh $E2E_WORK and picks the client, or ends
# the test through cannot_run, the calling script's one-argument wrapper of cannot_run_test.
engine_prepare() {
	[ "$(id -u)" -eq 0 ] || cannot_run "needs root to install packages and start dockerd"
	{ rm -rf "$E2E_WORK" && mkdir -p "$E2E_WORK"; } 2>/dev/null || cannot_run "cannot create the work directory $E2E_WORK"
	engine_install >"$E2E_WORK/install.log" 2>&1 ||
		cannot_run "could not install docker.io/mmdebstrap: $(tail -n 1 "$E2E_WORK/install.log")"
	engine_pick_client || cannot_run "no docker client after installing docker.io"
}
