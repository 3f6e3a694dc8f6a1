"""The model's attribute rules looked up by index give what spaCy's attribute_ruler gives."""
from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from onrecord.attributes import compile_rules
from onrecord.nlp import ATTRIBUTES, MODEL_PACKAGES, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "data" / "seed"
COLUMNS = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD"]

# Rules of every shape the compiler takes: a tag, a word and its tag, a word alone, a dependency
# left out (NOT_IN), a set of tags (IN), two tokens with the rule on the second (index -1), a
# regular expression, and two rules on one token where the later must win.
RULES = [
    ([[{"TAG": "DT"}]], {"POS": "DET", "MORPH": "PronType=Art"}, 0),
    ([[{"LOWER": "the", "TAG": "DT"}]], {"MORPH": "Definite=Def|PronType=Art"}, 0),
    ([[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"}, 0),
    ([[{"LOWER": "y'"}, {"LOWER": "all"}]], {"LEMMA": "you"}, -1),
    ([[{"TAG": {"IN": ["NN", "NNS"]}, "DEP": {"NOT_IN": ["compound"]}}]], {"POS": "NOUN"}, 0),
    ([[{"TAG": "NN", "DEP": "compound"}]], {"POS": "PROPN"}, 0),
    ([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"}, 0),
    ([[{"TAG": "DT"}]], {"POS": "PRON"}, 0),  # later than the first rule: its POS wins
    ([[{"LOWER": {"REGEX": "^ai$"}}, {"TAG": {"IN": ["RB", "RBR"]}}]], {"MORPH": "Polarity=Neg"}, -1),  # no one value to file it by
]
# (words, tags, dependencies): heads are left at each token itself
DOCS = [
    (["The", "ai", "n't", "the", "nothin'", "y'", "all", "said"], ["DT", "VBZ", "RB", "DT", "NN", "PRP", "DT", "VBD"],
     ["det", "ROOT", "neg", "det", "dobj", "nsubj", "appos", "ccomp"]),
    (["a", "tax", "plan", "plans"], ["DT", "NN", "NN", "NNS"], ["det", "compound", "nsubj", ""]),
]


def _ruled(rules, make):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs, index in rules:
        ruler.add(patterns, attrs, index=index)
    return ruler, [make(nlp.vocab, words, tags, deps) for words, tags, deps in DOCS]


def _doc(vocab, words, tags, deps) -> Doc:
    return Doc(vocab, words=words, tags=tags, deps=deps or None, heads=list(range(len(words))))


def test_each_rule_shape_sets_what_the_ruler_sets() -> None:
    ruler, docs = _ruled(RULES, _doc)
    indexed = compile_rules(ruler)
    assert indexed is not None
    for doc in docs:
        expected, got = ruler(doc.copy()), indexed(doc.copy())
        assert got.to_array(COLUMNS).tolist() == expected.to_array(COLUMNS).tolist()
    the, aint, all_ = (ruler(docs[0].copy())[i] for i in (0, 1, 6))
    assert (the.pos_, str(the.morph), aint.lemma_, all_.lemma_) == ("PRON", "Definite=Def|PronType=Art", "be", "you")
    assert str(ruler(docs[0].copy())[2].morph) == "Polarity=Neg"


@pytest.mark.parametrize("pattern", [
    [{"LENGTH": 3}],                      # an attribute the index does not read
    [{"LOWER": "a", "OP": "?"}],          # an operator: matches of more than one length
    [{"TAG": {"REGEX": "^N"}}],          # a regular expression on anything but the word
])
def test_rules_of_another_shape_keep_spacys_ruler(pattern) -> None:
    ruler, _ = _ruled([([pattern], {"POS": "X"}, 0)], _doc)
    assert compile_rules(ruler) is None


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "demo" / "articles").glob("*.txt"))]
    return texts + [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]


def _models_own_ruler():
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load(exclude=["lemmatizer"]).get_pipe("attribute_ruler")
        except ImportError:
            continue
    pytest.fail(f"no English model installed ({', '.join(MODEL_PACKAGES)}); run `make install`")


def test_the_pipeline_sets_what_the_models_own_ruler_sets() -> None:
    # our demo articles, and the seed article where ../shared/data has it
    nlp = load_pipeline()
    assert "attribute_ruler" not in nlp.pipe_names and ATTRIBUTES in nlp.pipe_names
    ruler, indexed = _models_own_ruler(), nlp.get_pipe(ATTRIBUTES)
    docs = list(nlp.pipe(_texts(), disable=[ATTRIBUTES]))
    assert sum(map(len, docs)) > 1000
    for doc in docs:
        expected, got = ruler(doc.copy()).to_array(COLUMNS), indexed(doc.copy()).to_array(COLUMNS)
        assert np.array_equal(got, expected), [doc[i].text for i in np.nonzero((got != expected).any(1))[0]]
