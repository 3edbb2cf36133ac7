#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests, plus a CJK font. Skipped when present.
set -euo pipefail
cd "$(dirname "$0")"
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
bash ./setup-fonts.sh
if [ -x /usr/bin/chromium ]; then
  log "chromium present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
log "installing chromium (apt)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
