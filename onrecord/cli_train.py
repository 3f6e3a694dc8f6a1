"""The shell around ``onrecord train``: its settings, and what ``--decode-only`` prints (the work is in onrecord.learned.train)."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console


def redecode_report(data: Path, folder: Path | None, method: str, limit: int | None, cache: Path | None,
                    console: Console) -> None:
    """Choose the decode weights of the trained model in ``folder`` on dev again, saying what was kept."""
    from .learned import FOLDERS
    from .learned.train import redecode

    folder = folder or Path("models") / FOLDERS[method]
    console.print(f"choosing the decode weights of {folder} on {data}/dev ...", highlight=False)
    tagger = redecode(data, folder, limit=limit, cache=cache)
    kept = tagger.card["decoding"]["kept"]
    console.print(f"kept cue outside x{kept['cue_outside']}, content outside x{kept['content_outside']}, "
                  f"source outside x{kept['source_outside']}: dev exact F1 "
                  f"source {kept['dev']['source']}  cue {kept['dev']['cue']}  content {kept['dev']['content']}; "
                  f"wrote {folder}/config.json and {folder}/README.md", highlight=False, soft_wrap=True)
    calibration = tagger.card["calibration"]
    raw, fitted = calibration["raw"], calibration["calibrated_cross_validated"]
    console.print(f"calibrated the confidences on {calibration['attributions']} dev attributions: expected calibration "
                  f"error {raw['ece']} -> {fitted['ece']}, AUC {raw['auc']} -> {fitted['auc']} (cross-validated)",
                  highlight=False, soft_wrap=True)


def train_settings(method: str, seed: int, epochs: int | None, pointer: float, layers: int | None = None):
    """The settings of the shipped model of ``method`` (model, encoder or cnn) with the options
    given (``pointer`` and ``layers``: the encoders' alone), and the plan to announce: its
    epochs, or its members (each trained for ``epochs``)."""
    from dataclasses import replace

    if method == "cnn":
        from .learned.model import TaggerSettings

        base = TaggerSettings()
    else:
        from .learned.encoder import ACCURATE, DEFAULT

        base = DEFAULT if method == "model" else ACCURATE
    more = getattr(base, "ensemble", ())  # the accurate mode's further members: (learn_rate, epochs) each
    given = {name: value for name, value in (("epochs", epochs), ("pointer", pointer), ("layers", layers)) if value}
    settings = replace(base, seed=seed, **given,
                       **({"ensemble": tuple((rate, epochs or n) for rate, n in more)} if more else {}))
    return settings, f"{settings.epochs} epochs" if not more else f"{1 + len(more)} members, one after another"
