# Two commands for a fresh machine with Python 3.11+:  make demo  and  make test
PYTHON ?= python3
VENV ?= .venv
# The Wagtail release to test against; `make test-wagtail7` runs the suite on the 7.0 LTS.
WAGTAIL ?= wagtail>=8,<9
BIN := $(VENV)/bin
MANAGE := cd example_site && ../$(BIN)/python manage.py

.PHONY: demo test test-wagtail7 lint install messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# setup.py compiles the translation catalogues: a changed .po reinstalls.
$(VENV)/.installed: $(BIN)/python setup.cfg setup.py $(wildcard wagtail_newsroom/locale/*/LC_MESSAGES/*.po)
	$(BIN)/python -m pip install --quiet -e '.[test]' '$(WAGTAIL)'
	touch $@

# axe-core (npm) for the accessibility browser tests, pinned in package.json/package-lock.json.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed

# `make demo PORT=8001` (or HOST=0.0.0.0) serves it elsewhere; its links follow.
HOST ?= 127.0.0.1
PORT ?= 8000
demo: export WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)
demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_demo
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The second run is a site translated with wagtail-localize, which needs its own settings.
test: lint node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest tests/localize --ds=tests.localize.settings

test-wagtail7:
	$(MAKE) test VENV=.venv-wagtail7 WAGTAIL='wagtail>=7.0,<7.1'

# The source catalogue translators start from (needs GNU gettext).
messages: install
	cd wagtail_newsroom && DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=..:../example_site \
		../$(BIN)/django-admin makemessages --all
