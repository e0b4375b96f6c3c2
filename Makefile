# Everything runs in a project-local virtual environment (.venv), created on first use.
# `make site` and `make test` need nothing installed by hand beyond Python 3.11+.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CACHE := $(CURDIR)/.cache

# Keep Jupyter, IPython, matplotlib and uv out of the home folder.
export JUPYTER_CONFIG_DIR := $(CACHE)/jupyter/config
export JUPYTER_DATA_DIR := $(CACHE)/jupyter/data
export JUPYTER_RUNTIME_DIR := $(CACHE)/jupyter/runtime
export JUPYTER_PLATFORM_DIRS := 1
export IPYTHONDIR := $(CACHE)/ipython
export MPLCONFIGDIR := $(CACHE)/matplotlib
export UV_CACHE_DIR := $(CACHE)/uv
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export PYTHONHASHSEED := 0

.PHONY: help venv accel check site notebooks test test-fast bench eval-extract eval-arithmetic recordability conventions before-tuning lab browser clean

help:
	@echo "make site          check the claims, run stale notebooks, build the site (docs/_build/html)"
	@echo "make test          every test: unit, integrity, notebooks (nbval), site, browser"
	@echo "make check         kb check over the knowledge base"
	@echo "make notebooks     re-execute every notebook in place"
	@echo "make bench         performance benchmarks"
	@echo "make eval-extract  extractor precision/recall vs quantulum3"
	@echo "make eval-arithmetic  precision/recall of the arithmetic findings"
	@echo "make recordability share of the real articles' numbers recorded, per source and reason"
	@echo "make conventions   development claims whose record disagrees with the curation's settled readings"
	@echo "make before-tuning guesses of each article before tuning on it (needs git history), then refit the confidences"
	@echo "make lab           JupyterLab in the project's environment"
	@echo "make accel         compile the hot extraction modules with Cython (optional; KB_PURE=1 turns it off)"

venv: $(STAMP)

$(STAMP): pyproject.toml
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --user uv || $(PYTHON) -m pip install --quiet uv
	@UV=$$(command -v uv || echo "$(PYTHON) -m uv"); \
	  [ -x $(PY) ] || $$UV venv --quiet --python $(PYTHON) $(VENV); \
	  $$UV pip install --quiet --compile-bytecode --python $(PY) -e '.[test]'
	@$(PY) -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	@touch $(STAMP)
	@$(PY) -m kb.tools.accel build || echo "make accel: kb runs (partly) as pure Python"

# The compiled build is optional: a module edited since is read from its .py (kb/accel.py), and
# a failed compile leaves kb in pure Python.
accel: venv
	@$(PY) -m kb.tools.accel build || echo "make accel: kb runs (partly) as pure Python"

check: venv
	$(VENV)/bin/kb check

notebooks: venv
	$(PY) -m kb.tools.notebooks run --all

site: venv
	$(VENV)/bin/kb check
	$(PY) -m kb.tools.notebooks run
	$(PY) -m kb.site build

browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: venv browser
	$(PY) -m kb.site build
	$(PY) -m pytest -q -p no:cacheprovider tests notebooks --nbval -n 2 --dist loadscope

test-fast: venv
	$(PY) -m pytest -q -p no:cacheprovider tests -m "not browser and not slow"

bench: venv accel
	$(PY) -m kb.tools.bench

eval-extract: venv
	$(PY) -m kb.extract.evaluate

eval-arithmetic: venv
	$(PY) -m kb.tools.arithmetic

recordability: venv
	$(PY) -m kb.tools.recordability

conventions: venv
	$(PY) -m kb.tools.conventions

# (needs the git history) the guesses of each article's extractor before it was tuned on it, then
# the confidences refitted with their shift to unseen writing
before-tuning: venv
	$(PY) -m kb.tools.before_tuning
	$(PY) -m kb.extract.evaluate --fit-calibration --no-timing --no-baseline --sets real-dev

lab: venv
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean:
	rm -rf docs/_build docs/generated .cache test-artifacts
