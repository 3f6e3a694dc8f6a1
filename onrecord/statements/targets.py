"""Who or what a statement is directed at: a person, an organisation, or someone's statement.

Names are resolved to the longest name the article uses for that person (``Blunt's
comment`` -> Crispin Blunt), from the speaker entities and spaCy's named entities (names.py).
"""
from __future__ import annotations

import re

from ..models import Quote, Target
from ..quotes.cues import ADDRESSED_FORMS, BLAMED_FOR, BLAMED_FORMS
from .context import Frame, governed_participle
from .cues import BODY_NOUNS, PROPOSAL_NOUNS, RHETORICAL, STATEMENT_NOUNS, VERDICT
from .names import Names, clean_name, may_be_the_speaker, same_party, speaker_name
from .owners import (in_source, last_other_speaker, named_author, possessive_author, possessor, statement_antecedent,
                     statement_owner)

_OBJECT_DEPS = frozenset({"dobj", "dative", "nsubjpass", "oprd"})
_OBJECT_PREPS = frozenset("at on against of for over to with about".split())
_STATEMENT_PRONOUNS = frozenset("it this that these those them".split())
_HEARSAY = frozenset("allegation allegations accusation accusations claims reports rumours rumors suggestions charges".split())
_WHEN = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC"})


# Where words were said, not whom they are aimed at: "hit back on social media", "at a rally".
_WHERE_SAID = frozenset("media twitter facebook instagram tiktok youtube television tv radio air website blog podcast "
                         "camera stage x rally event conference summit ceremony briefing fundraiser meeting gathering hustings "
                         "dinner luncheon forum vigil hall town-hall".split())
_EXCHANGES = frozenset("interview interviews conversation call briefing conference appearance podcast meeting".split())
_SAYING = frozenset(
    "say says said saying tell tells told telling add adds added adding write writes wrote written writing "
    "penned tweeted posted ask asks asked asking explain explained remark remarked noted told".split()
)


def _objects(frame: Frame, head) -> list:
    """Heads of what the reporting verb acts on, in text order, outside the content."""
    allowed = {t.i for t in frame.tokens}
    found = []
    verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp", "prt", "conj") and c.pos_ == "VERB"]
    for verb in verbs:
        saying = verb.text.lower() in _SAYING  # "told the Courier": the listener, not a target
        for child in verb.children:
            if child.dep_ in _OBJECT_DEPS and child.i in allowed and not saying:
                found.append(child)
            # ("said at the harbour": where, not at whom)
            elif child.dep_ == "prep" and child.text.lower() in _OBJECT_PREPS and not (saying and child.text.lower() in ("to", "at")):
                found.extend(g for g in child.children if g.dep_ == "pobj" and g.i in allowed)
            elif child.dep_ == "prt":
                found.extend(g for g in child.children if g.dep_ == "pobj" and g.i in allowed)
    # A noun cue ("criticism for", "attack on") carries its object itself; the one an exchange is
    # with ("in an interview with the Post") is a listener (a letter to the council may be aimed at it).
    for tok in frame.tokens:
        if tok.i in frame.cue_ids and tok.pos_ == "NOUN":
            exchange = tok.text.lower() in _EXCHANGES
            for child in tok.children:
                if child.dep_ == "prep" and child.text.lower() in _OBJECT_PREPS and not (exchange and child.text.lower() == "with"):
                    found.extend(g for g in child.children if g.dep_ == "pobj" and g.i in allowed)
    if not found:
        # The object can hang off the quoted words ("called Blunt's comment 'disgraceful'").
        inside = {t.i for t in frame.tokens}
        found = [t for t in frame.tokens if t.i not in frame.cue_ids and t.pos_ in ("NOUN", "PROPN")
                 and t.head.i not in inside and t.dep_ in ("npadvmod", "nsubj", "dobj", "attr")]
    # "took issue with", "took aim at", "cast doubt on": the cue's own noun is not what it aims at;
    # "hit back on social media": where it was said
    return sorted({t for t in found if t.ent_type_ not in _WHEN and not (t.i in frame.cue_ids and t.pos_ == "NOUN")
                   and t.text.lower() not in _WHERE_SAID}, key=lambda t: t.i)


# What is done to a person: "called for his dismissal" aims at him.
_DONE_TO_SOMEONE = frozenset("dismissal firing resignation ouster impeachment removal arrest prosecution "
                             "sacking suspension expulsion indictment".split())


# A person's qualities: "spoke highly of the former president's personal attributes" aims at him.
_QUALITIES = frozenset("qualifications qualification attributes character integrity honesty judgment judgement "
                       "temperament competence leadership empathy record legacy fitness credentials".split())
# Stances on something: "expressed doubts about her qualifications" aims at what they are about.
_STANCES = frozenset("doubts concerns questions reservations misgivings worries".split())


def _proposal_or_deed(obj, quote: Quote, names: Names, own: bool) -> Target | None:
    """``called for his dismissal`` and ``praised her integrity`` aim at her; ``slammed his proposal``
    at his words, when the author is named; ``doubts about her qualifications`` at what they are about."""
    word = obj.text.lower()
    if word in _STANCES:
        about = [g for c in obj.children if c.dep_ == "prep" and c.text.lower() in ("about", "over", "on", "regarding")
                 for g in c.children if g.dep_ == "pobj"]
        if about:
            return _proposal_or_deed(about[0], quote, names, own)
    if word in _DONE_TO_SOMEONE | _QUALITIES and (person := possessor(obj, quote, names)):
        return Target(person, "person")
    if word in PROPOSAL_NOUNS and (author := named_author(obj, names) or possessive_author(obj, quote, names, own)):
        return Target(author, "statement")
    return None


# What an organisation is called once it has been named: "the company", "the group".
_ORGANISATION_NOUNS = frozenset("organization organisation company firm group agency charity union corporation "
                                "network newspaper paper outlet club council trust board".split())


def _the_organisation(tok, quote: Quote, names: Names) -> tuple[str, str] | None:
    """'the organization' (with 'the' and nothing else before it): the organisation named last, not the speaker."""
    if tok.text.lower() not in _ORGANISATION_NOUNS or [t.text.lower() for t in tok.lefts] != ["the"]:
        return None
    return names.organisation_before(tok.idx, speaker_name(quote))


def _finite(verb) -> bool:
    # a past tense hung on a noun, or a 'participle' with an object of its own, is a verb the parser
    # took for one: 'rejected both objections, ruled Cruz eligible and ordered …' (the objections)
    if verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "dobj" or c.dep_ == "conj" and c.tag_ == "VBD"
                                                          for c in verb.children):
        return True
    return verb.tag_ != "VBG" and any(c.dep_ in ("nsubj", "nsubjpass", "mark") or (c.dep_ == "aux" and c.tag_ != "TO")
                                      for c in verb.children)


def _phrase(tok, quote: Quote | None = None) -> str:
    # a clause on the noun is left out whole ("a report that he had pressured the board" is "a report"),
    # a participle's phrase is kept ("people trying to bring attention to the AIDS epidemic")
    # ... and so is what someone is accused of ("accused the club of lying to supporters" is the club)
    cut = {t.i for c in tok.children if c.dep_ == "relcl" or (c.dep_ == "acl" and _finite(c)) or _of_doing(c) for t in c.subtree}
    words = [t for t in tok.subtree if t.i not in cut and not t.is_space
             and not (quote is not None and in_source(t, quote))][:8]
    while len(words) > 1 and words[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT"):
        words.pop()  # cut short at eight words: not "… the ferry contract with"
    # as written ("the town's bus drivers"), a space where a word was left out
    text = "".join(t.text + (t.whitespace_ or (" " if k + 1 < len(words) and words[k + 1].i != t.i + 1 else ""))
                   for k, t in enumerate(words))
    return text.strip(" ,.")


_OPPONENTS = frozenset("opponent rival challenger".split())


def _of_doing(tok) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "of" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in tok.children)


def _aimed_at(doc, quote: Quote, frame: Frame, stype: str) -> tuple[list, bool]:
    """The words a statement may be aimed at, and whether the reporting clause gave them."""
    head = None
    if frame.tokens:
        from .context import cue_root

        head = cue_root(doc, quote)
        if head is not None and head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX") and head.dep_ != "ROOT":
            head = head.head
    if head is not None and quote.source is None and (blamed := _blamed_subject(head)) is not None:
        return [blamed], True  # 'Council slammed over bin collections': the council
    objects = _objects(frame, head) if head is not None else []
    if head is not None and governed_participle(head):
        # "defended Reid, saying ...": Reid; "went further at a rally, calling Clinton ...": Clinton;
        # "vetoed a bill …, calling it …": what the pronoun stands for
        above = _objects(frame, head.head)
        pronouns = all(o.pos_ == "PRON" and o.lower_ in _STATEMENT_PRONOUNS for o in objects)
        objects = above if above and pronouns else objects + above
    framed = bool(objects)  # "calling it": a pronoun of the reporting clause; content's "it" is no statement
    if not objects and quote.kind != "direct":
        objects = _content_object(doc, quote)
    return objects or _first_person_object(doc, quote) or (_judged_words(doc, quote) if stype == "criticism" else []), framed


def _blamed_subject(verb):
    """The subject of a reduced passive of blame ('Minister criticised for holiday'), if ``verb`` is one."""
    kids = list(verb.children)
    if verb.tag_ not in ("VBD", "VBN") or verb.i + 1 >= len(verb.doc):
        return None
    after = verb.nbor(1)
    blamed = verb.lower_ in BLAMED_FORMS and after.lower_ in BLAMED_FOR and after.head == verb
    told = verb.lower_ in ADDRESSED_FORMS and after.lower_ == "to"  # 'Lowe urged to quit'
    if not (blamed or told) or any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "dative") for c in kids):
        return None
    return next((c for c in kids if c.dep_ == "nsubj"), None)


def find_target(doc, quote: Quote, frame: Frame, stype: str, names: Names, earlier: list[Quote]) -> Target | None:
    """The target of a support, criticism, denial, apology or retraction."""
    own = stype in ("apology", "retraction")
    # "defended his comments", "denied his remarks": one defends and denies one's own words
    own_pronoun = stype == "denial" or (stype == "support" and "defen" in frame.clause)
    objects, framed = _aimed_at(doc, quote, frame, stype)
    for obj in objects:
        if obj.lower_ in ("that", "which", "who", "whom") and obj.head.dep_ == "relcl" and obj.head.head.pos_ in ("NOUN", "PROPN"):
            obj = obj.head.head  # 'an amendment that critics called anti-gay': the amendment, no words said
        word = obj.text.lower()
        if word in _HEARSAY and not any(c.dep_ == "poss" or c.text.lower() == "by" for c in obj.children):
            return Target(_phrase(obj, quote), "statement")  # "any allegations of ...": nobody's in particular
        if (aimed := _proposal_or_deed(obj, quote, names, own or own_pronoun)) is not None:
            return aimed
        if word not in PROPOSAL_NOUNS and word in STATEMENT_NOUNS or (word in _STATEMENT_PRONOUNS and obj.pos_ == "PRON" and word != "them" and framed):
            owner = statement_owner(obj, quote, names, own, earlier, own_pronoun)
            return Target(owner or _phrase(obj, quote), "statement")
        if word == "them" and obj.pos_ == "PRON" and (words := statement_antecedent(obj)) is not None:
            # 'criticised the remarks. … called them "scaremongering"': the remarks
            owner = statement_owner(words, quote, names, own, earlier, own_pronoun)
            return Target(owner or _phrase(words, quote), "statement")
        if word in _OPPONENTS and any(c.dep_ == "poss" for c in obj.children):
            # 'accused his opponent of …': the other one the story is about, named before
            if person := names.person_before(obj.idx, speaker_name(quote), full=True):
                return Target(person, "person")
        if word in ("him", "her", "them") and obj.pos_ == "PRON":
            person = names.person_before(obj.idx, speaker_name(quote), pronoun=word)
            if person:
                return Target(person, "person")
            continue
        found = names.in_tokens([t for t in _named_part(obj) if not in_source(t, quote)], obj)
        if found and not same_party(found[0], speaker_name(quote)):
            return Target(found[0], found[1])  # type: ignore[arg-type]
        if found and own:
            return Target(found[0], "statement")
        if obj.pos_ in ("NOUN", "PROPN"):
            # "the board", "the Vermont senator": an organisation or a person the article titled so;
            # "the organization": the one named last
            found = names.lookup(_phrase(obj, quote)) or names.lookup(f"the {obj.text}") or _the_organisation(obj, quote, names)
            if found and not same_party(found[0], speaker_name(quote)):
                return Target(found[0], found[1])  # type: ignore[arg-type]
            # what is denied is a charge, an accusation in all but name ("denied any role in the attacks")
            return Target(_phrase(obj, quote), "statement" if stype == "denial" else "other")
    if stype == "denial" and (charge := next((t for t in _content_tokens(doc, quote) if t.lower_ in _HEARSAY), None)):
        return Target(_phrase(charge, quote), "statement")  # "defended himself against accusations of racism"
    if own or stype == "support" and _STANDS_BY_OWN.match(frame.content.lower()):
        return Target(speaker_name(quote), "statement") if speaker_name(quote) else None
    return _unframed_target(doc, quote, frame, names, earlier)


# Heads that a name before them makes a body of its own: 'the Clinton campaign', 'the Trump administration'.
_BODIES = frozenset("campaign campaigns administration government team camp party company foundation "
                    "organization organisation family".split())


def _described_by_name(obj) -> bool:
    """'the Bernie people', 'Mill Lane tenants', 'the Disney film': a name before a common noun
    only describes what the noun names."""
    return (obj.pos_ == "NOUN" and obj.lower_ not in _BODIES and obj.ent_type_ not in ("PERSON", "ORG")
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children)
            and not any(c.dep_ == "poss" for c in obj.children))


_NAMING = frozenset({"compound", "poss", "appos", "amod", "det", "nmod", "flat", "case", "punct", "cc", "conj", "prep", "pobj"})


def _named_part(obj) -> list:
    """The object's own words, with what names or titles it ('RNC Chairman Reince Priebus', 'Sanders and
    Clinton', 'the president of the board'), not a clause hung on it ('the decision to renew the
    contract with Northsea Lines' is a decision, not Northsea Lines)."""
    out, todo = [], [obj]
    while todo:
        tok = todo.pop()
        out.append(tok)
        described = _described_by_name(tok)  # 'tenants of the Mill Lane estate' are no Mill Lane's
        todo.extend(c for c in tok.children if c.dep_ in _NAMING and not (described and c.dep_ == "compound"))
    return sorted(out, key=lambda t: t.i)


# 'The Herald said it stood by its story': a defence of the speaker's own words.
_STANDS_BY_OWN = re.compile(r"^(?:that )?(?:it|he|she|they|we|i) (?:still |fully |firmly )?(?:stood|stands|stand) by "
                            r"(?:its|his|her|their|our|my) (?:\S+ )?(?:" + "|".join(sorted(STATEMENT_NOUNS | {"reporting"})) + r")\b")


def _unframed_target(doc, quote: Quote, frame: Frame, names: Names, earlier: list[Quote]) -> Target | None:
    """No object names the target: a verdict on words, someone named in the content, or what was just said."""
    if VERDICT.search(frame.content) and (author := last_other_speaker(quote, earlier)):
        return Target(author, "statement")  # "a silly thing to say": what the last other speaker said
    found = _target_in_content(doc, quote, names)
    just_before = speaker_name(earlier[-1]) if earlier else None
    if (found is None and _POINTING_BACK.match(frame.content) and not same_party(just_before, speaker_name(quote))
            and (author := last_other_speaker(quote, earlier))):
        return Target(author, "statement")  # "That is not a plan.", "It wasn't a convincing argument"
    return found or _judged_subject(doc, quote, names)


def _judged_subject(doc, quote: Quote, names: Names) -> Target | None:
    """A verdict's subject is what it judges: "The health board has failed the people of this town"."""
    span = doc.char_span(quote.content[0].start, quote.content[0].end, alignment_mode="expand")
    root = next((t for t in span or () if not t.is_punct and (not span.start <= t.head.i < span.end or t.head.i == t.i)), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.i < span.start:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in subj.children):
        return None  # 'This deal will bring …' points back at what the article named before
    phrase = _phrase(subj, quote)
    found = names.lookup(phrase) or (names.lookup(f"the {subj.text}") if subj.pos_ == "NOUN" else None)
    if found:
        return None if same_party(found[0], speaker_name(quote)) else Target(found[0], found[1])  # type: ignore[arg-type]
    return Target(phrase, "other")


# A verdict that points back at what was just said: "That is not a plan", "it wasn't a convincing argument".
_POINTING_BACK = re.compile(r"^(?:well,? |but |and )?(?:that|this|it)(?:'s| is| was| isn't| wasn't| is not| was not)\b")


_ACTS = re.compile(r"^(?:reject|condemn|deplor|oppos|denounc|criticis|criticiz|support|back|endors|welcom|applaud|prais|thank|den(?:y|ies|ied)|disput)")


def _first_person_object(doc, quote: Quote) -> list:
    """``We completely reject any allegations ...``, said ``she backed the council's decision``: the
    object of the speaker's own verb (a reported one's subject opens the content); what the
    speaker stands by or with (``said the administration stands with our veterans``)."""
    for span in quote.content:
        part = doc.char_span(span.start, span.end, alignment_mode="expand")
        words = [t for t in part if t.lower_ not in ("that", "the", "our") and not t.is_punct][:1] if part is not None else []
        for tok in part if part is not None else ():
            subjects = [c for c in tok.children if c.dep_ == "nsubj"] if tok.pos_ == "VERB" else []
            if _ACTS.match(tok.text.lower()) and any(_the_speaker(c, words) for c in subjects):
                return [c for c in tok.children if c.dep_ == "dobj"]
            # (the pipeline has no lemmatizer)
            if tok.lower_ in ("stand", "stands", "stood", "standing") and any(_the_speaker(c, words, True) for c in subjects):
                stood_by = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("by", "with")
                            for g in p.children if g.dep_ == "pobj"]
                # (one's own words stood by are the speaker's statement: find_target's _STANDS_BY_OWN)
                return [g for g in stood_by if not (g.lower_ in STATEMENT_NOUNS and any(c.dep_ == "poss" for c in g.children))]
    return []


def _the_speaker(subject, first_words: list, body: bool = False) -> bool:
    """A subject that is the speaker: I, we, or (opening reported words) he, she, they or, with
    ``body``, their body by its kind ('the party stood with the strikers')."""
    return subject.lower_ in ("i", "we") or subject in first_words and (
        subject.lower_ in ("he", "she", "they") or body and subject.lower_ in BODY_NOUNS)


def _content_object(doc, quote: Quote) -> list:
    """Reported content that is a noun phrase (``Sanders's attack on her``) is the object itself."""
    span = doc.char_span(quote.content[0].start, quote.content[0].end, alignment_mode="expand")
    heads = [t for t in span or () if not t.is_punct and not (span.start <= t.head.i < span.end and t.head.i != t.i)]
    # a place the parser split off a title ('Wisconsin | Gov. Scott Walker') is not the object: the person is
    heads = [t for t in heads if t.ent_type_ in ("PERSON", "ORG")] or heads
    root = heads[0] if heads else None
    if root is None or root.pos_ not in ("NOUN", "PROPN", "PRON") or root.dep_ in ("nsubj", "nsubjpass"):
        return []
    return [root]


def _judged_words(doc, quote: Quote) -> list:
    """A verdict on words said is aimed at them: 'the claim was "simply not supported by any data"'."""
    span = doc.char_span(quote.content[0].start, quote.content[0].end, alignment_mode="expand")
    return [t for t in span or () if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in STATEMENT_NOUNS
            and span.start <= t.head.i < span.end][:1]


def _content_tokens(doc, quote: Quote):
    for span in quote.content:
        part = doc.char_span(span.start, span.end, alignment_mode="expand")
        yield from part if part is not None else ()


def _whose_quality(doc, quote: Quote, names: Names) -> str | None:
    """"his genuine empathy for human beings", "that the tenor of his campaign …": a verdict on
    someone's qualities or doings is on the person his/her stands for, when it comes before any
    name in the content and cannot be the speaker's own (in quote marks, or not the speaker's gender)."""
    me = speaker_name(quote)
    for tok in _content_tokens(doc, quote):
        if tok.ent_type_ in ("PERSON", "ORG"):
            return None
        if tok.dep_ == "poss" and tok.lower_ in ("his", "her"):
            own = quote.kind != "direct" and may_be_the_speaker(quote, tok.lower_)
            source = (quote.source.start, quote.source.end) if quote.source else (0, 0)
            return None if own else names.person_before(tok.idx, me, source, pronoun=tok.lower_)
    return None


def _wronged(tok) -> bool:
    """'She owes Luis Ortega an apology', 'should apologise to Ortega': the one owed, not the one attacked."""
    head = tok.head
    return (tok.dep_ == "dative" and head.lower_ in ("owe", "owes", "owed", "owing")
            or tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_.startswith("apolog"))


def _target_in_content(doc, quote: Quote, names: Names) -> Target | None:
    me = speaker_name(quote)
    words = quote.content[0].text.lstrip("\"\u201c\u2018' ").lower().split()
    # "him ...", "Does he not understand ...?": the person named last ("he said he ..." is often the speaker)
    # In quote marks "He's sharp" is someone else: the speaker would say "I"; Mrs. Clinton's "he" is too.
    third_person = quote.kind == "direct" and words and words[0] in ("he", "she", "he's", "she's")
    said_of = words[1:] if words[:1] == ["that"] else words
    if said_of and said_of[0] in ("he", "she") and quote.speaker and quote.speaker.kind == "person":
        third_person = third_person or not may_be_the_speaker(quote, said_of[0])
    if words and (words[0] in ("him", "her", "them") or third_person or len(words) > 1 and words[1] in ("he", "she")
                  and RHETORICAL.search(" ".join(words))):
        source = (quote.source.start, quote.source.end) if quote.source else (0, 0)
        person = names.person_before(quote.content[0].start, me, source, pronoun=words[0].removesuffix("'s"))
        if person:
            return Target(person, "person")
    if person := _whose_quality(doc, quote, names):
        return Target(person, "person")
    for tok in _content_tokens(doc, quote):  # "a remark made by Joe Biden was quite rough"
        if tok.text.lower() in STATEMENT_NOUNS and (author := named_author(tok, names)) and not same_party(author, me):
            return Target(author, "statement")
    for span in quote.content:
        for ent in names.ents:
            if (ent.label_ in ("PERSON", "ORG") and span.start <= ent.start_char < span.end and not _wronged(ent.root)
                    and not (ent.root.dep_ == "compound" and _described_by_name(ent.root.head))):
                found = names.lookup(ent.text) or (clean_name(ent.text), "person" if ent.label_ == "PERSON" else "organization")
                if not same_party(found[0], me):
                    return Target(found[0], found[1])  # type: ignore[arg-type]
    for tok in _content_tokens(doc, quote):
        # a name the tagger missed ("Mr Pryce rewarded failure"), a title ("The mayor is asking them ...")
        owed = _wronged(tok.head if tok.dep_ == "compound" else tok)
        describes = tok.dep_ == "compound" and _described_by_name(tok.head)  # 'the Bernie people'
        found = names.lookup(tok.text) if tok.pos_ == "PROPN" and not owed and not describes else None
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.text.lower() == "the" for c in tok.children):
            # a title, or the last word of an organisation's name ("the council": Ashby County Council)
            word = tok.text.lower()
            known = word in names.roles or names.index.get(word, ("", ""))[1] == "organization"
            found = names.lookup(f"the {tok.text}") if known else _the_organisation(tok, quote, names)
        if found and not same_party(found[0], me):
            return Target(found[0], found[1])  # type: ignore[arg-type]
    return None
