#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests and a CJK font so that Chinese
# renders in screenshots. Skipped when both are present.
set -euo pipefail
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qiE 'Noto (Sans|Serif) CJK|WenQuanYi' || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  log "chromium and CJK fonts present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
log "installing ${need[*]} (apt)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
