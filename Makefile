# Plein: two commands for a fresh machine.
#   make run   set up and serve Plein with demo data on SQLite at http://127.0.0.1:8000
#   make test  set up everything the tests need and run all of them
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := cd src && ../$(BIN)/python manage.py

.PHONY: run test setup setup-test messages translations lint format bench bench-registration bench-registration-pg bench-import bench-import-pg bench-borging bench-borging-pg bench-reports bench-offers bench-offers-pg lighthouse check-deploy drill clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

setup: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(MAKE) messages

setup-test: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/test.txt
	$(MAKE) messages

messages:
	find src -name "*.mo" -path "*/locale/*" -delete
	$(MANAGE) compilemessages --ignore=.venv -v 0

run: setup
	mkdir -p var
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_demo --if-empty
	@# The background worker (imports, reminders) runs beside the web server and stops with it.
	cd src && { ../$(BIN)/python manage.py db_worker --no-reload -v 0 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; ../$(BIN)/python manage.py runserver 127.0.0.1:8000; }

test: setup-test
	bash bin/test.sh

# After changing interface text: extract msgids, fill Dutch from tools/translations/*.py, compile.
translations: $(BIN)/python
	$(MANAGE) makemessages -l nl --ignore=static --no-obsolete -v 0
	$(BIN)/python tools/po_fill.py src/plein/conf/locale/nl/LC_MESSAGES/django.po tools/translations
	$(MAKE) messages

bench: setup-test
	$(BIN)/python bench/organisations_at_scale.py

# IDO registration at national scale (2,000,000 questions; see bench/registration.py).
.venv-load/bin/locust: requirements/load.txt
	$(PYTHON) -m venv .venv-load
	.venv-load/bin/pip install --quiet -r requirements/load.txt
	touch $@

bench-registration: setup-test .venv-load/bin/locust
	$(BIN)/python bench/registration.py $(ARGS)

bench-registration-pg: setup-test .venv-load/bin/locust
	bash bin/with-postgres.sh $(BIN)/python bench/registration.py $(ARGS)

# The borging report of the largest municipality at national scale (see bench/reports.py).
bench-reports: setup-test
	$(BIN)/python bench/reports.py $(ARGS)

# Import of 200,000 historic rows while desks register (see bench/import.py).
bench-import: setup-test
	$(BIN)/python bench/import.py $(ARGS)

bench-import-pg: setup-test
	bash bin/with-postgres.sh $(BIN)/python bench/import.py $(ARGS)

# The borging report's figures and the scan's derived criteria at national scale (bench/borging.py).
bench-borging: setup-test
	$(BIN)/python bench/borging.py $(ARGS)

bench-borging-pg: setup-test
	bash bin/with-postgres.sh $(BIN)/python bench/borging.py $(ARGS)

# Lighthouse on the key pages under production settings (tools/lighthouse.py); installs the
# pinned npm package into tools/lighthouse/node_modules and uses Debian's Chromium.
tools/lighthouse/node_modules/.bin/lighthouse: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: setup tools/lighthouse/node_modules/.bin/lighthouse
	$(BIN)/python tools/lighthouse.py $(ARGS)

# The public offer pages at 20,000 offers (bench/offers.py): p50/p95 over HTTP, queries per page.
bench-offers: setup-test
	$(BIN)/python bench/offers.py $(ARGS)

bench-offers-pg: setup-test
	bash bin/with-postgres.sh $(BIN)/python bench/offers.py $(ARGS)

# The operations drill (issue 14): two web instances behind HAProxy, a worker and PostgreSQL,
# restarted, killed and stopped while desks register (bench/ops_drill.py). Not part of make test.
drill: setup-test .venv-load/bin/locust
	bash bin/ops-drill.sh $(ARGS)

# The container recipe and Kubernetes manifests in deploy/, checked offline (also in make test).
check-deploy:
	bash bin/check-deploy.sh

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .venv-load .venv-kubernetes-validate .venv-checkov var static_root
