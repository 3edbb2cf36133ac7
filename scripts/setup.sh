#!/usr/bin/env bash
# Installs what the app needs and is missing: pnpm (pinned) and the workspace
# dependencies. Idempotent: each step is skipped when already satisfied.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js >= 20.19 is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  log "installing pnpm@$PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# A stamp of the lockfile tells whether node_modules matches it.
stamp=node_modules/.install-stamp
want=$(sha256sum pnpm-lock.yaml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "installing dependencies (first time: about a minute, better-sqlite3 compiles)"
  CI=true pnpm install --frozen-lockfile
  echo "$want" > "$stamp"
else
  log "dependencies up to date"
fi
