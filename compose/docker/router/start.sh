#!/usr/bin/env bash
# PID 1 of the router container: seeds an empty live volume with the "no release yet"
# backend, then runs HAProxy in master-worker mode in the foreground. deploy.sh reloads it
# with SIGUSR2 after writing a new, validated active.cfg.
set -euo pipefail

static=/usr/local/etc/paliad-router
live=/var/lib/paliad-router

# First start, or a wiped volume: a router without a backend file would not start at all
# (and fail its healthcheck, as the seed's did); with this one it answers 503 and is healthy.
if [ ! -s "$live/active.cfg" ]; then
	cp "$static/no-slot.cfg" "$live/active.cfg"
fi

# -W master-worker (reloads on SIGUSR2 without dropping connections), -db foreground.
exec haproxy -W -db -f "$static/haproxy.cfg" -f "$live/active.cfg"
