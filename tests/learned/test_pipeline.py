"""What the tagger adds to the rules, with the shipped model: (text, cue, speaker, content) rows."""
from __future__ import annotations

import pytest

import onrecord

ROWS = [
    # a name the tagger cut short ('Port') still resolves to the person
    ("Port Avery mayor Delia Marsh on Tuesday defended her plan to charge drivers a toll on the "
     "Harbour Bridge, saying the money would pay for repairs.", "defended", "Delia Marsh",
     "her plan to charge drivers a toll on the Harbour Bridge"),
    # an apposition given as the source describes the name before it
    ("Ann Lee, the Harbour Party MP for Eastgate, has defended her friend Tom Okafor a day after his conviction.",
     "has defended", "Ann Lee", "her friend Tom Okafor"),
    ("She added that residents on low incomes would be exempt from the charge.", "added", None,
     "that residents on low incomes would be exempt from the charge"),
    ("Mayor Delia Marsh declined to comment on Okafor's remarks.", "declined", "Delia Marsh",
     "to comment on Okafor's remarks"),
]


@pytest.mark.parametrize(("text", "cue", "speaker", "content"), ROWS, ids=[r[1] for r in ROWS])
def test_tagger_statements(text: str, cue: str, speaker: str | None, content: str) -> None:
    found = {q.cue.text: q for q in onrecord.extract(text).quotes if q.cue}
    assert cue in found, sorted(found)
    q = found[cue]
    assert q.text == content
    assert (q.speaker.name if q.speaker else None) == speaker
    assert q.kind == "indirect" and 0 < q.confidence < 1


def test_spans_of_one_statement_never_overlap() -> None:
    # the tagger cut this content in two; extending the first to its clause's end joins them
    text = ("Tory MP Crispin Blunt has retracted his statement defending convicted sex offender "
            "Imran Ahmad Khan and issued an apology for causing \"significant upset.\"")
    for q in onrecord.extract(text).quotes:
        spans = sorted([*q.content, *(s for s in (q.cue, q.source) if s)], key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:])), spans
    retraction = next(q for q in onrecord.extract(text).quotes if q.cue and q.cue.text == "has retracted")
    assert retraction.text == "his statement defending convicted sex offender Imran Ahmad Khan"


@pytest.mark.parametrize(("text", "cue", "source", "speaker"), [
    ("The rules are backed by the port authority and by several harbour towns that support the toll.",
     "support", "that", "several harbour towns"),
    ("The permits go mostly to retired sailors, who make up half the applicants and see the scheme as a way "
     "to keep their boats.", "see", "who", "retired sailors"),
])
def test_a_relative_pronoun_is_the_source_the_tagger_left_out(text, cue, source, speaker):
    """PolNeAR marks the pronoun; the parse's subject would be its whole noun phrase, statement and all."""
    [q] = [q for q in onrecord.extract(text).quotes if q.cue and q.cue.text == cue]
    assert (q.source.text, q.speaker.name) == (source, speaker)


VERDICTS = [
    # the one judged said nothing: PolNeAR gives such reports no source ...
    ("Alan Pryce was found guilty on Monday of assaulting a teenage boy in 2009.",
     "was found guilty on Monday of", None),
    # ... nor does a headline's reduced passive; and the lede's subject is not the headline's
    ("Former councillor Simon Drake convicted of taking bribes over marina contract\n\nSimon Drake, the "
     "former deputy leader of Kestrel Bay council, was convicted on Monday of taking bribes from a building firm.",
     "was convicted on Monday of", None),
    # the active verdict keeps its subject: the jury, the police
    ("A jury found Drake guilty of two counts of bribery.", "found", "A jury"),
    ("Police charged Tom Reid with fraud on Friday.", "charged", "Police"),
    ("Ann Lee has accused the council of wasting money on the bridge.", "has accused", "Ann Lee"),
    # the one asked a question did not ask it, and the asker goes unnamed; one who asks is a source
    ('Ruth Ainsley spoke.\n\nAsked whether she had considered resigning, she said: "No."', "Asked", None),
    ("Tom Reid was asked if he would resign.", "was asked", None),
    ("Ann Lee asked whether the bridge was safe.", "asked", "Ann Lee"),
    # the one a passive verb of speech or judgement is about said nothing; one quoted did
    ("Reid was also dubbed the debate winner on social media.", "was also dubbed", None),
    ("Tom Reid was quoted as saying the bridge would reopen in May.", "saying", "Tom Reid"),
]


def test_a_subject_of_another_verb_is_not_the_cues_source():
    text = ("'I have no regrets': Harbour chief defends port expansion\n\n"
            "Harbour Authority chief executive Sophie Grant has defended the £90m expansion of Kellan port, "
            "despite protests from fishermen who say it will destroy their livelihoods.")
    found = {q.cue.text: q.speaker.name for q in onrecord.extract(text).quotes if q.cue and q.speaker}
    assert found.get("has defended") == "Sophie Grant", found
    assert found.get("say") == "fishermen", found


@pytest.mark.parametrize(("text", "cue", "source"), VERDICTS, ids=[r[1] for r in VERDICTS])
def test_the_subject_of_a_passive_verdict_is_no_source(text: str, cue: str, source: str | None) -> None:
    found = {q.cue.text: q for q in onrecord.extract(text).quotes if q.cue}
    assert cue in found, sorted(found)
    q = found[cue]
    assert (q.source.text if q.source else None) == source
    assert (q.speaker is None) == (source is None)


TAKEN_TEXT = ("“What was needed was to raise it in this public setting, and she did,” said Kenneth Bray.\n"
              "Marsh aides were coy about whether they would change their approach, despite weeks of falling polls.")


def _tagger_statement(*pieces: str, cue: str):
    """A statement as the tagger might give it: ``pieces`` of TAKEN_TEXT joined to ``cue``."""
    from onrecord.quotes.attribution import Attribution

    spans = [(TAKEN_TEXT.index(p), TAKEN_TEXT.index(p) + len(p)) for p in pieces]
    start = TAKEN_TEXT.index(cue)
    return Attribution(spans, "mixed", cue=(start, start + len(cue)))


@pytest.mark.parametrize(("pieces", "cue", "kept"), [
    # the quote a sentence before was joined to this cue: the rules have it, the rest is the tagger's
    (["“What was needed was to raise it in this public setting, and she did,”", "whether they would change their approach"],
     "were coy about", ["whether they would change their approach"]),
    # nothing the rules found: kept whole
    (["whether they would change their approach"], "were coy about", ["whether they would change their approach"]),
    # the rules' statement in the cue's own sentence: theirs
    (["What was needed was to raise it"], "said", None),
    (["“What was needed was to raise it in this public setting, and she did,”", "Kenneth Bray"], "said", None),
])
def test_a_tagger_statement_keeps_what_the_rules_did_not_find(pieces, cue, kept) -> None:
    from onrecord.learned.pipeline import _not_taken
    from onrecord.nlp import load_pipeline
    from onrecord.quotes import Tokens

    doc = load_pipeline()(TAKEN_TEXT)
    toks = Tokens.from_doc(doc, text=TAKEN_TEXT)
    quote = TAKEN_TEXT.index("“"), TAKEN_TEXT.index("”") + 1
    first, last = toks.span_tokens(*quote)
    toks.quote[first : last + 1] = [0] * (last + 1 - first)  # as the rules mark it
    given = _tagger_statement(*pieces, cue=cue)
    a = _not_taken(toks, doc, given, [quote])
    assert (None if a is None else [TAKEN_TEXT[s:e] for s, e in a.content]) == kept
    if a is not None and len(pieces) > 1:  # the quoted piece left: no longer a mixed statement
        assert a.kind == "indirect"


WIDE_TEXT = ("Mayor Ann Lee said the bridge was unsafe, so drivers should avoid it, while the harbour master, "
             "Tom Reid, called it a disgrace. Her aides suggested Reid said the ferry was late.")


def _at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = WIDE_TEXT.index(words, start + 1)
    return start, start + len(words)


def _statement(content: list[str], cue: str, source: str | None, nth: int = 0):
    from onrecord.quotes.attribution import Attribution

    return Attribution([_at(c) for c in content], "indirect", cue=_at(cue, nth), source=_at(source) if source else None)


@pytest.mark.parametrize(("tagged", "widened"), [
    # the tagger's content holds the rules' and runs on in the sentence: the tagger's is kept
    (_statement(["the bridge was unsafe, so drivers should avoid it"], "said", "Mayor Ann Lee"),
     ("the bridge was unsafe, so drivers should avoid it", "said", "Mayor Ann Lee")),
    # shorter, or in two pieces: the rules' stays
    (_statement(["the bridge"], "said", "Mayor Ann Lee"), ("the bridge was unsafe", "said", "Mayor Ann Lee")),
    (_statement(["Mayor Ann Lee", "the bridge was unsafe, so drivers"], "said", None), ("the bridge was unsafe", "said", "Mayor Ann Lee")),
    # never over another statement's source
    (_statement(["the bridge was unsafe, so drivers should avoid it, while the harbour master"], "said", "Mayor Ann Lee"),
     ("the bridge was unsafe", "said", "Mayor Ann Lee")),
])
def test_a_longer_tagger_content_widens_the_rules_statement(tagged, widened) -> None:
    from onrecord.learned.pipeline import _widen
    from onrecord.nlp import load_pipeline
    from onrecord.quotes import Tokens

    doc = load_pipeline()(WIDE_TEXT)
    toks = Tokens.from_doc(doc, text=WIDE_TEXT)
    lee = _statement(["the bridge was unsafe"], "said", "Mayor Ann Lee")
    reid = _statement(["a disgrace"], "called", "the harbour master, Tom Reid,")
    taken = [*lee.content, *reid.content]
    _widen(toks, tagged, [lee, reid], taken, [lee.cue, lee.source, reid.cue, reid.source])
    shown = tuple(WIDE_TEXT[s:e] for s, e in (*lee.content, lee.cue, lee.source))
    assert shown == widened
    assert sorted(taken) == sorted([*lee.content, *reid.content])


BRIDGE_TEXT = ("The mayor plans this week to give $2 million to the harbour fund, and Tom Reid said on Friday "
               "that the \u201cferry\u201d deal was dead.")


def _bridge_statement(*pieces: str, cue: str, kind: str = "indirect"):
    from onrecord.quotes.attribution import Attribution

    spans = [(BRIDGE_TEXT.index(p), BRIDGE_TEXT.index(p) + len(p)) for p in pieces]
    return Attribution(spans, kind, cue=(BRIDGE_TEXT.index(cue), BRIDGE_TEXT.index(cue) + len(cue)))


@pytest.mark.parametrize(("pieces", "others", "kind", "content"), [
    # words the tagger let go inside a clause: one span
    (["plans", "to give $2 million to the harbour fund"], [], "indirect", ["plans this week to give $2 million to the harbour fund"]),
    # ... not over a cue (its own or another's), nor over a quote mark, nor for a direct quote
    (["to give $2 million to the harbour fund", "that the"], [], "indirect",
     ["to give $2 million to the harbour fund", "that the"]),
    (["plans", "to give $2 million to the harbour fund"], ["this week"], "indirect",
     ["plans", "to give $2 million to the harbour fund"]),
    (["to give $2 million to the harbour fund", "that the"], ["said"], "indirect",
     ["to give $2 million to the harbour fund", "that the"]),
    (["that the", "deal was dead"], [], "indirect", ["that the", "deal was dead"]),
    (["plans", "to give $2 million to the harbour fund"], [], "direct", ["plans", "to give $2 million to the harbour fund"]),
])
def test_pieces_that_only_free_words_part_become_one(pieces, others, kind, content) -> None:
    from onrecord.learned.pipeline import _bridged

    a = _bridge_statement(*pieces, cue="said", kind=kind)
    found = [a, *(_bridge_statement("was dead", cue=c) for c in others)]
    _bridged(BRIDGE_TEXT, found)
    assert [BRIDGE_TEXT[s:e] for s, e in a.content] == content


def test_a_relative_word_after_the_content_is_not_its_first_piece() -> None:
    # a source given after the content ('… the election, to which 21 percent') keeps 'which' out of
    # it: the word was put first, out of text order, and '…, to' then ran back over the content
    from onrecord.nlp import load_pipeline
    from onrecord.quotes import Tokens
    from onrecord.quotes.attribution import Attribution
    from onrecord.quotes.clauses import with_relative

    text = "Another question asked voters how likely the mayor was to win the election, to which 21 percent said \u201cnot too likely.\u201d"
    toks = Tokens.from_doc(load_pipeline()(text), text=text)
    at = lambda w: (text.index(w), text.index(w) + len(w))  # noqa: E731
    a = Attribution([(text.index("how"), text.index(", to which"))], "indirect", cue=at("asked"), source=at("21 percent"))
    with_relative(toks, a)
    assert [text[s:e] for s, e in a.content] == ["how likely the mayor was to win the election"]


def test_a_rules_statement_inside_the_taggers_is_the_taggers() -> None:
    from onrecord.learned.pipeline import _widen
    from onrecord.nlp import load_pipeline
    from onrecord.quotes import Tokens

    doc = load_pipeline()(WIDE_TEXT)
    toks = Tokens.from_doc(doc, text=WIDE_TEXT)
    inner = _statement(["the ferry was late"], "said", "Reid", nth=1)
    outer = _statement(["Reid said the ferry was late"], "suggested", "Her aides")
    _widen(toks, outer, [inner], [*inner.content], [inner.cue, inner.source])
    assert [WIDE_TEXT[s:e] for s, e in (*inner.content, inner.cue, inner.source)] == [
        "Reid said the ferry was late", "suggested", "Her aides"]


SUBJECTS = [
    # what is said of a passive or raising verb's subject begins with the subject (PolNeAR's two pieces)
    ("Peacekeepers have been accused of hurting the civilians they were sent to protect.",
     "have been accused of", ["Peacekeepers", "hurting the civilians they were sent to protect"], None),
    ("Yes, he seems to have a different set of rules for his friends.", "seems",
     ["he", "to have a different set of rules for his friends"], None),
    ('The senator\'s claim was checked, and it was labeled "Mostly True."', "was labeled", ["it", '"Mostly True."'], None),
    # the one asked is a listener, and an 'it' that stands for the clause is nothing said of
    ("Tom Reid was asked if he would resign.", "was asked", ["if he would resign"], None),
    # one who feels it is the source
    ("Protesters were angered that the police released only some of the footage.", "were angered",
     ["that the police released only some of the footage"], "Protesters"),
]


RELATIVES = [
    # a relative word before the source that is part of what is said is the content's first piece
    ("The council will adopt the new rules, which officials said will go into effect in May.", "said",
     ["which", "will go into effect in May"], "officials"),
    ("It ended in a fine, which I said was not a prison sentence.", "said", ["which", "was not a prison sentence"], "I"),
    ('He attacked Marco Rubio, who he dubbed "the little senator."', "dubbed", ["who", '"the little senator."'], "he"),
    # ... after a preposition too where it is 'what' ('about what Reid says …')
    ("Voters have heard enough about what Reid says his ferry plan would do.", "says",
     ["what", "his ferry plan would do"], "Reid"),
    # where it was said is no part of what was said
    ("The mayor issued a statement in which she urged residents to stay indoors.", "urged",
     ["residents to stay indoors"], "she"),
]


@pytest.mark.parametrize(("text", "cue", "content", "source"), SUBJECTS + RELATIVES,
                         ids=[r[0][:30] for r in SUBJECTS + RELATIVES])
def test_where_a_content_begins(text, cue, content, source) -> None:
    found = {q.cue.text: q for q in onrecord.extract(text).quotes if q.cue}
    assert cue in found, sorted(found)
    q = found[cue]
    assert [text[s.start : s.end] for s in q.content] == content
    assert (q.source.text if q.source else None) == source


@pytest.mark.parametrize(("text", "source"), [
    # a relative clause that holds a statement of its own is no part of the source ...
    ("Barkley, who said he typically votes Democratic, said the debate was a mess.", "Barkley"),
    # ... one that says nothing stays in it, as PolNeAR mostly marks it
    ("Chris Cox, who runs the lobbying arm of the group, said the bill was bad.",
     "Chris Cox, who runs the lobbying arm of the group,"),
])
def test_a_source_leaves_out_an_aside_that_speaks(text: str, source: str) -> None:
    found = {q.text: q for q in onrecord.extract(text).quotes}
    q = next(q for t, q in found.items() if "the bill" in t or "the debate" in t)
    assert q.source.text == source


def test_words_after_the_cues_sentence_outside_quote_marks_are_not_its_content() -> None:
    # the tagger joined the next sentence to 'shows'; reported words past a sentence end are quoted
    text = ("Donations to the mayor's campaign hit nearly $1 million by the end of August, a Kestrel Gazette "
            "analysis of newly filed reports shows. That surpasses the $400,000 that poured into the race during "
            "the entire 2020 cycle.")
    q = next(q for q in onrecord.extract(text).quotes if q.cue and q.cue.text == "shows")
    assert [c.text for c in q.content] == ["Donations to the mayor's campaign hit nearly $1 million by the end of August"]


@pytest.mark.parametrize(("text", "cue", "source"), [
    # what the speaker was doing meanwhile is no part of the source ...
    ("Mayor Delia Marsh, speaking to reporters outside the town hall, said the toll would go ahead.",
     "said", "Mayor Delia Marsh"),
    ("Ann Lee, the Harbour Party MP for Eastgate, speaking at a rally on Friday, said the vote was rigged.",
     "said", "Ann Lee, the Harbour Party MP for Eastgate,"),
    # ... a past participle's aside is kept, as PolNeAR keeps it as often as not
    ("The survey, conducted by the Kestrel Institute, found that most drivers oppose the toll.",
     "found", "The survey, conducted by the Kestrel Institute,"),
    # the one made to speak says it, not what made them
    ("The result will almost certainly force Mayor Delia Marsh to acknowledge a hard reality.",
     "to acknowledge", "Mayor Delia Marsh"),
    ("The abrupt announcement led some councillors to speculate that the toll was doomed.",
     "to speculate", "some councillors"),
    ("The row over the bridge has left many residents to wonder whether the toll will ever end.",
     "to wonder", "many residents"),
    # an urging is the urger's own statement
    ("Marsh urged her supporters to ask the council for a vote on the toll.", "urged", "Marsh"),
    # a wire story's dateline names nobody; who follows it speaks
    ("PORT AVERY (AP) \u2014 Mayor Delia Marsh said on Tuesday that the toll would stay.", "said", "Mayor Delia Marsh"),
    ("KESTREL \u2014 Council leader Tom Okafor said the vote had been rigged.", "said", "Council leader Tom Okafor"),
    ("MYRTLE BEACH, S.C. - Sen. Ann Lee (R-Tex.) continued her attack on the mayor on Saturday, casting her as a "
     "false friend of the harbour.", "casting", "Sen. Ann Lee (R-Tex.)"),
    ("A teary-eyed Marsh said she would not resign.", "said", "A teary-eyed Marsh"),
    # 'even' is left out
    ("Even some of her allies say the toll is a mistake.", "say", "some of her allies"),
], ids=["speaking", "speaking after an apposition", "conducted by", "force", "led", "left", "urged",
        "dateline and agency", "dateline", "dateline alone", "no dateline", "even"])
def test_who_a_source_is(text: str, cue: str, source: str) -> None:
    found = {q.cue.text: q for q in onrecord.extract(text).quotes if q.cue}
    assert cue in found, sorted(found)
    assert found[cue].source.text == source


@pytest.mark.parametrize(("text", "source"), [
    ("Joe Harland, host of Harbour FM's \u201cMorning Tide,\u201d said the toll was unfair to commuters.",
     "Joe Harland, host of Harbour FM's \u201cMorning Tide,\u201d"),
    ("The authors of the \u201cHarbour Renewal Plan\u201d warned that the bridge would need repairs within a decade.",
     "The authors of the \u201cHarbour Renewal Plan\u201d"),
], ids=["a show", "a plan"])
def test_a_name_in_quote_marks_is_part_of_a_source_not_a_statement(text: str, source: str) -> None:
    quotes = onrecord.extract(text).quotes
    assert [q.source.text if q.source else None for q in quotes] == [source]


@pytest.mark.parametrize(("text", "cue", "source"), [
    # a source inside another statement's content gives way to that statement's source ...
    ("Mayor Delia Marsh said she saw no need to change the plan, telling reporters that the toll would stay.",
     "telling", "Mayor Delia Marsh"),
    ("Tom Okafor said he welcomed the inquiry and added, \"I have nothing to hide.\"", "added", "Tom Okafor"),
    # ... not a named subject of its own cue
    ("The bridge will need repairs within a decade, engineers at the Kestrel Institute say.",
     "say", "engineers at the Kestrel Institute"),
], ids=["telling", "added", "say"])
def test_a_statement_inside_anothers_content_takes_its_source(text: str, cue: str, source: str) -> None:
    found = {q.cue.text: q for q in onrecord.extract(text).quotes if q.cue}
    assert found[cue].source.text == source



@pytest.mark.parametrize("method", ["model", "rules"])
def test_a_second_verb_of_speech_is_a_second_statement(method) -> None:
    # the parse joins 'warned' to the reported clause's own verb 'was'
    text = ("Even Calder Bay, the ministry's only ally on the coast, said it was \"firmly opposed\" to the new "
            "quota and warned the ministry to expect a legal challenge.")
    found = {(q.source.text, q.cue.text): q.text for q in onrecord.extract(text, method=method).quotes}
    source = "Calder Bay, the ministry's only ally on the coast,"
    assert found == {(source, "said"): 'it was "firmly opposed" to the new quota',
                     (source, "warned"): "the ministry to expect a legal challenge"}


@pytest.mark.parametrize(("text", "first", "second"), [
    # acts PolNeAR annotates as statements though they are no verbs of speech: refusing, downplaying
    ("Delia Marsh said the harbour plan was a mistake and refused to say when the bridge would reopen.",
     "the harbour plan was a mistake", ("refused", "to say when the bridge would reopen")),
    ("Ellis Marr said the diet worked and downplayed the risk of injuries for children.",
     "the diet worked", ("downplayed", "the risk of injuries for children")),
])
def test_a_second_act_of_stance_is_a_second_statement(text, first, second) -> None:
    found = {q.cue.text: q.text for q in onrecord.extract(text).quotes if q.cue}
    assert found == {"said": first, second[0]: second[1]}


@pytest.mark.parametrize("method", ["model", "rules"])
def test_a_second_act_found_as_a_quote_is_cut_from_the_first(method) -> None:
    # 'called' is already the quote-mark rules' statement: the first content stops before it all the same
    text = ("On Monday, Ortiz had told a town hall in Cincinnati that the office \"lost more than 5,000 files\" "
            "and called its director, Paul Greer, \"asleep at the wheel.\"")
    found = {q.cue.text: q.text for q in onrecord.extract(text, method=method).quotes}
    assert found == {"had told": 'that the office "lost more than 5,000 files"',
                     "called": 'its director, Paul Greer, "asleep at the wheel."'}


@pytest.mark.parametrize(("text", "cue", "content"), [
    # the reported clause's own verbs: a past perfect's, and one that is no act of speech
    ("Mayor Delia Marsh said the council had misled residents and blamed the port authority for the delay.",
     "said", "the council had misled residents and blamed the port authority for the delay"),
    ("Delia Marsh said the toll would pay for repairs and cut traffic on the Harbour Bridge.",
     "said", "the toll would pay for repairs and cut traffic on the Harbour Bridge"),
])
@pytest.mark.parametrize("method", ["model", "rules"])
def test_a_verb_of_the_reported_clause_stays_in_it(text, cue, content, method) -> None:
    found = {q.cue.text: q.text for q in onrecord.extract(text, method=method).quotes if q.cue}
    assert found.get(cue) == content, found


def test_a_cue_set_as_an_aside_reports_both_sides_of_it() -> None:
    text = "Dean Lowe ran the port for a decade. Though that transition was seamless, he said, replacing the mayor now would be chaotic."
    [q] = [q for q in onrecord.extract(text).quotes if q.cue and q.cue.text == "said"]
    assert [p.text for p in q.content] == ["Though that transition was seamless", "replacing the mayor now would be chaotic"]


@pytest.mark.parametrize(("text", "cue", "pieces"), [
    ("The harbour board met on Monday. Notably absent from the meeting, according to members who spoke with "
     "reporters afterward, was any mention of the toll.",
     "according to", ["Notably absent from the meeting", "was any mention of the toll"]),
    # a sentence's opening connective stays out, as it does from any content
    ("The harbour board met on Monday. But with each passing vote, these supporters acknowledge, it becomes "
     "harder to argue that Mr. Lowe can win.",
     "acknowledge", ["with each passing vote", "it becomes harder to argue that Mr. Lowe can win"]),
    # after it, from 'that', 'because' or 'and' (not 'but': 'according to a tally, but …' is the writer's)
    # one noun before it is enough, and 'as' may open the aside
    ("The harbour board met on Monday. Orkney, as one of the mayor's advisers pointed out, normally does not "
     "get back-to-back storms.",
     "pointed out", ["Orkney", "normally does not get back-to-back storms"]),
    ("The harbour board met on Monday. It is no surprise, Mr. Garin said, that the mayor did better among ferry users.",
     "said", ["It is no surprise", "that the mayor did better among ferry users"]),
])
def test_reported_speech_next_to_a_cue_set_as_an_aside_takes_the_words_on_its_other_side(text, cue, pieces) -> None:
    [q] = [q for q in onrecord.extract(text).quotes if q.cue and q.cue.text == cue]
    assert [p.text for p in q.content] == pieces


def test_a_quote_that_opens_the_next_sentence_goes_on_with_the_reported_speech_before_it() -> None:
    text = ("Tom Reilly, a former councillor, said he would back the plan to rebuild the pier. "
            "“I am going to support it, and support it enthusiastically.”")
    [q] = onrecord.extract(text).quotes
    assert (q.cue.text, q.speaker.name) == ("said", "Tom Reilly")
    assert [p.text for p in q.content] == ["he would back the plan to rebuild the pier",
                                           "“I am going to support it, and support it enthusiastically.”"]


def test_a_cue_reports_the_clause_after_it_not_also_the_one_before() -> None:
    text = "It’s an extremely unlikely scenario; Lowe’s team says she’ll continue her march toward the vote later this week."
    found = [(q.cue.text, q.text) for q in onrecord.extract(text).quotes if q.cue]
    assert found == [("says", "she’ll continue her march toward the vote later this week")]


@pytest.mark.parametrize("method", ["model", "rules"])
def test_a_content_that_opens_a_bracket_closes_it(method) -> None:
    text = ("Sen. Dana Whitcombe (R-Ohio) mocked the military service of Rep. Luis Ortega (D-Ohio) at a town hall "
            "on Saturday.")
    found = {q.cue.text: q.text for q in onrecord.extract(text, method=method).quotes if q.cue}
    assert found.get("mocked", "(D-Ohio)").count("(") == found.get("mocked", "(D-Ohio)").count(")") == 1, found
