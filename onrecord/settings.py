"""One ``Settings`` object: packaged defaults < a TOML file < the environment.

The file is ``onrecord.toml`` in the working folder, or the one ``$ONRECORD_CONFIG``
names; its keys are the field names below (``db = "record.db"``, ``port = 8080``).
Environment variables are ``ONRECORD_`` plus the field name in capitals
(``ONRECORD_DB``, ``ONRECORD_PORT``, ``ONRECORD_API_TOKEN``, ...).
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import OnRecordError


class SettingsError(OnRecordError):
    """A setting in the file or the environment has a bad value."""


@dataclass(frozen=True)
class Settings:
    db: str = "onrecord.db"  # a SQLite file or postgresql://user@host:port/dbname
    host: str = "127.0.0.1"  # loopback by default: exposing the server is a decision
    port: int = 8000
    api_token: str | None = None  # bearer token for write endpoints; None closes them
    max_body_bytes: int = 1_000_000  # request bodies (POST /api/extract, /api/articles)
    extract_rate: int = 30  # extractions a minute per client (POST /api/extract, the paste page); 0: no limit
    page_size: int = 20  # quotes per page of search results
    connections: int = 4  # store connections the web server reads through at once
    workers: int = 1  # web server processes (each with its own connections and rate limits)

    def __repr__(self) -> str:  # never print the token
        shown = {f.name: getattr(self, f.name) for f in fields(self)}
        if shown["api_token"]:
            shown["api_token"] = "***"
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"


_INTS = {"port": (1, 65535), "max_body_bytes": (1_000, 1_000_000_000), "page_size": (1, 200),
         "connections": (1, 64), "extract_rate": (0, 100_000),
         "workers": (1, 64)}


def _coerce(name: str, value: Any, where: str) -> Any:
    if name in _INTS:
        low, high = _INTS[name]
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{where}: {name} must be a whole number from {low} to {high}, not {value!r}.") from None
        if not low <= number <= high:
            raise SettingsError(f"{where}: {name} must be from {low} to {high}, not {number}.")
        return number
    if not isinstance(value, str):
        raise SettingsError(f"{where}: {name} must be text, not {value!r}.")
    return value.strip() or None if name == "api_token" else value


def _overrides(values: Mapping[str, Any], where: str) -> dict[str, Any]:
    names = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise SettingsError(f"{where}: unknown setting {unknown[0]!r}; the settings are {', '.join(sorted(names))}.")
    return {k: _coerce(k, v, where) for k, v in values.items()}


def load_settings(environ: Mapping[str, str] | None = None, file: str | Path | None = None,
                  **explicit: Any) -> Settings:
    """Defaults, then the TOML file (if any), then ``ONRECORD_*`` variables, then ``explicit``."""
    env = os.environ if environ is None else environ
    settings = Settings()
    path = Path(file or env.get("ONRECORD_CONFIG") or "onrecord.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise SettingsError(f"{path} is not valid TOML: {e}.") from None
        settings = replace(settings, **_overrides(data, str(path)))
    elif file or env.get("ONRECORD_CONFIG"):
        raise SettingsError(f"settings file {path} does not exist.")
    from_env = {f.name: env[f"ONRECORD_{f.name.upper()}"] for f in fields(Settings)
                if env.get(f"ONRECORD_{f.name.upper()}") not in (None, "")}
    settings = replace(settings, **_overrides(from_env, "environment"))
    chosen = {k: v for k, v in explicit.items() if v is not None}
    return replace(settings, **_overrides(chosen, "options"))
