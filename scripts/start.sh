#!/usr/bin/env bash
# One command from a fresh clone to a running app with the commission's demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-fonts.sh
printf '\033[1;34m[start]\033[0m building the web app\n'
pnpm --filter @wj/web build >/dev/null
printf '\033[1;34m[start]\033[0m building the API (skipped when up to date)\n'
node apps/api/scripts/build.mjs --if-stale
export PORT="${PORT:-3000}"
printf '\033[1;34m[start]\033[0m open http://localhost:%s  (demo logins: see README)\n' "$PORT"
exec pnpm --filter @wj/api start
