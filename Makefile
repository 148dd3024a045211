# Short aliases. The two that matter: `make site` and `make test` (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint new translate validate fix docs offline bench keep-sample clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.build-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@# hooks/, scripts/ and tests/ import catalogue/ and hubsite/ from this folder: a .pth file puts it
	@# on the environment's path, as an editable install would, without building a package
	$(BIN)/python -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "jet-cr-hub.pth").write_text("$(CURDIR)\n")'
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

site: offline  ## set up and build the hub into site/ (with the offline copy under site/downloads/)
	$(BIN)/mkdocs build

offline: $(VENV)/.build-deps  ## build the offline copies (every language, and each language with English) into dist/
	$(BIN)/python scripts/build_offline.py

serve: $(VENV)/.build-deps  ## live preview on http://127.0.0.1:8000
	$(BIN)/mkdocs serve

new: $(VENV)/.build-deps  ## add a resource: asks for each field and writes content/resources/<name>.md
	$(BIN)/python scripts/new_resource.py

translate: $(VENV)/.build-deps  ## start a translation: asks for the resource and the language, writes <name>.<code>.md beside it
	$(BIN)/python scripts/new_translation.py

validate: $(VENV)/.build-deps  ## check the content and print every problem
	$(BIN)/python scripts/validate.py

fix: $(VENV)/.build-deps  ## repair what is safe (ids written with capitals or spaces, key order…), then check
	$(BIN)/python scripts/validate.py --fix

docs: $(VENV)/.build-deps  ## rewrite CONTRIBUTING.md's tables after a change to the schema or vocabularies
	$(BIN)/python scripts/update_docs.py

keep-sample: $(VENV)/.build-deps  ## going live: move the sample into tests/sample/ (the tests' fixture), empty the hub
	$(BIN)/python scripts/keep_sample.py

# The HTML and accessibility checkers come from npm; without npm those tests are skipped
# (CI has it, and fails if they cannot run).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else echo "npm not found: the HTML validity and accessibility tests will be skipped"; fi

test: lint node_modules/.installed  ## run every test (after the linter)
	$(BIN)/python -m pytest

lint: $(VENV)/.test-deps  ## check the Python code with ruff (rules in pyproject.toml)
	$(BIN)/ruff check .

bench: $(VENV)/.test-deps  ## measure build time and page weight (see README; measures pages in Chromium)
	$(BIN)/python scripts/bench.py --resources 1000 --rounds 3

clean:  ## remove build output and generated pages
	rm -rf site dist build content/index*.md content/regions content/topics content/types \
	  content/organisations content/library content/events content/news content/search
