"""Gold spans to per-token composite labels (source, cue, content layers)."""
from __future__ import annotations

import spacy

from onrecord.learned.data import gold_tags
from onrecord.polnear import parse_brat

TEXT = "Ms Reyes said the mill would close, according to a memo."
ANN = """T1\tSource 0 8\tMs Reyes
T2\tCue 9 13\tsaid
T3\tContent 14 34\tthe mill would close
E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3
T4\tSource 49 55\ta memo
T5\tCue 36 48\taccording to
E2\tAttribution:T5 Source:T4 Cue:T5 Content:T3
"""


def test_gold_tags_mark_each_layer() -> None:
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    tags = dict(zip([t.text for t in doc], gold_tags(doc, parse_brat(TEXT, ANN, "d1"))))
    assert tags["Ms"] == "BOO" and tags["Reyes"] == "IOO"
    assert tags["said"] == "OBO"
    assert tags["the"] == "OOB" and tags["close"] == "OOI"
    assert tags["according"] == "OBO" and tags["to"] == "OIO"
    assert tags["a"] == "BOO" and tags["memo"] == "IOO"
    assert tags[","] == "OOO" and tags["."] == "OOO"
