# Plein: two commands for a fresh machine.
#   make run   set up and serve Plein with demo data on SQLite at http://127.0.0.1:8000
#   make test  set up everything the tests need and run all of them
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := cd src && ../$(BIN)/python manage.py

.PHONY: run test setup setup-test messages translations lint format bench clean

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
	$(MANAGE) runserver 127.0.0.1:8000

test: setup-test
	bash bin/test.sh

# After changing interface text: extract msgids, fill Dutch from tools/translations/*.py, compile.
translations: $(BIN)/python
	$(MANAGE) makemessages -l nl --ignore=static --no-obsolete -v 0
	$(BIN)/python tools/po_fill.py src/plein/conf/locale/nl/LC_MESSAGES/django.po tools/translations
	$(MAKE) messages

bench: setup-test
	$(BIN)/python bench/organisations_at_scale.py

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var static_root
