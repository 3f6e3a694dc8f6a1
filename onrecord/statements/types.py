"""Typing one statement: claim, support, criticism, denial, apology, retraction, commitment, no_comment.

Rules in order of strength. The reporting clause speaks first (``X apologised``, ``Y slammed``),
then the content (``I am sorry``, ``That report is untrue``, ``We will appeal``), then evaluative
words aimed at someone; a statement no rule fires on is a ``claim``. Each rule records its words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..name_words import ORG_WORDS, first_name_gender, fits_pronoun
from ..nlp import doc_text
from . import cues
from .context import Frame, cue_root, in_quote_marks, normalise, reported

# Nouns that are an act of the speaker only when a light verb governs them
# ("issued an apology"), not when they are what the speaker reacts to ("welcomed the apology").
_LIGHT_VERBS = frozenset(
    "issue issues issued issuing offer offers offered offering make makes made making give gives gave giving "
    "express expresses expressed expressing extend extended publish published release released post posted "
    "tweet tweeted heap heaped heaps level levelled leveled launch launched deliver delivered".split()
)
_BLOCKERS = re.compile(r"(?:refus\w*|declin\w*|no sign|not|n't|never|without|fail\w* to|reluctan\w*),? (?:\S+ ){0,4}$")
_FIRST_PERSON = frozenset("i we i'm we're i'll we'll i've we've".split())


@dataclass(frozen=True, slots=True)
class Typing:
    type: str
    confidence: float
    evidence: str           # the words that decided, quoted in link evidence
    apologises: bool = False  # a retraction that also apologises


def _is_act(frame: Frame, offset: int) -> bool:
    """Whether a cue word at ``offset`` of the clause is what the speaker does, not its object."""
    tok = frame.token_at(offset)
    if tok is None or tok.i in frame.cue_ids:
        return True
    if tok.pos_ in ("VERB", "AUX", "ADP", "ADV", "PART"):
        return not any(c.dep_ == "neg" for c in tok.children)
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok.dep_ == "ROOT" or tok.head.text.lower() in _LIGHT_VERBS or tok.head.i in frame.cue_ids and tok.head.pos_ != "VERB"
    if tok.pos_ == "ADJ":
        return tok.dep_ in ("acomp", "ROOT", "attr")
    return False


def _act(pattern: re.Pattern[str], frame: Frame) -> str | None:
    """The first words of ``pattern`` in the reporting clause that are the speaker's act."""
    # (a negation the cue left out is still the clause's: 'He did not, however, retract the claim')
    at = frame.clause.find(frame.cue) if frame.cue else -1
    cue_negated = at > 0 and bool(_BLOCKERS.search(frame.clause[:at][-40:]))
    for text in (frame.cue, frame.clause):
        for m in pattern.finditer(text):
            if _BLOCKERS.search(text[: m.start()][-40:]) or text is frame.cue and cue_negated:
                continue
            if text is frame.cue or _is_act(frame, m.start()):
                return m.group(0)
    return None


def _object_act(pattern: re.Pattern[str], frame: Frame) -> str | None:
    """A cue that takes the reported words as its object: ``dismissed`` + ``Sanders' accusations``,
    ``sided`` + ``with the state``. The match must start in the cue: a word inside the object
    alone (``passes`` + ``bill criticized as anti-gay``) is not the speaker's act."""
    head = " ".join(frame.content.split()[:8])
    for text in (frame.cue, frame.clause):
        if not text:
            continue
        for m in pattern.finditer(f"{text} {head}"):
            if m.start() < len(text) < m.end() and not _BLOCKERS.search(text[: m.start()][-40:]):
                return m.group(0)
    return None


def _with_object(frame: Frame) -> Frame:
    """The frame with reported content read as the cue's object (``dismissed`` + ``Sanders' accusations``)."""
    head = " ".join(frame.content.split()[:8])
    return Frame(f"{frame.cue} {head}", f"{frame.clause} {head}", frame.content, (), (), frame.cue_ids)


def _dispute_is_denial(frame: Frame, words: str) -> bool:
    """``rejected the report`` denies; ``reject any allegations against our judiciary`` criticises."""
    return _denies(frame.clause.partition(words)[2] if words in frame.clause else frame.clause)


def _denies(after: str) -> bool:
    """Whether what is disputed is a report or accusation (not something 'against' others)."""
    if re.search(r"\bagainst (?!(?:him|her|them|us|me)\b)", after):
        return False
    return bool(re.search(r"\b(?:reports?|findings?|accusations?|allegations?|claims?|charges?|stor(?:y|ies)|this|that|it|suggestions?|"
                          r"characteri[sz]ations?|portrayals?|depictions?|insinuations?)\b", after))


_WILL = ("will", "'ll", "shall", "would", "'d", "wo", "to")
# "The Saudis have warned they could sell off U.S. assets": a threat is what the speaker may do.
_THREAT = _WILL + ("could", "might", "may")


def _future_of_speaker(doc, quote, threat: bool = False) -> str | None:
    """``We will appeal`` / ``he will appeal``: the speaker's side announces what it will do
    (``threat``: or may do, if something happens: ``warned they could sell off U.S. assets if …``)."""
    modals = _THREAT if threat else _WILL
    if quote.content[0].text.lower().startswith(("if ", "whether ")):
        return None  # 'Asked if she would resign': a question, not an announcement
    for span in quote.content:
        sent_span = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sent_span is None:
            continue
        for tok in sent_span:
            if tok.pos_ != "VERB" or tok.text.lower() in cues.NOT_AN_ACTION and not _done_to_something(tok):
                continue
            aux = [c for c in tok.children if c.dep_ == "aux" and c.text.lower().replace("\u2019", "'") in modals]
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            going = tok.head.text.lower() == "going" and tok.dep_ == "xcomp"
            if going and any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in tok.head.children):
                continue  # "I thought we were going to die": what was expected then, no promise
            if going:
                subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not (aux and aux[0].text.lower() != "to" or going) or not subj:
                continue
            own_words = quote.kind == "direct" or subj[0].text.lower() in ("i", "we")
            if own_words and aux and aux[0].text.lower().replace("\u2019", "'") in ("would", "'d"):
                continue  # "I would form a position": a conditional in the speaker's own words
            if tok.tag_ == "VBN" and aux and aux[0].text.lower().replace("\u2019", "'") == "'d":
                continue  # "he'd been named": had, not would
            if tok.text.lower() in ("start", "begin", "keep") and any(
                    c.dep_ == "xcomp" and _base(c.text.lower()) in cues.NOT_AN_ACTION for c in tok.children):
                continue  # "we are going to start winning": a prediction
            if not threat and in_quote_marks(doc, quote) and any(
                    c.dep_ == "advcl" and any(m.text.lower() == "if" for m in c.children) for c in tok.children):
                continue  # "If we do nothing, we will be closing lanes": a warning, not a promise (said it would sue if …: one)
            who = subj[0].text.lower()
            direct = not reported(quote)
            ours = who in cues.INSTITUTIONS and any(d.text.lower() in ("the", "our", "its") for d in subj[0].children)
            ours = ours or who in cues.SIDE and any(d.text.lower() in ("our", "his", "her", "their") for d in subj[0].children)
            # a lawyer speaks for 'my client', 'his client' (the one who will appeal)
            ours = ours or who in ("client", "clients") and any(d.dep_ == "poss" for d in subj[0].children)
            # an organisation's 'it': the union said 'it would "fight every single job cut"'
            ours = ours or who == "it" and _an_organisation(quote.speaker)
            if who in ("i", "we") or not direct and (ours or who in ("he", "she", "they") and _may_be_speaker(doc, quote, subj[0])):
                return f"{subj[0].text} {aux[0].text if aux else 'going to'} {tok.text}"
    return None


def _done_to_something(tok) -> bool:
    """'would increase the number of troopers', 'would look at whether …': a verb that is no act
    alone ('prices will increase', 'it will look bad') acting on something."""
    return (tok.lower_ in ("increase", "decrease", "raise") and any(c.dep_ == "dobj" for c in tok.children)
            or tok.lower_ == "look" and any(c.dep_ == "prep" and c.lower_ in ("at", "into") for c in tok.children))


def _may_be_speakers(words: str, quote) -> bool:
    """'Susan Grey said he had apologised': a 'he' is not Susan Grey, whose first name is a woman's."""
    pronoun = next((w for w in words.lower().split() if w in ("he", "she")), None)
    gender = first_name_gender(quote.speaker.name.split()) if pronoun and quote.speaker else None
    return pronoun is None or fits_pronoun(gender, pronoun)


def _own_words(words: str, quote) -> bool:
    """A 'he' or 'she' taking words back is the speaker only in reported speech, and only one the
    name allows ('Ann Lee said he had been wrong to say so' is about someone else)."""
    third = re.match(r"(?:he|she|they)\b", words.lower())
    return third is None or reported(quote) and _may_be_speakers(words, quote)


def _an_organisation(speaker) -> bool:
    """An organisation, or a speaker the article did not name that reads as one ('The IG Metall union')."""
    if speaker is None:
        return False
    last = speaker.name.lower().split()[-1] if speaker.name else ""
    return speaker.kind == "organization" or speaker.kind == "unknown" and last in ORG_WORDS


_SPOKES = re.compile(r"(?i)\b(?:spokes\w*|communications|press secretary|aides?|advis[eo]rs?|lawyers?|attorneys?|representatives?|campaign|office|manager)\b")


def _future_action(doc, quote) -> bool:
    """``confirmed the clinic will close``: an action to come, whoever its subject (for announcing cues)."""
    for span in quote.content:
        part = doc.char_span(span.start, span.end, alignment_mode="expand")
        for tok in part if part is not None else ():
            if tok.pos_ == "VERB" and tok.text.lower() not in cues.NOT_AN_ACTION and any(
                    c.dep_ == "aux" and c.text.lower().replace("\u2019", "'") in ("will", "'ll", "shall", "would") for c in tok.children):
                return True
    return False


def _may_be_speaker(doc, quote, pronoun) -> bool:
    """Whether ``he``/``she``/``they`` in reported speech can stand for the speaker: nobody else is
    named before it in the sentence (``A Clinton ally suggested she would ...`` is about Clinton;
    ``The Saudis warned ..., though observers doubt they would ...`` is about the Saudis).
    Names in the reporting clause (listeners: ``told the Courier``) and in the content do not count."""
    src = quote.source
    if src is not None and src.text.lower() in ("he", "she", "they"):
        return True  # "Khan was thrown out ..., but he has said he will appeal": both stand for one person
    span = doc.char_span(src.start, src.end, alignment_mode="expand") if src else None
    head = span.root.i if span is not None and len(span) else None
    ends = [p for s in (src, quote.cue) if s is not None for p in (s.start, s.end)]
    first = min(s.start for s in quote.content)
    clause = (min(ends), max(ends + [first])) if ends else (0, 0)
    labels = ("PERSON",) if pronoun.text.lower() in ("he", "she") else ("PERSON", "ORG", "NORP", "GPE")
    for ent in pronoun.sent.ents:
        if ent.start >= pronoun.i or ent.label_ not in labels:
            continue
        if src is not None and src.start <= ent.start_char < src.end:
            if head is not None and not ent.start <= head < ent.end and ent.label_ == "PERSON" and not _SPOKES.search(src.text):
                return False  # "A Clinton ally" is not Clinton; "Gore's communications director" speaks for Gore
            continue
        if clause[0] <= ent.start_char < clause[1] or any(s.start <= ent.start_char < s.end for s in quote.content):
            continue
        return False
    return True


def _intends(doc, quote, frame: Frame) -> bool:
    """``vowed`` + ``to publish``: an infinitive the cue intends, not ``hopes to win``, ``voted to
    compensate``, ``refused to hold``, ``if politicians decide to``, nor ``responded`` + ``to accusations``."""
    first = doc.char_span(quote.content[0].start, quote.content[0].end, alignment_mode="expand")
    if first is None or not len(first) or first[0].tag_ != "TO" or first[0].head.pos_ not in ("VERB", "AUX"):
        return False
    return not cues.NOT_INTENT.search(frame.cue) and not _conditional(doc, quote)


def _conditional(doc, quote) -> bool:
    """``If politicians decide to ...``: the cue itself is only supposed."""
    root = cue_root(doc, quote)
    return root is not None and any(c.dep_ == "mark" and c.text.lower() in ("if", "unless", "whether") for c in root.children)


def _base(word: str) -> str:
    """``winning`` -> ``win``, ``seeing`` -> ``see``: enough of a stem for NOT_AN_ACTION."""
    if not word.endswith("ing") or len(word) < 6:
        return word
    stem = word[:-3]
    return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem


_A_RULING = re.compile(r"\b(?:the|this|that|his|her|their) (?:\w+ )?(?:verdict|ruling|conviction|sentence|judgment|judgement|decision)\b")


_NOT_NAMING = re.compile(r"^(?:for|on|upon|to|in|off|up|out|back|it quits)\b")  # 'called for', 'called on X to'


def _called_x_y(frame: Frame, quote) -> Typing | None:
    """``called the toll "a tax on commuters"``: calling someone or something names a verdict on it."""
    m = cues.CALLING.search(frame.cue)
    objects = any(t.dep_ in ("dobj", "oprd") for t in frame.tokens if t.i not in frame.cue_ids)
    # (the clause may stop at a possessive: 'called Harmon's plan "a gimmick"', a mixed quote all the same)
    if not m or not (objects or quote.kind == "mixed" and not _NOT_NAMING.match(frame.content)):
        return None
    evaluation = _evaluation(frame)
    # 'called the verdict a "miscarriage of justice"' backs the convicted but condemns the verdict
    judged = _A_RULING.search(f"{frame.clause} {frame.content}".lower())
    if evaluation is None and (praise := cues.CALLED_PRAISE.search(frame.content)):
        evaluation = ("support", praise.group(0))  # 'called the apology "a good first step"'
    if evaluation and evaluation[0] == "support" and not (judged and "miscarriage" in evaluation[1]):
        return Typing("support", 0.7, f"cue '{m.group(0)}', content '{evaluation[1]}'")
    return Typing("criticism", 0.7, f"cue '{m.group(0)}'" + (f", content '{evaluation[1]}'" if evaluation else ""))


# How far around an evaluative word its negation or frame is read (a long quote is not read
# from its start for every word: that is quadratic).
_NEAR = 300
_THEIR_VERDICT = re.compile(r"\b(?:criticised|criticized|painted|branded|decried|denounced|condemned|attacked|slammed|labell?ed|"
                            r"described|seen|regarded|viewed) (?:by \S+ (?:\S+ )?)?as (?:\S+ ){0,2}$")


# "Nobody who lives here would call that the best deal": a negative subject across its relative clause
_NOBODY_WHO = re.compile(r"\b(?:nobody|no one|none of \w+|no \w+) who [^,.;:!?]*$")
# "had admitted a charge of improper conduct": the words of a charge are not the speaker's verdict
_CHARGED = re.compile(r"\b(?:charges? of|charged with|accus(?:ed|ations?) of|allegations? of|convicted of|suspected of) (?:\S+ ){0,2}$")


def _evaluation(frame: Frame) -> tuple[str, str] | None:
    """Polarity of the content's evaluative words: criticism or support, with the words."""
    text = frame.content
    if " but " in text:  # "welcome but late": what comes after "but" is the verdict
        tail = _evaluation(Frame(frame.cue, frame.clause, text.split(" but ", 1)[1], (), (), frozenset()))
        if tail:
            return tail
    neg, pos = [], []
    for m in cues.NEGATIVE.finditer(text):
        before = text[max(0, m.start() - _NEAR) : m.start()]
        if _THEIR_VERDICT.search(before) or _CHARGED.search(before):
            continue  # "a bill criticized as anti-gay": someone else's verdict, reported
        if m.group(0).startswith("attack") and before.endswith("the "):
            continue  # "the attack appeared to be the work of …": an event, not a verdict
        # "not an unfair position", "isn't so bad": a negated verdict praises
        (pos if _negated(_clause_before(text, m.start())[-3:], tight=True) else neg).append(m)
    for m in cues.POSITIVE.finditer(text):
        before = _clause_before(text, m.start())[-10:]
        if cues.MODALS & set(before):
            continue
        # "let's not waste an extraordinary talent": the negator turns round the nearer verdict
        turned = _negated(before) and not cues.NEGATIVE.search(" ".join(before[_last_negator(before) + 1:]))
        turned = turned or bool(cues.LOST.match(text[m.end() : m.end() + _NEAR])
                                or _NOBODY_WHO.search(text[max(0, m.start() - _NEAR) : m.start()]))
        (neg if turned else pos).append(m)
    if len(neg) > len(pos):
        return "criticism", ", ".join(dict.fromkeys(m.group(0) for m in neg))
    if pos and len(pos) > len(neg):
        return "support", ", ".join(dict.fromkeys(m.group(0) for m in pos))
    return None


_CLAUSE_BREAK = re.compile(r"[,.;:!?\u2014]| (?:that|which|who|because|but|if|when|while|although|though) ")
# What may stand between a negator and the verdict it turns round ("not an unfair", "isn't so bad").
_LIGHT = frozenset("a an the so very too that at all really quite particularly entirely remotely be been being is was are were".split())


def _clause_before(text: str, start: int) -> list[str]:
    """The words of the clause before ``start`` ("I don't have any doubt that her heart is in the
    right place": only "her heart is in the"), read back no further than ``_NEAR`` characters."""
    return _CLAUSE_BREAK.split(text[max(0, start - _NEAR) : start])[-1].split()


_COPULAS = frozenset("is was are were be been am isn't wasn't aren't weren't".split())


def _last_negator(words: list[str]) -> int:
    return max((i for i, w in enumerate(words) if w in cues.NEGATORS or w.endswith("n't")), default=-1)


def _negated(before: list[str], tight: bool = False) -> bool:
    """Whether a negator governs the word after ``before``. ``tight``: a negated verdict after a
    copula ("it's not an unfair position"), not a negated act ("not attack it")."""
    i = _last_negator(before)
    if i < 0:
        return False
    if not tight:
        return True
    copula = before[i] in _COPULAS or i > 0 and (before[i - 1] in _COPULAS or before[i - 1].endswith("'s") and before[i - 1] != "let's")
    return copula and all(w in _LIGHT for w in before[i + 1:])


def _short_no_comment(frame: Frame) -> str | None:
    """``declined`` + ``to comment``, ``"He's not available this week"``: the cue and a short content together."""
    words = frame.content.split()
    # a long content says no comment only where it joins the cue ('declined' + 'to comment Tuesday on reports …')
    text = f"{frame.cue} {' '.join(words if len(words) <= 12 else words[:3])}"
    m = cues.NO_COMMENT.search(text)
    if m is None or _BLOCKERS.search(text[: m.start()][-40:]):
        return None
    between = set(text[len(frame.cue) : m.start()].split())  # (not 'said the rebels had refused to discuss …')
    return m.group(0) if m.start() <= len(frame.cue) + 1 or between <= cues.OWN_SUBJECT else None


# 'called on the minister to resign', 'is facing calls to resign' (the cue and the content joined)
_CALL_TO_GO = re.compile(r"(?:call\w* (?:on (?:\S+ ){0,6}to |to |(?=resign|step down|quit))|urg\w* (?:\S+ ){1,6}to )"
                         r"(?:resign|apologi[sz]e|step down|quit|withdraw|retract|take back)"
                         r"|call\w* for (?:\S+ ){1,5}to be (?:sacked|fired|dismissed|removed|suspended|expelled|impeached)")


def classify(doc, quote, frame: Frame) -> Typing:
    """Type one statement from its frame and content."""
    words = _act(cues.NO_COMMENT, frame) or _short_no_comment(frame)
    if words:
        return Typing("no_comment", 0.9, f"cue '{words}'")
    if cues.RELAYING.fullmatch(frame.cue):  # "according to the Times, Trump said ...": the speaker relays
        return Typing("claim", 0.75, f"cue '{frame.cue}' relays what others said or did")
    if m := cues.SARCASM.search(frame.clause):  # "We're so sorry you're leaving," she said sarcastically
        return Typing("criticism", 0.6, f"cue '{m.group(0)}'")
    call_on = _CALL_TO_GO.search(f"{frame.clause} {frame.content}")
    if call_on:
        return Typing("criticism", 0.85, f"cue '{call_on.group(0)}'")
    apology = _act(cues.APOLOGY, frame)
    content_apology = cues.CONTENT_APOLOGY.search(" ".join((frame.cue, frame.content))) or _regret(doc, quote, frame)
    if words := _act(cues.RETRACTION, frame) or _object_act(cues.RETRACTION, frame):  # ('has deleted' + 'a post')
        return Typing("retraction", 0.9, f"cue '{words}'", bool(apology or content_apology))
    if (m := cues.CONTENT_RETRACTION.search(frame.content)) and _own_words(m.group(0), quote):
        return Typing("retraction", 0.85, f"content '{m.group(0)}'", bool(apology or content_apology))
    if apology:
        return Typing("apology", 0.9, f"cue '{apology}'")
    if (m := cues.ADMITTING.search(frame.cue)) and (erred := cues.ERRED.search(frame.content)):
        return Typing("retraction", 0.75, f"cue '{m.group(0)}', content '{erred.group(0)}'", bool(content_apology))
    if reported(quote) and (m := cues.REPORTED_APOLOGY.search(frame.content)) and _may_be_speakers(m.group(0), quote):
        return Typing("apology", 0.7, f"content '{m.group(0)}'")
    if content_apology:
        return Typing("apology", 0.8, f"content '{content_apology.group(0)}'")
    if words := _act(cues.DENIAL, frame) or _object_act(cues.DENIAL, frame):
        return Typing("denial", 0.85, f"cue '{words}'")
    if (words := _act(cues.DISPUTE, frame)) and _dispute_is_denial(_with_object(frame), words):
        return Typing("denial", 0.8, f"cue '{words}'")
    if m := cues.ADMITTING.search(frame.cue):  # 'admitted that customers' details were stolen in a cyber attack'
        return Typing("claim", 0.7, f"cue '{m.group(0)}' owns up to something, attacking no one")
    return _evaluative_or_commitment(doc, quote, frame, words)


def _regret(doc, quote, frame: Frame):
    """'I spoke in haste'; said she had "spoken in haste" (not: said the minister "spoke in haste")."""
    if m := cues.CONTENT_REGRET.search(frame.content):
        return m
    if reported(quote) and (m := cues.REGRET_REPORTED.search(frame.content)) and _may_be_speakers(m.group(0), quote):
        return m
    m = cues.REGRET_GOING_ON.search(frame.content)
    start = quote.content[0].start
    return m if m and cues.OWN_PRONOUN_BEFORE.search(doc_text(doc)[max(0, start - 20) : start].lower()) else None


def _speaker_acting(quote, frame: Frame) -> Typing | None:
    """'said she backed the council's decision', 'said he opposed the bill': the speaker's own act, where
    the pronoun can be the speaker ('he' and 'she' only for a person: in 'records show he backed …' he is
    not the records). A body named by its kind ('the cooperative welcomed …') is anyone's: its member speaks."""
    if not reported(quote) or quote.speaker is None:
        return None
    for kind, rx in (("support", cues.REPORTED_SUPPORT), ("criticism", cues.REPORTED_CRITICISM)):
        m = rx.search(frame.content)
        if not m or not _may_be_speakers(m.group(0), quote):
            continue
        pronoun = re.search(r"\b(?:he|she|they|it)\b", m.group(0))
        if pronoun is None or (quote.speaker.kind == "person") == (pronoun.group(0) in ("he", "she")):
            # 'said she rejected the allegations' denies; 'said he rejects Trump's comments' criticises
            denies = kind == "criticism" and cues.DISPUTE.search(m.group(0)) and _denies(frame.content[m.end():])
            return Typing("denial" if denies else kind, 0.7, f"content '{m.group(0)}'")
    return None


def _evaluative_or_commitment(doc, quote, frame: Frame, dispute: str | None) -> Typing:
    commit = _act(cues.COMMITMENT, frame)
    if not commit and reported(quote) and not _conditional(doc, quote):
        commit = _object_act(cues.COMMITMENT, frame)  # "deciding" + "not to fund"
    if commit and cues.ANNOUNCING.fullmatch(commit):
        announced = commit[0] in "ac" and (cues.ANNOUNCED.search(frame.content) or _future_action(doc, quote))
        commit = commit if _future_of_speaker(doc, quote) or frame.content.startswith("to ") or announced else None
    # "are questioning" + "the other's fitness to lead": the cue's object may be the reported words.
    indirect = reported(quote)
    criticism = dispute or _act(cues.CRITICISM, frame) or (_object_act(cues.CRITICISM, frame) if indirect else None)
    support = _act(cues.SUPPORT, frame) or (_object_act(cues.SUPPORT, frame) if indirect else None)
    if indirect and not (criticism or support) and (m := cues.ACT_NOUN_PHRASE.match(frame.content)):
        # "tweeted their approval of the filibuster": the reported words name the act itself
        criticism, support = (m.group("crit"), None) if m.group("crit") else (None, m.group("supp"))
    if commit and not (criticism or support):
        return Typing("commitment", 0.85, f"cue '{commit}'")
    if criticism and support:
        # Both: the one nearer the start of the clause is the act ("defended X against attacks").
        first = min((frame.clause.find(criticism), "criticism"), (frame.clause.find(support), "support"))[1]
        return Typing(first, 0.7, f"cue '{criticism if first == 'criticism' else support}'")
    if criticism:
        return Typing("criticism", 0.85, f"cue '{criticism}'")
    if support:
        return Typing("support", 0.85, f"cue '{support}'")
    if commit:
        return Typing("commitment", 0.75, f"cue '{commit}'")
    return _by_content(doc, quote, frame)


def _by_content(doc, quote, frame: Frame) -> Typing:
    """No cue gives the type: the content does (a denial, a verdict, the speaker's act or pledge), else a claim."""
    if m := cues.CONTENT_DENIAL.search(frame.content):
        return Typing("denial", 0.75, f"content '{m.group(0)}'")
    if m := cues.VERDICT.search(frame.content) or cues.RHETORICAL.search(frame.content.strip(" ,.")):
        return Typing("criticism", 0.65, f"content '{m.group(0)[:40]}'")
    if m := cues.CONTENT_CRITICISM.search(frame.content):
        return Typing("criticism", 0.75, f"content '{m.group(0)}'")
    if m := cues.CONTENT_SUPPORT.search(frame.content):
        return Typing("support", 0.75, f"content '{m.group(0)}'")
    if acting := _speaker_acting(quote, frame):
        return acting
    if calling := _called_x_y(frame, quote):  # before what the content announces: called Ford's plans to open … "a disgrace"
        return calling
    if words := _future_of_speaker(doc, quote):
        return Typing("commitment", 0.75, f"content '{words}'")
    if cues.WARNING.search(frame.cue) and (words := _future_of_speaker(doc, quote, threat=True)):
        return Typing("commitment", 0.7, f"cue '{frame.cue}', content '{words}'")
    if reported(quote) and cues.REPEATING.search(frame.cue) and (m := cues.PLEDGE_NOUNS.search(frame.content)):
        return Typing("commitment", 0.7, f"content '{m.group(0)}'")
    if (m := cues.CONTENT_COMMITMENT.search(frame.content)) and not _BLOCKERS.search(frame.clause + " "):  # "showed no sign"
        third_person = m.group(0).split(" ", 1)[0] in ("he", "she", "they")
        infinitive = not m.group(0).startswith("to ") or frame.cue and _intends(doc, quote, frame)
        if infinitive and not (third_person and quote.kind == "direct"):
            return Typing("commitment", 0.7, f"content '{m.group(0)}'")
    supposed = frame.content.lstrip("\"'\u201c\u2018 ").lower().startswith("if ")
    if (evaluation := _evaluation(frame)) and not (supposed and evaluation[0] == "support"):
        return Typing(evaluation[0], 0.6, f"content '{evaluation[1]}'")  # praise on a condition is none yet
    return Typing("claim", 0.7, "no cue of another type")


_ASKED = re.compile(r"\b(?:asked|when asked|in answer to|answering) (?:if|whether|about|why|how|what|when|who)\b")


def responding(typing: Typing, frame: Frame, quote, earlier: list) -> Typing:
    """A claim that ``responded`` to someone other than a questioner answers back: criticism.

    "With nukes?" Wallace asked. "Including with nukes," Trump responded: an answer, a claim.
    """
    m = cues.RESPONSE.search(frame.clause)
    if typing.type != "claim" or not m:
        return typing
    # 'Asked if the council would negotiate, Ashworth replied: …': the reply answers the question
    just_asked = earlier and earlier[-1].cue and re.match(r"ask\w*$", normalise(earlier[-1].cue.text))
    if _ASKED.search(frame.clause.lower()) or just_asked:
        return typing
    me = quote.speaker.name if quote.speaker else None
    other = next((q for q in reversed(earlier) if q.speaker and q.speaker.name != me), None)
    asked = other is not None and (re.search(r"\bask\w*", normalise(other.cue.text) if other.cue else "")
                                   or other.text.rstrip(" \"'\u201d\u2019").endswith("?"))
    return typing if other is None or asked else Typing("criticism", 0.55, f"cue '{m.group(0)}'")
