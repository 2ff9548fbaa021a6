# Everything installs into .venv from the package registries; nothing downloads at run time.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SAMPLE_LEFT := resources/samples/original.txt
SAMPLE_RIGHT := resources/samples/rewrite.txt
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test gui lint bench browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,bench]"
	touch $(STAMP)

# The main job on the bundled sample: the comparison in the terminal and the HTML report in out/.
run: $(STAMP)
	@mkdir -p out
	$(VENV)/bin/drift-viewer compare $(SAMPLE_LEFT) $(SAMPLE_RIGHT) || [ $$? -eq 1 ]
	$(VENV)/bin/drift-viewer report $(SAMPLE_LEFT) $(SAMPLE_RIGHT) -o out/sample-report.html || [ $$? -eq 1 ]
	@echo "report written to out/sample-report.html"

# The window on the sample (needs a display; `make run` works without one).
gui: $(STAMP)
	QT_QPA_PLATFORM= $(VENV)/bin/drift-viewer $(SAMPLE_LEFT) $(SAMPLE_RIGHT)

# Debian's Chromium for the report's browser tests; the tests never download a browser.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: $(STAMP) browser
	$(VENV)/bin/ruff check drift_viewer tests benchmarks
	$(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check drift_viewer tests benchmarks
	$(VENV)/bin/ruff format --check drift_viewer tests benchmarks
	$(VENV)/bin/mypy drift_viewer

bench: $(STAMP)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) out .pytest_cache
