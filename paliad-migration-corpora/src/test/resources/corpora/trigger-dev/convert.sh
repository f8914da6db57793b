#!/usr/bin/env bash
# Reproduces migrations/ from a trigger.dev checkout (see UPSTREAM.md for the commit):
#   bash convert.sh /path/to/trigger.dev
# Prisma keeps one folder per migration, <timestamp>_<name>/migration.sql, applied in the
# folders' lexical order. Each becomes <timestamp><NN>_<name>.up.sql: NN (00, 01, …)
# numbers folders that share a timestamp (upstream has two 20260630120000_ folders, which
# would be one version otherwise) and keeps Prisma's order.
# Prisma sends a migration as one simple query, which is not wrapped in a transaction
# block of its own when the file controls that itself; the runner needs the directive
# "-- paliad:no-transaction" (added as a new first line) to do the same for:
#  - a file with CONCURRENTLY outside a comment (a lone CREATE INDEX CONCURRENTLY), and
#  - a file with its own top-level BEGIN; … COMMIT; (Prisma's enum rewrites), which
#    the runner refuses inside its transaction; in autocommit it runs as psql runs it.
# Nothing else changes: the rest of every file is byte for byte upstream's.
set -euo pipefail
source_dir="$1/internal-packages/database/prisma/migrations"
target_dir="$(cd "$(dirname "$0")" && pwd)/migrations"
[ -d "$source_dir" ] || { echo "No Prisma migrations at $source_dir; pass a trigger.dev checkout" >&2; exit 1; }
rm -rf "$target_dir"
mkdir -p "$target_dir"
previous=""
sequence=0
while IFS= read -r folder; do
	timestamp="${folder%%_*}"
	name="${folder#*_}"
	if [ "$timestamp" = "$previous" ]; then sequence=$((sequence + 1)); else sequence=0; previous="$timestamp"; fi
	target="$target_dir/$(printf '%s%02d_%s.up.sql' "$timestamp" "$sequence" "$name")"
	code="$(sed 's/--.*//' "$source_dir/$folder/migration.sql")"
	if grep -qiw 'concurrently' <<<"$code" || grep -qiE '^[[:space:]]*(BEGIN|COMMIT)[[:space:]]*;' <<<"$code"; then
		printf -- '-- paliad:no-transaction\n' >"$target"
		cat "$source_dir/$folder/migration.sql" >>"$target"
	else
		cp "$source_dir/$folder/migration.sql" "$target"
	fi
done < <(cd "$source_dir" && find . -mindepth 2 -maxdepth 2 -name migration.sql | cut -d/ -f2 | LC_ALL=C sort)
echo "$(find "$target_dir" -name '*.sql' | wc -l) migrations written to $target_dir"
