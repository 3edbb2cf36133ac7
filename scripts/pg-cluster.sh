#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, never the system's:
#   eval "$(bash scripts/pg-cluster.sh start)"   → exports PG_TEST_DIR and PG_TEST_URL
#   bash scripts/pg-cluster.sh stop "$PG_TEST_DIR" → stops it and removes its folder
# As root it runs as the `postgres` user (initdb refuses root). Picks a free port.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cmd=${1:-}
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}
case "$cmd" in
  start)
    bin=$(bash "$here/setup-postgres.sh")
    dir=$(mktemp -d /tmp/wj-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c autovacuum=off -c max_connections=300" -w start >/dev/null
    echo "export PG_TEST_DIR=$dir PG_TEST_BIN=$bin PG_TEST_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: pg-cluster.sh stop DIR}
    bin=$(bash "$here/setup-postgres.sh")
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-cluster.sh start | stop DIR" >&2; exit 2 ;;
esac
