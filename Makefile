# 义警服务队管理系统 — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA_DIR ?=
SCALE ?= county

.PHONY: run test soak demo bench lint fmt self-test clean

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

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check .

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

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .

fmt: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
