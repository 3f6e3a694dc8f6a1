"""Settings: packaged defaults < file < environment < explicit options; bad values say what is wrong."""
from __future__ import annotations

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
