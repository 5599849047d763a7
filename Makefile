# Two commands do everything on a fresh machine (see README):
#   make run   – builds the offline snapshot when needed, prepares the static files (plotly.js,
#                compressed twins) and serves the dashboard (serve.py)
#   make test  – runs the whole test suite
# Each creates its own virtual environment (.venv) and installs what it needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test snapshot lint bench clean-cache plotly-bundle plotly-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

snapshot: $(VENV)/.installed
	$(BIN)/python -m loaders snapshot --if-stale

# serve.py is app.py with its static files sent precompressed and cached (docs/deploy.md).
run: snapshot
	$(BIN)/python -m kommuneokonomi.assets
	$(BIN)/streamlit run serve.py --server.port $(PORT)

test: snapshot
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean-cache:
	rm -rf cache/snapshot cache/live

# plotly.js trimmed to the app's traces (plotlyjs/README.md): the output is committed; these
# rebuild it from the pinned recipe (Node 20, npm registry) and check it is byte for byte.
plotly-bundle:
	cd plotlyjs && npm ci --no-audit --no-fund && node build.mjs

plotly-check: $(VENV)/.installed
	$(BIN)/python -m pytest -q tests/test_plotly_bundle.py -k rebuilds
