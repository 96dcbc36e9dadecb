#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster, then remove it.
# Exits 77 when no PostgreSQL binaries are installed.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  exit 77
fi
PORT=${PLEIN_PG_PORT:-55432}
D=$(mktemp -d /tmp/plein-pg.XXXXXX)
run_pg() {
  if [ "$(id -u)" = "0" ]; then
    chown -R postgres:postgres "$D"
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}
cleanup() { run_pg "$PGBIN/pg_ctl -D $D/data -m fast stop >/dev/null 2>&1" || true; rm -rf "$D"; }
trap cleanup EXIT
run_pg "$PGBIN/initdb -D $D/data -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null"
run_pg "$PGBIN/pg_ctl -D $D/data -l $D/log -w -o '-F -p $PORT -k $D -c listen_addresses=127.0.0.1' start >/dev/null"
run_pg "$PGBIN/createdb -h 127.0.0.1 -p $PORT -U postgres plein"
echo "PostgreSQL $($PGBIN/postgres --version | awk '{print $3}') running on 127.0.0.1:$PORT"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/plein"
# For a command that stops and starts the cluster itself (bench/ops_drill.py).
export PLEIN_PG_BIN="$PGBIN" PLEIN_PG_DIR="$D" PLEIN_PG_PORT_USED="$PORT"
"$@"
