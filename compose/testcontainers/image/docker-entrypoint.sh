#!/usr/bin/env bash
# PID 1 of paliad's Testcontainers PostgreSQL image: the official `postgres` image's
# contract, the parts Testcontainers and typical tests rely on, on Debian's postgresql-15.
#   POSTGRES_PASSWORD (or _FILE)  the superuser's password; required unless
#                                 POSTGRES_HOST_AUTH_METHOD=trust
#   POSTGRES_USER (or _FILE)      the superuser (default postgres)
#   POSTGRES_DB (or _FILE)        a database created at init (default: POSTGRES_USER)
#   POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256), PGDATA
#   /docker-entrypoint-initdb.d/  *.sql, *.sql.gz, *.sh run once at init
# On an empty data directory it runs initdb, then, like the official image, a temporary
# server on the Unix socket only for the init steps, stops it, and execs the real server.
# Both print "database system is ready to accept connections", and Testcontainers'
# PostgreSQLContainer waits for that line twice.
set -euo pipefail
# ERR traps also in functions and subshells, as the official entrypoint has them.
set -o errtrace

# VAR or VAR_FILE (a Docker secret), not both.
file_env() {
	local var=$1 file_var="${1}_FILE" default=${2:-}
	if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
		echo "error: both $var and $file_var are set (but are exclusive)" >&2
		exit 1
	fi
	local value=$default
	if [ -n "${!var:-}" ]; then
		value=${!var}
	elif [ -n "${!file_var:-}" ]; then
		value=$(<"${!file_var}")
	fi
	export "$var"="$value"
	unset "$file_var"
}

as_postgres() {
	# setpriv execs in place (no fork), so signals reach the server directly.
	setpriv --reuid=postgres --regid=postgres --init-groups "$@"
}

# `docker run image -c fsync=off`: options for the server.
if [ $# -eq 0 ] || [ "${1:0:1}" = '-' ]; then
	set -- postgres "$@"
fi
# Anything but the server (a shell, psql ...) runs as given.
if [ "$1" != 'postgres' ]; then
	exec "$@"
fi

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS
auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

install -d -o postgres -g postgres -m 700 "$PGDATA"
install -d -o postgres -g postgres -m 2775 /var/run/postgresql

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -z "$POSTGRES_PASSWORD" ] && [ "$auth" != trust ]; then
		cat >&2 <<-'MSG'
			error: the database is uninitialized and no superuser password is set.
			       Set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE), or
			       POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without one.
		MSG
		exit 1
	fi
	# initdb reads the password from a file only the postgres user can read. Like the
	# official image's, it trusts connections from inside the container (initdb's default).
	pwfile=()
	if [ -n "$POSTGRES_PASSWORD" ]; then
		pwfile=("--pwfile=$(mktemp)")
		chown postgres "${pwfile#--pwfile=}"
		printf '%s\n' "$POSTGRES_PASSWORD" >"${pwfile#--pwfile=}"
	fi
	# shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options
	as_postgres initdb -D "$PGDATA" --username="$POSTGRES_USER" "${pwfile[@]}" \
		--encoding=UTF8 --locale=C.UTF-8 $POSTGRES_INITDB_ARGS
	[ ${#pwfile[@]} -eq 0 ] || rm -f "${pwfile#--pwfile=}"
	# Connections over the container's network: password (or trust, if asked for).
	printf '\nhost all all all %s\n' "$auth" >>"$PGDATA/pg_hba.conf"

	# The temporary server: no TCP at all, so no client sees a half-initialised database.
	as_postgres pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
	psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --no-password)
	if [ "$POSTGRES_DB" != postgres ]; then
		as_postgres "${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<-'SQL'
			CREATE DATABASE :"db";
		SQL
	fi
	shopt -s nullglob
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
			*.sh) echo "running $f"; PGUSER=$POSTGRES_USER PGDATABASE=$POSTGRES_DB . "$f" ;;
			*.sql) echo "running $f"; as_postgres "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
			*.sql.gz) echo "running $f"; gunzip -c "$f" | as_postgres "${psql[@]}" --dbname "$POSTGRES_DB" ;;
			*) echo "ignoring $f" ;;
		esac
	done
	as_postgres pg_ctl -D "$PGDATA" -m fast -w stop
	echo
	echo 'PostgreSQL init process complete; ready for start up.'
	echo
fi

shift
exec setpriv --reuid=postgres --regid=postgres --init-groups \
	postgres -D "$PGDATA" -c listen_addresses='*' "$@"
