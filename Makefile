# Two commands work on a fresh machine with only python3 and make:
#   make demo   - create .venv if needed, install tthc, run the main job on embedded defaults
#   make test   - install the dev dependencies, then format check, lint, mypy --strict,
#                 pytest (with doctests of src/ and docs/) and the docs build (warnings = errors)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.tthc-run
STAMP_DEV := $(VENV)/.tthc-dev

.PHONY: demo test lint typecheck pytest docs bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U "pip>=25.1"

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[all]"
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[all]" --group dev
	touch $@ $(STAMP_RUN)

demo: $(STAMP_RUN)
	$(BIN)/python -m tthc demo

lint: $(STAMP_DEV)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP_DEV)
	$(BIN)/mypy

pytest: $(STAMP_DEV)
	$(BIN)/python -m pytest -q

docs: $(STAMP_DEV)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

test: lint typecheck pytest docs

# make fuzz: the fuzz tests (tests/test_fuzz_*.py) under the long Hypothesis profile, round
# after round with new random examples, until FUZZ_SECONDS (default 600) have passed; stops
# at the first failure (kept in .hypothesis/ and replayed first next time).
FUZZ_SECONDS ?= 600
fuzz: $(STAMP_DEV)
	end=$$(( $$(date +%s) + $(FUZZ_SECONDS) )); round=0; \
	while [ $$(date +%s) -lt $$end ]; do \
		round=$$((round + 1)); echo "make fuzz: round $$round"; \
		HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -m fuzz \
			--hypothesis-show-statistics tests/test_fuzz_*.py || exit 1; \
	done

bench: $(STAMP_DEV)
	$(BIN)/python -m pip install -q --group bench
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) docs/_build build dist
