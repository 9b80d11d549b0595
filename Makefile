# 义警服务队管理系统 — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA_DIR ?=
SCALE ?= county
TS := resources/translations/yijing_ug.ts

.PHONY: run test test-pg soak demo bench bench-pg lint fmt self-test i18n package package-check clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The stamp files re-run the install whenever the dependencies change.
$(VENV)/.installed: pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(PY) main.py $(if $(DATA_DIR),--data-dir "$(DATA_DIR)")

demo: $(VENV)/.installed
	d="$${DEMO_DIR:-$$(mktemp -d -t yijing-demo-XXXXXX)}"; \
	$(PY) main.py demo-data --data-dir "$$d" && $(PY) main.py --data-dir "$$d"

# The service and CLI tests run on SQLite here; their runs on PostgreSQL are skipped (one line says so)
# and made by `make test-pg`.
test: $(VENV)/.installed-test
	YIJING_TEST_PG=$${YIJING_TEST_PG:-off} QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# The same service and CLI tests on a real PostgreSQL (docs/postgresql.md): the server of
# $$YIJING_TEST_PG_URL, else a throwaway cluster started with the local binaries (initdb, pg_ctl; Debian's
# `postgresql` package); fails, instead of skipping, when there is neither.
test-pg: $(VENV)/.installed-test
	YIJING_TEST_PG=require QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m postgres tests/unit

# Data safety at length (docs/reliability.md): 1,000 SIGKILLs during writes, 100,000 hostile inputs.
# Not part of `make test` (which runs short versions of the same tests); about half an hour.
soak: $(VENV)/.installed-test
	YIJING_SOAK_KILLS=1000 YIJING_SOAK_INPUTS=100000 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s \
		-p no:cacheprovider tests/reliability
	@cat build/reliability/kill_loop.json build/reliability/hostile_inputs.json

self-test: $(VENV)/.installed
	$(PY) main.py --self-test

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --scale $(SCALE)

# PostgreSQL beside SQLite on the same data, same run (bench/bench_engines.py): roster search, case register,
# week grid, auto-scheduling a week, each ≤ 2× its SQLite figure. A throwaway cluster with the local
# binaries, or the server of $$YIJING_BENCH_PG (a URL; its role may create databases).
PG_BENCHMARKS := pg_roster_search,pg_case_register,pg_week_grid,pg_schedule_week
bench-pg: $(VENV)/.installed-test
	YIJING_BENCH_PG=$${YIJING_BENCH_PG:-cluster} QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --scale $(SCALE) \
		--no-ladder --only $(PG_BENCHMARKS)

# Every translatable text of the program into the Uyghur catalogue (Qt Linguist opens the .ts), then the
# compiled .qm the program loads; both are committed, so a checkout and a bundle have them without a build.
i18n: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -extensions py -source-language zh_CN -target-language ug -locations none \
		desktop_app -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

# mypy checks desktop_app ([tool.mypy] in pyproject.toml; peewee is read as untyped, typings/peewee.pyi).
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

fmt: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The office-PC build (packaging/README.md): bundle dist/yijing/, .tar.gz and .deb, from constraints.txt
# in its own environment (build/package-venv); `make package-check` runs their self-tests as CI does.
package:
	$(PYTHON) packaging/build.py

package-check:
	bash packaging/check_package.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
