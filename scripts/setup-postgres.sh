#!/usr/bin/env bash
# Installs Debian's PostgreSQL server when it is missing (apt; root or sudo) and
# prints the directory of its binaries. Idempotent; starts nothing.
set -euo pipefail
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
bin=$(find_bin || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  log "installing PostgreSQL (apt)"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq >&2
  # The package's own cluster is not wanted: the tests start a throwaway one of their own.
  $sudo_cmd apt-get install -y -qq postgresql >&2
  for c in $(ls /etc/postgresql 2>/dev/null); do $sudo_cmd pg_ctlcluster "$c" main stop >/dev/null 2>&1 || true; done
  bin=$(find_bin)
fi
echo "$bin"
