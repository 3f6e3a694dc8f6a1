"""How far annotators agree: a fictional PolNeAR-style folder with two annotators, the CLI, and the real corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.errors import DataError
from onrecord.evaluation.agreement import annotator_agreement, shared_annotations
from test_polnear import write_split

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def test_annotators_are_scored_against_one_another(tmp_path):
    # aa11 marks three statements (two with sources); bb22 only the content of the third, exactly
    write_split(tmp_path)
    assert sorted(shared_annotations(tmp_path)) == ["aa11", "bb22"]
    result = annotator_agreement(tmp_path)
    assert (result.pairs, result.articles, result.system) == (2, ("harbour-tolls",), None)
    # each way round: no source or cue in common; one content of three (F1 0.5 as gold and as prediction)
    assert dict(result.human) == {"source": 0.0, "cue": 0.0, "content": 50.0, "quotes": 50.0}


def test_onrecord_is_scored_against_each_annotator(tmp_path):
    write_split(tmp_path)
    seen = []

    def predict(docs):  # what aa11 marked, as if onrecord had found it
        seen.extend(d.doc_id for d in docs)
        return {d.doc_id: shared_annotations(tmp_path)["aa11"][d.doc_id].attributions for d in docs}

    result = annotator_agreement(tmp_path, predict)
    assert seen == ["harbour-tolls"]  # each text once
    # 100 against aa11 and the bb22 figures above against bb22
    assert dict(result.system) == {"source": 50.0, "cue": 50.0, "content": 75.0, "quotes": 75.0}


def test_a_folder_without_shared_articles_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="needs metadata.tsv"):
        annotator_agreement(tmp_path)
    write_split(tmp_path, meta="compartment\tfilename\tannotators\ndev\tharbour-tolls\taa11\n")
    with pytest.raises(DataError, match="no article with two or more annotators"):
        annotator_agreement(tmp_path)


def test_eval_agreement_from_the_cli(tmp_path):
    write_split(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--agreement", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["human"]["content"] == 50.0 and set(report["system"]) == {"source", "cue", "content", "quotes"}
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "dev"), "--agreement"])
    assert result.exit_code == 1 and "needs metadata.tsv" in result.output
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--agreement", "--limit", "2"])
    assert result.exit_code == 1 and "takes no --pred" in result.output


def test_polnear_annotators_agree_below_the_issue_targets():
    if not (POLNEAR / "metadata.tsv").is_file():
        pytest.skip(f"PolNeAR not found at {POLNEAR}")
    result = annotator_agreement(POLNEAR)
    assert (len(result.articles), result.annotators, result.pairs) == (18, ("4b22", "4e07", "5fec", "6b86", "d473", "ef2d"), 30)
    assert dict(result.human) == {"source": 77.3, "cue": 71.2, "content": 65.9, "quotes": 84.3}


def test_a_missing_article_text_is_a_clear_error(tmp_path):
    write_split(tmp_path)
    (tmp_path / "dev" / "text" / "harbour-tolls.txt").unlink()
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--agreement"])
    assert result.exit_code == 1 and "harbour-tolls.txt: cannot read it" in result.output


def test_a_metadata_file_that_is_not_text_is_a_clear_error(tmp_path):
    write_split(tmp_path)
    (tmp_path / "metadata.tsv").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(DataError, match="metadata.tsv is not valid UTF-8"):
        annotator_agreement(tmp_path)
