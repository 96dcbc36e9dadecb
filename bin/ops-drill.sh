#!/usr/bin/env bash
# The operations drill (make drill; not part of make test): HAProxy from Debian's packages
# (installed when missing and we are root, as bin/test.sh installs its tools), a throwaway
# PostgreSQL on a port of its own (bin/with-postgres.sh), then bench/ops_drill.py, which starts two
# web instances behind HAProxy and a worker, and restarts, kills and stops them under load.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v haproxy >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "Missing Debian package: haproxy (this user is not root: install it)." >&2
    exit 1
  fi
fi
echo "$(haproxy -v | head -n 1)"
status=0
PLEIN_PG_PORT=${PLEIN_DRILL_PG_PORT:-55470} bash bin/with-postgres.sh .venv/bin/python bench/ops_drill.py "$@" || status=$?
if [ "$status" = "77" ]; then
  echo "The drill needs PostgreSQL: no binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)." >&2
fi
exit "$status"
