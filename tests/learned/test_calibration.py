"""Calibrated confidence: the logistic regression, what it reads, how it is stored, and that the
shipped model's confidences say how often its attributions are right on PolNeAR dev."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from onrecord.errors import ModelNotFoundError
from onrecord.learned.calibration import FEATURES, Calibration, features, fit, summary
from onrecord.nlp import load_pipeline
from onrecord.quotes import Attribution, Tokens

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_fit_recovers_a_logistic_relation_and_cross_validation_shows_the_gain() -> None:
    rng = np.random.default_rng(0)
    n = 4000
    x = np.column_stack([np.ones(n), rng.normal(size=n), rng.integers(0, 2, size=n)])
    truth = np.array([0.5, 2.0, -1.5])
    y = (rng.random(n) < _sigmoid(x @ truth)).astype(float)
    w = np.array(fit(x, y, l2=0.0).weights)
    assert np.allclose(w, truth, atol=0.25), w
    raw = _sigmoid(x[:, 1])  # ranks as well as the truth on the second feature, but is off on the third and the bias
    report = summary(x, y, raw, np.arange(n) % 2)
    cal = report["calibrated_cross_validated"]
    assert cal["ece"] < 0.03 < report["raw"]["ece"]
    assert cal["log_loss"] < report["raw"]["log_loss"] and cal["auc"] > report["raw"]["auc"]
    assert report["attributions"] == n and report["right"] == int(y.sum()) and report["folds"] == 2


TEXT = 'The mayor said the bridge would reopen in May. "It is a disgrace," said Ann Lee.'


def test_features_read_the_kind_source_cue_and_who_found_it() -> None:
    doc = load_pipeline()(TEXT)
    toks = Tokens.from_doc(doc, text=TEXT)
    reported = Attribution([(15, 45)], "indirect", cue=(10, 14), source=(0, 9), confidence=0.75)
    quoted = Attribution([(47, 66)], "direct", cue=(67, 71), source=(72, 79), confidence=0.95, learned=True)
    f = dict(zip(FEATURES, features(toks, reported)))
    assert f["bias"] == 1.0 and f["tagger"] == 0.0 and f["direct"] == 0.0 and f["source"] == 1.0
    assert f["say_cue"] == 1.0 and f["no_cue"] == 0.0 and f["raw_logit"] == pytest.approx(np.log(3))
    g = dict(zip(FEATURES, features(toks, quoted)))
    assert g["tagger"] == 1.0 and g["direct"] == 1.0 and g["log_words"] == pytest.approx(np.log1p(4))
    weights = tuple(float(k == 0) for k in range(len(FEATURES)))  # the bias alone: sigmoid(1)
    found = [reported, quoted]
    Calibration(weights).apply(toks, found)
    assert [a.confidence for a in found] == [round(float(_sigmoid(1.0)), 3)] * 2
    assert all(type(a.confidence) is float for a in found)  # not numpy's: JSON and Python APIs see a float
    Calibration().apply(toks, found)  # none stored: confidences stay
    assert [a.confidence for a in found] == [0.731, 0.731]


def test_a_stored_calibration_loads_and_a_broken_one_is_a_clear_error() -> None:
    weights = {f: 0.1 * k for k, f in enumerate(FEATURES)}
    assert Calibration.stored({"calibration": weights}, "m").to_dict() == weights
    assert Calibration.stored({}, "m") == Calibration()
    with pytest.raises(ModelNotFoundError, match="onrecord train --decode-only --out m"):
        Calibration.stored({"calibration": {"bias": 1.0}}, "m")


@pytest.mark.parametrize("folder", ["attribution", "encoder", "cnn"])
def test_every_shipped_model_is_calibrated_and_its_card_says_how_well(folder) -> None:
    config = json.loads((ROOT / "models" / folder / "config.json").read_text())
    record = config["card"]["calibration"]
    assert list(config["calibration"]) == list(FEATURES) and record["weights"] == config["calibration"]
    assert record["calibrated_cross_validated"]["ece"] < record["raw"]["ece"]
    assert "## Calibration (fitted on dev)" in (ROOT / "models" / folder / "README.md").read_text()


def test_the_default_models_confidence_says_how_often_it_is_right_on_polnear_dev() -> None:
    if not (POLNEAR / "dev").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared/data, outside the repo)")
    from onrecord.article import Article
    from onrecord.evaluation.matching import match_quotes
    from onrecord.evaluation.predictions import from_extraction
    from onrecord.extract import extract_articles
    from onrecord.polnear import load_gold

    docs = load_gold(POLNEAR / "dev")[:30]
    scored = []
    for d, ex in zip(docs, extract_articles(Article(text=d.text, doc_id=d.doc_id) for d in docs)):
        hits = {j for _, j in match_quotes(d.attributions, from_extraction(ex), 0.3)}
        scored += [(q.confidence, j in hits) for j, q in enumerate(ex.quotes)]
    conf, right = np.array([c for c, _ in scored]), np.array([h for _, h in scored], dtype=float)
    assert abs(conf.mean() - right.mean()) < 0.04  # as often right as it says, on average
    sure, unsure = conf >= 0.9, conf < 0.75
    assert sure.sum() > 0.4 * len(conf) and unsure.sum() > 20
    assert right[sure].mean() >= 0.9 > right[unsure].mean()
