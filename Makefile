# A fresh machine needs only python3.11 and make: every target sets itself up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MODEL := build/model/meta.json
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup model run test lint format bench clean browser mutation

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

# The classifier is a build output: trained from the corpus in classifiers/ when missing or stale.
$(MODEL): $(STAMP) $(wildcard classifiers/*.py classifiers/*.cfg classifiers/calibration.json classifiers/corpus/*.jsonl classifiers/patterns/*.jsonl)
	$(BIN)/hypewatch train

model: $(MODEL)

run: $(STAMP) $(MODEL)
	$(BIN)/hypewatch run

# Set-up needs the registries; the suite itself runs where only loopback is up (when root).
test: $(STAMP) $(MODEL) browser
	tests/loopback-only.sh $(BIN)/python -m pytest

# The report tests render in a real headless Chromium, Debian's package: installed here
# when missing and we may (root with apt-get), else one line says what to run.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the report tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "error: the report tests need Chromium: run 'sudo apt-get install -y chromium', then 'make test'" >&2; \
	    exit 1; \
	  fi; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP) $(MODEL)
	$(BIN)/python -m tests.benchmarks.run_all

# Mutation testing of the modules whose bugs cost users most (tests/mutation.py): tens of
# minutes, so not part of `make test`. mutmut goes into the same venv, pinned apart.
MUTMUT := $(VENV)/.mutmut-stamp
$(MUTMUT): $(STAMP) requirements-mutation.lock
	$(BIN)/python -m pip install -q -r requirements-mutation.lock -c requirements.lock
	touch $(MUTMUT)

mutation: $(MUTMUT) $(MODEL)
	$(BIN)/python -m tests.mutation $(TARGETS)

clean:
	rm -rf build data $(VENV)
