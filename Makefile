# onrecord: `make run` and `make test` work on a fresh machine (Python 3.11 and network to PyPI).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test browser java postgres bench compare fuzz lock clean

install: $(STAMP)

# Everything comes from the hash-pinned lock files; the package itself is installed editable on top.
# requirements-encoder.lock: the encoder mode's packages and torch (CPU), kept apart (see its header).
$(STAMP): requirements.lock requirements-encoder.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-encoder.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Ingest the demo corpus (skipped quickly when already stored) and serve it on http://127.0.0.1:8000.
run: install
	$(BIN)/onrecord ingest demo/corpus.jsonl --db onrecord.db
	$(BIN)/onrecord serve --db onrecord.db --host 127.0.0.1 --port 8000

test: install browser java postgres
	$(BIN)/python -m pytest -q

# Debian packages some tests need, installed when missing (as root, or with sudo); the tests
# that need one skip, saying why, if it cannot be installed. $(1): packages; $(2): a check.
define apt_install
	@$(2) >/dev/null 2>&1 || { s=""; [ "$$(id -u)" -eq 0 ] || s=sudo; \
	  $$s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$s apt-get install -y -qq \
	  --no-install-recommends $(1) >/dev/null; } || echo "warning: could not install $(1): the tests that need it will be skipped"
endef

browser:  # the web tests drive Debian's Chromium through Playwright
	$(call apt_install,chromium chromium-driver,command -v chromium)

java:  # the Spark batch tests need a Java runtime (17+)
	$(call apt_install,default-jre-headless,command -v java)

postgres:  # the record's contract tests start a throwaway PostgreSQL server from Debian's binaries
	$(call apt_install,postgresql,ls /usr/lib/postgresql/*/bin/pg_ctl)

bench: install
	$(BIN)/python benchmarks/extract_speed.py

# onrecord next to textacy's quote extraction on PolNeAR dev (docs/evaluation.md). textacy is
# not in the lock: it goes into .venv for this alone, at the version the published figures used.
compare: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check textacy==0.13.0
	$(BIN)/python benchmarks/compare.py

# Coverage-guided fuzzing (atheris) of the HTML, JSONL and WARC readers and of extraction,
# FUZZ_SECONDS each. New inputs and any crash go to build/fuzz/NAME/; a crash ends that target
# and fails the run: turn it into a regression test (tests/fixtures/fuzz/, tests/test_properties.py).
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= html jsonl warc extract
fuzz: install
	@status=0; for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/$$t/corpus && echo "fuzz $$t for $(FUZZ_SECONDS) s" && \
	  $(BIN)/python fuzz/fuzz_$$t.py -max_total_time=$(FUZZ_SECONDS) -timeout=60 -rss_limit_mb=4096 \
	    -print_final_stats=1 -artifact_prefix=build/fuzz/$$t/ build/fuzz/$$t/corpus fuzz/seeds/$$t || status=1; \
	done; exit $$status

# Regenerate the lock after changing dependencies in pyproject.toml (the encoder and train
# extras are pinned by hand in requirements-encoder.lock).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra spark --extra test \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info
