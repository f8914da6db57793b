#!/usr/bin/env bash
# The pre-deploy backup, run inside the compose file's `backup` service (an image with
# pg_dump), which mounts the backups volume at /backups:
#
#   backup.sh take <label>   pg_dump -Fc into /backups/<UTC time>-<label>.dump, then keep
#                            only the newest BACKUP_KEEP dumps; prints the file
#   backup.sh list           the dumps, newest last
#
# It never restores anything: when a restore is right, and how, is in docs/deploy.md.
#
# Environment: DATABASE_URL (JDBC, turned into a libpq URL) or BACKUP_DATABASE_URL (libpq),
# DATABASE_USER, BACKUP_KEEP [5], BACKUP_DIR [/backups], BACKUP_PASSWORD_FILE
# [/run/secrets/db_password].
set -euo pipefail

dir=${BACKUP_DIR:-/backups}
keep=${BACKUP_KEEP:-5}
password_file=${BACKUP_PASSWORD_FILE:-/run/secrets/db_password}
# Only files this script wrote count (and are ever deleted): <UTC time>-<label>.dump.
# The dump being written; removed on any exit until it is complete (a global: the EXIT trap
# runs after take() has returned).
partial=""
trap '[ -z "$partial" ] || rm -f "$partial"' EXIT
pattern='[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z-*.dump'

usage() {
	echo "usage: backup.sh take <label> | list" >&2
	exit 64
}

# jdbc:postgresql://host:port/db?ssl=true -> postgresql://host:port/db (JDBC-only query
# parameters mean nothing to libpq; set BACKUP_DATABASE_URL when they matter, e.g. sslmode).
libpq_url() {
	local url=${BACKUP_DATABASE_URL:-}
	if [ -z "$url" ]; then
		url=${DATABASE_URL:?set DATABASE_URL or BACKUP_DATABASE_URL}
		url=${url#jdbc:}
		url=${url%%\?*}
	fi
	echo "$url"
}

# The dumps this script made, oldest first (the names sort by time).
dumps() {
	find "$dir" -maxdepth 1 -type f -name "$pattern" -printf '%f\n' | sort
}

list() {
	local name
	echo "backups in $dir (newest last):"
	for name in $(dumps); do
		printf '  %s  %s bytes\n' "$dir/$name" "$(stat -c %s "$dir/$name")"
	done
}

take() {
	local label=$1 name
	[[ "$label" =~ ^[A-Za-z0-9._-]+$ ]] || {
		echo "backup.sh: the label '$label' may hold only letters, digits, '.', '_' and '-'" >&2
		exit 64
	}
	[[ "$keep" =~ ^[1-9][0-9]*$ ]] || {
		echo "backup.sh: BACKUP_KEEP must be a positive number, not '$keep'" >&2
		exit 64
	}
	name="$(date -u +%Y%m%dT%H%M%SZ)-$label.dump"
	# Written under another name and renamed when complete: a dump that failed halfway is
	# never listed, kept or mistaken for a backup.
	partial="$dir/.$name.partial"
	# The password only in this process's environment, never on a command line.
	PGPASSWORD=$(cat "$password_file") pg_dump --format=custom --no-password \
		--username="${DATABASE_USER:-paliad}" --file="$partial" --dbname="$(libpq_url)"
	mv "$partial" "$dir/$name"
	partial=""
	# Keep the newest $keep; only after the new dump exists, so a failed dump deletes nothing.
	dumps | head -n "-$keep" | while read -r old; do
		rm -f "$dir/$old"
		echo "removed the old backup $dir/$old (BACKUP_KEEP=$keep)"
	done
	echo "BACKUP: $dir/$name ($(stat -c %s "$dir/$name") bytes)"
	list
}

case "${1:-}" in
take)
	[ $# -eq 2 ] || usage
	take "$2"
	;;
list)
	list
	;;
*)
	usage
	;;
esac
