"""Links inside one article (reacts_to, retracts, apologises_for, same_quote), the seed
article's story end to end, the labelled set and ``onrecord eval --statements``."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord import extract
from onrecord.cli import app
from onrecord.models import Quote, Span
from onrecord.nlp import load_pipeline
from onrecord.statements import classify_statements
from onrecord.statements.evaluate import LABELS_DIR, TYPES, evaluate_statements, load_labels
from onrecord.statements.names import clean_name, same_party

from test_statements import entity, quote

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "data" / "seed" / "indy100-blunt-retraction.txt"
DEMO = ROOT / "demo" / "corpus.jsonl"


def _cue(quotes, cue: str):
    """The statement whose cue is ``cue``."""
    return next(s for s in quotes if s.cue and s.cue.text == cue)


def _said_by(quotes, name: str):
    return next(s for s in quotes if s.speaker and s.speaker.name == name)


def _pairs(statement) -> list[tuple[str, str]]:
    """A statement's links as (type, to) pairs."""
    return [(link.type, link.to) for link in statement.links]

ARTICLE = (
    'Transport Minister Alan Pryce defended the ferry contract. "This is the best deal islanders have had in a '
    'generation," Pryce said. Morag Finlay called Pryce\'s remarks "insulting". Rhys Dalton said the minister had '
    'rewarded failure. "I withdraw my remark that this is the best deal islanders have had in a generation, and I '
    'apologise to every islander," Pryce wrote on Monday. Pryce had said it was "the best deal islanders have had".'
)


@pytest.fixture(scope="module")
def linked():
    t = ARTICLE
    quotes = [
        quote(t, "This is the best deal islanders have had in a generation,", "said", "Pryce", "Alan Pryce", "direct"),
        quote(t, "insulting", "called", "Morag Finlay", "Morag Finlay", "mixed"),
        quote(t, "I withdraw my remark that this is the best deal islanders have had in a generation, and I apologise "
                 "to every islander,", "wrote", "Pryce", "Alan Pryce", "direct"),
        quote(t, "the best deal islanders have had", "had said", "Pryce", "Alan Pryce", "mixed", last=True),
    ]
    out = classify_statements(load_pipeline()(t), quotes, [entity("Alan Pryce"), entity("Morag Finlay")])
    return {q.id: q for q in out}


def test_criticism_of_a_statement_reacts_to_it(linked):
    finlay = linked["q2"]
    assert (finlay.type, finlay.target.kind, finlay.target.name) == ("criticism", "statement", "Alan Pryce")
    assert [(link.type, link.to) for link in finlay.links] == [("reacts_to", "q1")]
    assert "called" in finlay.links[0].evidence and 0 < finlay.links[0].confidence <= 1


def test_retraction_retracts_and_apologises_for_the_speakers_statement(linked):
    retraction = linked["q3"]
    assert retraction.type == "retraction"
    assert {(link.type, link.to) for link in retraction.links} == {("retracts", "q1"), ("apologises_for", "q1")}
    assert "same speaker" in retraction.links[0].evidence


def test_welcoming_an_apology_reacts_to_the_apology():
    t = ('"I am sorry for what I said about the tenants," Grace Holloway said. "The estate deserves better," '
         'Holloway added. Daniel Mensah welcomed the apology.')
    quotes = [
        quote(t, "I am sorry for what I said about the tenants,", "said", "Grace Holloway", "Grace Holloway", "direct"),
        quote(t, "The estate deserves better,", "added", "Holloway", "Grace Holloway", "direct"),
        quote(t, "the apology", "welcomed", "Daniel Mensah", "Daniel Mensah"),
    ]
    out = classify_statements(load_pipeline()(t), quotes, [entity("Grace Holloway"), entity("Daniel Mensah")])
    assert (out[2].type, [(link.type, link.to) for link in out[2].links]) == ("support", [("reacts_to", "q1")])


def test_a_verdict_on_an_apology_reacts_to_it():
    t = ('Councillor Ruth Ainsley told a public meeting: "We did not move quickly enough, and I am sorry for that."\n\n'
         '"It\'s too little, too late," said Peter Hale, whose shop was flooded.\n\n'
         'Ms Ainsley later said she would not resign.')
    q = {s.speaker.name: s for s in reversed(extract(t).quotes)}
    assert q["Ruth Ainsley"].type == "apology"
    hale = q["Peter Hale"]
    assert (hale.type, [(link.type, link.to) for link in hale.links]) == ("criticism", [("reacts_to", q["Ruth Ainsley"].id)])


@pytest.mark.parametrize(("reaction", "typed"), [
    ('"Apologies are not enough," said Neil Ellery. "Families deserve to know their parents are safe."', "criticism"),
    ('"An apology doesn\'t bring back the dignity she lost," said Neil Ellery.', "criticism"),
    ('Neil Ellery said the chief executive had "shown a bit of character" by apologising quickly.', "support"),
])
def test_what_is_said_of_an_apology_answers_it(reaction, typed):
    t = ('Dr Priya Raman, the chief executive, said: "I apologise unreservedly to Mrs Ellery and her family."\n\n'
         + reaction)
    q = {s.speaker.name: s for s in reversed(extract(t).quotes)}
    assert q["Priya Raman"].type == "apology"
    assert (q["Neil Ellery"].type, _pairs(q["Neil Ellery"])) == (typed, [("reacts_to", q["Priya Raman"].id)])


def test_attacking_the_comment_answers_the_words_not_a_statement_that_mentions_comments():
    # 'comments' in Lee's first statement is no subject the two share: the comment attacked is her quote
    t = ("Mayor Ann Lee criticised the comments of councillor Tom Reid on the harbour sale.\n\n"
         "“Does he not understand that the harbour pays for our schools?” Lee said on Monday.\n\n"
         "The Kestrel Gazette attacked the comment in an editorial on Tuesday.")
    quotes = extract(t).quotes
    quoted = next(q for q in quotes if q.kind == "direct")
    attack = next(q for q in quotes if q.cue and q.cue.text == "attacked")
    assert [(link.type, link.to) for link in attack.links] == [("reacts_to", quoted.id)]


def test_an_apology_for_what_happened_takes_back_nothing_said():
    t = ("Chief executive Laura Penn told the BBC the failure had been caused by a faulty software update. "
         '"This should never have happened," she said. "We let our customers down."\n\n'
         'But the Passengers\' Association said the apology was "not enough".')
    q = extract(t).quotes
    penn = [s for s in q if s.type == "apology"]
    assert len(penn) == 1 and penn[0].speaker.name == "Laura Penn" and penn[0].links == ()
    [verdict] = [s for s in q if s.speaker and "Association" in s.speaker.name]
    assert (verdict.type, [(link.type, link.to) for link in verdict.links]) == ("criticism", [("reacts_to", penn[0].id)])


@pytest.mark.parametrize("apology, linked", [
    # sorry for something done, though it shares words with what the speaker said of it
    ("Pryce apologised for his office's handling of the ferry data this week.", False),
    ("Pryce apologised for the incident with the ferry data.", False),
    ("Pryce apologised for his remarks about the ferry data.", True),
])
def test_an_apology_for_an_act_takes_back_no_words(apology: str, linked: bool):
    t = "Alan Pryce said the council had mishandled the ferry data this week. " + apology
    q = extract(t).quotes
    [sorry] = [s for s in q if s.type == "apology"]
    assert (_pairs(sorry) == [("apologises_for", q[0].id)]) is linked


def test_an_apology_after_a_defence_is_for_the_remark_that_started_the_row():
    # the entity tagger misses 'Mr Lloyd' in 'Mr Lloyd hit back', and the apology's 'he' is still Lloyd
    q = extract((ROOT / "tests" / "fixtures" / "minister-row.txt").read_text(encoding="utf-8")).quotes
    [apology] = [s for s in q if s.type == "apology"]
    assert apology.speaker.name == "Gareth Lloyd"
    remark = next(s for s in q if s.speaker and s.speaker.name == "Gareth Lloyd")
    assert "kick up the backside" in remark.text
    assert [(link.type, link.to) for link in apology.links] == [("apologises_for", remark.id)]


def test_a_post_does_not_react_to_what_is_said_of_it_later():
    q = extract((ROOT / "tests" / "fixtures" / "footballer-apology.txt").read_text(encoding="utf-8")).quotes
    by_id = {s.id: s for s in q}
    for s in q:
        for link in s.links:
            if link.type == "reacts_to":  # a reaction answers what came before it, here
                assert int(link.to[1:]) < int(s.id[1:]), (s.text, by_id[link.to].text)
        assert s.target is None or "\n" not in s.target.name


def test_a_denial_does_not_answer_the_speakers_own_lawyer():
    t = ("Kane's lawyer, Simon Pratt, said his client was \"the victim of a political witch-hunt\" and would be cleared.\n\n"
         'In a statement, Victor Kane wrote: "I have never taken a penny that was not mine. I will clear my name."')
    q = {s.speaker.name: s for s in extract(t).quotes}
    assert q["Simon Pratt"].type == "criticism" and q["Victor Kane"].type == "denial"
    assert [link.to for link in q["Victor Kane"].links if link.type == "reacts_to"] == []


MAYOR_ROW = (
    "Mayor Denies Report He Pressured Housing Board\n\n"
    "Mayor Luis Ortega on Thursday denied a newspaper report that he had pressured the city housing board.\n\n"
    "The Lakeside Ledger reported on Wednesday that the mayor had called two board members before the vote. "
    "The newspaper said it stood by its reporting.\n"
)


def test_a_denial_of_a_report_answers_the_outlets_report():
    q = extract(MAYOR_ROW).quotes
    denial = _cue(q, "denied")
    report = _cue(q, "reported")
    assert (denial.type, denial.target.name, denial.target.kind) == ("denial", "a newspaper report", "statement")
    assert _pairs(denial) == [("reacts_to", report.id)]
    # 'the newspaper' is the outlet named before it
    assert {s.speaker.name for s in q if s.cue and s.cue.text in ("reported", "said")} == {"Lakeside Ledger"}


def test_standing_by_ones_own_story_answers_the_denial_of_it():
    q = extract(MAYOR_ROW).quotes
    denial = _cue(q, "denied")
    stood = next(s for s in q if s.text.startswith("it stood by"))
    assert (stood.type, stood.target.kind, stood.target.name) == ("support", "statement", "Lakeside Ledger")
    assert _pairs(stood) == [("reacts_to", denial.id)]


def _find(quotes, key: str):
    """``cue:WORDS`` or ``by:NAME``."""
    how, _, what = key.partition(":")
    return _cue(quotes, what) if how == "cue" else _said_by(quotes, what)


@pytest.mark.parametrize(("text", "reaction", "answered", "typed"), [
    # a report no outlet is named for: the watchdog's words on the same subject are the report
    ("The chief constable, Mark Ellery, has disputed a watchdog report that found officers carried out hundreds "
     "of unlawful searches last year.\n\nThe Police Standards Office said on Monday that one in five searches it "
     "reviewed had no lawful grounds recorded. The Carden Courier said the force had a new chief.\n",
     "cue:has disputed", "by:Police Standards Office", ("denial", "statement", None)),
    # 'welcomed the decision': the statement that announced it
    ("The ferry to Kestrel Island will keep running through the winter, the harbour board said on Monday.\n\n"
     "The chair of the island's residents' group, Colin Birch, welcomed the decision.\n",
     "cue:welcomed", "cue:said", ("support", "other", None)),
    # 'called them ...' after 'criticised the remarks': the remarks they point back to
    ("Councillor Ray Holt made the remark at a public meeting on Friday, telling residents: \"The new road will "
     "wreck this valley.\"\n\nThe Valley Walkers criticised the remarks. Their chair, Ann Dale, called them "
     "\"nonsense from start to finish\".\n",
     "by:Ann Dale", "by:Ray Holt", ("criticism", "statement", "Ray Holt")),
    # 'her proposal': what she called for, not what she said since
    ("Councillor Ada Voss has called for a four-day week for council staff. Voss also said on Monday that the "
     "mayor should resign over the bus contract.\n\nHer rival, Tom Reed, has slammed her proposal as unaffordable.\n",
     "cue:has slammed", "cue:has called for", ("criticism", "statement", "Ada Voss")),
    # 'the comments' with no author given: the person the speaker's sentence names, not the last other speaker
    ("Councillor Ray Holt said residents on the flood plain had \"ignored every warning going\".\n\n"
     "The Marsden Flood Action Group said its members were \"disgusted\".\n\n"
     "Local MP Sarah Whitcombe said she had spoken to Mr Holt and made clear the comments were \"unacceptable\".\n",
     "by:Sarah Whitcombe", "by:Ray Holt", ("criticism", "statement", "Ray Holt")),
    # 'rejected both objections': the words that objected ('had challenged', 'contending')
    ("Two residents, Ann Dale and Ray Holt, had challenged the permit for the new road, contending that it would "
     "flood the valley.\n\nThe county planning board rejected both objections on Monday.\n",
     "cue:rejected", "cue:had challenged", ("criticism", "other", "both objections")),
], ids=["unnamed report", "the decision", "them: the remarks", "her proposal", "the comments of the one named",
        "the objections"])
def test_a_reaction_answers_the_statement_it_points_to(text, reaction, answered, typed):
    q = extract(text).quotes
    r, a = _find(q, reaction), _find(q, answered)
    assert (r.type, r.target.kind) == typed[:2]
    assert typed[2] is None or r.target.name == typed[2]
    assert _pairs(r) == [("reacts_to", a.id)]


def test_a_denial_does_not_answer_the_criticism_that_answers_it():
    # 'the chief constable' is Mark Ellery (a role set beside his name); Clarke answers his denial,
    # so his denial does not answer her back
    t = ("Police chief rejects inspection\n\nThe chief constable of Carden Police, Mark Ellery, rejected the "
         "inspectors' findings on Monday.\n\nThe inspectorate's director, Fiona Clarke, said the chief constable was wrong.\n")
    q = extract(t).quotes
    denial, clarke = _cue(q, "rejected"), _said_by(q, "Fiona Clarke")
    assert (clarke.type, clarke.target.kind, clarke.target.name) == ("criticism", "person", "Mark Ellery")
    assert _pairs(clarke) == [("reacts_to", denial.id)]
    assert _pairs(denial) == []


def test_criticism_of_the_denial_answers_it_and_the_denial_answers_nothing_back():
    # 'rejected claims that …' names criticism, but Ann Lee's words are about the denial itself, told after it
    t = ("Reid denies attacking the jury\n\nKellan MP Tom Reid has denied that he attacked the jury that convicted "
         "Idris Vane.\n\nThe MP rejected claims that he had tried to influence the trial by writing to the court.\n\n"
         "Ann Lee, the Harbour Party leader, said the denial \"changes nothing\".\n")
    q = extract(t).quotes
    lee = _said_by(q, "Ann Lee")
    rejected = _cue(q, "rejected")
    assert lee.type == "criticism" and rejected.type == "denial"
    assert _pairs(lee) and all(to in {s.id for s in q if s.speaker and s.speaker.name == "Tom Reid"} for _, to in _pairs(lee))
    assert all(to != lee.id for s in q for _, to in _pairs(s))


def test_criticism_a_reaction_names_came_first_and_answers_nothing_back():
    # 'took issue with recent criticism': the criticism reported after it is what it answers, and
    # that criticism (Lee on Reid) does not answer Reid's words told in between
    t = ("Budget row in Kellan\n\nSenator Tom Reid took issue on Tuesday with recent criticism of his record on schools. "
         "\"I have voted for every school budget since 2010,\" Reid said.\n\n"
         "Mayor Ann Lee said last week that he had not done his homework on school funding.\n")
    q = extract(t).quotes
    took_issue, lee = _said_by(q, "Tom Reid"), _said_by(q, "Ann Lee")
    assert (lee.type, lee.target.kind, lee.target.name) == ("criticism", "person", "Tom Reid")
    assert _pairs(took_issue) == [("reacts_to", lee.id)]
    assert _pairs(lee) == []


@pytest.mark.parametrize("welcome", ["said the cooperative welcomed his change of heart",
                                     "told reporters she was glad Lyle had reconsidered"])
def test_welcoming_a_change_of_heart_answers_the_retraction(welcome):
    t = ("Wind farm U-turn\n\nEdward Lyle said the turbines would ruin the coast. On Monday Lyle withdrew his remarks "
         f"about the coast. Anna Brooks, who chairs the Hollin Bay Energy Cooperative, {welcome}.\n")
    q = extract(t).quotes
    retraction = next(s for s in q if s.type == "retraction")
    brooks = _said_by(q, "Anna Brooks")
    assert brooks.type == "support"
    assert _pairs(brooks) == [("reacts_to", retraction.id)]


def test_rejecting_a_reports_finding_answers_the_organisation_that_stated_it():
    # no word in common: the finding is what the organisation stated before
    t = ("Watchdog criticises searches\n\nThe Police Standards Office said one in five searches had no lawful grounds "
         "recorded. The chief constable, Mark Ellery, rejected the report's central finding.\n")
    q = extract(t).quotes
    office, ellery = _said_by(q, "Police Standards Office"), _said_by(q, "Mark Ellery")
    assert ellery.type == "denial"
    assert _pairs(ellery) == [("reacts_to", office.id)]


def test_rejecting_a_countrys_concerns_answers_what_it_warned():
    # 'Saudi concerns' are Saudi Arabia's words: the warning, not its other statements
    t = ("Saudi Arabia has warned it could sell its American assets if the bill becomes law. The kingdom said it "
         "had no part in the attacks. Supporters of the bill, led by Tom Reid, have rejected Saudi concerns.")
    saudi = entity("Saudi Arabia", "organization")
    warned = quote(t, "it could sell its American assets if the bill becomes law", "has warned", "Saudi Arabia",
                   "Saudi Arabia", speaker_kind="organization")
    denied = quote(t, "it had no part in the attacks", "said", "The kingdom", "Saudi Arabia", speaker_kind="organization")
    rejected = quote(t, "Saudi concerns", "have rejected", "Supporters of the bill, led by Tom Reid", "Tom Reid")
    typed = classify_statements(load_pipeline()(t), [warned, denied, rejected], [saudi, entity("Tom Reid")])
    assert (typed[2].type, typed[2].target.name) == ("criticism", "Saudi Arabia")
    assert _pairs(typed[2]) == [("reacts_to", typed[0].id)]


def test_a_denial_answers_the_accusation_before_it_not_the_criticism_after():
    # the criticism of the speaker told after answers the denial; the finding before is what it denies
    # ('lawfully' meets 'lawful')
    t = ('The Standards Office said one in five searches had "no lawful grounds recorded". "Our officers acted '
         'lawfully in every case," Chief Constable Mark Ellery said. Councillor Fiona Clarke said Ellery was wrong '
         'to dismiss the findings.')
    office = entity("Standards Office", "organization")
    finding = quote(t, 'one in five searches had "no lawful grounds recorded"', "said", "The Standards Office",
                    "Standards Office", "mixed", speaker_kind="organization")
    denial = quote(t, '"Our officers acted lawfully in every case,"', "said", "Chief Constable Mark Ellery",
                   "Mark Ellery", "direct")
    rebuke = quote(t, "Ellery was wrong to dismiss the findings", "said", "Councillor Fiona Clarke", "Fiona Clarke")
    typed = classify_statements(load_pipeline()(t), [finding, denial, rebuke],
                                [office, entity("Mark Ellery"), entity("Fiona Clarke")])
    assert [q.type for q in typed[1:]] == ["denial", "criticism"]
    assert _pairs(typed[1]) == [("reacts_to", typed[0].id)]
    assert _pairs(typed[2]) == [("reacts_to", typed[1].id)]


def test_a_denial_of_reports_answers_no_later_words_on_the_subject():
    # the reports were published elsewhere: a customer's later words on the breach are not them
    t = ('Chief executive Tobias Renfrew said on Monday that reports of a breach were "completely unfounded".\n\n'
         "On Friday the company admitted the breach. Anita Sorensen, a customer, said she had learned of the breach "
         "from journalists.\n")
    renfrew = _said_by(extract(t).quotes, "Tobias Renfrew")
    assert (renfrew.type, _pairs(renfrew)) == ("denial", [])


def test_a_denial_answers_no_unattributed_claim():
    # 'Against Claims He Exaggerated …' accuses, but names nobody whose words the denial could answer
    t = ("Tom Reid Defends Himself Against Claims He Exaggerated His Record\n\nMayor Tom Reid on Sunday responded to "
         "accusations that he exaggerated details of his record.\n")
    start = t.index("He Exaggerated")
    claims = Quote(content=(Span.of(t, start, start + len("He Exaggerated His Record")),), kind="indirect",
                   cue=Span.of(t, t.index("Claims"), t.index("Claims") + len("Claims")))
    denial = quote(t, "to accusations that he exaggerated details of his record", "responded", "Mayor Tom Reid", "Tom Reid")
    typed = classify_statements(load_pipeline()(t), [claims, denial], [entity("Tom Reid")])
    assert [s.type for s in typed] == ["criticism", "denial"]
    assert typed[0].target is not None and typed[0].target.name == "Tom Reid"
    assert _pairs(typed[1]) == []


def test_criticising_a_move_answers_no_act():
    # 'began laying off …' is something done, not words: 'the move' has no statement to answer
    t = "Nabisco began laying off 600 workers at its Chicago factory. Tom Reid criticised the move."
    act = quote(t, "600 workers at its Chicago factory", "began laying off", "Nabisco", "Nabisco",
                speaker_kind="organization")
    move = quote(t, "the move", "criticised", "Tom Reid", "Tom Reid")
    typed = classify_statements(load_pipeline()(t), [act, move], [entity("Tom Reid"), entity("Nabisco", "organization")])
    assert (typed[1].type, typed[1].target.name) == ("criticism", "the move")
    assert _pairs(typed[1]) == []


FILLER = ("The harbour at Kestrel Bay opened in 1901 and has been rebuilt twice since. Boats leave every hour "
          "in summer and every two hours in winter. The old customs house is now a museum with a small cafe. ") * 6


NEGLECT = "neglecting the lifeboat station"
WRECKING = "wrecking the ferry timetable"  # takes up her words


@pytest.mark.parametrize(("between", "charge", "linked"), [("", NEGLECT, True), (FILLER, NEGLECT, False), (FILLER, WRECKING, True)])
def test_criticism_of_a_person_answers_their_words_only_nearby(between: str, charge: str, linked: bool):
    # far back in a long story the person's words are not what it answers, unless it takes them up
    t = ("Harbour row in Kestrel Bay\n\nMayor Ann Lee said the ferry timetable would change in May.\n\n" + between +
         f"\n\nCouncillor Tom Reid accused Lee of {charge}.\n")
    q = extract(t).quotes
    lee = _said_by(q, "Ann Lee")
    reid = _said_by(q, "Tom Reid")
    assert (reid.type, reid.target.name) == ("criticism", "Ann Lee")
    assert _pairs(reid) == ([("reacts_to", lee.id)] if linked else [])


def test_a_verdict_on_the_remarks_answers_them_not_the_apology_for_them():
    t = ("Rep. Carl Jennings apologized on Monday for remarks about veterans.\n\n"
         'Jennings told a town hall meeting last week that many veterans "are looking for a handout."\n\n'
         'The American Legion called the remarks "deeply offensive."\n')
    q = extract(t).quotes
    apology, remark, verdict = (next(s for s in q if s.cue and s.cue.text == cue) for cue in ("apologized", "told", "called"))
    assert (apology.type, verdict.type) == ("apology", "criticism")
    assert ("apologises_for", remark.id) in [(link.type, link.to) for link in apology.links]
    assert [(link.type, link.to) for link in verdict.links] == [("reacts_to", remark.id)]


def test_a_reaction_answers_the_body_statement_not_the_headline_that_sums_it_up():
    t = ("Minister says rail strike 'will not be tolerated'\n\n"
         "The transport minister, Helen Marsh, said: \"We will not be held to ransom by a union that refuses to negotiate.\"\n\n"
         "Union leader Paul Dunne accused the minister of \"reading from a script written in Downing Street\".\n")
    q = extract(t).quotes
    body = next(s for s in q if s.text.startswith('"We will not'))
    reaction = next(s for s in q if s.cue and s.cue.text == "accused")
    assert [(link.type, link.to) for link in reaction.links] == [("reacts_to", body.id)]


def test_an_accusation_in_the_body_does_not_answer_the_headlines_denial():
    t = ("Mayor rejects claims over harbour contract\n\n"
         "Councillor Tom Okafor accused Mayor Delia Marsh of steering the harbour contract to a friend's firm.\n\n"
         "Marsh rejected the accusation.\n")
    q = extract(t).quotes
    accusation = next(s for s in q if s.cue and s.cue.text == "accused")
    assert not any(link.to == "q1" for link in accusation.links)  # q1: the headline that sums up the denial
    denial = next(s for s in q if s.cue and s.cue.text == "rejected")
    assert ("reacts_to", accusation.id) in [(link.type, link.to) for link in denial.links]


def test_welcoming_the_retraction_answers_whoever_retracted_not_the_last_speaker():
    t = ('"I take back what I said about our call-centre teams," Martin Cole told the BBC.\n\n'
         "The company said it would review its training.\n\n"
         "Karen Walsh welcomed the retraction but said the union would press ahead with a ballot.")
    q = extract(t).quotes
    welcome = next(s for s in q if s.text == "the retraction")
    assert (welcome.type, welcome.target.name, welcome.target.kind) == ("support", "Martin Cole", "statement")
    assert [(link.type, link.to) for link in welcome.links] == [("reacts_to", q[0].id)]


def test_repeated_words_are_the_same_quote(linked):
    repeat = linked["q4"]
    assert ("same_quote", "q1") in [(link.type, link.to) for link in repeat.links]
    assert "similarity" in repeat.links[0].evidence


def test_the_first_statement_links_nowhere(linked):
    assert linked["q1"].links == ()


def test_person_criticised_before_speaking_is_not_a_reaction():
    t = 'Finlay attacked Pryce over the contract. "The contract is good," Pryce said.'
    quotes = [quote(t, "Pryce over the contract", "attacked", "Finlay", "Morag Finlay"),
              quote(t, "The contract is good,", "said", "Pryce", "Alan Pryce", "direct")]
    out = classify_statements(load_pipeline()(t), quotes, [entity("Alan Pryce"), entity("Morag Finlay")])
    assert out[0].type == "criticism" and out[0].links == ()


def test_a_headline_reaction_answers_the_words_the_body_reports_later():
    t = ("Lowe calls Finch's harbour remarks reckless\n\n"
         "Harriet Lowe spoke on Monday.\n\n"
         "Ian Finch had said the harbour would be sold to pay for the new bypass.")
    quotes = [quote(t, "Finch's harbour remarks reckless", "calls", "Lowe", "Harriet Lowe"),
              quote(t, "the harbour would be sold to pay for the new bypass", "had said", "Ian Finch", "Ian Finch")]
    linked = _links(t, quotes, ("Harriet Lowe", "Ian Finch"))
    assert linked[0] == ("q1", "criticism", [("reacts_to", "q2")])  # one shared word ('harbour') is enough there


def test_praise_for_someone_answers_what_they_said_in_the_same_sentence():
    t = ("Later in the broadcast, Swanson praised the evangelist Ian Finch, who has publicly vowed not to buy "
         "the cookies this year.")
    quotes = [quote(t, "the evangelist Ian Finch", "praised", "Swanson", "Kevin Swanson"),
              quote(t, "not to buy the cookies this year", "vowed", "who", "Ian Finch")]
    linked = _links(t, quotes, ("Kevin Swanson", "Ian Finch"))
    assert linked[0] == ("q1", "support", [("reacts_to", "q2")])


@pytest.mark.parametrize(("text", "backing", "answered"), [
    # backing someone over the language they used answers their words
    ("Party stands by councillor\n\nCouncillor Nell Price called the town's bus drivers \"a disgrace\" at a meeting "
     "on Tuesday.\n\nThe Harbour Party defended Price on Wednesday, saying it had spoken to her about the language she "
     "used and that she had served the town well for ten years.\n", ("saying", "Nell Price"), "called"),
    # defending someone answers the criticism of them
    ("Club stands by chairman\n\nThe chairman of Dunmore Athletic, Victor Hale, described the club's fans as \"a "
     "rabble\" on Saturday.\n\nThe Dunmore Supporters' Trust condemned Hale's comment. The club's manager, Sean Doyle, "
     "defended the chairman on Monday.\n", ("defended", "Victor Hale"), "condemned"),
], ids=["the language she used", "defended the chairman"])
def test_backing_someone_answers_their_words_or_their_critics(text, backing, answered):
    q = extract(text).quotes
    backed, said = _cue(q, backing[0]), _cue(q, answered)
    assert (backed.type, backed.target.name) == ("support", backing[1])
    assert _pairs(backed) == [("reacts_to", said.id)]


def test_a_consequence_told_after_a_criticism_is_not_what_it_answers():
    t = ("Trump criticized Ford for opening a new factory in Mexico, but it is unclear whether his criticism had "
         "anything to do with the company deciding not to fund the convention.")
    quotes = [quote(t, "opening a new factory in Mexico", "criticized", "Trump", "Donald Trump"),
              quote(t, "not to fund the convention", "deciding", "the company", "Ford", speaker_kind="organization")]
    out = classify_statements(load_pipeline()(t), quotes, [entity("Donald Trump"), entity("Ford", "organization")])
    assert out[0].links == ()


def _links(text: str, quotes: list, people: tuple[str, ...]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    out = classify_statements(load_pipeline()(text), quotes, [entity(p) for p in people])
    return [(q.id, q.type, [(link.type, link.to) for link in q.links]) for q in out]


def test_a_reaction_that_goes_on_answers_the_same_statement():
    t = ('"The contract is fair," Alan Pryce said. Morag Finlay called Pryce\'s remarks "insulting". '
         '"It took him two years to notice the cancellations," Finlay said.')
    quotes = [quote(t, "The contract is fair,", "said", "Alan Pryce", "Alan Pryce", "direct"),
              quote(t, "insulting", "called", "Morag Finlay", "Morag Finlay", "mixed"),
              quote(t, "It took him two years to notice the cancellations,", "said", "Finlay", "Morag Finlay", "direct")]
    linked = _links(t, quotes, ("Alan Pryce", "Morag Finlay"))
    assert linked[2] == ("q3", "criticism", [("reacts_to", "q1")])


@pytest.mark.parametrize("second,asked,expected", [
    # "responded" answers the statement before it, by someone else: back-talk is criticism ...
    ("Pryce responded that the contract was fair.", False, ("criticism", [("reacts_to", "q1")])),
    # ... but an answer to a question is a claim, and links nowhere
    ("Pryce responded that fares would stay the same.", True, ("claim", [])),
])
def test_a_response_answers_the_statement_before(second, asked, expected):
    first = '"Will fares rise?" Finlay asked.' if asked else "Finlay said the contract was a disgrace."
    t = f"{first} {second}"
    content = "Will fares rise?" if asked else "the contract was a disgrace"
    said = "that fares would stay the same" if asked else "that the contract was fair"
    quotes = [quote(t, content, "asked" if asked else "said", "Finlay", "Morag Finlay", "direct" if asked else "indirect"),
              quote(t, said, "responded", "Pryce", "Alan Pryce")]
    assert _links(t, quotes, ("Alan Pryce", "Morag Finlay"))[1][1:] == expected


def test_a_reply_to_a_question_the_writer_put_is_an_answer_not_back_talk():
    t = ('Finlay said the contract was a disgrace. Asked if the council would now negotiate, Pryce replied: '
         '"Our door has always been open."')
    asked = t.index("if the council")  # the writer's question: no speaker
    question = Quote(content=(Span.of(t, asked, asked + len("if the council would now negotiate")),), kind="indirect",
                     cue=Span.of(t, t.index("Asked"), t.index("Asked") + 5))
    quotes = [quote(t, "the contract was a disgrace", "said", "Finlay", "Morag Finlay"), question,
              quote(t, '"Our door has always been open."', "replied:", "Pryce", "Alan Pryce", "direct")]
    assert _links(t, quotes, ("Alan Pryce", "Morag Finlay"))[2] == ("q3", "claim", [])


def test_the_noun_response_alone_is_no_cue_of_answering():
    # 'described the response as …' is the flood response: Tran's words answer nothing of Ellis's
    # (he was answering her, the sentence says: no link is better than one the wrong way round)
    text = ("Mayor hits back at critics over flood response\n\nMayor Jon Ellis hit back on Sunday at critics of the "
            "city's flood response, posting on X: \"Our crews worked through the night. I won't apologise for that.\""
            "\n\nEllis was responding to comments by city councillor Amy Tran, who on Saturday described the response "
            "as \"chaotic and slow\".")
    tran = next(q for q in extract(text).quotes if q.speaker and q.speaker.name == "Amy Tran")
    assert tran.type == "criticism" and tran.links == ()


def test_a_denial_answers_the_accusation_against_the_speaker():
    t = "Morag Finlay accused Northsea Lines of hiding the figures. Northsea Lines denied any wrongdoing."
    quotes = [quote(t, "Northsea Lines of hiding the figures", "accused", "Morag Finlay", "Morag Finlay"),
              quote(t, "any wrongdoing", "denied", "Northsea Lines", "Northsea Lines", speaker_kind="organization")]
    assert _links(t, quotes, ("Morag Finlay",))[1] == ("q2", "denial", [("reacts_to", "q1")])


def test_a_retraction_does_not_take_back_what_is_said_after_it():
    # (the regret that follows is an apology of its own, for nothing said before it)
    t = '"I withdraw my statement about the contract," Pryce wrote. He said he had spoken in haste.'
    quotes = [quote(t, "I withdraw my statement about the contract,", "wrote", "Pryce", "Alan Pryce", "direct"),
              quote(t, "he had spoken in haste", "said", "He", "Alan Pryce")]
    assert _links(t, quotes, ("Alan Pryce",)) == [("q1", "retraction", []), ("q2", "apology", [])]


def test_an_action_is_not_a_statement_to_answer():
    t = "Northsea Lines began cancelling winter sailings. Morag Finlay criticised Northsea Lines for the cuts."
    quotes = [quote(t, "winter sailings", "began cancelling", "Northsea Lines", "Northsea Lines", speaker_kind="organization"),
              quote(t, "Northsea Lines for the cuts", "criticised", "Morag Finlay", "Morag Finlay")]
    assert _links(t, quotes, ("Morag Finlay",))[1] == ("q2", "criticism", [])


@pytest.mark.parametrize("written,name", [
    ("Blunt's", "Blunt"), ("Donald Trump\u2019s", "Donald Trump"), ("Donald Trump\u2018s", "Donald Trump"),
    ("the Joneses'", "the Joneses"), ("Mr Khan", "Khan"),
])
def test_a_name_loses_its_possessive_and_title(written, name):
    assert clean_name(written) == name


@pytest.mark.parametrize("a,b,same", [
    ("Mr. Sanders", "Bernie Sanders", True),
    ("NLC staff", "Northsea Lines Company", True),  # an acronym stands for its words
    ("Sanders and Clinton", "Hillary Clinton", False),  # a group is none of its members
    ("Clinton and Trump", "Donald Trump and Hillary Clinton", True),  # the same group in another order and form
    ("Sanders and Clinton", "Clinton and Trump", False),
    ("Nixon, Sanders and Clinton", "Hillary Clinton, Bernie Sanders and Jay Nixon", True),
    ("the U.S.", "U.S.", True), ("the F.B.I.", "FBI", True), ("U.S.", "U.K.", False),  # initials, with stops or not
    ("U.S.", "Ursula Smith", False),
    ("Alan Pryce", "Morag Finlay", False),
    ("Grant Vane", "Idris Vane", False),  # namesakes: same surname, other first names
    ("Chuck Marsh", "Charles Marsh", True),  # a short form of the first name
    ("Okafor Dalton", "Rhys Okafor Dalton", True),  # a double surname without the first name
    ("Niamh O\u2019Dowd", "Niamh O'Dowd", True), ("O'Dowd", "Niamh O\u2019Dowd", True),  # a curly apostrophe or straight
    ("Ren\u00e9e Dupr\u00e9", "Renee Dupre", True),  # with accents or without
])
def test_same_party(a, b, same):
    assert same_party(a, b) is same


@pytest.mark.parametrize("doc_id,words,expected", [
    ("kb-04-okonjo-condemns", "disgraceful", "criticism"),
    ("kb-04-okonjo-condemns", "respect the verdict", "criticism"),  # was typed support from "respect", "friend"
    ("kb-10-lowe-retracts", "withdraw my statement", "retraction"),
])
def test_demo_story_types(doc_id, words, expected):
    article = next(json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if doc_id in line)
    statement = next(q for q in extract(article["text"], doc_id).quotes if words in q.text)
    assert statement.type == expected


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not present at {SEED} (../shared/data is not in the repo)")
def test_seed_article_story():
    quotes = extract(SEED.read_text(encoding="utf-8"), "seed").quotes

    def find(words: str):
        return next(q for q in quotes if words in q.text)

    website = find("utterly appalled")
    assert (website.type, website.target.name, website.target.kind) == ("support", "Imran Ahmad Khan", "person")
    blunt_statement = {website.id} | {link.to for link in website.links if link.type == "same_quote"}
    for words in ("wholly inappropriate", "disgraceful"):
        reaction = find(words)
        assert reaction.type == "criticism"
        assert any(link.type == "reacts_to" and link.to in blunt_statement for link in reaction.links), words
    tweet = find("decided to retract")
    assert tweet.type == "retraction"
    assert {link.type for link in tweet.links if link.to in blunt_statement} >= {"retracts", "apologises_for"}
    lede = find("significant upset")  # '… has retracted his statement … and issued an apology for causing …'
    assert lede.type == "apology" and [link.to for link in lede.links if link.type == "apologises_for"][0] in blunt_statement
    hq = find("completely reject")
    assert hq.type == "criticism" and "allegations" in hq.target.name
    assert find("will appeal").type == "commitment"
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]


def test_labels_are_well_formed():
    docs = load_labels()
    assert sum(len(d.statements) for d in docs) >= 400
    for d in docs:
        ids = [s["id"] for s in d.statements]
        assert len(ids) == len(set(ids)), d.doc
        for s in d.statements:
            assert s["type"] in TYPES, (d.doc, s["id"])
            assert all(a < b for a, b in s["content"]), (d.doc, s["id"])
            for link in s["links"]:
                assert set(link["to"]) <= set(ids), (d.doc, s["id"], link)


def test_evaluation_on_our_fictional_articles():
    report = evaluate_statements([LABELS_DIR / "fictional.jsonl"])
    assert report["skipped"] == []
    assert report["statements"] == 87
    assert report["type_accuracy"] >= 0.7
    assert report["links"]["all"]["gold"] > 0 and report["links"]["all"]["correct"] > 0
    assert set(report["per_type"]) == set(TYPES)


def test_eval_statements_command():
    result = CliRunner().invoke(app, ["eval", "--statements", str(LABELS_DIR / "fictional.jsonl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["mode"] == "gold statements" and report["statements"] == 87
    assert report["speaker_accuracy"] is None  # the labelled speakers are given: nothing to score


def test_eval_statements_errors_list_every_wrong_type_and_link(tmp_path):
    errors = tmp_path / "errors.jsonl"
    args = ["eval", "--statements", str(LABELS_DIR / "fictional.jsonl"), "--errors", str(errors), "-f", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    links = json.loads(result.output)["links"]["all"]
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    kinds = Counter(r["error"] for r in records)
    assert set(kinds) <= {"type", "missed link", "spurious link"}
    assert kinds["missed link"] == links["gold"] - links["correct"]
    assert kinds["spurious link"] == links["predicted"] - links["correct"]
    missed = next(r for r in records if r["error"] == "missed link")
    assert missed["gold_to"] and missed["link"] in ("reacts_to", "retracts", "apologises_for", "same_quote")


def test_eval_statements_pipeline_runs_the_chosen_extraction():
    # --pipeline types what extraction finds: by default the rules and the tagger, which find
    # the reported statements (`has withdrawn her defence of ...`) the rules alone miss
    found = {}
    for method in ("model", "rules"):
        args = ["eval", "--statements", str(LABELS_DIR / "fictional.jsonl"), "--pipeline", "--method", method, "-f", "json"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        assert report["mode"] == "pipeline" and report["statements"] == 87
        assert 0.8 <= report["speaker_accuracy"] <= 1.0, report["speaker_accuracy"]  # who said it, resolved in the article
        assert all(0.0 <= part["speaker_accuracy"] <= 1.0 for part in report["by_split"].values())
        found[method] = report["matched"]
    assert found["rules"] >= 60 and found["model"] >= found["rules"] + 8


@pytest.mark.parametrize("args,message", [
    (["eval", "--statements", "--split", "everything"], "choose tune or heldout"),
    (["eval", "--statements", "no-such-labels.jsonl"], "no such label file"),
    (["eval", "--pipeline", "x"], "go with --statements"),
    (["eval", "--statements", "--method", "rules"], "goes with --pipeline"),
    (["eval", "--statements", "--pipeline", "--method", "crf"], "use one of model, encoder, cnn, rules"),
])
def test_eval_statements_bad_options(args, message):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output


def test_a_retraction_takes_back_what_the_story_tells_after_as_said_before_and_the_apology_follows_it():
    """'Bell … retracted his claim …' leads; 'Bell had told a town hall meeting that …' is told after it
    (past perfect: said before); his apology a paragraph later is for the same words."""
    text = ("WASHINGTON (AP) — Sen. Marcus Bell on Monday retracted his claim that a charity founded by his rival had "
            "misused federal grants.\n\nBell, a Republican from Ohio, had told a town hall meeting last week that the "
            "Greenway Children's Fund \"pocketed millions meant for kids.\"\n\n\"I was wrong, and I apologize to "
            "Congresswoman Moreno and to the people who work at the fund,\" Bell said in a written statement.\n")
    q = extract(text).quotes
    retraction, claim, apology = _cue(q, "retracted"), _cue(q, "had told"), _cue(q, "said in a written statement")
    assert (retraction.type, apology.type) == ("retraction", "apology")
    assert _pairs(retraction) == [("retracts", claim.id)]
    assert _pairs(apology) == [("apologises_for", claim.id)]


def test_a_denial_of_a_news_agencys_report_answers_the_report():
    text = ("Earlier on Wednesday, the news agency KNA reported that Valdoria had agreed to a prisoner exchange. "
            'Castellan denied the report. "There is no such agreement," she said.')
    q = extract(text).quotes
    report, denied, quoted = _cue(q, "reported"), _cue(q, "denied"), _cue(q, "said")
    assert (denied.type, quoted.type) == ("denial", "denial")
    assert _pairs(denied) == [("reacts_to", report.id)] and _pairs(quoted) == [("reacts_to", report.id)]


def test_praise_for_owning_up_answers_the_apology_and_a_call_for_one_does_not():
    text = ('Sen. Dana Whitcombe wrote: "Last weekend I said something about Luis Ortega\'s service that was wrong, '
            'and I retract it."\n\nSen. Peter Albrecht, who last week urged Whitcombe to apologize, praised her for '
            'doing so. "It takes guts to admit a mistake in this town," Albrecht said.')
    q = extract(text).quotes
    retraction, urged, praised, guts = _cue(q, "wrote:"), _cue(q, "urged"), _cue(q, "praised"), _cue(q, "said")
    assert (retraction.type, urged.type) == ("retraction", "criticism")
    assert _pairs(urged) == []
    assert _pairs(praised) == [("reacts_to", retraction.id)] and _pairs(guts) == [("reacts_to", retraction.id)]


def test_overlapping_statements_are_no_repeat_of_each_other():
    # two statements over the same words of the article (a content that ran on into the next) repeat nothing
    t = ('Ortiz had told a town hall that the office "lost more than 5,000 files" and called its director, Paul Greer, '
         '"asleep at the wheel."')
    told = quote(t, 'that the office "lost more than 5,000 files" and called its director, Paul Greer, "asleep at the wheel',
                 "had told", "Ortiz", "Maria Ortiz", "mixed")
    called = quote(t, 'its director, Paul Greer, "asleep at the wheel."', "called", "Ortiz", "Maria Ortiz", "mixed")
    typed = classify_statements(load_pipeline()(t), [told, called], [entity("Maria Ortiz")])
    assert [link.type for s in typed for link in s.links] == []
