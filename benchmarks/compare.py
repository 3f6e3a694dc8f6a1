"""onrecord next to textacy's quote extraction, scored the same way on annotated news.

textacy (``textacy.extract.triples.direct_quotations``) is the quote extractor most spaCy
users reach for; the other tools named in our brief (Citron, the Gender Gap Tracker's
extractor, CoreNLP's quote attribution, Quotebank's Quobert) are not on PyPI or fetch
their models at run time, so they cannot be run here. Both systems are scored by
``onrecord.evaluation.evaluate`` on the same gold (PolNeAR dev by default): over every
attribution, and over the direct ones alone (textacy finds only quotes in quote marks).
textacy reads the parse of the English model loaded as it ships (all components), as a
textacy user would; onrecord runs ``extract_articles`` with each ``--methods`` entry.
Results go to benchmarks/results/compare.json.

    make compare     # installs textacy==0.13.0 into .venv, then runs this
    .venv/bin/python benchmarks/compare.py [--gold ../shared/data/polnear/dev] [--methods model rules]
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from onrecord.evaluation import evaluate, predict
from onrecord.polnear import EvalAttribution, load_gold, trimmed

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev"
RESULTS = ROOT / "benchmarks" / "results" / "compare.json"
TEXTACY = "0.13.0"


def textacy_predictions(docs, nlp) -> tuple[dict[str, tuple[EvalAttribution, ...]], set[str]]:
    """textacy's quotes per document, and how many documents it refused: it raises on an odd
    number of quote marks rather than guess, so such a document yields nothing."""
    from textacy.extract.triples import direct_quotations

    out, refused = {}, set()
    for gold, doc in zip(docs, nlp.pipe(d.text for d in docs)):
        found = []
        try:
            quotes = list(direct_quotations(doc))
        except ValueError:
            quotes = []
            refused.add(gold.doc_id)
        for n, q in enumerate(quotes, 1):
            content = _pieces(doc.text, [(q.content.start_char, q.content.end_char)])
            found.append(EvalAttribution(content, _runs(doc, q.cue), _runs(doc, q.speaker), True, f"t{n}", "direct"))
        out[gold.doc_id] = tuple(found)
    return out, refused


def _runs(doc, tokens) -> tuple:
    """textacy gives cue and speaker as token lists; adjacent tokens make one span."""
    runs: list[list[int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and t.i == runs[-1][1] + 1:
            runs[-1][1] = t.i
        else:
            runs.append([t.i, t.i])
    return _pieces(doc.text, [(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in runs])


def _pieces(text: str, offsets) -> tuple:
    """Trimmed as gold pieces are, so that whitespace never decides a match."""
    return tuple(s for s in (trimmed(text, a, b) for a, b in offsets) if s is not None)


def scores(report) -> dict:
    def part(s):
        q = s.quote(0.3)
        return {
            "quote_f1_0.3": round(100 * q.prf.f1, 1),
            "quote_p_0.3": round(100 * q.prf.precision, 1),
            "quote_r_0.3": round(100 * q.prf.recall, 1),
            **{f"{r}_exact_f1": round(100 * s.role(r).exact.f1, 1) for r in ("source", "cue", "content")},
        }

    return {"all": part(report.all), "direct": part(report.direct)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=POLNEAR_DEV, help="a PolNeAR split folder")
    parser.add_argument("--methods", nargs="+", default=["model", "rules"], help="onrecord extraction methods")
    args = parser.parse_args()
    if not (args.gold / "text").is_dir():
        sys.exit(f"no gold at {args.gold}: give a PolNeAR split folder (text/, attributions/) with --gold")
    try:
        import textacy
    except ImportError:
        sys.exit(f"textacy is not installed: `make compare`, or `.venv/bin/pip install textacy=={TEXTACY}`")
    import spacy

    from onrecord.nlp import MODEL_PACKAGES

    docs = load_gold(args.gold)
    rows = {}
    for name in MODEL_PACKAGES:  # the English model as it ships, every component
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    start = time.perf_counter()
    predictions, refused = textacy_predictions(docs, nlp)
    answered = [d for d in docs if d.doc_id not in refused]
    rows[f"textacy {textacy.__version__}"] = _row(start, docs, predictions, answered)
    for method in args.methods:
        start = time.perf_counter()
        rows[f"onrecord --method {method}"] = _row(start, docs, dict(predict(docs, method=method)), answered)
    result = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "gold": f"{args.gold.name} ({len(docs)} documents)",
        "textacy_refused": f"{len(refused)} documents (an odd number of quote marks); "
        f"'answered' scores the {len(answered)} others",
        "machine": f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "systems": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


def _row(start: float, docs, predictions, answered) -> dict:
    seconds = round(time.perf_counter() - start, 1)
    return {**scores(evaluate(docs, predictions)), "answered": scores(evaluate(answered, predictions)), "seconds": seconds}


if __name__ == "__main__":
    main()
