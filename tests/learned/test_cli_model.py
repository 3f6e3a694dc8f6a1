"""The taggers from the command line: --method, --min-confidence, a missing model, `onrecord train`."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
ONRECORD = Path(sys.executable).with_name("onrecord")
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
# Reported speech with no quote marks: the rules see one 'said that', the tagger more.
TEXT = (
    "Harbour council leader Mira Osei said that the ferry would run again by spring.\n\n"
    "Traders blasted the council for months of delays, and the port authority refused to "
    "publish its safety review. According to two engineers, the pier needs new piles.\n"
)


def run(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(ONRECORD), *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
                            timeout=600, env={**os.environ, **(env or {})})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def quotes(*args: str, env: dict | None = None) -> list[dict]:
    result = run("extract", "-", "-f", "json", *args, stdin=TEXT, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["quotes"]


def test_the_model_finds_reported_speech_the_rules_miss() -> None:
    by_model, by_rules = quotes(), quotes("--method", "rules")
    assert {q["content"][0]["text"] for q in by_rules} <= {q["content"][0]["text"] for q in by_model}
    assert len(by_model) > len(by_rules)
    cues = {q["cue"]["text"] for q in by_model}
    assert "blasted" in cues, cues


def test_min_confidence_keeps_only_confident_quotes() -> None:
    every = quotes()
    kept = quotes("--min-confidence", "0.7")
    assert [q for q in every if q["confidence"] >= 0.7] == [
        {**q, "links": [k for k in q["links"] if k["to"] in {x["id"] for x in kept}]} for q in kept
    ]
    assert quotes("--min-confidence", "1") == [q for q in every if q["confidence"] >= 1]


def test_a_bad_method_or_a_missing_model_is_a_clear_error(tmp_path) -> None:
    result = run("extract", "-", "--method", "neural", stdin=TEXT)
    assert result.returncode == 1 and "unknown extraction method 'neural'" in result.stderr.lower()
    result = run("extract", "-", stdin=TEXT, env={"ONRECORD_MODEL": str(tmp_path / "nothing")})
    assert result.returncode == 1
    assert "No encoder model in" in result.stderr and "onrecord train" in result.stderr
    assert run("extract", "-", "--method", "rules", stdin=TEXT, env={"ONRECORD_MODEL": str(tmp_path)}).returncode == 0


def test_the_fast_mode_finds_reported_speech_too() -> None:
    by_cnn, by_rules = quotes("--method", "cnn"), quotes("--method", "rules")
    assert len(by_cnn) > len(by_rules)
    assert "blasted" in {q["cue"]["text"] for q in by_cnn if q["cue"]}


def test_train_the_cnn_from_the_command_line(tmp_path) -> None:
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared/data, outside the repo)")
    out = tmp_path / "model"
    result = run("train", "--method", "cnn", "--data", str(POLNEAR), "--out", str(out), "--limit", "3", "--epochs", "1",
                 "--cache", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert "epoch  1" in result.stderr and (out / "weights.bin").is_file() and (out / "README.md").is_file()
    assert "--method cnn --out models/cnn" in (out / "README.md").read_text()
    assert quotes("--method", "cnn", env={"ONRECORD_CNN": str(out)}) is not None
    assert quotes(env={"ONRECORD_MODEL": str(out)}) is not None  # a CNN can serve as the default too


def test_decode_only_chooses_the_weights_again_and_keeps_the_model(tmp_path) -> None:
    if not (POLNEAR / "dev").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared/data, outside the repo)")
    out = tmp_path / "cnn"
    shutil.copytree(ROOT / "models" / "cnn", out)
    config = json.loads((out / "config.json").read_text())
    config.pop("decode")  # as stored before the weights were chosen: the defaults
    config.pop("calibration")  # ... and the confidences calibrated
    (out / "config.json").write_text(json.dumps(config))
    result = run("train", "--decode-only", "--method", "cnn", "--out", str(out), "--data", str(POLNEAR), "--limit", "4",
                 "--cache", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert "kept cue outside x" in result.stderr and "calibrated the confidences on" in result.stderr
    rewritten = json.loads((out / "config.json").read_text())
    assert rewritten["decode"] == {k: rewritten["card"]["decoding"]["kept"][k]
                                   for k in ("cue_outside", "content_outside", "source_outside")}
    assert rewritten["card"]["epochs"] == config["card"]["epochs"] and rewritten["labels"] == config["labels"]
    assert (out / "weights.bin").read_bytes() == (ROOT / "models" / "cnn" / "weights.bin").read_bytes()
    assert "## Decoding (weights chosen on dev)" in (out / "README.md").read_text()
    assert rewritten["calibration"] == rewritten["card"]["calibration"]["weights"]
    assert "## Calibration (fitted on dev)" in (out / "README.md").read_text()
    missing = run("train", "--decode-only", "--out", str(tmp_path / "nothing"), "--data", str(POLNEAR))
    assert missing.returncode == 1 and "onrecord train" in missing.stderr


def test_the_encoder_mode_from_the_command_line(tmp_path) -> None:
    by_encoder = quotes("--method", "encoder")
    spans = {(q["cue"]["text"], q["content"][0]["text"]) for q in by_encoder if q["cue"]}
    assert ("said", "that the ferry would run again by spring") in spans, spans
    result = run("extract", "-", "--method", "encoder", stdin=TEXT, env={"ONRECORD_ENCODER": str(tmp_path / "nothing")})
    assert result.returncode == 1
    assert "No encoder model in" in result.stderr and "onrecord train --method encoder" in result.stderr


def test_train_the_default_from_the_command_line(tmp_path) -> None:
    pytest.importorskip("torch", reason="torch is the train extra (make install puts it in)")
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared/data, outside the repo)")
    out = tmp_path / "encoder"
    result = run("train", "--data", str(POLNEAR), "--out", str(out), "--limit", "2", "--epochs", "1",
                 "--cache", str(tmp_path / "cache"), "--pointer", "0.25", "--layers", "2")
    assert result.returncode == 0, result.stderr
    assert "epoch  1" in result.stderr and (out / "weights.npz").is_file() and (out / "README.md").is_file()
    config = json.loads((out / "config.json").read_text())
    assert config["kind"] == "encoder" and config["settings"]["layers"] == 2 and config["settings"]["stride"] == 254
    assert config["settings"]["pointer"] == 0.25 and "learns a pointer" in (out / "README.md").read_text()
    assert "the bottom 2 layers" in (out / "README.md").read_text()
    with np.load(out / "weights.npz") as stored:  # the two bottom layers --layers asked for, and the pointer in float
        assert {k.split(".")[2] for k in stored.files if k.startswith("encoder.layer.")} == {"0", "1"}
        assert stored["pointer.tok.weight"].dtype == np.float32
    assert quotes(env={"ONRECORD_MODEL": str(out)}) is not None


def test_train_the_accurate_modes_two_members_from_the_command_line(tmp_path) -> None:
    pytest.importorskip("torch", reason="torch is the train extra (make install puts it in)")
    if not (POLNEAR / "train").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared/data, outside the repo)")
    out = tmp_path / "encoder"
    result = run("train", "--method", "encoder", "--data", str(POLNEAR), "--out", str(out), "--limit", "2",
                 "--epochs", "1", "--cache", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stderr.split())  # as the terminal wraps it
    assert "(2 members, one after another)" in said and said.count("epoch 1 loss") == 2
    settings = json.loads((out / "config.json").read_text())["settings"]
    assert settings["epochs"] == 1 and settings["ensemble"] == [[3e-4, 1]]  # --epochs is each member's
    assert (out / "weights.npz").is_file() and (out / "weights-2.npz").is_file()
    assert "### Member 2" in (out / "README.md").read_text()
    assert quotes("--method", "encoder", env={"ONRECORD_ENCODER": str(out)}) is not None


def test_a_bad_train_method_is_a_clear_error(tmp_path) -> None:
    result = run("train", "--method", "bert", "--out", str(tmp_path / "x"))
    assert result.returncode != 0 and "Unknown --method 'bert'" in result.stderr
    result = run("train", "--method", "cnn", "--pointer", "0.25", "--out", str(tmp_path / "x"))
    assert result.returncode != 0 and "--pointer is for the encoders" in result.stderr and not (tmp_path / "x").exists()
    result = run("train", "--method", "cnn", "--layers", "5", "--out", str(tmp_path / "x"))
    assert result.returncode != 0 and "--layers is for the encoders" in result.stderr and not (tmp_path / "x").exists()
    result = run("train", "--layers", "7", "--out", str(tmp_path / "x"))
    assert result.returncode != 0 and "--layers" in result.stderr and not (tmp_path / "x").exists()


@pytest.mark.parametrize(("method", "layers", "expected"), [("model", None, 3), ("encoder", None, 6), ("model", 5, 5)])
def test_train_settings_are_the_shipped_models_unless_asked(method, layers, expected) -> None:
    from onrecord.cli_train import train_settings

    settings, _ = train_settings(method, 0, None, 0.0, layers)
    assert settings.layers == expected and settings.seed == 0 and settings.pointer == 0.0
