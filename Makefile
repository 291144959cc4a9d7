# Laoshan Desk — two commands do all set-up:
#   make run    virtual environment, install, database on first run, open the desk
#   make test   the same set-up, then the whole suite with Qt offscreen
# Windows: see README.md (py -m venv .venv, then .venv\Scripts\laoshan-desk).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Shared libraries the Qt wheels load (offscreen for tests, xcb for a Linux desktop).
QT_DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 \
           libxcb-image0 libxcb-xinerama0 libxcb-xkb1

.PHONY: run test setup demo screenshots bench reliability forms clean

setup: $(STAMP)

# `make run` installs what running needs (the package and its dependencies); `make test` adds
# the test tools (the [test] extra: pytest, ruff, mypy, import-linter, psycopg for the PG tests).
RUN_STAMP := $(VENV)/.installed-run

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "需要 Python 3.11 或更新版本 (Python 3.11+ required)"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian run  apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@$(MAKE) --no-print-directory qt-libs
	@touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@$(MAKE) --no-print-directory qt-libs
	@touch $(STAMP) $(RUN_STAMP)

# Qt's wheels need a few system libraries; install them on Debian/Ubuntu when they are missing.
.PHONY: qt-libs
qt-libs:
	@if ! QT_QPA_PLATFORM=offscreen $(BIN)/python -c 'from PySide6.QtWidgets import QApplication; QApplication([])' >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Qt cannot start without a few system libraries; installing them with apt-get: $(QT_DEBS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(QT_DEBS) >/dev/null; \
	  else \
	    echo "Qt cannot start: install these packages as root, then rerun:  apt-get install $(QT_DEBS)"; exit 1; \
	  fi; \
	fi

run: $(RUN_STAMP) desktop-libs
	$(BIN)/laoshan-desk $(ARGS)

# A real screen on Linux uses Qt's xcb plugin, which needs more libraries than offscreen tests.
.PHONY: desktop-libs
desktop-libs:
	@xcb=$$(ls $(VENV)/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so 2>/dev/null | head -n1); \
	if [ -n "$$xcb" ] && ldd "$$xcb" | grep -q "not found"; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "A desktop window needs Qt's xcb libraries, missing here; installing them with apt-get: $(QT_DEBS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(QT_DEBS) >/dev/null; \
	  else \
	    echo "Qt needs these packages for a desktop window; install them as root:  apt-get install $(QT_DEBS)"; exit 1; \
	  fi; \
	fi

test: $(STAMP) pg-server
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The PostgreSQL tests start a throwaway server of their own; install the server when missing.
.PHONY: pg-server
pg-server:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing PostgreSQL for the database tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || true; \
	  else \
	    echo "PostgreSQL is not installed: its tests will be skipped (apt-get install postgresql)"; \
	  fi; \
	fi

# A separate demo home (its own data directory, database and audit key) full of realistic
# sample data, then the desk opened on it. Never the real database: LAOSHAN_DESK_DB is ignored
# here, and `init --demo` refuses a database that holds real work.
DEMO_HOME ?= $(CURDIR)/.demo-home
demo: $(RUN_STAMP) desktop-libs
	env -u LAOSHAN_DESK_DB LAOSHAN_DESK_HOME="$(DEMO_HOME)" $(BIN)/laoshan-desk init --demo
	env -u LAOSHAN_DESK_DB LAOSHAN_DESK_HOME="$(DEMO_HOME)" $(BIN)/laoshan-desk $(ARGS)

# The screenshots in docs/ (made from a demo database of their own).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

# One table (path | baseline | desk | ratio | goal) with the load average: bench/ratios.py.
# ARGS="--quick" for 100,000 appeals (under five minutes), ARGS="--sizes 10000" for a size.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py $(ARGS)

# Eight counters on the same 100 appeals on a throwaway PostgreSQL server for a minute.
.PHONY: hall-bench
hall-bench: $(STAMP) pg-server
	$(BIN)/python bench/hall_bench.py $(ARGS)

# Street-office sync: 10,000 changes, a street's share of 1,000,000 appeals, 20 kills (ARGS=--quick).
.PHONY: sync-bench
sync-bench: $(STAMP) pg-server
	$(BIN)/python bench/sync_bench.py $(ARGS)

# kill -9 during writes and backups, concurrent writers, a long fuzz, permission probes, audit
# tampering and odd restore files (minutes; figures in docs/reliability.md). ARGS="--kills 50" etc.
reliability: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/reliability/run.py $(ARGS)

forms: $(STAMP)  # forms/*.ui -> ui/forms/, resources/i18n/*.ts -> .qm
	$(BIN)/python -m laoshan_desk.ui.forms_build

# Installable packages: a one-folder PyInstaller bundle and a .deb built from it (packaging/).
# The .deb is rebuilt only when a file it is made of changed; `make -B package` forces it.
PKG_STAMP   := $(VENV)/.package-installed
PKG_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n1)
PKG_ARCH    := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB         := dist/laoshan-desk_$(PKG_VERSION)_$(PKG_ARCH).deb
PKG_SOURCES := $(shell find laoshan_desk resources forms reports packaging -type f -not -path '*/__pycache__/*' 2>/dev/null) pyproject.toml

.PHONY: package package-test package-tools
package: $(DEB)

$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	@touch $@

$(DEB): $(PKG_SOURCES) | $(PKG_STAMP) desktop-libs package-tools
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/laoshan-desk.spec
	PYTHON=$(BIN)/python RUNTIME_DEBS="$(QT_DEBS)" packaging/build_deb.sh dist/laoshan-desk dist

# PyInstaller reads binaries with binutils; dpkg-shlibdeps (dpkg-dev) computes the Depends: line.
package-tools:
	@if ! command -v objdump >/dev/null 2>&1 || ! command -v dpkg-shlibdeps >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binutils dpkg-dev >/dev/null; \
	  else \
	    echo "packaging needs binutils and dpkg-dev:  apt-get install binutils dpkg-dev"; exit 1; \
	  fi; \
	fi

# Installs the .deb (and an older one, for the upgrade) into throwaway places and runs it there.
package-test: $(DEB)
	PYTHON=$(BIN)/python RUNTIME_DEBS="$(QT_DEBS)" packaging/test_package.sh $(DEB)

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
