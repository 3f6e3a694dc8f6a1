# onrecord: `make run` and `make test` work on a fresh machine (Python 3.11 and network to PyPI).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test bench lock clean

install: $(STAMP)

# Everything comes from the hash-pinned lock file; the package itself is installed editable on top.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install
	$(BIN)/onrecord extract demo/articles/harbour-bridge-statement.txt --format table

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/extract_speed.py

# Regenerate the lock after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --all-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info
