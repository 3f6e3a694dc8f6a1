"""What a shared PostgreSQL record meets in service: a restarted server, a lost connection, a
stuck writer, a read-only role, a database in the wrong encoding; and readers never wait for a
writer on either backend. A real server (tests/record/conftest.py), no mocks."""
from __future__ import annotations

import time

import psycopg
import pytest
from test_concurrency import held_write_lock, pier

from onrecord.record import StoreError, open_store
from onrecord.record.pgtemp import create_database
from onrecord.record.postgres import _WRITE_LOCK, PostgresStore, _redact
from onrecord.record.sqlite import SQLiteStore


def count(store, table: str) -> int:
    with store.transaction(write=False) as tx:
        return tx.scalar(f"SELECT count(*) FROM {table}")


def _kill(url: str, store: PostgresStore) -> None:
    """End the store's server process, as a server restart does."""
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (store._conn.info.backend_pid,))


def test_a_store_reconnects_after_the_server_dropped_its_connection(postgres_url):
    with open_store(postgres_url) as store:
        store.add(*pier())
        _kill(postgres_url, store)
        assert count(store, "articles") == 1  # the next transaction opens a new connection


def test_a_connection_lost_inside_a_write_is_one_error_and_keeps_what_was_stored(postgres_url):
    with open_store(postgres_url) as store:
        store.add(*pier())
        with pytest.raises(StoreError, match=r"lost the connection to the PostgreSQL record .* run the command again"):
            with store.transaction() as tx:
                _kill(postgres_url, store)
                tx.run("DELETE FROM quotes")
        assert count(store, "quotes") == 1


def test_a_writer_held_up_too_long_gets_a_one_line_error(postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as other, PostgresStore(postgres_url, busy_timeout=0.3) as store:
        other.execute("SELECT pg_advisory_lock(%s)", (_WRITE_LOCK,))
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"is locked: another process has been writing to it for over 0\.3 s"):
            store.add(*pier())
        assert time.monotonic() - started < 10
        other.execute("SELECT pg_advisory_unlock(%s)", (_WRITE_LOCK,))
        assert store.add(*pier()) == "stored"


def test_a_read_only_role_can_open_and_read_the_record(postgres_server):
    url = create_database(postgres_server, "readonly_record")
    with open_store(url) as store:
        store.add(*pier())
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("CREATE ROLE reader LOGIN")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader_url = url.replace("postgresql://onrecord@", "postgresql://reader@")
    with open_store(reader_url) as store:
        assert count(store, "articles") == 1


def test_a_database_not_in_utf8_is_refused_at_once(postgres_server):
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as admin:
        admin.execute("CREATE DATABASE latin_record ENCODING 'LATIN1' TEMPLATE template0")
    with pytest.raises(StoreError, match=r"is in LATIN1, .* ENCODING 'UTF8'"):
        open_store(f"{postgres_server}/latin_record")


def test_a_password_in_the_url_is_never_shown():
    assert _redact("postgresql://ann:s3cret@db.example/rec") == "postgresql://ann@db.example/rec"
    assert _redact("postgresql://ann@db.example/rec?sslmode=require&password=s3cret") == (
        "postgresql://ann@db.example/rec?sslmode=require&password=***")


def test_a_reader_does_not_wait_for_a_writer(tmp_path):
    db = tmp_path / "record.db"
    with open_store(str(db)) as store:
        store.add(*pier())
    with held_write_lock(db):
        started = time.monotonic()
        with SQLiteStore(str(db), busy_timeout=2) as reader:
            assert count(reader, "articles") == 1
        assert time.monotonic() - started < 2
