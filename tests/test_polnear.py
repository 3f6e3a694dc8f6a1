"""Reading gold: a tiny fictional PolNeAR-style brat folder, JSONL gold, the real dev split, and `onrecord eval`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.errors import DataError
from onrecord.models import Span
from onrecord.polnear import README_QUOTE_MARKS, load_gold, parse_brat, starts_with_quote_mark

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev"

# Fictional article, written for these tests.
TEXT = (
    "Harbour tolls split Port Avery council\n\n"
    '"The bridge is ninety years old and it is tired," Mayor Delia Marsh said on Tuesday. '
    '"If we do nothing, we will be closing lanes."\n\n'
    "Opposition leader Tom Okafor called the toll a tax on commuters.\n\n"
    "The plan was widely expected to pass, officials believed.\n"
)


def at(sub: str, pad_before: int = 0) -> str:
    """Brat offsets of ``sub`` in TEXT, optionally starting ``pad_before`` characters earlier."""
    start = TEXT.index(sub)
    return f"{start - pad_before} {start + len(sub)}"


FIRST_ANN = "\n".join(
    [
        f'T1\tContent {at(chr(34) + "The bridge is ninety years old and it is tired,")};'
        f'{at(chr(34) + "If we do nothing, we will be closing lanes.")}\tquote pieces',
        f"T2\tSource {at('Mayor Delia Marsh')}\tMayor Delia Marsh",
        f"T3\tCue {at('said on Tuesday')}\tsaid on Tuesday",
        f"T4\tAttribution {at('said on Tuesday')}\tsaid on Tuesday",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        # whitespace around a span is trimmed (its text runs over lines, as some in the corpus do);
        # Content2 extends the content
        f"T5\tSource {at('Opposition leader Tom Okafor', pad_before=2)}\t\n\nOpposition leader Tom Okafor",
        f"T6\tCue {at('called')}\tcalled",
        f"T7\tContent {at('the toll')}\tthe toll",
        f"T8\tAttribution {at('called')}\tcalled",
        f"T9\tContent {at('a tax on commuters')}\ta tax on commuters",
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7 Content2:T9",
        # an attribution without a source
        f"T10\tContent {at('The plan was widely expected to pass')}\tThe plan was widely expected to pass",
        f"T11\tCue {at('believed')}\tbelieved",
        f"T12\tAttribution-no-source {at('believed')}\tbelieved",
        "E3\tAttribution-no-source:T12 Content:T10 Cue:T11 ",
        # things to skip: odd ranges, labels that are not roles, an event with no content
        "T13\tDiscuss\tno range at all",
        "T14\tDiscard 5 3\tbackwards",
        "T15\tCue 99999 100005\tpast the end",
        "E4\tAttribution:T15 Cue:T15",
        "#1\tAnnotatorNotes T2\tis the title part of the source?",
        "",
    ]
)
SECOND_ANN = f"T1\tContent {at('The plan was widely expected to pass')}\tx\nE1\tAttribution:T1 Content:T1\n"
META = (
    "compartment\tfilename\tlevel\tannotators\tpublisher\n"
    "dev\tharbour-tolls\t3\taa11|bb22\tport-avery-courier\n"
)


def write_split(root: Path, meta: str | None = META) -> Path:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "harbour-tolls.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "harbour-tolls_aa11.ann").write_text(FIRST_ANN, encoding="utf-8")
    (split / "attributions" / "harbour-tolls_bb22.ann").write_text(SECOND_ANN, encoding="utf-8")
    if meta is not None:
        (root / "metadata.tsv").write_text(meta, encoding="utf-8")
    return split


def test_brat_folder_reads_the_first_annotator(tmp_path):
    (doc,) = load_gold(write_split(tmp_path))
    assert doc.doc_id == "harbour-tolls" and doc.text == TEXT
    marsh, okafor, plan = doc.attributions
    assert [s.text for s in marsh.content] == [
        '"The bridge is ninety years old and it is tired,',
        '"If we do nothing, we will be closing lanes.',
    ]
    assert (marsh.source[0].text, marsh.cue[0].text, marsh.direct, marsh.id) == (
        "Mayor Delia Marsh",
        "said on Tuesday",
        True,
        "E1",
    )
    assert okafor.source[0].text == "Opposition leader Tom Okafor"  # trimmed
    assert [s.text for s in okafor.content] == ["the toll", "a tax on commuters"]
    assert not okafor.direct
    assert plan.source == () and plan.cue[0].text == "believed"


def test_brat_metadata_in_the_split_itself_and_a_lone_annotation_without_metadata(tmp_path):
    split = write_split(tmp_path, meta=None)
    with pytest.raises(DataError, match="several annotation files"):
        load_gold(split)
    (split / "metadata.tsv").write_text(META.replace("aa11|bb22", "bb22|aa11"), encoding="utf-8")
    assert len(load_gold(split)[0].attributions) == 1  # bb22 now comes first
    (split / "metadata.tsv").unlink()
    (split / "attributions" / "harbour-tolls_aa11.ann").unlink()
    assert len(load_gold(split)[0].attributions) == 1


@pytest.mark.parametrize(
    ("ann", "message"),
    [("E1\tAttribution:T1 Content\n", "malformed event line")],
)
def test_malformed_brat_is_a_data_error(ann, message):
    with pytest.raises(DataError, match=message):
        parse_brat(TEXT, ann, "doc", "doc.ann")


def test_missing_annotation_file_names_it(tmp_path):
    split = write_split(tmp_path)
    (split / "attributions" / "harbour-tolls_aa11.ann").unlink()
    with pytest.raises(DataError, match="harbour-tolls_aa11.ann is missing"):
        load_gold(split)


def gold_line(quotes: list[dict], doc_id: str = "g1") -> str:
    return json.dumps({"id": doc_id, "text": TEXT, "quotes": quotes})


def span(sub: str) -> dict:
    start = TEXT.index(sub)
    return {"start": start, "end": start + len(sub), "text": sub}


def test_jsonl_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    quote = '"If we do nothing, we will be closing lanes."'
    path.write_text(
        gold_line([
            {"content": [span(quote)], "cue": None, "source": span("Mayor Delia Marsh")},
            {"content": [span("the toll a tax on commuters")], "source": span("Tom Okafor"), "kind": "mixed"},
            {"content": [span("The bridge is ninety years old")], "kind": "direct"},
        ])
        + "\n",
        encoding="utf-8",
    )
    (doc,) = load_gold(path)
    assert [a.direct for a in doc.attributions] == [True, False, True]  # kind wins, quote marks otherwise
    assert doc.attributions[1].kind == "mixed"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{oops", "gold.jsonl, line 2: not valid JSON"),
        (json.dumps({"id": "g2", "text": TEXT}), 'gold.jsonl, line 2: a gold line needs "id"'),
        (gold_line([], "g1"), "gold.jsonl, line 2: the id 'g1' was already used"),
        (gold_line([{"content": [{"start": 3, "end": 1}]}], "g2"), "gold.jsonl, line 2, quote 0: span"),
        (gold_line([{"content": [span("Tom")], "source": "Tom"}], "g2"), "line 2, quote 0: span 'Tom'"),
    ],
)
def test_malformed_jsonl_gold_names_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line([]) + "\n" + content + "\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_gold(path)
    assert message in str(e.value)


def test_missing_gold_path(tmp_path):
    with pytest.raises(DataError, match="no such file or folder"):
        load_gold(tmp_path / "nowhere")
    with pytest.raises(DataError, match="not a PolNeAR split folder"):
        load_gold(tmp_path)


# --- the command -----------------------------------------------------------


def write_pred(path: Path) -> Path:
    """Predictions for the fictional article: Marsh's quote right, Okafor's with the wrong mention,
    a spurious one, and the unsourced belief missed."""
    quote = '"If we do nothing, we will be closing lanes."'
    quotes = [
        {"content": [span('"The bridge is ninety years old and it is tired,"'), span(quote)],
         "cue": span("said"), "source": span("Mayor Delia Marsh"), "kind": "direct",
         "speaker": {"id": "p1", "name": "Delia Marsh", "kind": "person", "role": "mayor"}},
        {"content": [span("the toll a tax on commuters")], "cue": span("called"), "source": span("Tom Okafor"),
         "kind": "mixed", "speaker": None},
        {"content": [span("Harbour tolls split Port Avery council")], "cue": None, "source": None,
         "kind": "indirect", "speaker": None},
    ]
    path.write_text(json.dumps({"doc_id": "harbour-tolls", "quotes": quotes, "speakers": []}) + "\n", "utf-8")
    return path


def test_eval_command_scores_predictions(tmp_path):
    split, pred = write_split(tmp_path), write_pred(tmp_path / "pred.jsonl")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(app, ["eval", str(split), "--pred", str(pred), "--format", "json", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    q03 = report["all"]["quotes"][0]
    assert (q03["threshold"], q03["matched"], q03["predicted"], q03["gold"]) == (0.3, 2, 3, 3)
    assert (q03["speaker_accuracy"], q03["speaker_accuracy_lenient"]) == (0.5, 1.0)
    direct = report["direct"]["quotes"][0]
    assert (direct["matched"], direct["predicted"], direct["gold"], direct["f1"]) == (1, 1, 1, 1.0)
    cue, content = report["all"]["roles"]["cue"], report["all"]["roles"]["content"]
    assert (cue["exact"]["matched"], cue["overlap"]["matched"]) == (1, 1)  # "said" is 1/3 of "said on Tuesday"
    assert (content["exact"]["matched"], content["overlap"]["matched"]) == (0, 2)  # other pieces, same tokens
    kinds = [json.loads(line)["error"] for line in errors.read_text("utf-8").splitlines()]
    assert sorted(kinds) == ["missed", "spurious", "wrong_speaker"]


def test_eval_errors_file_never_overwrites_what_is_scored(tmp_path):
    split, pred = write_split(tmp_path), write_pred(tmp_path / "pred.jsonl")
    kept = pred.read_text("utf-8")
    for errors, said in ((pred, "would overwrite the predictions"), (split / "errors.jsonl", "would write into the gold")):
        result = CliRunner().invoke(app, ["eval", str(split), "--pred", str(pred), "--errors", str(errors)])
        assert result.exit_code == 1 and said in " ".join(result.output.split()), result.output
    assert pred.read_text("utf-8") == kept and not (split / "errors.jsonl").exists()


def test_eval_command_prints_tables(tmp_path):
    split, pred = write_split(tmp_path), write_pred(tmp_path / "pred.jsonl")
    result = CliRunner().invoke(app, ["eval", str(split), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert "Quote scores (%), 1 documents" in result.stdout
    assert "Role scores (%)" in result.stdout
    assert "66.7" in result.stdout  # P = R = F1 = 2/3 at 0.3 coverage


def test_eval_command_reports_bad_gold_without_a_traceback(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "onrecord"), "eval", str(bad), "--pred", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "gold.jsonl, line 1: not valid JSON" in " ".join(proc.stderr.split())  # Rich wraps long lines
    assert "Traceback" not in proc.stderr


# --- the real corpus -------------------------------------------------------


def test_polnear_dev_counts():
    if not (POLNEAR_DEV / "text").is_dir():
        pytest.skip(f"PolNeAR dev is not at {POLNEAR_DEV} (it lives in ../shared/data, outside the repo)")
    docs = load_gold(POLNEAR_DEV)
    attributions = [a for d in docs for a in d.attributions]
    assert len(docs) == 84
    assert len(attributions) == 2192
    # The corpus README's count: content opening with " or “.
    assert sum(a.content[0].text.startswith(README_QUOTE_MARKS) for a in attributions) == 369
    # onrecord's direct subset adds NYT-style '' and annotations starting one character late.
    assert sum(a.direct for a in attributions) == 429


@pytest.mark.parametrize(
    ("text", "start", "direct"),
    [
        ('"We will appeal," she said.', 0, True),
        ("\u201cWe will appeal,\u201d she said.", 0, True),
        ("''We will appeal,'' she said.", 0, True),  # NYT style
        ("``We will appeal,'' she said.", 0, True),
        ('"We will appeal," she said.', 1, True),  # the annotation starts just after the mark
        ("''We will appeal,'' she said.", 1, True),  # ... or inside the NYT pair
        ("'We will appeal,' she said.", 0, False),  # a single mark is not a direct quote
        ("She said, they would appeal.", 0, False),
    ],
)
def test_direct_means_opening_with_a_double_quote_mark(text, start, direct):
    content = (Span.of(text, start, text.index(",") + 1),)
    assert starts_with_quote_mark(content, text) is direct


def test_a_title_case_headline_does_not_run_its_verb_into_the_speakers_name():
    # 'Ben Carson Defends Himself Against Claims He Exaggerated His Life Story.': the entity
    # tagger reads 'Ben Carson Defends' as a name, the parse hangs the whole headline on it
    path = POLNEAR_DEV.parent / "train" / "text" / "huff-post_2015-11-08_ben-carson-defends-himself-again.txt"
    if not path.is_file():
        pytest.skip(f"PolNeAR train is not at {path.parent} (it lives in ../shared/data, outside the repo)")
    import onrecord

    extraction = onrecord.extract(path.read_text(encoding="utf-8"))
    names = {q.speaker.name for q in extraction.quotes if q.speaker}
    assert "Ben Carson" in names
    assert not [n for n in names if "Defends" in n or len(n.split()) > 4]
