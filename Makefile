# wenji — two commands set everything up on a fresh machine:
#   make serve   create .venv if needed, then preview the site at http://127.0.0.1:8000/
#   make test    create .venv if needed, then lint and run the whole test suite
# Also: make build (the site into site/, --strict), make bench (see bench/README.md),
#   make fidelity (score the pipeline on the labelled real texts of bench/fidelity;
#   options through ARGS, e.g. make fidelity ARGS='--kind law --worst 5').
#
# Two stamps, so that previewing never waits for the test tools:
#   .venv/.site-installed  requirements.txt and the wenji package (serve, build)
#   .venv/.installed       the above plus requirements-dev.txt (test, lint, bench)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_READY := $(VENV)/.site-installed
READY := $(VENV)/.installed
# --no-compile: Python compiles what it imports on first use; compiling every installed
# module up front took half of the install time on a fresh machine.
PIP := $(BIN)/python -m pip install --disable-pip-version-check

.PHONY: serve build test lint bench convert-eval fidelity clean

$(BIN)/python:
	@echo "wenji: creating the virtual environment $(VENV)/ ($(PYTHON))"
	$(PYTHON) -m venv $(VENV)

$(SITE_READY): requirements.txt pyproject.toml | $(BIN)/python
	@echo "wenji: installing what building and previewing need (requirements.txt)"
	$(PIP) --no-compile -r requirements.txt
	@echo "wenji: making hooks/wenji importable (python -m wenji)"
	$(BIN)/python -c "$$WENJI_PTH"
	touch $@

$(READY): $(SITE_READY) requirements-dev.txt
	@echo "wenji: installing the test tools (requirements-dev.txt) and the wenji command"
	$(PIP) -r requirements-dev.txt
	$(PIP) --no-deps -e .
	touch $@

# What `pip install -e .` does, without the 20 s of building a wheel: a .pth file naming hooks/.
define WENJI_PTH
import pathlib, sysconfig
pth = pathlib.Path(sysconfig.get_paths()["purelib"], "wenji-hooks.pth")
pth.write_text(str(pathlib.Path("hooks").resolve()) + "\n", encoding="utf-8")
endef
export WENJI_PTH

serve: $(SITE_READY)
	@echo "wenji: building the site, then serving it at http://127.0.0.1:8000/"
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

build: $(SITE_READY)
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
