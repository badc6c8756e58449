# CIM Twin: the two commands are `make demo` and `make test` (README.md).
# Both first run `make deps`, which installs QGIS and the Python stack from Debian
# and a .venv (--system-site-packages) for pip-only tools; it is idempotent.

PY        := /usr/bin/python3
VENV_PY   := .venv/bin/python
TS        := i18n/cim_twin_zh_CN.ts
QM        := $(TS:.ts=.qm)
# files whose strings are translated (pylupdate5 reads them; keep the list explicit)
I18N_SOURCES := $(sort $(wildcard cim_twin_plugin/*.py cim_twin_plugin/qgis_io/*.py cim_twin_plugin/gui/*.py processing_algs/*.py) $(shell grep -rl QT_TRANSLATE_NOOP cim_twin_plugin/core --include=*.py))

export QT_QPA_PLATFORM := offscreen
# pyproj inside .venv looks for PROJ's data under the venv; point it at Debian's
export PROJ_DATA := $(or $(PROJ_DATA),/usr/share/proj)
export XDG_RUNTIME_DIR := $(or $(XDG_RUNTIME_DIR),/tmp/runtime-$(shell id -u))

.PHONY: deps translations ts test test-core demo package lint bench clean

deps:
	@sh scripts/deps.sh

translations: deps
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	@lrelease -silent $(TS) -qm $(QM)

# refresh the .ts from the sources after adding strings (then translate the new entries)
ts:
	@cp $(TS) $(TS).old
	pylupdate5 -noobsolete $(I18N_SOURCES) -ts $(TS)
	@$(PY) scripts/ts_carry.py $(TS).old $(TS); rm -f $(TS).old

test: translations lint
	$(VENV_PY) -m pytest tests

# the pure core tier alone, without QGIS
test-core: deps
	$(VENV_PY) -m pytest -p no:qgis -m "not qgis" tests

demo: translations
	$(VENV_PY) scripts/demo.py --out demo_output

package: translations
	$(PY) scripts/package.py --out dist

lint: deps
	.venv/bin/ruff check .

bench: deps
	@sh scripts/deps.sh --bench
	$(PY) scripts/bench_gridcode.py
	$(VENV_PY) scripts/bench_gridcode_alg.py --points 1000000
	$(PY) scripts/bench_address.py
	$(PY) scripts/bench_network.py
	$(PY) scripts/bench_visibility.py
	$(VENV_PY) scripts/bench_measure.py

clean:
	rm -rf dist demo_output .pytest_cache $(QM)
