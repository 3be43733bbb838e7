# The two commands of the README:
#   make run    set up, then build the graph from data/reports and write out/
#   make test   set up (also Chromium and Virtuoso from Debian), then run every test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STORE  ?= .kg
OUT    ?= out

.PHONY: run test system-deps js-deps screenshot bench clean

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
js-deps: system-deps tests/js/node_modules/.installed

tests/js/node_modules/.installed: tests/js/package.json tests/js/package-lock.json
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The tests leave the checkout as they found it: 'git status' is compared before and after.
test: $(VENV)/.installed-test system-deps js-deps
	@git status --porcelain > $(VENV)/.status-before 2>/dev/null || true
	$(BIN)/python -m pytest
	@git status --porcelain 2>/dev/null | diff -u $(VENV)/.status-before - \
	  || { echo "make test changed files in the checkout (above)"; exit 1; }

# Renew the README's picture docs/network.png from the real network page in Chromium.
screenshot: $(VENV)/.installed-test system-deps
	KG_SCREENSHOT=docs/network.png $(BIN)/python -m pytest -q tests/test_main_job.py -k chromium

bench: $(VENV)/.installed-test
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/renditions.py
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/viz.py
	$(BIN)/python bench/query.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/large.py

clean:
	rm -rf $(STORE) $(OUT)
