# One short dev loop: `make run`, `make test`, `make lint`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: setup run test lint bench evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt requirements-model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-model.txt
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/python -m workbench seed-demo
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT) --browser.gatherUsageStats false

test: setup
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null; }
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check workbench app_pages tests bench streamlit_app.py

evaluate: setup
	$(BIN)/python -m workbench evaluate --json-out bench/out/evaluate.json

clean:
	rm -rf $(VENV) .pytest_cache
