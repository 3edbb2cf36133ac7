#!/usr/bin/env bash
# One command from a fresh clone to every test: type checks, unit and API
# tests (real SQLite files), then the end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-browser.sh
log() { printf '\033[1;34m[test]\033[0m %s\n' "$*"; }

log "type check"
pnpm -r typecheck
log "unit and API tests"
pnpm -r --filter '!@wj/e2e' --workspace-concurrency=1 test
log "build"
pnpm --filter @wj/web build
log "end-to-end tests (Chromium)"
pnpm --filter @wj/e2e test
