# Marsad: the two commands of a fresh machine are `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := marsad/data/sample/docs.jsonl
OUT ?= out/sample

.PHONY: setup run test lint bench clean

$(BIN)/marsad: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(BIN)/marsad

setup: $(BIN)/marsad

run: setup
	$(BIN)/marsad run $(SAMPLE) --out $(OUT)

test: setup
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check marsad tests bench scripts

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache
