"""The pipeline onrecord parses with: the English model, and a blank line as a sentence boundary."""
from __future__ import annotations

import onrecord
from onrecord.nlp import PARAGRAPHS, load_pipeline

HEADLINE = ("MP Harriet Lowe defends convicted councillor Simon Drake\n\n"
            "Harriet Lowe, the Harbour Party MP for Kestrel Bay, has defended her friend and former colleague.")


def test_a_blank_line_starts_a_sentence_the_parser_keeps() -> None:
    nlp = load_pipeline()
    assert nlp.pipe_names.index(PARAGRAPHS) < nlp.pipe_names.index("parser")
    doc = nlp(HEADLINE)
    assert [s.text.strip() for s in doc.sents] == HEADLINE.split("\n\n")
    drake = next(t for t in doc if t.text == "Drake")
    assert drake.head.i < drake.i + 1 and "\n" not in doc[drake.head.i : drake.i].text  # parsed in the headline


def test_a_single_line_break_is_no_boundary() -> None:
    # hard-wrapped text breaks lines inside sentences
    doc = load_pipeline()("The mayor said the bridge\nwould close in May for repairs.")
    assert len(list(doc.sents)) == 1


def test_a_headline_statement_is_aimed_at_the_person_it_names() -> None:
    # parsed into the lede, 'councillor' took 'Simon Drake' as a modifier of the lede's subject
    defends = next(q for q in onrecord.extract(HEADLINE).quotes if q.cue and q.cue.text == "defends")
    assert (defends.type, defends.target.name, defends.target.kind) == ("support", "Simon Drake", "person")
