#!/bin/sh
# Start one Plein web container: wait for the database, migrate once (several instances may
# start together: PostgreSQL's advisory lock lets one migrate while the others wait), then
# replace this shell by gunicorn, which stops gracefully on SIGTERM (finishes requests in flight).
#
# Environment (besides Plein's own, see docs/beheerhandleiding.md):
#   DB_WAIT_SECONDS        how long to wait for the database (default 60)
#   PLEIN_MIGRATE_ON_START 0 when a separate migration Job migrates (default 1)
#   PORT                   the port to listen on (default 8000; or PLEIN_BIND=host:port)
#   WEB_CONCURRENCY, PLEIN_THREADS, PLEIN_GRACEFUL_TIMEOUT: see src/gunicorn.conf.py
set -eu

cd "$(dirname "$0")/../src"
PYTHON="${PYTHON:-python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-plein.conf.production}"

if [ "${PLEIN_MIGRATE_ON_START:-1}" = "1" ]; then
    "$PYTHON" manage.py migrate_once --wait "${DB_WAIT_SECONDS:-60}" --verbosity 1
else
    # Still wait for the database, so the first readiness probes do not all fail.
    "$PYTHON" manage.py migrate_once --wait "${DB_WAIT_SECONDS:-60}" --wait-only --verbosity 1
fi

export PLEIN_BIND="${PLEIN_BIND:-0.0.0.0:${PORT:-8000}}"
export PLEIN_ACCESS_LOG="${PLEIN_ACCESS_LOG:--}"
if [ -z "${PLEIN_WORKER_TMP_DIR:-}" ] && [ -d /dev/shm ]; then
    export PLEIN_WORKER_TMP_DIR=/dev/shm
fi
exec "$PYTHON" -m gunicorn --config gunicorn.conf.py plein.wsgi:application
