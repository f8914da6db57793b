#!/usr/bin/env bash
# CI step 1: build and every test. Against the pipeline's PostgreSQL service when
# PALIAD_TEST_JDBC_URL (and PALIAD_TEST_USER / PALIAD_TEST_PASSWORD) point at it;
# otherwise the tests start an embedded PostgreSQL. Leaves the app jar in
# sample-app/target/ for the gate and image steps.
set -euo pipefail
cd "$(dirname "$0")/../../.."

# -B: plain logs; -ntp: no download progress noise.
./mvnw -B -ntp verify
