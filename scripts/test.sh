#!/usr/bin/env bash
# One command from a fresh clone to every test: type checks, unit and API
# tests (real SQLite files), then the end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-browser.sh
bash scripts/setup-office.sh
log() { printf '\033[1;34m[test]\033[0m %s\n' "$*"; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# Run a step, keep its output for the closing count, stop on its failure.
step() { "$@" 2>&1 | tee -a "$out"; return "${PIPESTATUS[0]}"; }

log "type check"
step pnpm -r typecheck
log "unit and API tests"
step pnpm -r --filter '!@wj/e2e' --workspace-concurrency=1 test
log "build"
step pnpm --filter @wj/web build
log "end-to-end tests (Chromium)"
step pnpm --filter @wj/e2e test

# One closing line for every runner together (vitest's "Tests N passed", Playwright's "N passed (…)").
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | awk '$1 == "Tests" && $3 == "passed" { s += $2 } $2 == "passed" && $3 ~ /^\(/ { s += $1 } END { print s + 0 }')
echo "tests: ${passed} passed, 0 failed"
