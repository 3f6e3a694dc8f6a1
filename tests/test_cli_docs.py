"""Every command has --help text, every option a description, and docs/cli.md documents them all."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer

from onrecord.cli import app

ROOT = Path(__file__).resolve().parents[1]
ONRECORD = Path(sys.executable).with_name("onrecord")
DOC = ROOT / "docs" / "cli.md"


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append(((*prefix, name), command))
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
    return found


COMMANDS = dict(commands(typer.main.get_command(app)))
IDS = [" ".join(path) for path in COMMANDS]


def doc_sections() -> dict[str, str]:
    """docs/cli.md split at its "## `onrecord CMD`" headings."""
    parts = re.split(r"^#{2,4} `onrecord ([a-z -]+)`\s*$", DOC.read_text(encoding="utf-8"), flags=re.M)
    return {name.strip(): body for name, body in zip(parts[1::2], parts[2::2])}


@pytest.mark.parametrize("path", list(COMMANDS), ids=IDS)
def test_every_command_has_help_and_every_option_a_description(path: tuple[str, ...]) -> None:
    command = COMMANDS[path]
    assert command.help, f"onrecord {' '.join(path)} has no help text"
    for param in command.params:
        assert getattr(param, "help", None), f"onrecord {' '.join(path)}: {param.name} has no help text"
    result = subprocess.run([str(ONRECORD), *path, "--help"], capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and b"Usage: onrecord " + " ".join(path).encode() in result.stdout


@pytest.mark.parametrize("path", list(COMMANDS), ids=IDS)
def test_every_command_and_option_is_in_docs_cli_md(path: tuple[str, ...]) -> None:
    section = doc_sections().get(" ".join(path))
    assert section is not None, f"docs/cli.md has no section \"## `onrecord {' '.join(path)}`\""
    for param in COMMANDS[path].params:
        for flag in (o for o in getattr(param, "opts", []) if o.startswith("--") and o != "--help"):
            assert flag in section, f"docs/cli.md: `onrecord {' '.join(path)}` does not document {flag}"


def test_top_level_help_lists_every_command() -> None:
    result = subprocess.run([str(ONRECORD), "--help"], capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0
    for path in COMMANDS:
        assert path[0].encode() in result.stdout
