#!/usr/bin/env bash
# Reproduces migrations/ from a Harbor checkout (see UPSTREAM.md for the commit):
#   bash convert.sh /path/to/harbor
# Harbor's golang-migrate files are <version>_<release>_schema.up.sql, e.g.
# 0002_1.7.0_schema.up.sql. The runner's names allow letters, digits, "_" and "-" only,
# so the dots of the release become "-" (0002_1-7-0_schema.up.sql). The contents are
# copied unchanged.
set -euo pipefail
source_dir="$1/make/migrations/postgresql"
target_dir="$(cd "$(dirname "$0")" && pwd)/migrations"
[ -d "$source_dir" ] || { echo "No migrations at $source_dir; pass a Harbor checkout" >&2; exit 1; }
rm -rf "$target_dir"
mkdir -p "$target_dir"
for file in "$source_dir"/*.up.sql; do
	base="$(basename "$file" .up.sql)"
	cp "$file" "$target_dir/${base//./-}.up.sql"
done
echo "$(find "$target_dir" -name '*.sql' | wc -l) migrations written to $target_dir"
