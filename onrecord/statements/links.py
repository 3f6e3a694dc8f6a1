"""Links between the statements of one article: reacts_to, retracts, apologises_for, same_quote.

- A reaction (criticism, support, denial) ``reacts_to`` a statement: the apology it
  welcomes, the statement or the speaking person it is aimed at, the accusation it
  denies, the statement it ``responded`` to, or what the same speaker's reaction just
  before answered. Only words someone said are answered, not acts (``began laying off``).
- A retraction or apology ``retracts``/``apologises_for`` the speaker's own statement
  on the same subject.
- The same words attributed to the same speaker twice (trimmed, ellipsised,
  re-punctuated) are ``same_quote``, the later one pointing to the earlier.
Each link says why (cue words, shared names, similarity) and how sure it is.
"""
from __future__ import annotations

import re

from ..name_words import MEDIA_NAMES
from ..models import Link
from .answerable import (
    NAMED_WORDS, NO_WORDS, RETRACTABLE, Typed, answerable, by_speaker, content_words, is_speech,
    link_evidence, make_link, my_side, pick, reported_as, topic_overlap,
)
from .context import normalise
from .cues import ANSWERS_UNDOING, DEMANDS_UNDOING, RESPONSE
from .names import name_tokens, same_party, speaker_name
from .same_quote import plain_words, same_quote_link

__all__ = ["Typed", "find_links"]

_FAR = 1000  # characters
_REACTION_TYPES = frozenset({"criticism", "support", "denial"})


def _to_undoing(statements: list[Typed], i: int, me: str | None) -> Link | None:
    """"welcomed the apology", "glad the minister has listened": the reaction answers the apology itself."""
    s = statements[i]
    said = f"{s.frame} {normalise(s.quote.text)}"
    if not ANSWERS_UNDOING.search(said) or DEMANDS_UNDOING.search(said):
        return None
    owner = s.target.name if s.target is not None and s.target.kind != "other" else None
    undone = [(j, c) for j, c in enumerate(statements) if j < i and c.type in ("apology", "retraction")]
    cands = [(j, c) for j, c in undone if owner and same_party(speaker_name(c.quote), owner)]
    # (a target that took nothing back is not whose apology it is: anyone's but the speaker's)
    cands = cands or [(j, c) for j, c in undone if not same_party(speaker_name(c.quote), me)]
    return make_link(statements, i, pick(cands, i, s), 0.8, "answers an apology or retraction")


# What someone decided or announced: 'welcomed the decision', 'applauded the ruling'.
_A_DECISION = re.compile(r"^(?:the|this|that|today's|yesterday's|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's) "
                         r"(?:\S+ )?(?:decision|ruling|announcement|verdict|move|u-turn)$")


def _to_decision(statements: list[Typed], i: int, me: str | None) -> Link | None:
    """'welcomed the decision': the decision someone else announced before it (their commitment or claim)."""
    s = statements[i]
    if s.target is None or s.target.kind != "other" or not _A_DECISION.match(s.target.name.lower()):
        return None
    cands = [(j, c) for j, c in enumerate(statements) if j < i and c.type in ("commitment", "claim")
             and speaker_name(c.quote) and not my_side(c.quote, me) and is_speech(c)]
    return make_link(statements, i, pick(cands, i, s), 0.6, f"answers {s.target.name}")


def _to_named_words(statements: list[Typed], i: int, me: str | None) -> Link | None:
    """'rejected both objections': the words of that kind someone else said before ('had challenged', 'contending')."""
    s = statements[i]
    head = s.target.name.lower().split()[-1] if s.target is not None and s.target.name.strip() else ""
    # (the words named are the target, by its last word: not 'a press call Friday')
    if (named := next((verb for noun, verb in NAMED_WORDS if noun.fullmatch(head)), None)) is None:
        return None
    cands = [(j, c) for j, c in enumerate(statements[:i]) if speaker_name(c.quote) and not my_side(c.quote, me)
             and reported_as(named, c)]
    return make_link(statements, i, pick(cands, i, s), 0.55, f"answers {s.target.name}")


def _to_target(statements: list[Typed], i: int, me: str | None) -> Link | None:
    """Aimed at someone's statement (any order), or at a person who speaks in the article."""
    s = statements[i]
    if s.target is None or s.target.kind == "other":
        return _to_decision(statements, i, me) or _to_named_words(statements, i, me)
    owner = s.target.name
    if s.target.kind == "statement":  # what someone said, an apology too ("too little, too late")
        cands = answerable(statements, i, owner, me, mine_too=same_party(owner, me), answering=NO_WORDS)
        if not cands and _A_REPORT.search(owner.lower()):
            return make_link(statements, i, pick(_reports(statements, i, me), i, s), 0.6, f"target {owner}")
        return make_link(statements, i, pick(cands, i, s), 0.8, f"target {owner}'s statement")
    cands = answerable(statements, i, owner, me)
    if s.type == "support":  # backing a person answers their words only when it takes up what they said
        words_said = _WORDS_SAID.search(normalise(s.quote.text))  # "the language she used"
        cands = [(j, c) for j, c in cands if words_said or topic_overlap(s, c) or _told_with(s, c)]
    # (a headline sums up what the body reports: the body's statements do not answer it)
    # a person's words far back in a long story are seldom what a criticism of them answers, unless it
    # takes up what they said (dropping that exception: labelled statements' links 63.6 → 64.4 F1, but
    # through extraction 53.8 → 52.3; kept)
    before = [(j, c) for j, c in cands if j < i and (s.headline or not c.headline)
              and (s.quote.start - c.quote.start <= _FAR or topic_overlap(s, c))]
    if before:  # a person's words are answered after they are reported ...
        return make_link(statements, i, pick(before, i, s), 0.6, f"target {owner}'s words")
    # ... unless the article gives the reaction first and the words after, on the same subject (a
    # headline's few words share less: 'Trump's Putin Remarks "Troubling"'), or in a relative clause
    enough = 1 if s.headline else 2
    mine = content_words(normalise(s.quote.text))
    after = [(j, c) for j, c in cands
             if j > i and (_told_with(s, c) or len(mine & content_words(normalise(c.quote.text))) >= enough)]
    return make_link(statements, i, pick(after, i, s), 0.55, f"target {owner}'s later-reported words")


def _told_with(s: Typed, c: Typed) -> bool:
    """Whether ``c`` is reported in a relative clause of ``s``'s sentence ('praised Franklin Graham, who
    has vowed …'); not a consequence told after it ('criticized Ford …, but … the company deciding …')."""
    source = c.quote.source.text.lower() if c.quote.source else ""
    return s.sentence >= 0 and s.sentence == c.sentence and source in ("who", "which", "whom")


# "denied a newspaper report", "disputed the story": what an outlet reported, told by whom it was or by its verb.
_A_REPORT = re.compile(r"\b(?:reports?|reporting|story|stories|article|account)\b")


_ONE_REPORT = re.compile(r"\b(?:report|story|article|account)\b")


def _reports(statements: list[Typed], i: int, me: str | None) -> list[tuple[int, Typed]]:
    """What outlets reported: the statements a report verb reports, else any outlet's ('The newspaper
    said it stood by its reporting' is no report of its own when 'The Ledger reported …' is there)."""
    others = [(j, c) for j, c in enumerate(statements) if j != i and not my_side(c.quote, me)]
    reported = [(j, c) for j, c in others if c.quote.cue is not None and normalise(c.quote.cue.text).startswith("report")]
    reported = reported or [(j, c) for j, c in others if set(name_tokens(speaker_name(c.quote) or "")) & MEDIA_NAMES]
    # else a report nobody is named for ('disputed a watchdog report that found …') is what someone
    # else said on the same subject ('The Police Standards Office said … searches …')
    # (told after it, only one report's, by a body: 'reports of a breach' are no statement said later)
    one = statements[i].target is not None and _ONE_REPORT.search(statements[i].target.name.lower())
    reported = reported or [(j, c) for j, c in others if is_speech(c) and topic_overlap(statements[i], c) and (
        j < i or one and c.quote.speaker is not None and c.quote.speaker.kind == "organization")]
    # else the findings an organisation stated before it ('rejected the report's central finding')
    return reported or [(j, c) for j, c in others if j < i and c.quote.speaker is not None
                        and c.quote.speaker.kind == "organization" and is_speech(c)][-1:]


# "took issue with recent criticism": a reaction to criticism the article may report after it.
_ANSWERS_CRITICISM = re.compile(r"\b(?:critic\w*|attacks?|accusations?|allegations?|charges?|claims?)\b")


_NAMED_CRITICISM = "answers the criticism of the speaker it names"
# "said the denial 'changes nothing'": criticism of the speaker's answer came after it, and is not what it answers
_OF_THE_ANSWER = re.compile(r"\b(?:the|her|his|their|its|this|that|these|those) (?:denials?|apolog(?:y|ies)|response|reply|rebuttal|explanation)\b")


def _to_accusation(statements: list[Typed], i: int, me: str | None) -> Link | None:
    """A denial, or a reaction to criticism nobody is named for ("took issue with recent criticism"),
    answers the criticism the article reports against the speaker's side."""
    s = statements[i]
    if s.type != "denial" and not (s.target is not None and s.target.kind == "statement"):
        return None
    # (someone's: 'Ben Carson … Against Claims He Exaggerated' accuses, but names no accuser to answer)
    others = [(j, c) for j, c in enumerate(statements) if j != i and c.type == "criticism" and not my_side(c.quote, me)
              and speaker_name(c.quote) and not (j > i and _OF_THE_ANSWER.search(normalise(c.quote.text)))]
    cands = [(j, c) for j, c in others if c.target is not None and c.target.kind != "other" and same_party(c.target.name, me)
             and (s.type == "denial" or j < i or _ANSWERS_CRITICISM.search(s.target.name.lower()))]
    # criticism of the speaker told only after a denial may be its answer; an accusation on the same
    # subject told before is what it denies
    before = [(j, c) for j, c in others if j < i and speaker_name(c.quote) and topic_overlap(s, c)]
    if s.type == "denial" and before and not any(j < i for j, _ in cands):
        return make_link(statements, i, pick(before, i, s), 0.55, "denies an accusation on the same subject")
    if cands:
        names_it = s.target is not None and _ANSWERS_CRITICISM.search(s.target.name.lower())
        return make_link(statements, i, pick(cands, i, s), 0.65, _NAMED_CRITICISM if names_it else "answers criticism of the speaker")
    if s.type != "denial":
        return None
    # else the accusation on the same subject ("absolutely no violations" ~ "the fundraising arrangement")
    cands = [(j, c) for j, c in others if speaker_name(c.quote) and topic_overlap(s, c)]
    return make_link(statements, i, pick(cands, i, s), 0.55, "denies an accusation on the same subject")


def _to_previous(statements: list[Typed], i: int, me: str | None) -> Link | None:
    """``responded``, ``in response to``: the statement just before, by someone else."""
    s = statements[i]
    if not RESPONSE.search(s.frame) or not me:
        return None
    # "Clinton supporters responded with chants": not to Clinton (their side), to her hecklers
    side = set(name_tokens(me))
    for j in range(i - 1, -1, -1):
        c = statements[j]
        who = speaker_name(c.quote)
        if who and not same_party(who, me) and not side & set(name_tokens(who)) and is_speech(c):
            return make_link(statements, i, (j, topic_overlap(s, c)), 0.6, f"cue '{RESPONSE.search(s.frame).group(0)}'")
    return None


def _follow_up(statements: list[Typed], found: list[tuple[Link, ...]], i: int) -> Link | None:
    """A reaction that goes on from the same speaker's reaction just before answers the same statement."""
    s = statements[i]
    if s.type not in _REACTION_TYPES or i == 0 or not same_party(speaker_name(statements[i - 1].quote), speaker_name(s.quote)):
        return None
    before = next((link for link in found[i - 1] if link.type == "reacts_to"), None)
    if before is None:
        return None
    new = s.target is not None and s.target != statements[i - 1].target and s.target.kind != "other"
    if new and by_speaker(statements, s.target.name, i):
        return None  # "took issue with the criticism and assailed Mrs. Clinton": someone else who speaks here
    return Link("reacts_to", before.to, round(before.confidence - 0.1, 3), f"reacts to: {s.evidence}; goes on from {statements[i - 1].quote.id}")


# Backing someone against their critics: 'defended the chairman', 'stood by her', 'came to his defence'.
_DEFENDING = re.compile(r"\b(?:defen[cdsz]\w*|stood by|stands? by|standing by|rallied (?:behind|to)|came to (?:his|her|their) aid)\b")


def _to_critics(statements: list[Typed], i: int, me: str | None) -> Link | None:
    """'Sean Doyle defended the chairman': a defence of a person answers the criticism of them
    before it (not their own words, which a defence need not take up)."""
    s = statements[i]
    if s.type != "support" or s.target is None or s.target.kind != "person" or not _DEFENDING.search(s.frame):
        return None
    cands = [(j, c) for j, c in enumerate(statements[:i]) if c.type == "criticism" and c.target is not None
             and c.target.kind in ("person", "statement") and same_party(c.target.name, s.target.name)
             and speaker_name(c.quote) and not my_side(c.quote, me)]
    return make_link(statements, i, (cands[-1][0], topic_overlap(s, cands[-1][1])) if cands else None, 0.6,
                 f"defends {s.target.name} against criticism")


def reaction_link(statements: list[Typed], i: int) -> Link | None:
    s = statements[i]
    me = speaker_name(s.quote)
    if s.type not in _REACTION_TYPES or not me:  # a reaction is someone's: "X has been criticised" is no one's
        return None
    for find in (_to_undoing, _to_target, _to_accusation, _to_previous, _to_critics):
        if (link := find(statements, i, me)) is not None:
            return link
    return None


# An apology for words: 'apologised for his remarks', 'I regret what I said'.
_ABOUT_WORDS = re.compile(r"\b(?:remarks?|comments?|words?|statements?|tweets?|posts?|language|said|says|wrote|written|"
                          r"tweeted|posted|called|described|spoke|spoken|misspoke|jokes?|insults?|slurs?|columns?|"
                          r"articles?|op-eds?|videos?|ads?|emails?|messages?)\b")


# 'apologised for the incident', '… for his campaign's accessing of the data': for something done, even
# where it shares words with what the speaker's side said about it
_FOR_AN_ACT = re.compile(r"(?:for|over) (?!(?:what|saying|calling|using|writing|tweeting|posting|describing|suggesting|"
                         r"comparing|joking|implying|referring)\b)")


def _for_an_act(s: Typed) -> bool:
    cue = normalise(s.quote.cue.text) if s.quote.cue else ""
    said = normalise(s.quote.text)
    return bool(_FOR_AN_ACT.match(said) or re.search(r"\b(?:for|over)$", cue) and _FOR_AN_ACT.match(f"for {said}"))


_PAST_PERFECT = re.compile(r"had (?:\S+ )?(?:said|told|claimed|written|wrote|tweeted|posted|called|described|argued|insisted|suggested)\b")


def own_statement_links(statements: list[Typed], i: int) -> list[Link]:
    s = statements[i]
    if s.type not in ("retraction", "apology"):
        return []
    me = speaker_name(s.quote)
    # what is taken back was said before, or (a headline's apology) is an opinion or the same subject reported
    # after, or is told after as said before it ('Bell had told a town hall meeting that …')
    cands = [(j, c) for j, c in by_speaker(statements, me, i) if c.type in RETRACTABLE
             and (j < i or c.type != "claim" or topic_overlap(s, c) or _PAST_PERFECT.match(normalise(c.quote.cue.text if c.quote.cue else "")))]
    picked = pick(cands, i, s, first=True)
    if picked is None:
        return []
    j, shared = picked
    if s.type == "apology" and (not shared or _for_an_act(s)) and not _ABOUT_WORDS.search(normalise(s.quote.text)):
        return []  # 'We let our customers down', 'apologised for the incident': sorry for what happened, not for words
    confidence = min(0.95, 0.75 + 0.05 * len(shared))
    to = statements[j].quote.id
    links = []
    if s.type == "retraction":
        links.append(Link("retracts", to, confidence, link_evidence("retracts", s, shared, "same speaker")))
    if s.type == "apology" or s.apologises:
        links.append(Link("apologises_for", to, confidence, link_evidence("apologises for", s, shared, "same speaker")))
    return links


def _with_the_retraction(statements: list[Typed], found: list[tuple[Link, ...]], i: int) -> list[Link]:
    """'has retracted his statement … and issued an apology for causing "significant upset"': an apology
    made with the speaker's retraction (in its sentence, or after it with nothing else of theirs to be
    sorry for: 'Bell retracted his claim …. "I was wrong, and I apologize"') is for what that retracts."""
    s = statements[i]
    if s.type != "apology":
        return []
    for j in range(i - 1, -1, -1):
        c = statements[j]
        undone = next((link for link in found[j] if link.type == "retracts"), None)
        if c.type == "retraction" and undone and same_party(speaker_name(c.quote), speaker_name(s.quote)):
            together = s.sentence >= 0 and c.sentence == s.sentence
            return [Link("apologises_for", undone.to, round(undone.confidence - (0.1 if together else 0.2), 3),
                         f"apologises for: {s.evidence}; made {'with' if together else 'after'} the retraction {c.quote.id}")]
    return []


_WORDS_SAID = re.compile(r"\b(?:remarks?|comments?|words|statements?|tweets?|posts?|language|jokes?|insults?|slurs?)\b")


def _past_the_apology(statements: list[Typed], found: list[tuple[Link, ...]], i: int, link: Link) -> Link:
    """'called the remarks "deeply offensive"' answers the remarks, not the apology for them that shares the word."""
    ids = {t.quote.id: j for j, t in enumerate(statements)}
    j = ids.get(link.to)
    s = statements[i]
    if j is None or j > i or statements[j].type not in ("apology", "retraction") or not _WORDS_SAID.search(s.frame):
        return link
    if ANSWERS_UNDOING.search(f"{s.frame} {normalise(s.quote.text)}"):
        return link  # 'welcomed the apology'
    undone = next((u for u in found[j] if u.type in ("apologises_for", "retracts")), None)
    if undone is None:
        return link
    return Link("reacts_to", undone.to, link.confidence, f"{link.evidence}; the words {link.to} apologised for")


def _defending_own_words(statements: list[Typed], found: list[tuple[Link, ...]], i: int) -> Link | None:
    """'The Herald said it stood by its story': a defence of one's own words answers whoever challenged
    them before (a denial or criticism that answers the speaker's statement)."""
    s = statements[i]
    me = speaker_name(s.quote)
    if s.type != "support" or s.target is None or s.target.kind != "statement" or not same_party(s.target.name, me):
        return None
    mine = {t.quote.id for t in statements if same_party(speaker_name(t.quote), me)}
    for j in range(i - 1, -1, -1):
        c = statements[j]
        if c.type in ("denial", "criticism") and not my_side(c.quote, me) and any(
                link.type == "reacts_to" and link.to in mine for link in found[j]):
            return Link("reacts_to", c.quote.id, 0.65, link_evidence("reacts to", s, set(), "defends its own words against them"))
    return None


def find_links(statements: list[Typed]) -> list[tuple[Link, ...]]:
    """Every statement's links, in the order given."""
    out = []
    plain = [plain_words(t.quote) for t in statements]
    for i in range(len(statements)):
        links: list[Link] = []
        if (link := same_quote_link(statements, i, plain)) is not None:
            links.append(link)
        links.extend(own_statement_links(statements, i) or _with_the_retraction(statements, out, i))
        if (link := _defending_own_words(statements, out, i)) is not None:
            links.append(link)
        elif (link := reaction_link(statements, i)) is not None:
            links.append(_past_the_apology(statements, out, i, link))
        elif (link := _follow_up(statements, out, i)) is not None:
            links.append(link)
        out.append(tuple(links))
    return _without_answering_back(statements, out)


def _without_answering_back(statements: list[Typed], found: list[tuple[Link, ...]]) -> list[tuple[Link, ...]]:
    """A statement does not answer a later one that answers it (or its speaker's words) back: the
    denial before 'the chief constable was wrong' is what that criticism answers, not the reverse."""
    at = {t.quote.id: j for j, t in enumerate(statements)}
    who = [speaker_name(t.quote) for t in statements]
    # ... unless the earlier one names the criticism it answers ("took issue with recent criticism"):
    # then the criticism reported after it came first, and answers nothing of theirs
    named: dict[int, list[str | None]] = {}
    for i, links in enumerate(found):
        for link in links:
            if link.type == "reacts_to" and at.get(link.to, -1) > i and _NAMED_CRITICISM in link.evidence:
                named.setdefault(at[link.to], []).append(who[i])
    found = [tuple(link for link in links if not (link.type == "reacts_to" and link.to in at and any(
        same_party(w, who[at[link.to]]) for w in named.get(i, ())))) for i, links in enumerate(found)]

    def answers_back(i: int, link: Link) -> bool:
        j = at.get(link.to, -1)
        return link.type == "reacts_to" and j > i and any(
            back.type == "reacts_to" and back.to in at and same_party(who[at[back.to]], who[i]) for back in found[j])

    return [tuple(link for link in links if not answers_back(i, link)) for i, links in enumerate(found)]
