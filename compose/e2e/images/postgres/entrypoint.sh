#!/bin/bash
# PID 1 of the e2e's PostgreSQL 15 image (built from Debian packages, no registry).
# First start: initdb on the empty data directory, a password for the `postgres` role
# from a Docker secret, one application database. Every start: run the server in the
# foreground as `postgres`, listening on all addresses of the stack's network.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
data=${PGDATA:-/var/lib/postgresql/data}
password_file=${POSTGRES_PASSWORD_FILE:?the password comes from a Docker secret file}
database=${POSTGRES_DB:-paliad}

as_postgres() {
	# setpriv execs in place (no fork), so signals reach the server directly.
	setpriv --reuid=postgres --regid=postgres --init-groups "$@"
}

if [ ! -s "$data/PG_VERSION" ]; then
	install -d -o postgres -g postgres -m 700 "$data"
	# initdb reads the password from a file only the postgres user can read.
	pwfile=$(mktemp)
	cat "$password_file" >"$pwfile"
	chown postgres "$pwfile"
	as_postgres "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" \
		--auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
	rm -f "$pwfile"
	# Only the stack's own overlay network can reach this server at all.
	echo "host all all 0.0.0.0/0 scram-sha-256" >>"$data/pg_hba.conf"
	# Single-user mode: create the database before any client can connect.
	echo "CREATE DATABASE $database" | as_postgres "$bin/postgres" --single -D "$data" postgres >/dev/null
fi

install -d -o postgres -g postgres /var/run/postgresql
exec setpriv --reuid=postgres --regid=postgres --init-groups \
	"$bin/postgres" -D "$data" -c listen_addresses='*' -c max_connections=100 "$@"
