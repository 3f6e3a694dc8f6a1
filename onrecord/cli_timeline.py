"""Printing ``onrecord timeline``: a person's statements as a Rich tree, or JSON.

Printing only: the data comes from ``onrecord.record.timeline.timeline``.
"""
from __future__ import annotations

import json

from rich.console import Console
from rich.tree import Tree

from .cli_text import shown

from .record.views import LinkView, Timeline, TimelineEntry

_SHORT = 110
_VERBS = {"reacts_to": "reacts to", "retracts": "retracts", "apologises_for": "apologises for",
          "same_quote": "same words as"}


def _clip(text: str, n: int = _SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _when(published: str | None) -> str:
    return (published or "undated")[:10]


def _entry_label(e: TimelineEntry, person_id: int) -> str:
    s = e.statement
    kind = s.type or "statement"
    target = f" → {shown(e.target['name'])}" if e.target else ""
    where = ", ".join(x for x in (s.outlet, s.title) if x)
    together = f" [dim](as {shown(s.person)})[/]" if s.person and s.person_id != person_id else ""
    return (f"[bold]{_when(s.published)}[/] [cyan]{kind}[/]{target}{together}  {shown(_clip(s.content))}"
            f"  [dim]({shown(where or s.doc_id)}; #{s.id})[/]")


def _link_label(link: LinkView, verb: str) -> str:
    who = shown(link.speaker or "someone")
    how = f" [cyan]({link.statement_type})[/]" if verb == "reacted" and link.statement_type else ""
    where = shown(link.outlet or link.title or link.doc_id or "")
    return (f"[bold]{_when(link.published)}[/] {who} [magenta]{verb}[/]{how}: {shown(_clip(link.content, 90))}"
            f"  [dim]({where + '; ' if where else ''}confidence {link.confidence:.2f}; #{link.quote_id})[/]")


def print_timeline(t: Timeline, fmt: str, console: Console) -> None:
    if fmt == "json":
        print(json.dumps(t.to_dict(), ensure_ascii=False))
        return
    tree = Tree(f"[bold]{shown(t.name)}[/] (#{t.person_id}): {len(t.entries)} statements")
    for e in t.entries:
        node = tree.add(_entry_label(e, t.person_id))
        for link in e.links:  # (a repeat says where its words were first reported)
            where = f", {shown(link.outlet)}" if link.type == "same_quote" and link.outlet else ""
            node.add(f"[dim]{_VERBS.get(link.type, link.type)}[/] {shown(link.speaker or 'someone')}: "
                     f"{shown(_clip(link.content, 90))} [dim]({_when(link.published)}{where})[/]")
        for link in e.reactions:
            node.add(_link_label(link, "reacted"))
        undoing: dict[int, list[LinkView]] = {}  # one statement that retracts and apologises is one line
        for link in e.undone_by:
            undoing.setdefault(link.quote_id, []).append(link)
        for links in undoing.values():
            verbs = " and ".join(dict.fromkeys("retracted it" if x.type == "retracts" else "apologised for it" for x in sorted(links, key=lambda x: x.type != "retracts")))
            node.add(_link_label(max(links, key=lambda x: x.confidence), verbs))
    console.print(tree, soft_wrap=False)  # wrapped inside the tree, not cut at the terminal's edge
