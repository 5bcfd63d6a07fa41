# Tremplin — every set-up step lives here. `make serve` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi.py
GEO_FILE := marketplace/reference/data/communes.json
SEMANTIC_FILE := marketplace/reference/data/semantic-fr.npz
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/tremplin_test
HOST ?= 127.0.0.1
PORT ?= 5000
PYTEST_ARGS ?=

.PHONY: help serve setup install install-dev geo semantic translations fonts db demo index test test-pg test-browser lint typecheck format bench db-check lock clean

help:
	@echo "make serve     set up everything, then serve http://$(HOST):$(PORT)"
	@echo "make test      set up everything, then run the whole test suite (SQLite)"
	@echo "make test-pg   the same suite on PostgreSQL ($(PG_TEST_URL))"
	@echo "make lint      ruff; make typecheck: mypy; make bench: benchmarks; make db-check: migrations"

# --- environment -----------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps keep later runs fast: pip runs again only when a requirements file changes.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.runtime-installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime-installed
install-dev: $(VENV)/.dev-installed

# --- reference data (offline geography) -------------------------------------
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed once to fetch the INSEE communes package: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error

$(GEO_FILE): node_modules/.package-lock.json marketplace/reference/build_geo.py marketplace/reference/geo.py $(VENV)/.runtime-installed
	$(BIN)/python -m marketplace.reference.build_geo --out $(GEO_FILE)

geo: $(GEO_FILE)

# --- reference data (French lemmas and word vectors for the recommender) -------
# spaCy and its French model are needed only here, at build time: the app reads the exported file.
$(VENV)/.nlp-installed: requirements-nlp.txt $(VENV)/.runtime-installed
	$(BIN)/pip install --quiet -r requirements-nlp.txt
	touch $@

$(SEMANTIC_FILE): $(VENV)/.nlp-installed marketplace/reference/build_semantic.py
	$(BIN)/python -m marketplace.reference.build_semantic --out $(SEMANTIC_FILE)

semantic: $(SEMANTIC_FILE)

# --- translations -----------------------------------------------------------
MO_FILES := $(patsubst %.po,%.mo,$(wildcard marketplace/translations/*/LC_MESSAGES/messages.po))
%.mo: %.po $(VENV)/.runtime-installed
	$(BIN)/pybabel compile --use-fuzzy=false -i $< -o $@ >/dev/null 2>&1 || $(BIN)/pybabel compile -i $< -o $@

translations: $(MO_FILES)

# Developers: extract new strings and merge them into the catalogs, then translate.
extract: $(VENV)/.runtime-installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o marketplace/translations/messages.pot .
	$(BIN)/pybabel update -i marketplace/translations/messages.pot -d marketplace/translations --no-fuzzy-matching

# --- system font for the attestation PDFs (DejaVu Sans, Debian's fonts-dejavu-core) ---------------
FONT_FILE := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
fonts:
	@[ -f $(FONT_FILE) ] || [ "$$(id -u)" != 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null || true
	@[ -f $(FONT_FILE) ] || echo "Attestation PDFs need DejaVu Sans: apt-get install fonts-dejavu-core (or set ATTESTATION_FONT_DIR)"

# --- database, demo data, search index ----------------------------------------
setup: install geo semantic translations fonts
	@mkdir -p instance
	$(BIN)/flask db upgrade
	$(BIN)/flask demo load --if-empty
	$(BIN)/flask search reindex --if-stale

serve: setup
	$(BIN)/flask run --host $(HOST) --port $(PORT)

# --- quality ------------------------------------------------------------------
test: install-dev geo semantic translations fonts
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-pg: install-dev geo semantic translations fonts
	TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest $(PYTEST_ARGS)

test-browser: install-dev geo semantic translations fonts
	$(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy over the engines, services and models (settings and the list in pyproject.toml).
typecheck: install-dev
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Migrations: upgrade an empty database, then check the models match the revisions.
db-check: install
	rm -f /tmp/tremplin-db-check.db
	DATABASE_URL=sqlite:////tmp/tremplin-db-check.db $(BIN)/flask db upgrade
	DATABASE_URL=sqlite:////tmp/tremplin-db-check.db $(BIN)/flask db check

# BENCH_ARGS=--http adds the gunicorn + wrk benchmarks (wrk is installed when missing and root).
BENCH_ARGS ?=
bench: install-dev geo semantic translations
	@command -v wrk >/dev/null || [ "$$(id -u)" != 0 ] || apt-get install -y -qq wrk >/dev/null || true
	$(BIN)/python benchmarks/run_all.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules $(GEO_FILE) $(SEMANTIC_FILE) .pytest_cache .ruff_cache
