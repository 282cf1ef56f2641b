# One short dev loop: `make run`, `make test`, `make lint` (`make bench` for figures).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: setup run team team-stop test test-sqlite test-postgres lint bench evaluate clean

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

# Team mode: a PostgreSQL cluster under data/postgres (Unix socket only), the app on it.
team: setup
	@url=$$($(BIN)/python -m workbench cluster --dir data/postgres) && \
	  echo "team database: $$url" && \
	  WORKBENCH_DB="$$url" $(BIN)/python -m workbench seed-demo && \
	  WORKBENCH_DB="$$url" $(BIN)/streamlit run streamlit_app.py --server.port $(PORT) \
	    --browser.gatherUsageStats false

team-stop: setup
	$(BIN)/python -m workbench cluster --dir data/postgres --stop

# The whole suite on SQLite, then again on a throwaway PostgreSQL cluster.
test: test-sqlite test-postgres

test-sqlite: setup
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null; }
	$(BIN)/python -m pytest

test-postgres: setup
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || \
	  { echo "installing Debian's PostgreSQL server for the tests"; \
	  (apt-get update -qq && apt-get install -y -qq postgresql) >/dev/null; }
	WORKBENCH_TEST_BACKEND=postgres $(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check workbench app_pages tests bench streamlit_app.py
	$(BIN)/mypy

# The quick benchmarks (figures as JSON on the last line of each; see bench/README.md).
bench: setup
	$(BIN)/python bench/match.py --sentences 10000 --json
	$(BIN)/python bench/review_session.py --json

evaluate: setup
	$(BIN)/python -m workbench evaluate --json-out bench/out/evaluate.json

clean:
	rm -rf $(VENV) .pytest_cache
