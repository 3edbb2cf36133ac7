#!/usr/bin/env bash
# A CJK font, so that Chinese renders in the report's charts and in screenshots. Skipped when present.
set -euo pipefail
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
# grep reads fc-list's whole output (no -q): with pipefail, grep -q leaving early made fc-list die of SIGPIPE,
# and the check fail now and then with the font installed (then apt ran again, and two runs fought over its lock).
if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -iE 'Noto (Sans|Serif) CJK|WenQuanYi' >/dev/null; then
  log "CJK font present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
log "installing fonts-noto-cjk (apt)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null
