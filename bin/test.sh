#!/usr/bin/env bash
# Every test Plein has: lint, the suite on SQLite, the figures and theme groups again with the
# clock on three awkward days, the suite on PostgreSQL (a throwaway cluster when the binaries
# are here), then the browser tests in Debian's Chromium, with the Nu Html Checker (vnu.jar,
# needs Java) over every HTML page they were served.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=plein.conf.ci

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "System tools for the tests: Chromium, Java (Nu Html Checker), LibreOffice, poppler"
# Debian package -> a command it provides. Installed when missing and we are root.
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v qpdf >/dev/null 2>&1 || need="$need qpdf"
if [ -n "$need" ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  else
    echo "Missing Debian packages:$need (this user is not root: install them)." >&2
    exit 1
  fi
fi
echo "chromium: $(chromium --version 2>/dev/null)"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "soffice: $(soffice --version 2>/dev/null | head -n 1)"

step "Ruff (lint and format)"
$BIN/ruff check .
$BIN/ruff format --check .

step "Layers: no import breaks the architecture (import-linter, contracts in pyproject.toml)"
(cd src && ../$BIN/lint-imports --config ../pyproject.toml --no-cache)

step "Container recipe and Kubernetes manifests (kubernetes-validate, checkov; bin/check-deploy.sh)"
bash bin/check-deploy.sh

step "Migrations are complete"
mkdir -p var
(cd src && ../$BIN/python manage.py makemigrations --check --dry-run)

step "Test suite on SQLite"
$BIN/pytest -m "not browser" -p no:cacheprovider

step "Figures and theme groups with the clock on awkward days"
# A first day of a month, New Year's Eve late in the evening, and a DST change (the night the
# clocks go forward): PLEIN_FROZEN_CLOCK starts the run at that moment (src/plein/conftest.py).
for clock in 2027-03-01T08:00+01:00 2026-12-31T23:30+01:00 2027-03-28T03:30+02:00; do
  echo "-- PLEIN_FROZEN_CLOCK=$clock"
  started=$SECONDS
  PLEIN_FROZEN_CLOCK=$clock $BIN/pytest src/plein/registration src/plein/themegroups -m "not browser" -p no:cacheprovider -q
  echo "-- $((SECONDS - started)) s"
done

step "Test suite on PostgreSQL"
if bash bin/with-postgres.sh $BIN/pytest -m "not browser" -p no:cacheprovider; then
  :
else
  status=$?
  if [ "$status" = "77" ]; then
    echo "SKIPPED: no PostgreSQL binaries on this machine (looked in /usr/lib/postgresql/*/bin)."
  else
    exit "$status"
  fi
fi

step "Browser tests in Chromium (with axe-core, then the Nu Html Checker over every page served)"
$BIN/pytest -m browser -p no:cacheprovider

step "All tests passed on SQLite, PostgreSQL and in Chromium"
