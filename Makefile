# A fresh machine needs only python3.11 and make: every target sets itself up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MODEL := build/model/meta.json
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup model run test lint format bench clean

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

test: $(STAMP) $(MODEL)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP) $(MODEL)
	$(BIN)/python -m tests.benchmarks.run_all

clean:
	rm -rf build data $(VENV)
