# The two commands of the README:
#   make run    set up, then build the graph from data/reports and write out/
#   make test   set up (also Chromium and Virtuoso from Debian), then run every test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STORE  ?= .kg
OUT    ?= out

.PHONY: run test system-deps js-deps bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/kg build data/reports --store $(STORE)
	$(BIN)/kg export relations --format tsv --store $(STORE) --out $(OUT)/relations.tsv
	$(BIN)/kg export entities --format tsv --store $(STORE) --out $(OUT)/entities.tsv
	$(BIN)/kg export graph --format ttl --store $(STORE) --out $(OUT)/graph.ttl
	$(BIN)/kg viz --store $(STORE) --out $(OUT)/network.html

system-deps:
	bash scripts/install-system-deps.sh

# graphology's GraphML and GEXF readers (what Gephi Lite uses), pinned in tests/js/package-lock.json
js-deps: system-deps
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error

test: $(VENV)/.installed-test system-deps js-deps
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/viz.py
	$(BIN)/python bench/query.py
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(STORE) $(OUT)
