# Two commands do all the set-up: `make lab` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LAB_STAMP := $(VENV)/.installed-lab
TEST_STAMP := $(VENV)/.installed-test
PYTEST_ARGS ?=

.PHONY: lab app test lint format bench demo plotly-bundle clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies change.
$(LAB_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(LAB_STAMP)

lab: $(LAB_STAMP)
	bash scripts/ensure-fonts.sh
	$(BIN)/workbook lab

app: $(LAB_STAMP)
	bash scripts/ensure-fonts.sh
	$(BIN)/workbook app

demo: $(LAB_STAMP)
	$(BIN)/workbook demo

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(TEST_STAMP)
	bash scripts/ensure-browser.sh
	bash scripts/ensure-fonts.sh --required
	bash scripts/ensure-hub.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	bash scripts/ensure-browser.sh
	$(BIN)/python benchmarks/run.py

# Only after plotly is upgraded (the bundle's version must be the one plotly ships: set plotly.js's
# version in plotlyjs/package.json to it first). The built bundle is committed; nothing else runs
# this.
plotly-bundle:
	cd plotlyjs && npm ci --no-audit --no-fund && npm run build

clean-venv:
	rm -rf $(VENV)
