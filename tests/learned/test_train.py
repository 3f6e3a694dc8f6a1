"""Training runs on a few PolNeAR articles: the loss falls, the model is saved, loads and predicts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord import extract
from onrecord.learned.model import AttributionTagger, TaggerSettings
from onrecord.learned.train import train

POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "polnear"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared/data, outside the repo)")
    out = tmp_path_factory.mktemp("model")
    settings = TaggerSettings(width=32, depth=2, rows=2000, epochs=3, learn_rate=0.005)
    tagger, log = train(POLNEAR, out, settings, limit=6)
    return out, tagger, log


def test_the_loss_falls(trained) -> None:
    _, _, log = trained
    assert [e.epoch for e in log] == [1, 2, 3]
    assert log[-1].loss < log[0].loss * 0.9


def test_the_saved_model_loads_predicts_and_has_a_card(trained, monkeypatch) -> None:
    out, tagger, _ = trained
    config = json.loads((out / "config.json").read_text())
    assert config["card"]["train_docs"] == 6 and config["card"]["settings"]["epochs"] == 3
    card = (out / "README.md").read_text()
    assert "onrecord train --data" in card and "| min confidence |" in card
    loaded = AttributionTagger.load(out)
    assert loaded.labels == tagger.labels
    kept = config["card"]["decoding"]["kept"]  # the decode weights chosen on dev, kept and used
    assert len(config["card"]["decoding"]["tried"]) == 16 and len(config["card"]["decoding"]["sources"]) == 4
    assert "## Decoding (weights chosen on dev)" in card
    assert config["decode"] == {k: kept[k] for k in ("cue_outside", "content_outside", "source_outside")}
    assert loaded.decode == tagger.decode
    assert config["calibration"] == config["card"]["calibration"]["weights"]  # fitted on dev after the weights
    assert loaded.calibration == tagger.calibration and "## Calibration (fitted on dev)" in card
    assert (loaded.model.to_bytes() == tagger.model.to_bytes())
    monkeypatch.setenv("ONRECORD_MODEL", str(out))
    from onrecord.learned import load_tagger

    load_tagger.cache_clear()
    try:
        result = extract("Officials said on Monday that the bridge would reopen in May.", "d1")
    finally:
        load_tagger.cache_clear()
    assert result.doc_id == "d1"  # a barely trained model may find nothing; it must run end to end


def test_folded_first_layer_predicts_what_the_model_does(trained) -> None:
    import numpy as np

    from onrecord.learned.features import doc_features
    from onrecord.nlp import load_pipeline

    _, tagger, _ = trained
    doc = load_pipeline()('Officials said on Monday that the bridge would reopen. "It is safe," Ms Reyes told us.')
    features = [doc_features(doc, doc.text, tagger.settings.columns)]
    expected = tagger.model.predict(features)[0]
    assert np.allclose(tagger._predict(features)[0], expected, atol=1e-5)



def test_the_folded_first_layer_follows_the_weights_through_training(trained) -> None:
    # built on first use, it must be rebuilt after every update: a stale one scored later
    # epochs with the first epoch's embeddings, and so picked the best epoch on wrong scores
    import random

    import numpy as np
    from thinc.api import Adam

    from onrecord.learned.train import _epoch, _load

    _, trained_tagger, _ = trained
    examples = _load(POLNEAR / "train", 2, None, trained_tagger.settings.columns)
    tagger = AttributionTagger(trained_tagger.settings, trained_tagger.labels)
    tagger.model.initialize(X=[ex.features for ex in examples])
    features = [examples[0].features]
    tagger.marginals(features)  # folds the untrained first layer
    index = {t: k for k, t in enumerate(tagger.labels)}
    targets = [np.array([index.get(t, 0) for t in ex.tags], dtype="int64") for ex in examples]
    optimizer = Adam(0.01)
    for seed in (0, 1):  # (the first step of a fresh optimizer leaves the first layer as it was)
        _epoch(tagger, examples, targets, optimizer, random.Random(seed))
    assert np.allclose(tagger._predict(features)[0], tagger.model.predict(features)[0], atol=1e-5)
