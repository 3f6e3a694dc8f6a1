"""Presentation helpers for the templates: highlighted article text, search snippets,
the statements-per-month chart. Everything returns data; Jinja escapes all text."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..record.highlight import HIGHLIGHT

TYPE_LABELS = {"claim": "claim", "support": "support", "criticism": "criticism", "denial": "denial",
               "apology": "apology", "retraction": "retraction", "commitment": "commitment",
               "no_comment": "no comment"}
LINK_LABELS = {"reacts_to": "reacts to", "retracts": "retracts", "apologises_for": "apologises for",
               "same_quote": "same quote as"}


@dataclass(frozen=True)
class Segment:
    """A stretch of article text and the statement parts that cover it."""

    text: str
    qid: str | None = None  # the statement this stretch belongs to
    role: str | None = None  # content, cue or source
    first: bool = False  # the first stretch of that statement's content (it carries the anchor)


def segments(text: str, statements: Iterable[Any]) -> list[Segment]:
    """Cut ``text`` at every span boundary. Each statement needs ``qid``, ``spans``
    ([(start, end)]), ``cue`` and ``source`` ((start, end, text) or None).
    Where spans overlap, content wins over cue over source."""
    rank = {"content": 0, "cue": 1, "source": 2}
    owner: list[tuple[int, str, str] | None] = [None] * len(text)
    for st in statements:
        parts = [("content", a, b) for a, b in st.spans]
        parts += [(role, span[0], span[1]) for role, span in (("cue", st.cue), ("source", st.source)) if span]
        for role, start, end in parts:
            for i in range(max(0, start), min(len(text), end)):
                if owner[i] is None or rank[role] < owner[i][0]:
                    owner[i] = (rank[role], role, st.qid)
    out: list[Segment] = []
    seen: set[str] = set()
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or owner[i] != owner[start]:
            mark = owner[start]
            if mark is None:
                out.append(Segment(text[start:i]))
            else:
                first = mark[1] == "content" and mark[2] not in seen
                if first:
                    seen.add(mark[2])
                out.append(Segment(text[start:i], mark[2], mark[1], first))
            start = i
    return out


def snippet(value: str | None) -> Markup:
    """A search snippet with its ⟦hits⟧ as <mark>, everything else escaped."""
    text = str(escape(value or ""))
    return Markup(text.replace(HIGHLIGHT[0], "<mark>").replace(HIGHLIGHT[1], "</mark>"))


def web_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None: an article's url is whatever its source said,
    and a ``javascript:`` or ``data:`` link must not become a link on our page."""
    text = (value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


@dataclass(frozen=True)
class Bar:
    month: str
    count: int
    x: float
    y: float
    height: float
    label: str


def chart(months: Iterable[tuple[str, int] | dict[str, Any]], width: int = 360, height: int = 120) -> dict[str, Any]:
    """Geometry of a bar chart of statements per month, for an inline SVG."""
    months = [(m["month"], m["statements"]) if isinstance(m, dict) else m for m in months][-36:]  # 3 years at most
    if not months:
        return {"bars": [], "width": width, "height": height, "max": 0}
    top = max(n for _, n in months) or 1
    plot = height - 30
    step = width / len(months)
    bars = [Bar(m, n, round(i * step + step * 0.15, 1), round(10 + plot * (1 - n / top), 1),
                round(plot * n / top, 1), m[2:4] + "/" + m[5:7]) for i, (m, n) in enumerate(months)]
    return {"bars": bars, "width": width, "height": height, "max": top, "bar_width": round(step * 0.7, 1),
            "label_every": max(1, len(months) // 8)}


def register(env: Any) -> None:
    env.filters["snippet"] = snippet
    env.filters["web_url"] = web_url
    env.globals["TYPE_LABELS"] = TYPE_LABELS
    env.globals["LINK_LABELS"] = LINK_LABELS
    env.globals["segments"] = segments
    env.globals["chart"] = chart
