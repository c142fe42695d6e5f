# Set-up and everyday tasks. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench screenshots clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,postgres,charts]"
	-$(BIN)/python -m qualcode.io.anonymise
	touch $(STAMP)

demo: setup
	$(BIN)/qualcode demo

test: setup
	bash scripts/system-deps.sh
	@# Builds deduce's lookup lists if needed (about 90 s once), saying so; else silent.
	-$(BIN)/python -m qualcode.io.anonymise
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check qualcode tests benchmarks
	$(BIN)/ruff format --check qualcode tests benchmarks

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
