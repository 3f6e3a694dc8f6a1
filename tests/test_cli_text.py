"""What articles and inputs hold reaches the terminal as text: Rich markup such as '[/b]' is shown,
not read (it used to crash the table), and control characters are made visible, so an escape
sequence in an article cannot recolour, retitle or clear the user's terminal."""
from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.cli_text import shown
from test_bad_inputs import onrecord


@pytest.mark.parametrize("text, expected", [
    ("plain", "plain"), ("[/b] odd", "\\[/b] odd"), ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
    ("bell\x07 and \x9b", "bell\\x07 and \\x9b"), ("line\nnext\ttab", "line\nnext\ttab"),
])
def test_shown(text, expected):
    assert shown(text) == expected


def test_extract_table_shows_markup_and_escapes_as_text(tmp_path: Path) -> None:
    article = tmp_path / "odd.txt"
    article.write_text('Row\n\n"It is [/b] odd and \x1b[31mred\x1b[0m," Ann Lee said.\n', encoding="utf-8")
    run = onrecord("extract", str(article))
    assert run.code == 0, run.err
    assert "[/b] odd" in run.out and "\\x1b[31mred" in run.out and "\x1b" not in run.out
