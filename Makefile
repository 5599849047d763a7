# Two commands do everything on a fresh machine (see README):
#   make run   – builds the offline snapshot when needed and serves the dashboard
#   make test  – runs the whole test suite
# Each creates its own virtual environment (.venv) and installs what it needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test snapshot lint bench clean-cache

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

snapshot: $(VENV)/.installed
	$(BIN)/python -m loaders snapshot --if-stale

run: snapshot
	$(BIN)/python -m kommuneokonomi.ui.plotly_react
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: snapshot
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean-cache:
	rm -rf cache/snapshot cache/live
