"""Settings: packaged defaults < file < environment < explicit options; bad values say what is wrong."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.settings import Settings, SettingsError, load_settings


def test_layers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no onrecord.toml here
    assert load_settings({}) == Settings()
    conf = tmp_path / "onrecord.toml"
    conf.write_text('db = "file.db"\nport = 8100\nhost = "0.0.0.0"\n')
    s = load_settings({"ONRECORD_PORT": "8200", "ONRECORD_API_TOKEN": " s3cret "}, file=conf)
    assert (s.db, s.host, s.port, s.api_token) == ("file.db", "0.0.0.0", 8200, "s3cret")
    assert load_settings({"ONRECORD_PORT": "8200"}, file=conf, port=9000, db=None).port == 9000
    assert "s3cret" not in repr(s)


@pytest.mark.parametrize("env, words", [
    ({"ONRECORD_PORT": "http"}, "port must be a whole number"),
    ({"ONRECORD_PORT": "70000"}, "port must be from 1 to 65535"),
    ({"ONRECORD_MAX_BODY_BYTES": "10"}, "max_body_bytes must be from"),
    ({"ONRECORD_CONFIG": "/nonexistent/onrecord.toml"}, "does not exist"),
])
def test_bad_values(env, words):
    with pytest.raises(SettingsError, match=words):
        load_settings(env)


def test_unknown_key_in_file(tmp_path):
    conf = tmp_path / "onrecord.toml"
    conf.write_text("prot = 1\n")
    with pytest.raises(SettingsError, match="unknown setting 'prot'"):
        load_settings({}, file=conf)


def test_serve_help_and_bad_settings():
    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "ONRECORD_API_TOKEN" in result.output
    bad = runner.invoke(app, ["serve", "--db", "mysql://x"], env={"ONRECORD_API_TOKEN": ""})
    assert bad.exit_code == 1 and "unknown database URL" in bad.output


def test_serve_with_two_worker_processes_answers_searches(tmp_path):
    """`onrecord serve --workers 2` through the real entry point: both processes read the record."""
    db = tmp_path / "record.db"
    demo = Path(__file__).resolve().parents[2] / "demo" / "corpus.jsonl"
    onrecord = str(Path(sys.executable).parent / "onrecord")
    subprocess.run([onrecord, "ingest", str(demo), "--db", str(db)], check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([onrecord, "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "ONRECORD_API_TOKEN": ""})
    try:
        deadline, answers = time.monotonic() + 60, []
        while time.monotonic() < deadline and len(answers) < 20:
            try:
                answers.append(httpx.get(f"http://127.0.0.1:{port}/api/quotes", params={"q": "jury"}, timeout=5))
            except httpx.TransportError:
                time.sleep(0.3)
        assert len(answers) == 20 and {r.status_code for r in answers} == {200}
        assert len({r.text for r in answers}) == 1 and answers[0].json()["results"]
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "2 process(es)" in err and "Traceback" not in err
