# wenji — two commands set everything up on a fresh machine:
#   make serve   create .venv if needed, then preview the site at http://127.0.0.1:8000/
#   make test    create .venv if needed, then lint and run the whole test suite
# Also: make build (the site into site/, --strict), make bench (see bench/README.md),
#   make fidelity (score the pipeline on the labelled real texts of bench/fidelity;
#   options through ARGS, e.g. make fidelity ARGS='--kind law --worst 5').

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed

.PHONY: serve build test lint bench fidelity clean

$(READY): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -e .
	touch $(READY)

serve: $(READY)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

build: $(READY)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

LINTED := $(wildcard hooks tests bench)

lint: $(READY)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

test: lint
	$(BIN)/pytest

bench: $(READY)
	$(BIN)/python bench/run.py

convert-eval: $(READY)
	$(BIN)/python bench/convert_eval.py
	$(BIN)/python bench/convert_eval.py --speed

fidelity: $(READY)
	$(BIN)/python -m wenji.eval $(ARGS)

clean:
	rm -rf site .pytest_cache .ruff_cache
