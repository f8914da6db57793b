#!/usr/bin/env bash
# Checks the Prometheus alert rules users copy: `promtool check rules` (syntax, PromQL,
# templates) and `promtool test rules` (every alert firing and not firing, see
# paliad-migration.rules.test.yml). Fails loudly when promtool is missing: on Debian,
# `apt-get install prometheus` provides it (its service need not run).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v promtool >/dev/null 2>&1; then
	echo "MONITORING TEST FAILED: promtool not found (Debian: apt-get install -y prometheus)" >&2
	exit 1
fi
promtool --version 2>&1 | head -n 1

promtool check rules paliad-migration.rules.yml
promtool test rules paliad-migration.rules.test.yml
# One test per alert and outcome: count them so a deleted case shows up in the log.
echo "monitoring: $(grep -c '^  - name:' paliad-migration.rules.test.yml) promtool rule tests passed"
