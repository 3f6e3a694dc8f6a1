"""Resolving each statement's source mention to a speaker inside the article.

Names go to the longest name of that person in the article; pronouns to the
nearest earlier person outside quotes (quotes introduce no referents for
``he said``); role descriptions (``the Reigate MP``) to the person the article
gave that role; spokespeople to their organisation.
"""
from __future__ import annotations

import re

from .antecedents import antecedent, group_before
from .authors import author_of
from .continued import goes_on, group_goes_on, same_spokesperson
from .countries import government_of, the_kingdom
from .descriptions import DESCRIBES, STOP, aged_source, described, told_apart
from .groups import speaking_group
from .headlines import headline_from_lede
from .mentions import Entity, Mention, Mentions
from .name_spans import without_suffix
from .name_words import ORG_WORDS, PERSON_PRONOUNS, POSSESSIVE, ROLE_NOUNS, role_word
from .models import Entity as EntityRecord, Quote, Span
from .organisations import (DOCUMENTS, INSTITUTIONS, MEDIA_KINDS, ORG_KINDS, SENT_WRITINGS, document_by, issuer_of,
                            country_of_people, named_beside_kind, of_kind, organisation, reporting_outlet,
                            speaking_place, untagged_organisation)
from .parties import party_member
from .quotes import Attribution
from .quotes.cues import INDIRECT_FORMS, SPOKES_NOUNS
from .quotes.frames import _mention, is_relative
from .quotes.sources import who_it_is
from .quotes.tokens import Tokens
from .speaker_records import FIRST_PERSON, entity_record, in_order, speaker, speaker_ids

_INSIDE_NAME = frozenset({"compound", "amod"})
_PERSONAL_OFFICES = frozenset({"office", "aide", "aides", "lawyers", "attorneys", "representatives", "spokesperson",
                               "spokesman", "spokeswoman", "team", "advisers", "advisors", "staff", "staffers"})
_RUN_BY_ONE = frozenset({"campaign", "administration"})  # 'his campaign' is the Trump campaign


def resolve_speakers(toks: Tokens, doc, attributions: list[Attribution]) -> tuple[list[Quote], list[EntityRecord]]:
    """Quotes with resolved speakers, and the speakers as entities of this article."""
    mentions = Mentions(toks, doc)
    resolved: dict[int, tuple[Entity | None, str | None, str | None]] = {}
    for k, a in enumerate(attributions):
        before = attributions[k - 1] if k else None
        found = (goes_on(toks, mentions, a, before, resolved) or same_spokesperson(toks, a, before, resolved)
                 or _resolve(toks, mentions, a, resolved))
        resolved[id(a)] = found if found[0] is not None else (group_goes_on(toks, a, before, resolved)
                                                                  or _group_before(toks, mentions, a, resolved) or found)
    headline_from_lede(toks, mentions, attributions, resolved, DESCRIBES)
    ids = speaker_ids([r[0] for r in resolved.values() if r[0] is not None])
    text = toks.text
    quotes = []
    for a in attributions:
        entity, role, fallback = resolved[id(a)]
        quotes.append(
            Quote(
                content=tuple(Span.of(text, s, e) for s, e in a.content),
                kind=a.kind,
                cue=Span.trimmed(text, *a.cue) if a.cue else None,
                source=Span.trimmed(text, *a.source) if a.source else None,
                speaker=speaker(entity, role, fallback, ids),
                confidence=a.confidence,
            )
        )
    records = [entity_record(e, ids[e.key]) for e in in_order(resolved)]
    return quotes, records


def _group_before(toks: Tokens, mentions: Mentions, a: Attribution, done: dict):
    """'They' after a group no statement was attributed to: that group, resolved as a source is."""
    if a.source_head is None or (k := group_before(toks, a.source_head)) is None:
        return None
    entity, role, shown = resolve_mention(toks, mentions, k, *_mention(toks, k, None), done)
    # ('Democrats, Frank notes, applaud …', 'Critics of the program, like Senators …, say': the group before its aside)
    return (entity, role, shown and shown.split(",")[0]) if entity or shown else None


def _resolve(toks: Tokens, mentions: Mentions, a: Attribution, done: dict) -> tuple[Entity | None, str | None, str | None]:
    """(entity, role in this statement, name to show when no entity) for one attribution."""
    if a.inherits is not None:
        return done[id(a.inherits)]
    if (quoted := _quoted_as_saying(toks, a)) is not None:  # 'KNA quoted Irina Sokolova as saying …': hers
        return resolve_mention(toks, mentions, quoted, *_mention(toks, quoted, None), done)
    head = a.source_head if a.source_head is not None else a.context_head
    if head is None:
        return None, None, None
    label = toks.text[a.source[0] : a.source[1]] if a.source else ""
    if label.isupper() and a.cue and toks.text[a.cue[0] : a.cue[1]] == ":" and not _acronym(toks.text, label):
        # a transcript's 'PENCE:' names a person the article may know in full ('Mike Pence')
        name = label.title()
        person = mentions.person_named(name.split()[-1]) or mentions.new_entity(name, "person")
        if person.name.isupper():  # known only from its labels
            person.name = name
        return person, None, None
    first, last = toks.span_tokens(*a.source) if a.source else (head, head)
    # 'who' stands for the noun its clause describes (as does a tagger's source 'that represents veterans,')
    clause = is_relative(toks, first) and toks.dep[toks.head[first]] == "relcl" and toks.head[first] <= last
    if first == last and is_relative(toks, first) or clause:
        if (head == first or clause) and toks.dep[toks.head[first]] == "relcl":
            head = toks.head[toks.head[first]]
        if head == toks.head[toks.head[first]] and toks.lower[first] == "who":
            head = who_it_is(toks, head)
        first, last = _mention(toks, head, None)
    def over_cue(k: int) -> bool:  # 'Islanders condemn minister's remarks' parsed as one noun phrase
        return a.cue is not None and toks.starts[head] < a.cue[0] < toks.ends[k]

    if not a.as_named and toks.dep[head] in _INSIDE_NAME and toks.head[head] > last and not over_cue(toks.head[head]):
        # The tagger's source may stop inside a name ('Port' of 'Port Avery mayor Delia Marsh'):
        # resolve the whole phrase the parse has it in.
        while (toks.dep[head] in _INSIDE_NAME and toks.head[head] > head and not over_cue(toks.head[head])
               and toks.lower[toks.head[head]] not in INDIRECT_FORMS):
            head = toks.head[head]  # (not into 'Defends' of a title-case 'Ben Carson Defends Himself')
        first, last = _mention(toks, head, None)
    return resolve_mention(toks, mentions, head, first, last, done)


def _acronym(text: str, label: str) -> bool:
    """Whether a label in capitals is written so in running text too ('NHS', 'CNN'): a name, not a
    transcript's 'PENCE:' to be read as 'Pence'."""
    return any(not text.startswith(":", m.end()) for m in re.finditer(rf"\b{re.escape(label)}\b", text))


_QUOTING = frozenset({"quoted", "quotes", "quoting", "quote"})


def _quoted_as_saying(toks: Tokens, a: Attribution) -> int | None:
    """The one an outlet 'quoted … as saying': who said the words (PolNeAR's source stays the outlet)."""
    if a.cue is None:
        return None
    verb = toks.span_head(*toks.span_tokens(*a.cue))
    if toks.lower[verb] not in _QUOTING:
        return None
    said = any(toks.dep[c] == "prep" and toks.lower[c] == "as" for c in toks.children[verb])
    return next((c for c in toks.children[verb] if toks.dep[c] == "dobj" and said), None)


def _described_name(toks: Tokens, mentions: Mentions, head: int, first: int, last: int) -> Entity | None:
    """'Ann Lee, the Harbour Party MP for Eastgate, has defended ...': the tagger may give the
    description alone as the source; it describes the name it is in apposition to (unless its
    own words name someone: '…Hillary Clinton, former president Bill Clinton said')."""
    owner = toks.head[head]
    if (toks.dep[head] != "appos" or first <= owner <= last or toks.pos[owner] != "PROPN"
            or "\n" in toks.text[toks.ends[min(owner, head)] : toks.starts[max(owner, head)]]  # not a headline's
            or any(m.first <= head <= m.last for m in mentions.in_range(first, last))):
        return None
    named = mentions.in_range(owner, owner)
    if not named and toks.lower[head] in ORG_KINDS | INSTITUTIONS:  # 'Vets Forward, a … group,' untagged
        start = owner
        while start > 0 and toks.pos[start - 1] == "PROPN":
            start -= 1
        return named_beside_kind(toks, mentions, owner, start)
    return named[0].entity if named else None


def resolve_mention(toks: Tokens, mentions: Mentions, head: int, first: int, last: int, done: dict):
    if (described := _described_name(toks, mentions, head, first, last)) is not None:
        return described, None, None
    # 'one Democrat familiar with the talks, who added that the White House …': the source's
    # relative clause tells nothing of who speaks (no name in it, nor role words)
    last = next((max(first, k - 1 - (toks.pos[k - 1] == "PUNCT")) for k in range(head + 1, last + 1)
                 if is_relative(toks, k)), last)
    named = mentions.in_range(first, last)
    head = _of_writings(toks, head)
    word = toks.lower[head]
    # a name beside the word is who speaks: 'A Republican colleague, Sen. Peter Albrecht,', 'a spokesman, John Smith,'
    beside = [m for m in named if m.entity.kind == "person" and toks.dep[m.last] == "appos" and toks.head[m.last] == head]
    if word in _NOT_THEIR_WORDS and beside:
        return beside[0].entity, None, None
    if word in _NOT_THEIR_WORDS and named and not any(m.first <= head <= m.last for m in named):
        return None, None, _shown(toks, first, last)  # 'Critics of Mr Asante said …' are not Asante
    if word in SPOKES_NOUNS:  # ('a Harbour Users spokesperson' names the body)
        if not beside:
            return _theirs(toks, mentions, head, done) or _spokesperson(toks, mentions, head, first, last)
        named = beside
    if word in DOCUMENTS and (by := document_by(toks, mentions, named, head, first)) is not None:
        return by, None, None
    if len(named) > 1 and (group := speaking_group(toks, mentions, named, head)) is not None:
        return group, None, None
    # "Holloway's party": a possessor is not the speaker; "A Westbrook councillor", "The GOP presidential
    # nominee": nor is a modifier (a poll's is who made it: "The latest Reuters/Ipsos poll").
    # "Parents in Ashby": where a group is from is not who speaks (an employer is: "Analysts at Bernstein")
    modifiers = ("poss", "compound", "amod") if word in DOCUMENTS else ("poss", "compound", "amod", "nmod")
    named = [m for m in named if m.first <= head <= m.last
             or toks.dep[m.last] not in modifiers and not _based_in(toks, m) and not _placed(toks, m.last)]
    if not named and toks.pos[head] == "NOUN" and word not in ROLE_NOUNS and (owned := _owned(toks, mentions, head, done)):
        return owned
    if named and (who := _head_of(toks, mentions, named, head, first, last, done)) is not None:
        return who
    if named:
        people = [m for m in named if m.entity.kind == "person"] or named
        m = next((m for m in people if m.first <= head <= m.last), people[0])
        return m.entity, _mention_role(toks, first, last, m), None
    return _unnamed(toks, mentions, head, first, last, done)


def _theirs(toks: Tokens, mentions: Mentions, head: int, done: dict):
    """'His aides say …', 'Her office said …' speak for the one 'his' or 'her' refers to."""
    if toks.lower[head] not in _PERSONAL_OFFICES or (person := _whose(toks, mentions, head, done)) is None:
        return None
    return person, toks.lower[head], None


# What a person writes or records that then speaks for them: 'Her statement said …', 'His latest ad says …'.
_OWN_WORDS = SENT_WRITINGS | frozenset("statement ad ads advert adverts advertisement commercial video op-ed column blog "
                                       "website book memoir speech remarks comments tweets posts letters emails".split())


def _of_writings(toks: Tokens, head: int) -> int:
    """'One of her ads' speaks as her ads do: the writings, where a number or quantity picks some of them."""
    if toks.pos[head] not in ("NUM", "PRON", "DET", "ADJ") and toks.lower[head] not in ("some", "many", "several"):
        return head
    writings = [g for c in toks.children[head] if toks.lower[c] == "of" for g in toks.children[c] if toks.dep[g] == "pobj"]
    return writings[0] if writings and toks.lower[writings[0]] in _OWN_WORDS else head


def _whose(toks: Tokens, mentions: Mentions, head: int, done: dict) -> Entity | None:
    """The one a 'his' or 'her' before a noun refers to, or a role before it describes ('the former vice
    president's spokeswoman')."""
    owner = next((c for c in toks.children[head] if toks.dep[c] == "poss"), None)
    if owner is None:
        return None
    if toks.lower[owner] in ("his", "her"):
        return antecedent(toks, mentions, owner, done)
    if toks.pos[owner] != "NOUN" or not (span := toks.subtree(owner)) or toks.lower[span[0]] != "the":
        return None
    end = max(k for k in span if toks.lower[k] not in POSSESSIVE)
    return _by_role(toks, mentions, owner, span[0], end) or described(toks, mentions, owner, span[0], end, done)


def _owned(toks: Tokens, mentions: Mentions, head: int, done: dict):
    """A noun a name owns or stands beside: "Holloway's party, the Westbrook Independents," is that party;
    'Doyle's office', 'Her office' speak for the person; "Acme's union" is a body of its own."""
    word = toks.lower[head]
    owner = [c for c in toks.children[head] if toks.dep[c] == "poss" and toks.pos[c] == "PROPN"]
    appos = [c for c in toks.children[head] if toks.dep[c] == "appos" and toks.pos[c] == "PROPN"]
    if appos and word in ORG_WORDS:
        words = [i for i in toks.subtree(appos[0]) if toks.pos[i] == "PROPN"]
        name = " ".join(toks.text[toks.starts[i] : toks.ends[i]] for i in words)
        return mentions.new_entity(name, "organization"), None, None
    person = mentions.person_named(toks.text[toks.starts[owner[0]] : toks.ends[owner[0]]]) if owner else None
    if person is not None and word in _PERSONAL_OFFICES:
        return person, word, None
    if person is None and (theirs := _theirs(toks, mentions, head, done)) is not None:
        return theirs
    if word in _OWN_WORDS and (who := person or _whose(toks, mentions, head, done)) is not None and who.kind == "person":
        return who, None, None  # 'Her statement said', 'one of his ads says': the person's own words
    alone = not any(toks.dep[c] == "conj" for c in toks.children[head])  # (not 'His campaign and much of the media')
    who = _whose(toks, mentions, head, done) if word in _RUN_BY_ONE else None
    if word == "administration" and who is None and head > 0 and toks.dep[head - 1] == "compound":
        surname = toks.text[toks.starts[head - 1] : toks.ends[head - 1]]  # 'the Obama administration', named so
        person = mentions.person_named(surname)
        who = person if person and without_suffix(person.name.split())[-1].lower() == surname.lower() else None
    if word in _RUN_BY_ONE and alone and who is not None and who.kind == "person":
        return mentions.new_entity(f"{without_suffix(who.name.split())[-1]} {word}", "organization"), None, None  # 'his campaign'
    if owner and word in ORG_WORDS:
        name = f"{toks.text[toks.starts[owner[0]] : toks.ends[owner[0]]]} {word}"
        if toks.text[toks.starts[head]].isupper():  # "The Dunmore Supporters' Trust" is a name as written
            start = next(i for i in sorted(toks.subtree(owner[0])) if toks.pos[i] != "DET")
            name = toks.text[toks.starts[start] : toks.ends[head]]
        return mentions.new_entity(name, "organization"), None, None
    return None


# Those who speak about someone, not for them: 'critics of', 'allies of', 'people close to'.
_SITS_FOR = frozenset("mp mps msp am mla member representative congressman congresswoman senator councillor councilor".split())
_NOT_THEIR_WORDS = frozenset(
    "critic critics opponent opponents rival rivals detractor detractors enemy enemies ally allies friend friends "
    "supporter supporters backer backers associate associates confidant confidants neighbour neighbours neighbor "
    "neighbors colleague colleagues people those fans voters constituents admirers".split())


# A person who heads a body: 'the president of Lakeview University' is someone, not the university.
_HEADS = frozenset("president chairman chairwoman chair director chief head ceo dean principal founder leader secretary "
                    "minister".split())


def _based_in(toks: Tokens, m: Mention) -> bool:
    """'The Bristol-based company': where a body is based, not who speaks."""
    return toks.lower[toks.head[m.last]] == "based" and toks.head[m.last] > m.last


def _head_of(toks: Tokens, mentions: Mentions, named: list[Mention], head: int, first: int, last: int, done: dict):
    """'The president of Lakeview University apologized': the person with that role, or the one the
    story is about ('The former secretary of State said'), else an unnamed person described so (not
    the body, which is only where they work)."""
    if toks.lower[head] not in _HEADS or any(m.entity.kind != "organization" or m.first <= head <= m.last for m in named):
        return None
    if not all(toks.dep[m.last] == "pobj" and toks.lower[toks.head[m.last]] == "of" for m in named):
        return None
    person = _by_role(toks, mentions, head, first, last) or described(toks, mentions, head, first, last, done)
    return (person, None, None) if person is not None else (None, None, _shown(toks, first, last))


def _unnamed(toks: Tokens, mentions: Mentions, head: int, first: int, last: int, done: dict):
    """A source that names no one: a pronoun, an organisation's noun, a role or a description."""
    word = toks.lower[head]
    if word in PERSON_PRONOUNS:
        return antecedent(toks, mentions, head, done), None, None
    if word in FIRST_PERSON and toks.quote[head] == -1 and (author := author_of(toks, mentions)) is not None:
        return author, None, None  # an opinion piece's 'I' and 'we', outside quotes, are its writer
    if (country := government_of(toks, head, first, last) or the_kingdom(toks, head, first, last)) is not None:
        return mentions.source_named(first, last, country, "organization"), None, None  # 'the Chinese government'
    if (word == "it" or word in ORG_KINDS | INSTITUTIONS | MEDIA_KINDS) and (org := organisation(toks, mentions, head, first, last, done)):
        return org, None, None
    definite = toks.lower[first] == "the" or first > 0 and toks.lower[first - 1] == "the"
    if word in SENT_WRITINGS and definite and (sender := issuer_of(toks, mentions, first, word)):
        return sender, None, None  # 'Dr. Susan Park sent the email …. "…," the email read.'
    # a name the tagger took for another word ('Schilling describes himself': VBG) is still the name
    if toks.pos[head] == "PROPN" or first == last and toks.text[toks.starts[head]].isupper():
        person = mentions.person_named(toks.text[toks.starts[head] : toks.ends[head]])
        if person or (person := named_beside_kind(toks, mentions, head, first)):
            return person, None, None
    if (member := party_member(toks, mentions, head, first, last)) is not None:
        return member, None, None  # 'the Michigan Democrat' after 'Sen. Ruth Caldwell (D-Mich.)'
    epithet = last == first + 1 and toks.lower[first] == "the" and toks.tag[head] == "NN" and _someones_role(mentions, word)
    if word in ROLE_NOUNS or any(toks.lower[i] in ROLE_NOUNS for i in range(first, last + 1)) or epithet:
        entity = _by_role(toks, mentions, head, first, last)
        if entity:
            return entity, None, None
    if (entity := described(toks, mentions, head, first, last, done)) is not None:
        return entity, None, None
    # ('the Saudis': Saudi Arabia; 'Germany urged')
    if (name := untagged_organisation(toks, first, head, last) or country_of_people(toks, head, first, last)
            or speaking_place(toks, head, first, last) or reporting_outlet(toks, first, last)) is not None:
        return mentions.source_named(first, last, name, "organization"), None, None
    return None, None, _shown(toks, first, last)


def _someones_role(mentions: Mentions, word: str) -> bool:
    """'the poet' after 'the poet Daniel Okoro': a noun the story put before a person's name."""
    return any(r.lower() == word for e in mentions.entities if e.kind == "person" for r in e.roles)


def _placed(toks: Tokens, k: int) -> bool:
    """Where a speaker is from or sits for ('Parents in Ashby', 'the Conservative MP for Stourford')."""
    prep = toks.head[k]
    return toks.dep[k] == "pobj" and (toks.lower[prep] in ("in", "across", "near", "around", "outside") or
                                      toks.lower[prep] == "for" and toks.lower[toks.head[prep]] in _SITS_FOR)


def _shown(toks: Tokens, first: int, last: int) -> str:
    """An unresolved source as shown: 'Some economists, who argue …' as 'Some economists', and
    'The British capital's new mayor on Tuesday' (a source as PolNeAR marks it) without its day."""
    for k in range(first + 1, last + 1):
        if is_relative(toks, k):
            last = max(first, k - 1 - (toks.pos[k - 1] == "PUNCT"))
            break
    when = [] if aged_source(toks, first, last) else [k for k in range(first + 1, last + 1) if toks.ent[k] in ("DATE", "TIME")]
    if when and all(toks.ent[k] in ("DATE", "TIME") or toks.pos[k] in ("ADP", "PUNCT") for k in range(when[0], last + 1)):
        last = when[0] - 1
        while last > first and toks.pos[last] in ("ADP", "PUNCT"):
            last -= 1
    while last > first and toks.lower[last] in (",", ";", ":", "-", "—"):  # an aside's closing comma
        last -= 1
    shown = " ".join(toks.text[toks.starts[first] : toks.ends[last]].split())  # ('Her    72-year-old mother', a no-break space)
    # ('Critics said …' names nobody: in lower case the record keeps it apart from names)
    return shown[0].lower() + shown[1:] if toks.only_describes(first, last) else shown


def _mention_role(toks: Tokens, first: int, last: int, m: Mention) -> str | None:
    """A role said in this very mention ('Spokeswoman Haley Morris')."""
    for i in range(first, last + 1):
        if not m.first <= i <= m.last and toks.lower[i] in SPOKES_NOUNS:
            return toks.lower[i]
    return None


def _by_role(toks: Tokens, mentions: Mentions, head: int, first: int, last: int) -> Entity | None:
    """'the Reigate MP' -> the person described as 'the MP for Reigate' earlier."""
    words = {role_word(toks.lower[i]) for i in range(first, last + 1) if toks.lower[i].rstrip(".").isalpha()} - STOP
    head_word = role_word(toks.lower[head])
    best, best_score = None, 0
    later = toks.para[head] <= 2 or toks.lower[first] not in ("a", "an")  # a lede's 'A Westbrook councillor' may be
    # named only later; 'a U.S. District Court judge' further on is another than 'Judge Stranch' after
    for m in [*mentions.before(head, "person"), *(mentions.after(head, "person") if later else [])]:
        for role in m.entity.roles:
            role_words = {role_word(w) for w in role.lower().split()} - STOP
            if told_apart(words, role_words):
                continue  # 'the council leader' is not the one titled 'Opposition leader'
            score = len(words & role_words) * 2 + (head_word in role_words)
            if score > best_score:
                best, best_score = m.entity, score
    return best


# Singular nouns that, with 'the', describe the person a story is about ('The former secretary of
# state said'), when no role named earlier fits. Not offices an article gives with the name, whose
# bare 'the senator' or 'the president' is as often someone else ('the former president' for
# Bill Clinton in a story about his wife), nor generic ones ('the band leader', 'the official').
def _spokesperson(toks: Tokens, mentions: Mentions, head: int, first: int, last: int):
    """'A Conservative HQ spokesperson' -> Conservative Party, role spokesperson."""
    role = toks.lower[head]
    words = [i for i in range(first, last + 1) if i != head and toks.pos[i] in ("PROPN", "ADJ", "NOUN")]
    after = [c2 for c in toks.children[head] if toks.dep[c] == "prep" for c2 in toks.subtree(c)[1:]]
    words += after
    # (a place names no body: 'a spokesman for the Texas secretary of state' is not the Texas Civil Rights Project's)
    keys = {toks.lower[i] for i in words if toks.ent[i] not in ("GPE", "LOC")} - STOP
    if role == "statement" and not words and (issuer := issuer_of(toks, mentions, first)) is not None:
        return issuer, role, None
    spoken_for = [m.entity for m in mentions.in_range(min(after), max(after)) if m.entity.kind == "person"] if after else []
    if role in ("source", "sources") and last > head:  # 'sources close to the Home Secretary' are not her words
        return None, role, _shown(toks, first, last)
    if spoken_for:  # 'a spokesman for House Speaker Tom Reilly' speaks for him, not for the House
        return spoken_for[-1], role, None
    # 'a spokesman for the governor's office' speaks for the governor the article named
    # (not a word of a body's name: 'a spokesman for the General Staff' is no general's)
    if holder := next((p for k in after if toks.lower[k] in ROLE_NOUNS and toks.dep[k] != "compound"
                       and (p := _by_role(toks, mentions, k, k, k))), None):
        return holder, role, None
    # the body named right there ('for the Friends of Marsden Libraries'), else the one whose name
    # shares most words (not 'Marsden Council', named first, for one word)
    named = [m.entity for m in mentions.in_range(min(after), max(after)) if m.entity.kind == "organization"] if after else []
    shared = [(len(keys & (set(m.entity.name.lower().split()) - STOP)), -k, m.entity) for k, m in enumerate(mentions.mentions)
              if m.entity.kind == "organization"]
    if named or max(shared, default=(0,))[0]:
        return (named[-1] if named else max(shared, key=lambda x: x[:2])[2]), role, None
    # (a capital that only starts the sentence names nothing: 'Health board officials said …', 'Senior officials')
    # (nor does a nationality: 'a spokesperson for the Dutch club' is the club's)
    names = [i for i in sorted(set(words)) if toks.text[toks.starts[i]].isupper() and toks.ent[i] not in ("GPE", "LOC", "NORP")
             and not toks.capital_only_at_start(i)]
    person = next((p for i in names if (p := mentions.person_named(toks.text[toks.starts[i] : toks.ends[i]]))), None)
    if person is not None:
        return person, role, None  # 'a spokesman for Whitfield' speaks for Dana Whitfield
    if names:
        name = " ".join(toks.text[toks.starts[i] : toks.ends[i]] for i in names)
        return mentions.new_entity(name, "organization"), role, None
    kinds = [i for i in words if toks.lower[i] in ORG_KINDS | INSTITUTIONS]
    content = [i for i in words if toks.pos[i] in ("NOUN", "PROPN", "ADJ") and toks.ent[i] != "NORP"]  # ('a spokeswoman for the company')
    if kinds and len(kinds) == len(content) and (org := of_kind(toks, mentions, toks.lower[kinds[-1]], first)) is not None:
        return org, role, None  # 'A club spokesperson said …' after Dunmore Athletic: the club's
    # (a name inside the quotation itself is not who it is spoken for: '"Declan accepts …," the spokesperson added')
    # (nor one in the words a source after a comma reports: 'Talks with the European Union broke down, officials said')
    told = toks.sentence_start(first) if first > 0 and toks.lower[first - 1] == "," else first
    last_named = next((m for m in mentions.before(told) if toks.quote[m.first] == -1), None)
    # (not 'sources said': anonymous sources are no one's spokespeople, least of all the paper's)
    if (not words and last_named is not None and last_named.entity.kind == "organization" and role not in ("source", "sources")
            and toks.para[head] - toks.para[last_named.last] <= 2):
        return last_named.entity, role, None  # 'The Environment Agency said … A spokesperson added:'
    return None, role, _shown(toks, first, last)


