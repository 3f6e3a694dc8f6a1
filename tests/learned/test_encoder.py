"""The encoders (the default and the accurate mode): windows, numpy inference against torch and
onnxruntime against numpy, storage, the shipped models on real text, and fine-tuning on a few
PolNeAR articles."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from onrecord import extract
from onrecord.learned.encoder import (
    CLS, PAD, SEP, WINDOW, EncoderSettings, EncoderTagger, dequantized, forward, pooled, pretrained_weights,
    quantized, windows,
)
from onrecord.nlp import load_pipeline

POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "polnear"
TEXT = ("Harbour council leader Mira Osei said that the ferry would run again by spring. Traders "
        "blasted the council for months of delays, and the port authority refused to publish its "
        "safety review.")
LABELS = [f"{a}{b}{c}" for a in "BO" for b in "BIO" for c in "BIO"][:15]


@pytest.mark.parametrize(("pieces", "expected_windows", "expected_first"), [
    ([[7], [8, 9], [10]], 1, [-1, 0, 1, -1, 2, -1]),  # [CLS] 7 8 9 10 [SEP]: token 1's second piece is no first
    ([[5]] * 300, 2, None),  # 300 pieces: 254 in the first window, the rest from 128 on
    ([[5]] * 254, 1, None),  # exactly one window
    ([], 1, [-1, -1]),  # an empty document is one window of [CLS] [SEP]
])
def test_windows_cover_every_token_once_at_its_first_piece(pieces, expected_windows, expected_first) -> None:
    ids, first = windows(pieces, list(range(len(pieces))))
    assert ids.shape == (expected_windows, WINDOW) and first.shape == ids.shape
    assert all(row[0] == CLS for row in ids)
    if expected_first is not None:
        assert first[0][: len(expected_first)].tolist() == expected_first
        assert ids[0][len(expected_first) - 1] == SEP and (ids[0][len(expected_first):] == PAD).all()
    assert set(first[first >= 0].tolist()) == set(range(len(pieces)))


def test_pooling_weighs_a_token_by_its_distance_from_the_window_edge() -> None:
    probs = np.zeros((2, WINDOW, 2), dtype="float32")
    probs[0, :, 0] = 1.0  # the first window says label 0, the second label 1
    probs[1, :, 1] = 1.0
    positions = np.full((2, WINDOW), -1)
    positions[0, 250], positions[1, 122] = 0, 0  # near the end of the first, mid-second
    positions[0, 5] = 1  # token 1 seen once
    out, seen = pooled(probs, positions, 3)
    assert out[0, 1] > 0.9 and out[1].tolist() == [1.0, 0.0] and seen.tolist() == [True, True, False]


@pytest.fixture(scope="module")
def weights() -> dict[str, np.ndarray]:
    w = pretrained_weights()
    rng = np.random.default_rng(0)
    return {**w, "head.weight": rng.normal(0, 0.02, (15, 384)).astype("float32"), "head.bias": np.zeros(15, "float32")}


def test_numpy_inference_computes_what_the_torch_model_trains(weights) -> None:
    torch = pytest.importorskip("torch", reason="torch is the train extra (make install puts it in)")
    from onrecord.learned.encoder import doc_windows
    from onrecord.learned.encoder_train import torch_encoder

    model = torch_encoder({k: v for k, v in weights.items() if not k.startswith("head.")}, 15, 0.1).eval()
    full = model.numpy_weights()
    ids, _ = doc_windows(load_pipeline()(TEXT))
    with torch.no_grad():
        expected = model(torch.tensor(ids, dtype=torch.long))[0].numpy()
    assert np.abs(forward(full, ids) - expected).max() < 1e-4


def test_stored_weights_are_int8_layers_without_the_frozen_embeddings(weights, tmp_path) -> None:
    stored = quantized(weights)
    assert not any(k.startswith("embeddings.") for k in stored)
    assert stored["encoder.layer.0.attention.self.query.weight"].dtype == np.int8
    back = dequantized(stored)
    original = weights["encoder.layer.0.output.dense.weight"]
    assert np.abs(back["encoder.layer.0.output.dense.weight"] - original).max() <= np.abs(original).max() / 127
    tagger = EncoderTagger(EncoderSettings(), LABELS, weights)
    tagger.save(tmp_path)
    loaded = EncoderTagger.load(tmp_path)
    doc = load_pipeline()(TEXT)
    assert np.abs(loaded.doc_marginals(doc) - EncoderTagger(tagger.settings, tagger.labels, {
        **weights, **dequantized(quantized(weights))}).doc_marginals(doc)).max() < 1e-5


def test_an_ensemble_reads_each_members_probabilities_and_averages_them() -> None:
    from dataclasses import replace

    from onrecord.learned import load_model

    tagger = load_model(Path(__file__).resolve().parents[2] / "models" / "encoder")  # the accurate mode: two members
    assert len(tagger.members) == 2 == 1 + len(tagger.settings.ensemble)
    alone = [EncoderTagger(replace(tagger.settings, ensemble=()), tagger.labels, w) for w in tagger.members]
    doc = load_pipeline()(TEXT)
    (both, seen, _), (one, _, _), (two, _, _) = (t.label_probs(doc) for t in (tagger, *alone))
    assert np.abs(one - two)[seen].max() > 0.05  # the members differ, so the average says something
    assert np.allclose(both, (one + two) / 2, atol=1e-6)


def test_an_ensemble_is_stored_one_file_a_member_and_loads_back(weights, tmp_path) -> None:
    other = {**weights, "head.bias": np.full(15, 0.5, "float32")}
    settings = EncoderSettings(layers=6, ensemble=((3e-4, 12),))
    EncoderTagger(settings, LABELS, weights, others=[other]).save(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.npz")) == ["weights-2.npz", "weights.npz"]
    loaded = EncoderTagger.load(tmp_path)
    assert loaded.settings == settings and len(loaded.members) == 2
    assert np.allclose(loaded.members[1]["head.bias"], 0.5) and np.allclose(loaded.members[0]["head.bias"], 0.0)
    assert [(m.learn_rate, m.epochs) for m in settings.members()] == [(1e-4, 8), (3e-4, 12)]
    (tmp_path / "weights-2.npz").unlink()
    from onrecord.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="weights-2.npz"):
        EncoderTagger.load(tmp_path)
    with pytest.raises(ValueError, match="name 1 further members; 0 were given"):
        EncoderTagger(settings, LABELS, weights)


def test_the_shipped_encoder_finds_reported_speech_with_its_spans() -> None:
    result = extract(TEXT, "d1", method="encoder")
    found = {(q.cue.text if q.cue else None, q.source.text if q.source else None, q.content[0].text) for q in result.quotes}
    assert ("said", "Harbour council leader Mira Osei", "that the ferry would run again by spring") in found
    assert any(cue == "blasted" and source == "Traders" for cue, source, _ in found), found
    assert all(0 < q.confidence <= 1 for q in result.quotes)


def test_whitespace_tokens_take_their_neighbours_and_begin_nothing() -> None:
    from onrecord.learned import load_encoder

    doc = load_pipeline()("Mira Osei said  the ferry would  run again.\n\nTraders  blasted the council.")
    m = load_encoder().doc_marginals(doc)
    assert m.shape == (len(doc), 3, 3) and np.allclose(m.sum(axis=2), 1.0, atol=1e-4)
    assert all(m[t.i, :, 0].max() == 0 for t in doc if t.is_space)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    pytest.importorskip("torch", reason="torch is the train extra (make install puts it in)")
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared/data, outside the repo)")
    from onrecord.learned.encoder_train import train_encoder

    out = tmp_path_factory.mktemp("encoder")
    log = []
    settings = EncoderSettings(epochs=2, learn_rate=5e-4, layers=2, ensemble=((1e-3, 1),), pointer=0.25)  # a second member: 1 epoch
    tagger = train_encoder(POLNEAR, out, settings, limit=2, on_epoch=log.append)
    return out, tagger, log


def test_fine_tuning_lowers_the_loss_and_saves_a_model_that_loads_and_predicts(trained, monkeypatch) -> None:
    out, tagger, log = trained
    assert [e.epoch for e in log] == [1, 2, 1] and log[1].loss < log[0].loss  # the first member's 2, then the second's
    config = json.loads((out / "config.json").read_text())
    assert config["card"]["model"] == "encoder" and config["card"]["train_docs"] == 2
    assert [m["learn_rate"] for m in config["card"]["members"]] == [1e-3] and (out / "weights-2.npz").is_file()
    assert "### Member 2: learn_rate 0.001, 1 epochs" in (out / "README.md").read_text()
    assert sorted({k.split(".")[2] for k in tagger.weights if k.startswith("encoder.layer.")}) == ["0", "1"]
    from onrecord.learned.pointer import Pointer

    assert isinstance(tagger.read(load_pipeline()(TEXT))[1], Pointer)  # the first member's pointer, stored and loaded
    assert "--method encoder --out models/encoder" in (out / "README.md").read_text()
    monkeypatch.setenv("ONRECORD_ENCODER", str(out))
    from onrecord.learned import load_encoder

    load_encoder.cache_clear()
    try:
        result = extract(TEXT, "d1", method="encoder")
    finally:
        load_encoder.cache_clear()
    assert result.doc_id == "d1"  # two articles teach little; it must run end to end


@pytest.mark.parametrize(("n", "stride", "expected_windows"), [
    (254, 254, 1), (255, 254, 2), (508, 254, 2), (600, 254, 3),  # the default's: no overlap
    (300, 128, 2), (600, 128, 4),  # half-overlapping, as training reads documents
])
def test_windows_start_every_stride(n, stride, expected_windows) -> None:
    ids, first = windows([[5]] * n, list(range(n)), stride)
    assert len(ids) == expected_windows
    seen = first[first >= 0]
    assert set(seen.tolist()) == set(range(n))
    if stride == WINDOW - 2:
        assert len(seen) == n  # each token read once


@pytest.mark.parametrize("folder", ["attribution", "encoder"])
def test_onnxruntime_computes_what_numpy_does(folder) -> None:
    from onrecord.learned import load_model
    from onrecord.learned.encoder import embed

    tagger = load_model(Path(__file__).resolve().parents[2] / "models" / folder)
    ids = np.random.default_rng(1).integers(1000, 29000, (3, WINDOW))
    ids[:, 0], ids[2, 100:] = CLS, PAD
    expected = forward(tagger.weights, ids)
    got = tagger.logits(ids)[0]
    assert tagger.backend == "onnx" and got.shape == expected.shape
    if tagger.settings.int8:  # the default multiplies in int8: the same labels nearly everywhere
        assert (got.argmax(-1) == expected.argmax(-1)).mean() > 0.98
    else:  # the accurate mode in float: the same numbers
        assert np.abs(got - expected).max() < 1e-3
    x, mask = embed(tagger.weights, ids)
    assert x.dtype == np.float32 and mask.shape == (3, 1, 1, WINDOW) and mask[2, 0, 0, 100] < -1e3


def _int8_linear(x: np.ndarray, q: np.ndarray, scale: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """What the int8 graph's product means (ONNX DynamicQuantizeLinear, then integer products), in numpy."""
    lo, hi = min(0.0, float(x.min())), max(0.0, float(x.max()))
    xs = np.float32((hi - lo) / 255)
    xz = np.clip(np.rint(-lo / xs), 0, 255)
    xq = np.clip(np.rint(x / xs) + xz, 0, 255).astype(np.int64)
    product = (xq - int(xz)) @ q.T.astype(np.int64)
    return product.astype(np.float32) * (xs * scale) + bias


@pytest.mark.parametrize("unsigned", [None, True])
def test_int8_products_are_exact_on_this_cpu(unsigned) -> None:
    # onnxruntime's uint8 x int8 kernel saturates on CPUs without AVX-512 VNNI: there the
    # weights go in as uint8 (None: the representation OnnxLayers picks here)
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    from onrecord.learned.encoder_onnx import _Graph, exact_signed_products

    rng = np.random.default_rng(3)
    width, rows = 384, 64
    stored = quantized({"layer.weight": rng.uniform(-1, 1, (rows, width)), "layer.bias": rng.normal(0, 1, rows)})
    x = rng.uniform(0.9, 1.0, (16, width)).astype(np.float32)  # quantized near 255: products at full range
    g = _Graph(helper, numpy_helper, int8=True, unsigned=not exact_signed_products() if unsigned is None else unsigned)
    out = g.linear("x", "layer", stored)
    graph = helper.make_graph(g.nodes, "t", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [16, width])],
                              [helper.make_tensor_value_info(out, TensorProto.FLOAT, [16, rows])], initializer=g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)])
    model.ir_version = 9
    got = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    expected = _int8_linear(x, stored["layer.weight"], stored["layer.weight.scale"], stored["layer.bias"])
    assert np.abs(got - expected).max() < 1e-3 * np.abs(expected).max()


def test_the_numpy_backend_is_the_fallback_and_gives_the_same_spans() -> None:
    from onrecord.learned import load_model

    folder = Path(__file__).resolve().parents[2] / "models" / "encoder"
    fast, slow = load_model(folder), load_model(folder)
    slow.backend = "numpy"
    doc = load_pipeline()(TEXT)
    assert np.abs(fast.doc_marginals(doc) - slow.doc_marginals(doc)).max() < 1e-3
    with pytest.raises(ValueError, match="Unknown encoder backend 'gpu'"):
        EncoderTagger(slow.settings, slow.labels, slow.weights, backend="gpu")


def test_onrecord_threads_must_be_a_whole_number(monkeypatch) -> None:
    from onrecord.errors import InputError
    from onrecord.learned.encoder import _threads

    monkeypatch.delenv("ONRECORD_THREADS", raising=False)
    assert _threads() == 1  # one core by default, as the parse
    monkeypatch.setenv("ONRECORD_THREADS", "2")
    assert _threads() == 2
    for bad in ("0", "two", "-3"):
        monkeypatch.setenv("ONRECORD_THREADS", bad)
        with pytest.raises(InputError, match="ONRECORD_THREADS"):
            _threads()


def test_a_bad_onrecord_threads_is_a_clear_cli_error() -> None:
    import os
    import subprocess
    import sys

    onrecord = Path(sys.executable).with_name("onrecord")
    result = subprocess.run([str(onrecord), "extract", "-"], input=TEXT, capture_output=True, text=True,
                            env={**os.environ, "ONRECORD_THREADS": "many"}, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "ONRECORD_THREADS='many'" in result.stderr


def test_no_span_runs_over_a_line_break() -> None:
    from onrecord.learned import load_tagger

    doc = load_pipeline()("MP Ann Lee defends convicted councillor Tom Okafor\n\nAnn Lee, the MP for Eastgate, has defended him.")
    m = load_tagger().doc_marginals(doc)
    brk = next(t.i for t in doc if "\n" in t.text)
    assert (m[brk, :, 2] == 1.0).all()  # every role: outside at the break
    assert (m[brk + 1, :, 1] == 0.0).all()  # and whatever follows begins anew
