# Two commands do everything on a fresh machine with Python 3.11 or newer (the tests expect 3.11,
# the version the pages state; python3.11 is used where it exists):
#   make serve   set up, then serve the site on http://127.0.0.1:8000/deep-learning/
#   make test    set up, then run every test
PYTHON ?= $(shell python3.11 -c '' 2>/dev/null && echo python3.11 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build check test outputs addresses benchmark audit

# A virtual environment works only in the folder that made it: its scripts (pip, mkdocs) start
# with that folder's path, and run that folder's packages and code. One copied here with the
# project (cp -a) is made anew, emptied first. pyvenv.cfg names the folder it was made for.
MOVED := $(shell sed -n 's/^command = .* //p' $(VENV)/pyvenv.cfg 2>/dev/null | grep -qvxF '$(abspath $(VENV))' && echo yes)
ifeq ($(MOVED),yes)
.PHONY: $(INSTALLED)
endif

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(if $(MOVED),--clear )$(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

install: $(INSTALLED)

serve: install
	$(BIN)/mkdocs serve

build: install
	$(BIN)/mkdocs build --strict

# The browser tests drive $CHROMIUM if set, else Debian's Chromium where it is installed (.ci/run
# installs its headless shell), else Playwright's own build, downloaded once here.
BROWSER := $(VENV)/.browser
$(BROWSER): $(INSTALLED)
	if [ -z "$$CHROMIUM" ] && [ ! -x /usr/bin/chromium-headless-shell ] && [ ! -x /usr/bin/chromium ]; then \
	  $(BIN)/python -m playwright install chromium; fi
	touch $@

test: install $(BROWSER)
	$(BIN)/python -m pytest

# While working on a question, in a minute or so: the strict build, then that question's code,
# notebook, fences and terms, and the checks of every page's translation, question box, quiz
# data and glossary term, of the built site (published addresses, links, copy buttons' programs)
# on that build, and ruff; nothing that drives the browser. Both parts
# run, and it fails if either failed. make check Q=q05, or Q="q05 or q06" (without Q: every
# question's code, at -n0: slow)
check: build
	status=0; \
	$(BIN)/python -m pytest -n0 -m "not browser" --site site -k "$(Q)" \
	  tests/test_code_examples.py tests/test_notebooks.py tests/test_fences.py \
	  tests/test_terminology.py || status=1; \
	$(BIN)/python -m pytest -n0 -m "not browser" --site site tests/test_translations.py \
	  tests/test_questions.py tests/test_quiz.py tests/test_glossary.py tests/test_site.py \
	  tests/test_copy_programs.py tests/test_lint.py || status=1; \
	exit $$status

# After a change that alters what a page's code prints: rewrite the shown outputs that differ,
# and the versions the pages state. One question's only: make outputs ARGS="-k q05"
# A block that fails (a new Keras changed what it does) fails the target, but the versions are
# still recorded and the rewritten outputs still listed, so the rest of an upgrade shows too.
outputs: install
	@status=0; \
	$(BIN)/python -m pytest tests/test_code_examples.py --update-outputs $(ARGS) || status=1; \
	$(BIN)/python -m pytest tests/test_questions.py::test_pages_state_the_versions_the_tests_run \
	  --update-outputs || status=1; \
	changed="$$(git status --short -- snippets/output)"; \
	printf 'Output files changed since the last commit (?? = new):\n%s\n' "$${changed:-  none}"; \
	if [ $$status -ne 0 ]; then \
	  echo "Some code failed (above): its outputs were not rewritten; fix it, then run make outputs again."; \
	fi; \
	exit $$status

# List the built site's new sections, exercises, glossary terms and quiz items among the published
# addresses (tests/published_addresses.txt), which the tests keep leading somewhere. Never needed
# for the tests to pass; run it once new pages are published, and commit the list.
addresses: build
	$(BIN)/python -m tools.addresses site

# The speeds the README promises: test suite, build, serve after an edit. Options pass through:
#   make benchmark ARGS="--baseline b03b6af --only build,serve"
benchmark: install
	$(BIN)/python scripts/benchmark.py $(ARGS)

# Lighthouse on the built site (needs Node.js 18.16 or newer, npm and Debian's full chromium; not
# part of `make test`). Options pass through: make audit ARGS="--pages reference/ --runs 5"
audit: install
	$(BIN)/python scripts/audit.py $(ARGS)
