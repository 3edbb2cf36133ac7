#!/usr/bin/env bash
# One command from a fresh clone to every test: type checks, unit tests, the API
# tests on real SQLite files and again on a real PostgreSQL server, then the
# end-to-end tests in Debian's Chromium against a server on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-browser.sh
bash scripts/setup-office.sh
log() { printf '\033[1;34m[test]\033[0m %s\n' "$*"; }
out=$(mktemp)
# The second engine: a throwaway PostgreSQL cluster of the tests' own (installed with apt when missing),
# stopped and removed on exit whatever happens — nothing is left running.
log "PostgreSQL: starting a throwaway cluster"
eval "$(bash scripts/pg-cluster.sh start)"
trap 'bash scripts/pg-cluster.sh stop "$PG_TEST_DIR"; rm -f "$out"' EXIT
# Run a step, keep its output for the closing count, stop on its failure.
step() { "$@" 2>&1 | tee -a "$out"; return "${PIPESTATUS[0]}"; }

log "type check"
step pnpm -r typecheck
log "unit and API tests (API on SQLite files)"
step pnpm -r --filter '!@wj/e2e' --workspace-concurrency=1 test
log "API tests again, on PostgreSQL ($PG_TEST_URL)"
step env DATABASE_URL="$PG_TEST_URL" pnpm --filter @wj/api test
log "build"
step pnpm --filter @wj/web build
step pnpm --filter @wj/api build
log "end-to-end tests (Chromium) against one server on PostgreSQL"
"$PG_TEST_BIN/psql" "$PG_TEST_URL" -qc 'create database wj_e2e'
step env E2E_DATABASE_URL="${PG_TEST_URL%/*}/wj_e2e" pnpm --filter @wj/e2e test

# One closing line for every runner together (vitest's "Tests N passed", Playwright's "N passed (…)").
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | awk '$1 == "Tests" && $3 == "passed" { s += $2 } $2 == "passed" && $3 ~ /^\(/ { s += $1 } END { print s + 0 }')
echo "tests: ${passed} passed, 0 failed"
