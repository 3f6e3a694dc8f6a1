# onrecord: `make run` and `make test` work on a fresh machine (Python 3.11 and network to PyPI).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test browser java bench lock clean

install: $(STAMP)

# Everything comes from the hash-pinned lock file; the package itself is installed editable on top.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Ingest the demo corpus (skipped quickly when already stored) and serve it on http://127.0.0.1:8000.
run: install
	$(BIN)/onrecord ingest demo/corpus.jsonl --db onrecord.db
	$(BIN)/onrecord serve --db onrecord.db --host 127.0.0.1 --port 8000

test: install browser java
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's Chromium; install it when missing (they skip, saying why, if that fails).
browser:
	@command -v chromium >/dev/null 2>&1 || { s=""; [ "$$(id -u)" -eq 0 ] || s=sudo; \
	  $$s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$s apt-get install -y -qq --no-install-recommends \
	  chromium chromium-driver >/dev/null; } || echo "warning: could not install chromium; browser tests will be skipped"

# The Spark batch tests need a Java runtime (17+); install Debian's when missing (they skip, saying why, if that fails).
java:
	@command -v java >/dev/null 2>&1 || { s=""; [ "$$(id -u)" -eq 0 ] || s=sudo; \
	  $$s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$s apt-get install -y -qq --no-install-recommends \
	  default-jre-headless >/dev/null; } || echo "warning: could not install Java; Spark tests will be skipped"

bench: install
	$(BIN)/python benchmarks/extract_speed.py

# Regenerate the lock after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --all-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info
