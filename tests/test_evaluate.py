"""Scoring: tables of small hand-made (gold, prediction) cases for every metric."""
from __future__ import annotations

import json

import pytest

from onrecord.errors import DataError
from onrecord.evaluation import (
    PRF,
    EvalAttribution,
    GoldDoc,
    coverage,
    error_records,
    evaluate,
    match_quotes,
    read_predictions,
    same_source,
    score_quotes,
    score_roles,
)
from onrecord.models import Span
from onrecord.polnear import trimmed

# Fictional text, written for these tests.
TEXT = (
    'Mayor Delia Marsh said the harbour bridge was tired. "We will close lanes within five years," '
    "she warned. Opposition leader Tom Okafor called the toll a tax on commuters. "
    '"Nobody asked us," Okafor told the Port Avery Courier.'
)


def sp(sub: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``sub`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return Span.of(TEXT, start, start + len(sub))


def cut(span: Span, frac_from: float, frac_to: float) -> Span:
    """The part of a span between two fractions of its length."""
    n = span.end - span.start
    return Span.of(TEXT, span.start + round(n * frac_from), span.start + round(n * frac_to))


def att(content, source=None, cue=None, direct=False, kind=None) -> EvalAttribution:
    as_tuple = lambda x: () if x is None else (x if isinstance(x, tuple) else (x,))  # noqa: E731
    return EvalAttribution(as_tuple(content), as_tuple(cue), as_tuple(source), direct, kind=kind)


CLOSE = sp('"We will close lanes within five years,"')
TAX = sp("the toll a tax on commuters")
NOBODY = sp('"Nobody asked us,"')


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ((CLOSE,), (CLOSE,), 1.0),
        ((cut(CLOSE, 0, 0.5),), (CLOSE,), 0.5),
        ((cut(CLOSE, 0.5, 1), cut(CLOSE, 0, 0.25)), (CLOSE,), 0.75),
        ((cut(CLOSE, 0, 0.6), cut(CLOSE, 0.4, 1)), (CLOSE,), 1.0),  # overlapping pieces count once
        ((TAX,), (CLOSE,), 0.0),
        ((CLOSE, TAX), (CLOSE,), 1.0),  # extra predicted text costs nothing here (precision's job)
        ((CLOSE,), (CLOSE, NOBODY), (CLOSE.end - CLOSE.start) / (CLOSE.end - CLOSE.start + NOBODY.end - NOBODY.start)),
    ],
)
def test_coverage(pred, gold, expected):
    assert coverage(pred, gold) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [((0, 5), "Mayor"), ((5, 12), "Delia"), ((5, 6), None), ((0, 0), None)],
)
def test_trimmed_drops_whitespace_at_the_ends(raw, expected):
    span = trimmed(TEXT, *raw)
    assert (span.text if span else None) == expected


# (gold spans, predicted spans, exact matches, overlap matches) for the Source role.
ROLE_CASES = [
    ([sp("Mayor Delia Marsh")], [sp("Mayor Delia Marsh")], 1, 1),
    ([sp("Mayor Delia Marsh")], [sp("Delia Marsh")], 0, 1),  # Jaccard 2/3
    ([sp("Mayor Delia Marsh")], [sp("Marsh", 0)], 0, 0),  # Jaccard 1/3
    ([sp("Opposition leader Tom Okafor")], [sp("Tom Okafor")], 0, 1),  # Jaccard 2/4 = 0.5 exactly
    ([sp("Opposition leader Tom Okafor")], [sp("Okafor", 0)], 0, 0),  # 1/4
    ([sp("Mayor Delia Marsh")], [], 0, 0),
    ([], [sp("she")], 0, 0),
    # one-to-one: two gold mentions, one prediction overlapping both
    ([sp("Okafor", 0), sp("Okafor", 1)], [sp("Okafor", 1)], 1, 1),
]


@pytest.mark.parametrize(("gold", "pred", "exact", "overlap"), ROLE_CASES)
def test_source_role_scores(gold, pred, exact, overlap):
    roles = score_roles(TEXT, [att(CLOSE, source=g) for g in gold], [att(CLOSE, source=p) for p in pred])
    source = next(r for r in roles if r.role == "source")
    assert source.exact == PRF(exact, len(pred), len(gold))
    assert source.overlap == PRF(overlap, len(pred), len(gold))


def test_roles_count_one_instance_per_attribution_and_match_discontinuous_spans_as_lists():
    two_pieces = (sp('"Nobody asked us,"'), sp("We will close lanes"))
    gold = [att(two_pieces, source=sp("Okafor", 1), cue=sp("told"))]
    pred = [
        att((sp("We will close lanes"), sp('"Nobody asked us,"')), source=sp("Okafor", 1), cue=sp("told")),
        att(sp("Nobody asked us"), source=sp("Okafor", 1), cue=sp("told")),
    ]
    roles = {r.role: r for r in score_roles(TEXT, gold, pred)}
    assert roles["source"].exact == PRF(1, 2, 1)  # a mention shared by two predictions counts twice
    assert roles["cue"].exact == PRF(1, 2, 1)
    assert roles["content"].exact == PRF(1, 2, 1)  # piece order does not matter
    assert roles["content"].overlap == PRF(1, 2, 1)


# (coverage of the gold content by the prediction, matched at 0.3, matched at 0.8)
@pytest.mark.parametrize(
    ("frac", "at_03", "at_08"),
    [(1.0, 1, 1), (0.85, 1, 1), (0.8, 1, 1), (0.5, 1, 0), (0.3, 1, 0), (0.25, 0, 0), (0.0, 0, 0)],
)
def test_quote_thresholds(frac, at_03, at_08):
    gold = [att(CLOSE)]
    pred = [att(cut(CLOSE, 0, frac))] if frac else []
    assert score_quotes(gold, pred, 0.3).prf.matched == at_03
    assert score_quotes(gold, pred, 0.8).prf.matched == at_08


def test_quote_matching_is_one_to_one():
    gold = [att(CLOSE)]
    pred = [att(cut(CLOSE, 0, 0.6)), att(CLOSE)]
    score = score_quotes(gold, pred, 0.3)
    assert score.prf == PRF(1, 2, 1)
    assert (score.prf.precision, score.prf.recall) == (0.5, 1.0)
    assert match_quotes(gold, pred, 0.3) == [(0, 1)]  # the fuller prediction wins
    # one prediction spanning two gold quotes matches only one of them
    assert score_quotes([att(CLOSE), att(NOBODY)], [att((CLOSE, NOBODY))], 0.3).prf == PRF(1, 1, 2)


def test_quote_matching_is_greedy_by_coverage():
    # pred 0 covers gold 1 fully and gold 0 half; pred 1 covers gold 0 at 0.4: best pairs first.
    gold = [att(cut(CLOSE, 0, 0.5)), att(cut(CLOSE, 0.5, 1))]
    pred = [att(cut(CLOSE, 0.25, 1)), att(cut(CLOSE, 0, 0.2))]
    assert sorted(match_quotes(gold, pred, 0.3)) == [(0, 1), (1, 0)]


def test_equal_coverage_prefers_the_prediction_with_less_extra_text():
    gold = [att(CLOSE)]
    pred = [att((CLOSE, TAX)), att(CLOSE)]
    assert match_quotes(gold, pred, 0.3) == [(0, 1)]


# (gold source, predicted source, exact, lenient)
@pytest.mark.parametrize(
    ("gold", "pred", "exact", "lenient"),
    [
        (sp("Mayor Delia Marsh"), sp("Mayor Delia Marsh"), True, True),
        (sp("Mayor Delia Marsh"), sp("Marsh", 0), False, True),
        (sp("Mayor Delia Marsh"), sp("Okafor", 0), False, False),
        (None, None, True, True),
        (None, sp("she"), False, False),
        (sp("she"), None, False, False),
    ],
)
def test_speaker_mention(gold, pred, exact, lenient):
    g, p = () if gold is None else (gold,), () if pred is None else (pred,)
    assert same_source(g, p) is exact
    assert same_source(g, p, lenient=True) is lenient


def test_speaker_accuracy_is_over_matched_pairs_only():
    gold = [att(CLOSE, source=sp("she")), att(NOBODY, source=sp("Okafor", 1)), att(TAX, source=sp("Tom Okafor"))]
    pred = [
        att(CLOSE, source=sp("she")),  # right
        att(NOBODY, source=sp("Okafor", 1)),  # right
        att(TAX, source=sp("Opposition leader Tom Okafor")),  # overlapping only
        att(sp("harbour bridge"), source=sp("Marsh", 0)),  # unmatched: not counted
    ]
    score = score_quotes(gold, pred, 0.3)
    assert score.prf == PRF(3, 4, 3)
    assert score.speaker_accuracy == pytest.approx(2 / 3)
    assert score.speaker_accuracy_lenient == 1.0


def test_direct_subset_uses_gold_quote_marks_and_predicted_kind():
    doc = GoldDoc(
        "d1",
        TEXT,
        (
            att(CLOSE, source=sp("she"), direct=True),
            att(TAX, source=sp("Tom Okafor")),
            att(NOBODY, source=sp("Okafor", 1), direct=True),
        ),
    )
    pred = (
        att(CLOSE, source=sp("she"), direct=True, kind="direct"),
        att(TAX, source=sp("Tom Okafor"), kind="mixed"),
        att(NOBODY, source=sp("Mayor Delia Marsh"), kind="indirect"),  # found, but not as direct
    )
    report = evaluate([doc], {"d1": pred})
    assert report.all.quote(0.3).prf == PRF(3, 3, 3)
    assert report.direct.quote(0.3).prf == PRF(1, 1, 2)
    assert report.direct.quote(0.3).speaker_accuracy == 1.0
    assert report.all.quote(0.3).speaker_accuracy == pytest.approx(2 / 3)
    assert report.direct.role("source").exact == PRF(1, 1, 2)


def test_evaluate_sums_over_documents_and_lists_missing_predictions():
    docs = [GoldDoc("a", TEXT, (att(CLOSE),)), GoldDoc("b", TEXT, (att(CLOSE), att(NOBODY)))]
    report = evaluate(docs, {"a": (att(CLOSE), att(TAX))})
    assert report.all.quote(0.3).prf == PRF(1, 2, 3)
    assert report.missing_predictions == ("b",)
    assert report.to_dict()["all"]["quotes"][0]["f1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3), abs=1e-4)


def test_error_records_name_every_kind_of_mistake():
    doc = GoldDoc(
        "d1",
        TEXT,
        (
            att(CLOSE, source=sp("she"), direct=True),
            att(NOBODY, source=sp("Okafor", 1), direct=True),
            att(sp("the harbour bridge was tired"), source=sp("Mayor Delia Marsh")),
        ),
    )
    pred = (
        att(CLOSE, source=sp("Mayor Delia Marsh"), kind="direct", direct=True),
        att(NOBODY, source=sp("Okafor", 1), kind="mixed"),
        att(TAX, source=sp("Tom Okafor"), kind="indirect"),
    )
    records = list(error_records([doc], {"d1": pred}))
    assert [(r["error"], r["gold_content"] or r["pred_content"]) for r in records] == [
        ("missed", "the harbour bridge was tired"),
        ("wrong_speaker", CLOSE.text),
        ("spurious", TAX.text),
        ("kind_mismatch", NOBODY.text),
    ]
    wrong = records[1]
    assert (wrong["gold_source"], wrong["pred_source"], wrong["coverage"]) == ("she", "Mayor Delia Marsh", 1.0)
    assert all(r["doc_id"] == "d1" and r["context"] for r in records)
    json.dumps(records)  # every record is plain JSON


def _pred_line(doc_id: str, quotes: list[dict]) -> str:
    return json.dumps({"doc_id": doc_id, "quotes": quotes, "speakers": []})


def test_read_predictions(tmp_path):
    gold = [GoldDoc("d1", TEXT, ())]
    close = {"start": CLOSE.start, "end": CLOSE.end, "text": CLOSE.text}
    path = tmp_path / "pred.jsonl"
    path.write_text(
        _pred_line("d1", [{"content": [close], "cue": None, "source": {"start": 0, "end": 18}, "kind": "direct"}])
        + "\n\n"
        + json.dumps({"id": "d9", "error": "empty input"})
        + "\n"
        + _pred_line("other", [])
        + "\n",
        encoding="utf-8",
    )
    (a,) = read_predictions(path, gold)["d1"]
    assert a.direct and a.kind == "direct"
    assert a.source[0].text == "Mayor Delia Marsh"  # trimmed
    assert a.content[0].text == CLOSE.text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1: not valid JSON"),
        ('["a list"]', "line 1: expected a JSON object"),
        ('{"doc_id": "d1"}', 'line 1: a prediction line needs "doc_id" (string) and "quotes" (list)'),
        (_pred_line("d1", [{"content": []}]), 'line 1, quote 0: a quote needs a non-empty "content"'),
        (_pred_line("d1", [{"content": [{"start": 5, "end": 9999}]}]), "within the text (0..%d)" % len(TEXT)),
        (_pred_line("d1", [{"content": [{"start": 0, "end": 5, "text": "Hello"}]}]), "says 'Hello' but the text"),
        (_pred_line("d1", [{"content": [{"start": 0, "end": 5}], "kind": "quoted"}]), "kind 'quoted' is not one of"),
    ],
)
def test_malformed_predictions_name_the_file_and_line(tmp_path, line, message):
    path = tmp_path / "pred.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="pred.jsonl") as e:
        read_predictions(path, [GoldDoc("d1", TEXT, ())])
    assert message in str(e.value)


def test_a_source_shared_by_two_gold_attributions_needs_two_predictions():
    gold = [att(CLOSE, source=sp("Okafor", 1)), att(NOBODY, source=sp("Okafor", 1))]
    once = [att(CLOSE, source=sp("Okafor", 1))]
    twice = [att(CLOSE, source=sp("Okafor", 1)), att(NOBODY, source=sp("Okafor", 1))]
    source = lambda pred: next(r for r in score_roles(TEXT, gold, pred) if r.role == "source")  # noqa: E731
    assert source(once).exact == PRF(1, 1, 2)
    assert source(twice).exact == PRF(2, 2, 2)
