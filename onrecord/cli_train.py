"""The shell around ``onrecord train --decode-only``: what it prints (the work is in onrecord.learned.train)."""
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
