"""Fixtures for the record tests: a real SQLite file and a real PostgreSQL server.

The PostgreSQL server is started here, once per test session, from Debian's
binaries (``/usr/lib/postgresql/*/bin``): initdb into a temporary folder, then
pg_ctl on a free local port; as root both run as the ``postgres`` user. Each test
gets its own fresh database. When the binaries are missing the PostgreSQL half of
the contract suite is skipped, saying why (``.ci/run`` installs them).
"""
from __future__ import annotations

import itertools
import os

import pytest

from onrecord.record import StoreError, open_store
from onrecord.record.pgtemp import create_database, postgres_bindir, temporary_postgres


@pytest.fixture(scope="session")
def postgres_server():
    """Base URL (without database name) of a throwaway PostgreSQL server."""
    if postgres_bindir() is None:
        pytest.skip("PostgreSQL binaries not found (no /usr/lib/postgresql/*/bin/pg_ctl, no pg_ctl on PATH): "
                    "install the Debian package `postgresql` (.ci/run does) to run the PostgreSQL contract tests")
    try:
        with temporary_postgres() as url:
            yield url
    except StoreError as e:
        pytest.fail(str(e))


_numbers = itertools.count(1)


@pytest.fixture
def postgres_url(postgres_server):
    return create_database(postgres_server, f"record_{os.getpid()}_{next(_numbers)}")


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """A fresh record's URL: a real SQLite file, then a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "record.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        yield s
