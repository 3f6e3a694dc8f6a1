"""Reading gold attributions for evaluation: PolNeAR brat folders and onrecord-style JSONL.

Both readers return ``GoldDoc`` records whose spans are trimmed of surrounding
whitespace, so that scoring compares what the annotators meant, not their
selection habits. Anything malformed raises ``DataError`` naming the file and line.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DataError
from .models import Span

# Opening double quote marks in every style the corpus uses (straight, curly, NYT-style
# '' and ``, „, «, and ” where a text opens with it). The corpus README counts only
# " and “ (README_QUOTE_MARKS: train 3,172, dev 369); with all of these and the
# one-character-late rule of starts_with_quote_mark, train has 4,001 and dev 429.
README_QUOTE_MARKS = ('"', "\u201c")
OPENING_DOUBLE_QUOTES = ('"', "\u201c", "\u201d", "''", "``", "\u201e", "\u00ab")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLE = re.compile(r"^(Source|Cue|Content)\d*$")


@dataclass(frozen=True, slots=True)
class EvalAttribution:
    """One attributed statement as evaluation sees it, gold or predicted.

    Each role is a tuple of trimmed pieces in the order they were given (empty
    when the role is absent): brat allows discontinuous spans for every role.
    """

    content: tuple[Span, ...]
    cue: tuple[Span, ...] = ()
    source: tuple[Span, ...] = ()
    direct: bool = False
    id: str = ""
    kind: str | None = None
    speaker: str | None = None  # resolved speaker name (predictions only), shown in error reports

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    attributions: tuple[EvalAttribution, ...]


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without whitespace at its ends; None when nothing but whitespace is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end) if start < end else None


def starts_with_quote_mark(content: tuple[Span, ...], text: str | None = None) -> bool:
    """A direct quote: the first content piece opens with a double quote mark (any style).

    Some annotations start one character late, inside NYT-style ``''`` marks or just
    after the opening mark; with the article ``text`` those count too.
    """
    if not content:
        return False
    first = content[0]
    if first.text.startswith(OPENING_DOUBLE_QUOTES):
        return True
    before = text[max(0, first.start - 1) : first.start] if text is not None else ""
    return bool(before) and (before + first.text[:1]).startswith(OPENING_DOUBLE_QUOTES) or before in ('"', "\u201c")


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read gold from a PolNeAR split folder (``text/`` and ``attributions/``) or a JSONL file."""
    path = Path(path)
    if path.is_dir():
        return read_brat_folder(path)
    if path.is_file():
        return read_gold_jsonl(path)
    raise DataError(
        f"{path}: no such file or folder. Give a PolNeAR split folder (with text/ and attributions/) "
        "or a JSONL file of {\"id\", \"text\", \"quotes\"} lines."
    )


# --- PolNeAR brat standoff -------------------------------------------------


def read_brat_folder(folder: Path) -> list[GoldDoc]:
    """Read every article of a PolNeAR split, using the first annotator listed in metadata.tsv."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DataError(
            f"{folder} is not a PolNeAR split folder: it needs text/ and attributions/ subfolders "
            "(or give a gold JSONL file instead)."
        )
    annotators = _first_annotators(folder)
    docs = []
    for text_path in sorted(text_dir.glob("*.txt")):
        name = text_path.stem
        ann_path = _annotation_file(ann_dir, name, annotators.get(name))
        text = read_utf8(text_path)
        docs.append(parse_brat(text, read_utf8(ann_path), name, str(ann_path)))
    if not docs:
        raise DataError(f"{text_dir} has no .txt articles.")
    return docs


def read_utf8(path: Path) -> str:
    # Bytes, not read_text(): universal newlines would shift every offset after a \r\n.
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError(f"{path} is not valid UTF-8 (offset {e.start}).") from None
    except OSError as e:
        raise DataError(f"{path}: cannot read it ({e.strerror}).") from None


def _first_annotators(folder: Path) -> dict[str, str]:
    """Article name -> first annotator, from metadata.tsv in the split's parent or the split itself."""
    for meta in (folder.parent / "metadata.tsv", folder / "metadata.tsv"):
        if meta.is_file():
            break
    else:
        return {}
    first: dict[str, str] = {}
    with meta.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            name, annotators = row.get("filename"), row.get("annotators")
            if not name or not annotators:
                raise DataError(f"{meta}, line {n}: needs 'filename' and 'annotators' columns.")
            # A name can appear in several compartments; this split's row wins.
            if name not in first or row.get("compartment") == folder.name:
                first[name] = annotators.split("|")[0].strip()
    return first


def _annotation_file(ann_dir: Path, name: str, annotator: str | None) -> Path:
    if annotator:
        path = ann_dir / f"{name}_{annotator}.ann"
        if not path.is_file():
            raise DataError(f"{path} is missing: metadata.tsv names {annotator} as the first annotator of {name}.")
        return path
    candidates = sorted(ann_dir.glob(f"{name}_*.ann"))
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise DataError(f"{ann_dir} has no {name}_<annotator>.ann for the article {name}.")
    raise DataError(
        f"{name} has several annotation files ({', '.join(p.name for p in candidates)}) and no "
        "metadata.tsv row saying which annotator comes first."
    )


def parse_brat(text: str, ann: str, doc_id: str, where: str = "annotations") -> GoldDoc:
    """Turn one brat ``.ann`` file into attributions; odd ``T`` lines are skipped, not fatal."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        if m := _T_LINE.match(line):
            pieces = _pieces(text, m.group(3))
            if pieces:
                spans[m.group(1)] = pieces
        elif m := _E_LINE.match(line):
            args = [tuple(arg.split(":", 1)) for arg in m.group(2).split()]
            if any(len(a) != 2 for a in args):
                raise DataError(f"{where}: malformed event line {line!r} (expected Role:T<n> pairs).")
            events.append((m.group(1), args))  # type: ignore[arg-type]
    attributions = [a for eid, args in events if (a := _attribution(eid, args, spans, text))]
    return GoldDoc(doc_id, text, tuple(attributions))


def _pieces(text: str, ranges: str) -> tuple[Span, ...]:
    pieces = []
    for rng in ranges.split(";"):
        start, end = (int(x) for x in rng.split())
        if 0 <= start < end <= len(text) and (span := trimmed(text, start, end)):
            pieces.append(span)
    return tuple(pieces)


def _attribution(eid: str, args: list[tuple[str, str]], spans: dict[str, tuple[Span, ...]], text: str):
    roles: dict[str, list[Span]] = {"Source": [], "Cue": [], "Content": []}
    for role, ref in args:
        if m := _ROLE.match(role):  # Content2 and the like extend the base role
            roles[m.group(1)].extend(spans.get(ref, ()))
    if not roles["Content"]:
        return None  # an attribution without content cannot be scored
    content = tuple(roles["Content"])
    return EvalAttribution(
        content=content,
        cue=tuple(roles["Cue"]),
        source=tuple(roles["Source"]),
        direct=starts_with_quote_mark(content, text),
        id=eid,
    )


# --- JSONL gold in onrecord's own schema -----------------------------------


def read_gold_jsonl(path: Path) -> list[GoldDoc]:
    """Read ``{"id", "text", "quotes": [...]}`` lines, quotes in onrecord's output schema."""
    docs, seen = [], set()
    for n, record in json_lines(path):
        where = f"{path}, line {n}"
        doc_id, text, quotes = record.get("id", record.get("doc_id")), record.get("text"), record.get("quotes")
        if not isinstance(doc_id, str) or not isinstance(text, str) or not isinstance(quotes, list):
            raise DataError(f'{where}: a gold line needs "id" (string), "text" (string) and "quotes" (list).')
        if doc_id in seen:
            raise DataError(f"{where}: the id {doc_id!r} was already used on an earlier line.")
        seen.add(doc_id)
        attributions = tuple(
            quote_to_attribution(q, text, f"{where}, quote {i}", gold=True) for i, q in enumerate(quotes)
        )
        docs.append(GoldDoc(doc_id, text, attributions))
    if not docs:
        raise DataError(f"{path} has no gold lines.")
    return docs


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-blank line; bad JSON is a DataError naming the line."""
    try:
        lines = read_utf8(path).splitlines()
    except OSError as e:
        raise DataError(f"{path}: cannot read it ({e.strerror}).") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(f"{path}, line {n}: not valid JSON ({e.msg} at column {e.colno}).") from None
        if not isinstance(record, dict):
            raise DataError(f"{path}, line {n}: expected a JSON object, got {type(record).__name__}.")
        yield n, record


def quote_to_attribution(quote: Any, text: str, where: str, gold: bool = False) -> EvalAttribution:
    """One quote dict in onrecord's schema -> ``EvalAttribution``, checking offsets against ``text``.

    Predicted quotes are direct when ``kind == "direct"``; gold quotes use their
    ``kind`` too when they give one, and PolNeAR's quote-mark rule otherwise.
    """
    if not isinstance(quote, dict) or not isinstance(quote.get("content"), list) or not quote["content"]:
        raise DataError(f'{where}: a quote needs a non-empty "content" list of {{"start", "end"}} spans.')
    content = tuple(s for d in quote["content"] if (s := _span(d, text, where)))
    if not content:
        raise DataError(f"{where}: the content is only whitespace.")
    kind = quote.get("kind")
    if kind is not None and kind not in ("direct", "mixed", "indirect"):
        raise DataError(f"{where}: kind {kind!r} is not one of direct, mixed, indirect.")
    direct = kind == "direct" if (kind is not None or not gold) else starts_with_quote_mark(content)
    speaker = quote.get("speaker")
    return EvalAttribution(
        content=content,
        cue=_optional_span(quote.get("cue"), text, where),
        source=_optional_span(quote.get("source"), text, where),
        direct=direct,
        id=str(quote.get("id") or ""),
        kind=kind,
        speaker=speaker.get("name") if isinstance(speaker, dict) else None,
    )


def _optional_span(d: Any, text: str, where: str) -> tuple[Span, ...]:
    if d is None:
        return ()
    span = _span(d, text, where)
    return (span,) if span else ()


def _span(d: Any, text: str, where: str) -> Span | None:
    start, end = (d.get("start"), d.get("end")) if isinstance(d, dict) else (None, None)
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        raise DataError(
            f"{where}: span {d!r} needs integer start <= end within the text (0..{len(text)})."
        )
    given = d.get("text")
    if given is not None and given != text[start:end]:
        raise DataError(
            f"{where}: span {start}-{end} says {given[:40]!r} but the text there is {text[start:end][:40]!r}; "
            "offsets must be Python str offsets into this text."
        )
    return trimmed(text, start, end)
