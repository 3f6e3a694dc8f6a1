"""The pipeline onrecord parses with: the English model, and a blank line as a sentence boundary."""
from __future__ import annotations

import pytest

import onrecord
from onrecord.article import MAX_CHARS
from onrecord.casing import sentence_case
from onrecord.nlp import PARAGRAPHS, doc_text, load_pipeline

HEADLINE = ("MP Harriet Lowe defends convicted councillor Simon Drake\n\n"
            "Harriet Lowe, the Harbour Party MP for Kestrel Bay, has defended her friend and former colleague.")


def test_a_blank_line_starts_a_sentence_the_parser_keeps() -> None:
    nlp = load_pipeline()
    assert nlp.pipe_names.index(PARAGRAPHS) < nlp.pipe_names.index("parser")
    doc = nlp(HEADLINE)
    assert [s.text.strip() for s in doc.sents] == HEADLINE.split("\n\n")
    drake = next(t for t in doc if t.text == "Drake")
    assert drake.head.i < drake.i + 1 and "\n" not in doc[drake.head.i : drake.i].text  # parsed in the headline


def test_the_text_is_joined_once_per_document() -> None:
    # spaCy joins every token's text on each read of doc.text; the steps after the parse share one join
    doc = load_pipeline()(HEADLINE)
    first = doc_text(doc)
    assert first == doc.text == HEADLINE
    assert doc_text(doc) is first
    assert doc_text(load_pipeline()("Another article.")) == "Another article."


def test_a_single_line_break_is_no_boundary() -> None:
    # hard-wrapped text breaks lines inside sentences
    doc = load_pipeline()("The mayor said the bridge\nwould close in May for repairs.")
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text", [
    "Dana Whitfield said she felt the 13th Amendment was worth examining because the courts had ignored it.",
    "Lowe said voters are moving a bit to the left and I think that the council knows it.",
    "The mayor said her father was a harbour pilot and I just was not ready for that, she said.",
])
def test_no_sentence_ends_on_a_lower_case_word_or_an_ordinal(text) -> None:
    # the parser had split '… the 13th | Amendment was worth …'
    assert len(list(load_pipeline()(text).sents)) == 1


def test_a_statement_split_by_the_parser_keeps_its_whole_content() -> None:
    text = "Whitfield said she felt the 13th Amendment was worth examining because “most people don’t know about that loophole,” she said."
    assert onrecord.extract(text).quotes[0].text.endswith("loophole,”")


def test_a_headline_statement_is_aimed_at_the_person_it_names() -> None:
    # parsed into the lede, 'councillor' took 'Simon Drake' as a modifier of the lede's subject
    defends = next(q for q in onrecord.extract(HEADLINE).quotes if q.cue and q.cue.text == "defends")
    assert (defends.type, defends.target.name, defends.target.kind) == ("support", "Simon Drake", "person")


# A title-case headline is parsed as if in sentence case: the model reads capitals as names.
TITLE_CASE = [
    # (headline, a word of it, the part of speech it must get)
    ("Senator Warns Of Budget Cuts As Talks Stall", "Warns", "VERB"),
    ("Governor Dana Whitfield Says She Will Veto Tax Plan", "Says", "VERB"),
    ("Mayor Denies Report He Pressured Housing Board", "Denies", "VERB"),
    ("Congressman Says He 'Misspoke' About Veterans", "Misspoke", "VERB"),  # a quote's capital is the title's
]
BODY = "\n\nGov. Dana Whitfield and Senator Mark Doyle spoke in Springfield on Tuesday about the budget."


@pytest.mark.parametrize(("headline", "word", "pos"), TITLE_CASE)
def test_a_title_case_headline_is_parsed_in_sentence_case(headline, word, pos) -> None:
    text = headline + BODY
    doc = load_pipeline()(text)
    assert doc.text == text  # the words are the article's own, offsets unchanged
    token = next(t for t in doc if t.text == word)
    assert token.pos_ == pos
    assert not [e for e in doc.ents if word in e.text]  # no name runs over the verb


def test_names_keep_their_capitals_in_a_title_case_headline() -> None:
    doc = load_pipeline()("Governor Dana Whitfield Says She Will Veto Tax Plan" + BODY)
    assert "Dana Whitfield" in {e.text for e in doc.ents if e.label_ == "PERSON"}


def test_a_sentence_case_headline_and_a_lede_without_one_are_left_alone() -> None:
    nlp = load_pipeline()
    for text in (HEADLINE, "Gov. Dana Whitfield Said On Tuesday She Would Veto The Plan.", "Dana Whitfield: Vetoes Ahead\n"):
        doc = nlp.make_doc(text)
        assert sentence_case(doc) is doc, text


def test_each_line_of_a_title_case_headline_is_a_sentence() -> None:
    text = "Howell: Mayor Owes The City An Explanation\nCouncil Member Says Records Should Be Public" + BODY
    sents = [s.text.strip() for s in load_pipeline()(text).sents]
    assert sents[:2] == text.split("\n")[:2]


def test_a_persons_name_never_runs_over_a_possessive() -> None:
    doc = load_pipeline()("Clinton Calls Trump’s Putin Remarks ‘Troubling’\n\nHillary Clinton spoke about Donald Trump and Vladimir Putin.")
    assert not [e for e in doc.ents if "’s" in e.text and e.label_ == "PERSON"]


@pytest.mark.parametrize(("text", "person"), [
    ("Former Lt. Gov. Patty Judge said on Monday that she would run.", "Patty Judge"),
    ("Ellen Bishop, the council leader, said the budget was fair.", "Ellen Bishop"),
    ("Sen. Angus King said the bill was flawed.", "Angus King"),
])
def test_a_surname_that_is_a_title_stays_in_the_name(text, person) -> None:
    assert person in [e.text for e in load_pipeline()(text).ents if e.label_ == "PERSON"]


def test_a_title_word_surname_names_the_speaker_later() -> None:
    text = ("Former Lt. Gov. Patty Judge said on Monday that the senator had failed the state.\n\n"
            '"He has let us down," Judge said.\n')
    assert [q.speaker.name for q in onrecord.extract(text).quotes] == ["Patty Judge", "Patty Judge"]


def test_a_title_after_a_name_stays_out_of_it_when_it_is_no_surname() -> None:
    doc = load_pipeline()("Tom Reid met the judge on Monday.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Tom Reid"]


def test_an_article_at_the_length_limit_fits_the_parser():
    """Read time refuses more than MAX_CHARS; anything shorter must not meet spaCy's own limit
    later, as a raw [E088] error after seconds of work (it did at 2,000,000)."""
    assert load_pipeline().max_length >= MAX_CHARS


def test_a_figure_in_millions_ends_its_sentence():
    """'£150m.' is a figure and a full stop, not an abbreviation that runs into the next sentence."""
    text = ("Ms Olaniyan told analysts that the group now expected profit of £150m. She said the cut reflected "
            "a cost shock. J. K. Rowling said so at 5 p.m. on Monday.")
    sentences = [s.text for s in load_pipeline()(text).sents]
    assert sentences[0].endswith("£150m.") and len(sentences) == 3
    assert [q.cue.text for q in onrecord.extract(text).quotes][:2] == ["told", "said"]


def test_loading_the_pipeline_does_not_import_torch_yet_leaves_it_importable() -> None:
    # thinc imports torch when it is installed (the training extra): seconds on every command
    import importlib.util
    import subprocess
    import sys

    script = ("import sys; from onrecord.nlp import load_pipeline; load_pipeline()('Lowe said it was late.');"
              "print('torch' in sys.modules);"
              "import importlib.util; print(importlib.util.find_spec('torch') is not None)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "False"
    assert out[1] == str(importlib.util.find_spec("torch") is not None)
    if out[1] == "True":  # and training can still import it in the same process
        script = "from onrecord.nlp import load_pipeline; load_pipeline(); import torch; print(torch.tensor([1]).sum().item())"
        assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip() == "1"
