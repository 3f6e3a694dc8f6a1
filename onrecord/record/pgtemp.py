"""A throwaway local PostgreSQL server, for tests and benchmarks (like ``testing.postgresql``).

Uses the server binaries of Debian's ``postgresql`` package: ``initdb`` into a
temporary folder, ``pg_ctl`` on a free loopback port with durability off (the
data is thrown away), and as root both run as the ``postgres`` (or ``nobody``)
user, since PostgreSQL refuses to run as root.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .store import StoreError


def postgres_bindir() -> Path | None:
    """The newest Debian PostgreSQL server binaries, else pg_ctl on PATH, else None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).resolve().parent if on_path and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str], folder: Path) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    for user in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            continue
        for path in [folder, *folder.rglob("*")]:
            try:
                os.chown(path, entry.pw_uid, entry.pw_gid)
            except FileNotFoundError:  # a running server removes its own temporary files meanwhile
                pass
        return ["runuser", "-u", user, "--", *cmd]
    raise StoreError("running as root, with neither a postgres nor a nobody user to run PostgreSQL as.")


@contextmanager
def temporary_postgres() -> Iterator[str]:
    """Start a server; yield its base URL (``postgresql://onrecord@127.0.0.1:PORT``); stop and delete it."""
    bindir = postgres_bindir()
    if bindir is None:
        raise StoreError("PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/pg_ctl, no pg_ctl "
                         "on PATH): install the Debian package `postgresql`.")
    folder = Path(tempfile.mkdtemp(prefix="onrecord-pg-"))  # /tmp itself: the server user can reach it
    data, port, log = folder / "data", _free_port(), folder / "server.log"
    try:
        initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "onrecord", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync"]
        done = subprocess.run(_as_server_user(initdb, folder), capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise StoreError(f"initdb failed: {done.stderr.strip()[-1000:]}")
        options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        start = [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60", "start"]
        done = subprocess.run(_as_server_user(start, folder), capture_output=True, text=True, timeout=90)
        if done.returncode:
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            raise StoreError(f"PostgreSQL did not start: {done.stderr.strip()}\n{tail}")
        try:
            yield f"postgresql://onrecord@127.0.0.1:{port}"
        finally:
            stop = [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            subprocess.run(_as_server_user(stop, folder), capture_output=True, timeout=60)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def create_database(base_url: str, name: str) -> str:
    """Create database ``name`` (letters, digits, underscores) on the server; return its URL."""
    import psycopg

    if not name.replace("_", "").isalnum():
        raise StoreError(f"database name {name!r}: use letters, digits and underscores only.")
    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # checked above; identifiers cannot be parameters
    return f"{base_url}/{name}"
