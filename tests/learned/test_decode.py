"""Constrained BIO decoding of one role layer: (tag probabilities, expected spans) tables."""
from __future__ import annotations

import numpy as np
import pytest

from onrecord.learned.decode import DecodeWeights, decode_layer

B, I, O = (0.9, 0.05, 0.05), (0.05, 0.9, 0.05), (0.05, 0.05, 0.9)


def _spans(rows, skip=None):
    probs = np.array(rows, dtype="float32")
    return [(f, l) for f, l, _ in decode_layer(probs, skip or [False] * len(rows))]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([O, O, O], []),
        ([B, I, I, O], [(0, 2)]),
        ([O, B, O, B, I], [(1, 1), (3, 4)]),
        ([B, I, B, I], [(0, 1), (2, 3)]),  # two adjacent spans stay two
        # an I after O is not allowed: the best legal path starts the span there
        ([O, (0.3, 0.6, 0.1), I, O], [(1, 2)]),
        # ... or drops a weak lone I
        ([O, (0.01, 0.5, 0.49), O], []),
        ([(0.1, 0.8, 0.1), I], [(0, 1)]),  # a document cannot start inside a span
    ],
)
def test_decode_layer(rows, expected) -> None:
    assert _spans(rows) == expected


def test_whitespace_never_starts_or_ends_a_span() -> None:
    rows = [B, I, I, O]
    assert _spans(rows, skip=[False, False, True, False]) == [(0, 1)]
    assert _spans([B, O], skip=[True, False]) == []


def test_confidence_is_the_mean_probability_of_the_span_tags() -> None:
    probs = np.array([B, I, O], dtype="float32")
    (_, _, confidence), = decode_layer(probs, [False] * 3)
    assert confidence == pytest.approx((0.9 + 0.9 + (1 - 0.05)) / 3, abs=1e-6)
    weak = np.array([(0.5, 0.25, 0.25), (0.2, 0.6, 0.2), O], dtype="float32")
    assert decode_layer(weak, [False] * 3)[0][2] < confidence


@pytest.mark.parametrize(("weights", "expected"), [
    (DecodeWeights(), [(0, 2)]),  # the defaults leave the content layer as the tagger gives it
    (DecodeWeights(content_outside=2.0), [(0, 1)]),  # an unsure last word is left out
    (DecodeWeights(content_outside=0.5), [(0, 3)]),  # ... or, weighed the other way, taken in
])
def test_decode_weights_move_where_a_content_span_ends(weights, expected) -> None:
    rows = [B, I, (0.05, 0.55, 0.4), (0.05, 0.4, 0.55), O]
    marginals = np.array([[O, O, row] for row in rows], dtype="float32")  # source, cue, content layers
    weighed = weights.apply(marginals)
    assert _spans(weighed[:, 2, :]) == expected
    assert np.array_equal(weighed[:, 0, :], marginals[:, 0, :])  # a layer at weight 1 is left alone
    weak_source = np.array([[(0.6, 0.05, 0.35), O, O]], dtype="float32")
    assert _spans(DecodeWeights().apply(weak_source)[:, 0, :]) == [(0, 0)]
    assert _spans(DecodeWeights(source_outside=2.0).apply(weak_source)[:, 0, :]) == []  # the parse finds one instead


@pytest.mark.parametrize("stored", [{"cue_outside": "a lot"}, {"cue_outside": 0}, {"colour": 1.0}, ["0.7"]])
def test_bad_stored_decode_weights_are_a_clear_error(stored, tmp_path) -> None:
    from onrecord.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match=r'"decode" must be .*onrecord train --decode-only'):
        DecodeWeights.stored({"decode": stored}, tmp_path)
    assert DecodeWeights.stored({}, tmp_path) == DecodeWeights()  # models stored before there were weights


@pytest.mark.parametrize(("text", "cut", "whole"), [
    ("Mr. Obama said the toll was fair.", "Mr.", "Mr. Obama"),
    ("A reporter for USA Today said the toll was fair.", "A reporter for USA", "A reporter for USA Today"),
    ("His former partner said the toll was fair.", "His former", "His former partner"),
    ("Ann Lee said the toll was fair.", "Ann Lee", "Ann Lee"),  # whole already
    ("Those he worked with said the toll was fair.", "Those he worked with", "Those he worked with"),  # a stranded preposition
])
def test_a_source_cut_short_runs_on_to_its_head_but_not_into_the_cue(text, cut, whole) -> None:
    from onrecord.learned.decode import _completed
    from onrecord.nlp import load_pipeline
    from onrecord.quotes.tokens import Tokens

    toks = Tokens.from_doc(load_pipeline()(text))
    first, last = toks.span_tokens(0, len(cut))
    said = toks.lower.index("said")
    f, l = _completed(toks, (first, last), (said, said), [(said + 1, len(toks) - 2, 1.0)])
    assert text[toks.starts[f]:toks.ends[l]] == whole


@pytest.mark.parametrize(("text", "cue", "anchored"), [
    ("Harriet Lowe on Thursday welcomed the deal.", "on", "welcomed"),  # a preposition alone moves to its verb
    ("Harriet Lowe welcomed the deal.", "welcomed", "welcomed"),
    ("Support for the deal was strong.", "for", None),  # no verb it hangs from: no cue
])
def test_a_cue_of_function_words_alone_moves_to_its_verb(text, cue, anchored) -> None:
    from onrecord.learned.decode import _anchored
    from onrecord.nlp import load_pipeline
    from onrecord.quotes.tokens import Tokens

    toks = Tokens.from_doc(load_pipeline()(text))
    k = toks.lower.index(cue)
    got = _anchored(toks, (k, k, 0.5))
    assert (toks.lower[got[0]] if got else None) == anchored


@pytest.mark.parametrize(("text", "cut", "whole"), [
    # a span that stops on the subject, auxiliary or 'that' of a clause has cut the clause short
    ("Grant said he would close the harbour in May.", "he", "he would close the harbour in May"),
    ("Grant said that the harbour would close in May.", "that", "that the harbour would close in May"),
    ("Grant promised to close the harbour in May.", "to", "to close the harbour in May"),
    ("Grant said the harbour would close in May.", "the harbour would close", "the harbour would close in May"),
])
def test_a_content_cut_short_runs_on_to_the_end_of_its_clause(text, cut, whole) -> None:
    from onrecord.learned.decode import _clause_end
    from onrecord.nlp import load_pipeline
    from onrecord.quotes.tokens import Tokens

    toks = Tokens.from_doc(load_pipeline()(text))
    first = toks.span_tokens(text.index(cut), text.index(cut) + len(cut))[0]
    last = toks.span_tokens(text.index(cut), text.index(cut) + len(cut))[1]
    end = _clause_end(toks, [0] * len(toks), first, last, 1 << 30)
    assert text[toks.starts[first]:toks.ends[end]] == whole


@pytest.mark.parametrize(("text", "content", "kept"), [
    # a content never ends on a conjunction or on a word that opens a clause it does not hold
    ("Lowe said the plan was late, and Finch agreed.", "the plan was late, and", "the plan was late"),
    ("Lowe attacked the ferry deal, which Finch signed.", "the ferry deal, which", "the ferry deal"),
    ("Lowe described the four cases in which Finch had failed.", "the four cases in which", "the four cases"),
    ("Lowe said taxpayers pay more than they should.", "taxpayers pay more than they", "taxpayers pay more than"),
    ("Lowe said the toll has risen in the years since.", "the toll has risen in the years since",
     "the toll has risen in the years since"),  # 'since' ends its phrase, it opens none
    ("Lowe called it \"a deal for the few and\" nothing more.", "it \"a deal for the few and\"",
     "it \"a deal for the few and\""),  # inside quote marks, words stay as said
])
def test_a_content_does_not_end_on_a_dangling_word(text, content, kept) -> None:
    from onrecord.nlp import load_pipeline
    from onrecord.quotes.clauses import without_dangling
    from onrecord.quotes.tokens import Tokens

    toks = Tokens.from_doc(load_pipeline()(text))
    first, last = toks.span_tokens(text.index(content), text.index(content) + len(content))
    end = without_dangling(toks, first, last)
    assert text[toks.starts[first]:toks.ends[end]] == kept


@pytest.mark.parametrize(("pieces", "kept"), [
    # sentence 0 is tokens 0-4, sentence 1 tokens 5-12; the cue is tokens 7-8
    ([(1, 3), (10, 12)], [(10, 12)]),  # a leftover span of the sentence before is not what the cue reports
    ([(1, 3)], [(1, 3)]),  # with nothing after it in its own sentence, the span before is its content
    ([(5, 6), (10, 12)], [(5, 6), (10, 12)]),  # '"…," he said, "…"': both pieces in the cue's sentence
])
def test_a_cue_with_content_in_its_own_sentence_leaves_the_sentence_before(pieces, kept) -> None:
    from onrecord.learned.decode import _own_sentence

    sentence = [0] * 5 + [1] * 8
    assert [p[:2] for p in _own_sentence(sentence, (7, 8), [(f, l, 0.9) for f, l in pieces])] == kept


def test_a_leftover_span_of_the_sentence_before_joins_no_statement() -> None:
    import onrecord

    text = ('The choice was between going after Dalby as "uniquely unfit" or poking holes in his image as a '
            "local hero. They went with the former with hopes of coming back to the latter.")
    assert [q.text for q in onrecord.extract(text, method="model").quotes] == ["coming back to the latter"]
