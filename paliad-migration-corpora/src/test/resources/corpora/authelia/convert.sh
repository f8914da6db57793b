#!/usr/bin/env bash
# Reproduces migrations/ from an Authelia checkout (see UPSTREAM.md for the commit):
#   bash convert.sh /path/to/authelia
# Authelia's PostgreSQL files are V<version>.<Name>.up.sql (and .down.sql); each up file
# becomes <version>_<Name>.up.sql, the runner's native form. The down files are not
# vendored (the corpus tests only migrate up). Three up files hold only a comment (changes
# for MySQL only, or empty; Authelia's runner executes them as no-ops), which the runner rejects as
# empty: they are left out, leaving gaps in the versions. The contents of the others are
# copied unchanged.
set -euo pipefail
source_dir="$1/internal/storage/migrations/postgres"
target_dir="$(cd "$(dirname "$0")" && pwd)/migrations"
[ -d "$source_dir" ] || { echo "No migrations at $source_dir; pass an Authelia checkout" >&2; exit 1; }
rm -rf "$target_dir"
mkdir -p "$target_dir"
for file in "$source_dir"/V*.up.sql; do
	base="$(basename "$file" .up.sql)"
	if ! grep -qvE '^[[:space:]]*(--.*)?$' "$file"; then
		echo "skipped $(basename "$file"): no SQL, only comments or nothing" >&2
		continue
	fi
	version="${base%%.*}"
	cp "$file" "$target_dir/${version#V}_${base#*.}.up.sql"
done
echo "$(find "$target_dir" -name '*.sql' | wc -l) migrations written to $target_dir"
