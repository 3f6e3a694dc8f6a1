"""People and organisations named in one article: their mentions, names, roles and affiliations.

Built from the named entities and the parse, with repairs for the errors a small
model makes on news (``for Wakefield Khan`` read as one name, a surname tagged
as an organisation, a name tagged as a nationality).
"""
from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass, field

from .countries import country_named
from .name_spans import (given_name, name_span, name_start, outlet_owned, personal_name, surname_after, without_suffix,
                         written_words)
from .name_words import (GENDERED_NOUNS, GENDERED_TITLES, HONORIFICS, KINDS_BEFORE_NAMES, MEDIA_NAMES, NAME_OF_A_BODY,
                         ORG_WORDS, OUTLET_BRANDS, PLACE_STARTS, POSSESSIVE, ROLE_NOUNS, TITLES, first_name_gender,
                         first_names)
from .quotes.cues import INDIRECT_FORMS
from .quotes.tokens import Tokens
from .roles import describe

_KIND_ALONE = KINDS_BEFORE_NAMES | frozenset("council committee department ministry agency office campaign board commission".split())
# Last words of a building's name the entity tagger may take for a person's ('the lobby of Trump Tower')
_BUILDINGS = frozenset("tower towers building plaza avenue stadium arena airport hotel mall cathedral capitol".split())
# Last words of names the tagger reads as people that no person has: clubs (Ipswich Town), parties (Labour).
_NOBODYS = frozenset("town city county labour tories conservatives democrats republicans greens ukip snp".split())


@dataclass(slots=True)
class Entity:
    """A person or organisation as the article knows it (mutable while being built)."""

    key: int
    name: str
    kind: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    gender: str | None = None  # from a title or noun the article gives ('Mr Khan', 'his wife'), else a first name's
    seen: dict[str, int] = field(default_factory=dict)  # how often each name is used
    members: list[str] = field(default_factory=list)  # a group's ('Trump and Clinton said'), whose names are not its own

    def add_name(self, name: str, full: bool = True) -> None:
        """``full``: written as a full name, in the article's own words: not after a title ('Mr. Van
        Voorhis' is a surname), not inside a quotation (Trump's 'Crooked Hillary Clinton'), and not a
        sentence's first word run into a name ('Rival Hillary Clinton')."""
        if not name:
            return
        if name not in self.names:
            self.names.append(name)
        self.seen[name] = self.seen.get(name, 0) + full
        if self.kind == "person":  # the longest full name ('Imran Ahmad Khan', not 'Khan'), the most used of those
            self.name = max(self.names, key=self._fullness)

    def _fullness(self, name: str) -> tuple:
        words = len(_name_words(name))
        return words > 1 and self.seen[name] > 0, words > 1, words, self.seen[name]

    def add(self, attr: str, value: str) -> None:
        values = getattr(self, attr)
        if value and value not in values:
            values.append(value)

    @property
    def surname(self) -> str:
        return _name_words(self.name)[-1]


@dataclass(slots=True)
class Mention:
    first: int  # token range of the name itself (titles stripped)
    last: int
    entity: Entity
    subject: bool  # is (part of) a clause's subject


# Entity labels the small tagger gives names of people it does not know ('Ines Calder' as a PRODUCT)
_NOT_A_PERSON_TAG = frozenset({"", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "EVENT", "LANGUAGE"})


_BODY_KINDS = KINDS_BEFORE_NAMES | frozenset("business bank airline retailer manufacturer insurer startup maker provider "
                                             "lender developer broadcaster publisher club".split())
_PAPERS = frozenset("ledger gazette tribune chronicle herald journal courier telegraph".split())  # no one's surname
_CLUB_PREFIXES = frozenset("fc afc sc ac cf".split())  # 'FC Zeeland' is Zeeland
_COMPANY_SUFFIXES = frozenset("corp corporation inc incorporated ltd limited plc llc co company group holdings".split())
# An office named for its holder keeps the holder in its name: 'the Information Commissioner's Office'.
_OFFICE_HEADS = frozenset("office department bureau agency service institute commission committee council society "
                          "fund foundation trust union association".split())
class Mentions:
    """Every named mention of a person or organisation, in text order."""

    def __init__(self, toks: Tokens, doc) -> None:
        self.toks = toks
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        places = {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC") and len(e) == 1}
        # (a titled one too: 'Senator Whitcombe' makes a headline's 'Whitcombe's' hers, not a company's)
        self._surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and (
            len(e) > 1 or e.start > 0 and doc[e.start - 1].lower_ in TITLES)}
        self._bodies = {e.text for e in doc.ents if e.label_ == "PERSON" and self._described_as_body(e.start, e.end - 1)}
        # (a name inside an organisation's whole name is part of it: 'Ashcombe' of 'the Ashcombe and Vale NHS Trust')
        inside = {i for e in doc.ents if e.label_ == "ORG" for i in range(self._whole_name(e.start, e.end - 1), e.start)}
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "NORP", "GPE") and ent.start in inside:
                continue
            if ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
                first, last = ent.start, ent.end - 1
                if ent.label_ == "PERSON" and first == last:  # the tagger may see one word of a name
                    first, last = given_name(self.toks, first), surname_after(self.toks, first)
                self._add_ent(self._whole_name(first, last), last, ent.label_, places)
            elif ent.label_ == "WORK_OF_ART" and ({t.lower_ for t in ent} & MEDIA_NAMES  # 'The Lakeside Ledger'
                                                  or self._described_as_person(ent.start, ent.end - 1, ent.text.split())):
                self._add_ent(ent.start, ent.end - 1, "ORG", places)  # (or 'Corvin R. Hale II, a writer for …')
        self._add_untagged_people(places)
        self._add_untagged_surnames()
        self._add_untagged_company_names()
        self.mentions.sort(key=lambda m: m.first)

    def _whole_name(self, first: int, last: int) -> int:
        """Where an organisation's name starts: the entity tagger may see only its last word
        ('Gazette' of 'The Kestrel Gazette attacked …'); the proper nouns the parse joins to it go with it."""
        toks = self.toks
        if toks.lower[last] not in ORG_WORDS:
            return first
        while first > 0:
            if toks.pos[first - 1] == "PROPN" and toks.dep[first - 1] in ("compound", "nmod") and first <= toks.head[first - 1] <= last:
                first -= 1
            elif (first > 1 and toks.lower[first - 1] in ("and", "&") and toks.pos[first - 2] == "PROPN"
                  and toks.dep[first - 2] in ("compound", "nmod") and first <= toks.head[first - 2] <= last):
                first -= 2  # 'the Ashcombe and Vale NHS Foundation Trust'
            else:
                return first
        return first

    def _add_untagged_people(self, places: set[str]) -> None:
        """'The mayor of Kellan, Ines Corr, said …' where the entity tagger saw no name (or a product,
        a work, a building: 'Ines Calder' as a PRODUCT): two or three capitalised proper nouns starting
        with a known first name, as a subject, object or apposition."""
        toks = self.toks
        taken = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        i = 0
        while i < len(toks):
            if toks.pos[i] == "PROPN" and (toks.lower[i] in TITLES or toks.lower[i] in ROLE_NOUNS or (
                    i + 1 < len(toks) and toks.pos[i + 1] == "PROPN" and toks.lower[i] not in first_names()
                    and toks.lower[i + 1] in first_names())):
                i += 1  # 'Chief Executive Karen Holt', 'Actress Eva Longoria': the name starts after the title
                continue
            last = i
            while toks.pos[i] == "PROPN" and last + 1 < len(toks) and toks.pos[last + 1] == "PROPN" and last + 1 - i < 3:
                last += 1
            words = [toks.text[toks.starts[k] : toks.ends[k]] for k in range(i, last + 1)]
            head = next((k for k in range(i, last + 1) if not i <= toks.head[k] <= last), last)
            if (last > i and not any(k in taken or toks.ent[k] not in _NOT_A_PERSON_TAG for k in range(i, last + 1))
                    and all(w.isalpha() and w.istitle() for w in words) and toks.lower[i] in first_names()
                    and toks.quote[i] == -1 and not {w.lower() for w in words} & (ORG_WORDS | MEDIA_NAMES)
                    and toks.dep[head] in ("nsubj", "nsubjpass", "appos", "dobj", "pobj")):
                self._add_ent(i, last, "PERSON", places)
            i = last + 1

    def _add_untagged_surnames(self) -> None:
        """'Mr Lloyd hit back …' where the entity tagger saw no name: a known person's surname."""
        toks = self.toks
        people: dict[str, list[Entity]] = {}
        for e in reversed(self.entities):
            if e.kind == "person" and len(e.name.split()) > 1:
                people.setdefault(e.surname, []).append(e)
        taken = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        for i, word in enumerate(toks.lower):
            # a title-case headline's surname may be tagged a noun ('Howell: Mayor Owes …')
            named = toks.pos[i] == "PROPN" or (toks.para[i] == 0 and toks.text[toks.starts[i]].isupper())
            if word in people and named and i not in taken and toks.quote[i] == -1:
                subject = toks.dep[i] in ("nsubj", "nsubjpass")
                gender = GENDERED_TITLES.get(toks.lower[i - 1]) if i > 0 else None
                self.mentions.append(Mention(i, i, self._salient(people[word], gender, before=i), subject))

    def _known_organisation(self, name: str) -> bool:
        """A name the tagger now calls a person that an organisation named before has, alone or
        with its company suffix ('Meridale Grain' of Meridale Grain Co., 'Zeeland' of FC Zeeland),
        and no person of the story has for a surname."""
        last = org_key(name).split()[-1:]
        if any(e.kind == "person" and [e.surname] == last for e in self.entities):
            return False  # 'Trump' is Donald Trump, whatever Trump Group the story names
        # (by the name it was first given too: 'Census', since named 'Census Bureau')
        return any(e.kind == "organization" and (any(_plain(n) == _plain(name) for n in (e.name, *e.names[:1]))
                                                 or _paper_by_last_word(e.name, name) or _first_word_of_body(e.name, name))
                   for e in self.entities)

    def _add_untagged_company_names(self) -> None:
        """'Acme declined to comment' where the tagger saw no name: a company named before with its suffix."""
        toks = self.toks
        short = {_plain(e.name): e for e in self.entities if e.kind == "organization" and _plain(e.name) != org_key(e.name)}
        short = {k: e for k, e in short.items() if len(k.split()) == 1}
        if not short:
            return
        taken = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        for i in range(len(toks)):
            word = toks.text[toks.starts[i] : toks.ends[i]]
            if word.lower() in short and i not in taken and toks.quote[i] == -1 and toks.ent[i] in ("", "GPE", "ORG"):
                self.mentions.append(Mention(i, i, short[word.lower()], toks.dep[i] in ("nsubj", "nsubjpass")))

    # building -----------------------------------------------------------------------------
    def _add_ent(self, first: int, last: int, label: str, places: set[str]) -> None:
        toks = self.toks
        possessive = [i for i in range(first, last) if toks.lower[i] in POSSESSIVE]
        office = label == "ORG" and possessive and possessive[-1] == last - 1 and toks.lower[last] in _OFFICE_HEADS
        writer = outlet_owned(toks, first, possessive)
        if possessive and not office:  # "Labour's Ann Lee" tagged as one name: the name starts after the 's
            first = possessive[-1] + 1
        first, last = name_span(toks, first, last)
        first = name_start(toks, first, last, label)
        if (first == last and (toks.lower[first] in TITLES or toks.lower[first] in ROLE_NOUNS or toks.lower[first] in _KIND_ALONE)
                or label == "PERSON" and last > first and toks.lower[last] in _BUILDINGS):
            return  # a headline's bare 'Justice' is a title, its 'Council' a kind of body, 'Trump Tower' no one
        # a title-case headline runs the verb into the name: 'Ben Carson Defends Himself Against …'
        # (not a word the parse makes part of a later one: 'States' of 'United States Department of Agriculture')
        last = next((i - 1 for i in range(first + 1, last + 1) if toks.lower[i] in INDIRECT_FORMS
                     and not (toks.dep[i] in ("compound", "nmod") and i < toks.head[i] <= last)
                     and toks.lower[i - 1] not in _PARTICLES), last)  # (not 'Pen' of 'Marine Le Pen')
        while last > first and toks.pos[last] in ("PART", "PUNCT"):
            last -= 1
        name = toks.text[toks.starts[first] : toks.ends[last]]
        if label == "PERSON" and (name in self._bodies or self._known_organisation(name)):
            label = "ORG"  # 'Meridale Grain, which is based in Omaha, said' after Meridale Grain Co.
        if label == "PERSON" and last > first and toks.lower[first] in places:
            first += 1  # 'MP for Wakefield Khan': the place is not part of the name
        words = written_words(toks, first, last)
        if not words or not words[0][:1].isupper():
            return
        personal = label == "ORG" and (self._described_as_person(first, last, words) or personal_name(toks, first, last, words)
                                       or writer and personal_name(toks, first, last, words, known_first=False))
        kind = "person" if personal else self._kind(label, words)
        if kind == "person" and first > 0 and toks.lower[first - 1] in KINDS_BEFORE_NAMES and toks.pos[first - 1] == "NOUN":
            kind = "organization"  # 'the think tank Demos', 'the charity Shelterwise'
        if kind is None:
            return
        gender = self._gender_given(first, last) if kind == "person" else None
        named_as = first_name_gender(words) if kind == "person" and gender is None else None
        # a first name's gender too: Michelle Obama is not the 'Mr. Obama' named before her
        entity = self._entity_for(words, kind, gender or named_as)
        titled = first > 0 and toks.lower[first - 1] in HONORIFICS
        opener = (first == 0 or toks.newline[first - 1] or toks.lower[first - 1] in (".", "!", "?")) and self._known_after_first(entity, first, last)
        name = " ".join(" ".join(words).split())  # (as cleaned above)
        entity.add_name(name, full=not titled and not opener and toks.quote[first] == -1)
        if gender or named_as:
            entity.gender = entity.gender or gender or named_as
        # a subject, or a name the parse hung elsewhere right before its verb ('…, former president Bill Clinton said')
        subject = any(toks.dep[i] in ("nsubj", "nsubjpass") for i in range(first, last + 1)) or (
            last + 1 < len(toks) and toks.lower[last + 1] in INDIRECT_FORMS and toks.text[toks.starts[last + 1]].islower())
        self.mentions.append(Mention(first, last, entity, subject))
        if kind == "person":
            describe(self.toks, entity, first, last)

    def _gender_given(self, first: int, last: int) -> str | None:
        """A gender the article gives with the name: a title ('Mrs Hale'), or a noun beside it
        ('his wife, Senator Linda Hale', 'Congresswoman Ann Lee'); a first name's gender is weaker
        (first_name_gender): it does not keep a 'Mrs Hale' from a 'Hale' named before."""
        toks = self.toks
        if first > 0 and (gender := GENDERED_TITLES.get(toks.lower[first - 1])):
            return gender
        near = [k for k in range(max(0, first - 4), first) if toks.para[k] == toks.para[first]]
        # 'the son of Tom Hale' says nothing of Tom Hale, nor 'chairman Peter Vance said Lowe …' of Lowe
        near = [k for k in near if not any(toks.lower[j] in (".", ";", ":") or toks.pos[j] in ("ADP", "VERB", "AUX")
                                           or toks.ent[j] == "PERSON" for j in range(k, first))]
        head = next((i for i in range(first, last + 1) if not first <= toks.head[i] <= last), last)
        near += [toks.head[head]] if toks.dep[head] == "appos" else []
        near += [c for c in toks.children[head] if toks.dep[c] == "appos"]
        return next((GENDERED_NOUNS[toks.lower[k]] for k in near if toks.lower[k] in GENDERED_NOUNS), None)

    def _described_as_person(self, first: int, last: int, words: list[str]) -> bool:
        """'Drake's solicitor, Marcus Hale,' / 'Marcus Hale, the club's lawyer,': a role noun in
        apposition says a name the entity tagger took for an organisation is a person's."""
        toks = self.toks
        words = without_suffix(words)  # 'Vann R. Newkirk II, a writer for The Atlantic,'
        if not 2 <= len(words) <= 3 or not all(w.istitle() for w in words) or {w.lower() for w in words} & ORG_WORDS:
            return False
        head = next((i for i in range(first, last + 1) if not first <= toks.head[i] <= last), last)
        near = [toks.head[head]] if toks.dep[head] == "appos" else []
        near += [c for c in toks.children[head] if toks.dep[c] == "appos"]
        near += [first - 1] if first > 0 else []  # 'his striker Leo Marsh'
        return any(toks.lower[k] in ROLE_NOUNS for k in near)

    def _described_as_body(self, first: int, last: int) -> bool:
        """'Bramblecloud, the London-based cloud storage company,': a kind of body in apposition says a
        name the entity tagger took for a person's is an organisation's, wherever else it stands."""
        toks = self.toks
        if last > first and toks.lower[first] in first_names():
            return False  # 'Eddie Griffin, …, a group of black bloggers': the group is another's, misparsed
        head = next((i for i in range(first, last + 1) if not first <= toks.head[i] <= last), last)
        near = [toks.head[head]] if toks.dep[head] == "appos" else []
        near += [c for c in toks.children[head] if toks.dep[c] == "appos"]
        return any(toks.lower[k] in _BODY_KINDS and toks.pos[k] == "NOUN" for k in near)  # (not 'the Woodmont Country Club')

    def _kind(self, label: str, words: list[str]) -> str | None:
        lowered = {w.lower() for w in words}
        if label == "PERSON":
            clubbed = len(words) > 1 and words[0].lower() in _CLUB_PREFIXES  # 'FC Zeeland'
            paper = len(words) > 1 and words[-1].lower() in _PAPERS  # 'The Kessler Ledger'
            # 'Patriot Coal', not 'Samantha Power'; 'Politifact' alone
            body = len(words) > 1 and words[-1].lower() in NAME_OF_A_BODY and words[0].lower() not in first_names()
            brand = len(words) == 1 and words[0].lower() in OUTLET_BRANDS
            given = len(words) > 1 and words[0].lower() in first_names()  # ('Marine Le Pen': a first name, no body)
            body_words = (lowered - {words[0].lower()} if given else lowered) & ORG_WORDS
            return ("organization" if body_words or words[-1].lower() in _NOBODYS or clubbed or paper or body
                    or brand else "person")
        if label == "ORG":
            # A lone surname tagged ORG ('Blunt said', a headline's 'Howell:') is a person the article names.
            surname = (_name_words(words[-1]) or [""])[-1]  # ('Okonkwo-Bell' is Harriet Okonkwo-Bell's)
            alone = len(words) == 1 or len(words) == 2 and words[0].lower() in _PARTICLES  # ('De Blasio')
            if alone and not self._known_organisation(" ".join(words)) and (surname in self._surnames or any(
                    e.kind == "person" and e.surname == surname for e in self.entities)):
                return "person"
            return "organization"
        # NORP/GPE: only two capitalised words that look like a personal name ('Anneliese Dodds'), not a
        # place's ('Saudi Arabia said …', 'North Korea has warned …' speak as governments)
        if len(words) == 2 and all(w.istitle() for w in words) and not lowered & ORG_WORDS:
            return "organization" if label == "GPE" and words[0].lower() in PLACE_STARTS else "person"
        return None

    def _entity_for(self, words: list[str], kind: str, gender: str | None = None) -> Entity:
        name = " ".join(words)
        if kind == "organization" and (country := country_named(name)):
            return self.new_entity(country, kind)  # 'Washington' is the United States (its name stays an alias)
        if kind == "person":
            people = [e for e in reversed(self.entities) if e.kind == kind and _same_person(e, words)
                      and not (gender and e.gender and e.gender != gender)]
            if len(people) > 1:
                return self._salient(people, gender)
            if people:
                return people[0]
        for e in reversed(self.entities):
            if e.kind == kind and (org_key(e.name) == org_key(name) or kind == "organization" and _plain(e.name) == _plain(name)):
                return e
        if kind == "organization" and len(words) == 1:  # 'Brightwater' after 'Brightwater Energy'
            if paper := next((e for e in reversed(self.entities) if e.kind == kind and _paper_by_last_word(e.name, name)), None):
                return paper  # 'the Ledger' after the Kessler Ledger
            for e in reversed(self.entities):
                if e.kind == kind and len(e.name.split()) > 1 and e.name.split()[0] == words[0] and words[0].lower() not in _SHARED_FIRST:
                    return e
        if kind == "organization" and (short := self._short_name_before(words)) is not None:
            short.name = name  # 'Exxon', then 'Exxon Mobil': one company, known by its whole name
            return short
        entity = Entity(len(self.entities), name, kind)
        self.entities.append(entity)
        return entity

    def _short_name_before(self, words: list[str]) -> Entity | None:
        """An organisation named before by the first word alone of this two-word name (not a paper's
        place: 'Washington', then the Washington Post; nor a part: 'Columbia University Graduate School';
        nor a person's surname: 'Trump', then a 'Trump Train')."""
        first = words[0].lower()
        if len(words) != 2 or first in _SHARED_FIRST or first in self._surnames or {w.lower() for w in words} & MEDIA_NAMES:
            return None
        if any(e.kind == "person" and e.surname == first for e in self.entities):
            return None
        return next((e for e in reversed(self.entities) if e.kind == "organization" and e.name == words[0]
                     and not e.members), None)

    def _known_after_first(self, entity: Entity, first: int, last: int) -> bool:
        """'Rival Hillary Clinton' opening a sentence: the capital may be the sentence's, where the
        name without that word is one the article uses."""
        rest = _name_words(self.toks.text[self.toks.starts[first + 1] : self.toks.ends[last]]) if last > first + 1 else []
        return bool(rest) and any(_name_words(n) == rest for n in entity.names) or bool(rest) and self.toks.text.count(
            self.toks.text[self.toks.starts[first + 1] : self.toks.ends[last]]) > 1

    def _salient(self, people: list[Entity], gender: str | None, before: int | None = None) -> Entity:
        """Which of two people with one surname a bare 'Hale' is: the one a title's gender allows
        ('Mrs Hale'), then the one last the subject of a sentence, then the one named last."""
        if len(people) == 1:
            return people[0]
        if gender:  # of several the gender allows (Ted and Rafael Cruz), the subject, as below
            people = [e for e in people if e.gender == gender] or [e for e in people if e.gender is None] or people
            if len(people) == 1:
                return people[0]
        earlier = [m for m in self.mentions if before is None or m.first < before]
        return next((m.entity for m in sorted(earlier, key=lambda m: -m.first) if m.subject and m.entity in people), people[0])

    def source_named(self, first: int, last: int, name: str, kind: str) -> Entity:
        """A speaker the tagger missed, found from a source's words ('The Kestrel Bay Residents'
        Trust said'), as a mention too: a later 'a spokesman said' or 'the trust' reaches it."""
        entity = self.new_entity(name, kind)
        if not self.in_range(first, last):
            insort(self.mentions, Mention(first, last, entity, True), key=lambda m: m.first)
        return entity

    # lookup -------------------------------------------------------------------------------
    def in_range(self, first: int, last: int) -> list[Mention]:
        return [m for m in self.mentions if m.first <= last and m.last >= first]

    def after(self, i: int, kind: str | None = None) -> list[Mention]:
        """Mentions outside quotes that start after token ``i``, nearest first."""
        out = [m for m in self.mentions if m.first > i and self.toks.quote[m.first] == -1]
        return [m for m in out if m.entity.kind == kind] if kind else out

    def before(self, i: int, kind: str | None = None) -> list[Mention]:
        """Mentions outside quotes that end before token ``i``, nearest first."""
        out = [m for m in self.mentions if m.last < i and self.toks.quote[m.first] == -1]
        if kind:
            out = [m for m in out if m.entity.kind == kind]
        return out[::-1]

    def person_named(self, word: str) -> Entity | None:
        word = word.lower()
        for e in reversed(self.entities):
            if e.kind == "person" and not e.members and (e.surname == word or e.name.split()[0].lower() == word):
                return e
        return None

    def new_entity(self, name: str, kind: str) -> Entity:
        said = name  # ('Beijing', kept as an alias of China)
        if kind == "organization" and (country := country_named(name)):
            name = country
        for e in self.entities:
            if e.kind == kind and (_same_org(e.name, name) if kind != "person" else e.name == name):
                if len(org_key(name)) > len(org_key(e.name)):  # the fuller name: 'Kestrel Bay Residents' Trust'
                    e.name = name
                e.add_name(said)
                return e
        entity = Entity(len(self.entities), name, kind, [said])
        self.entities.append(entity)
        return entity


# Words a surname may begin with: 'De Blasio', 'Van Hollen'.
_PARTICLES = frozenset("de del della di da du van von der le la st. st".split())


# First words many organisations share: 'National' is not the National Trust.
_SHARED_FIRST = frozenset("the national american united new first royal british general democratic republican "
                          "federal state city county international world global north south east west central".split())


def _first_word_of_body(known: str, name: str) -> bool:
    """'Patriot' after 'Patriot Coal': a company called by the word before its trade."""
    words = known.split()
    return len(words) == 2 and words[0] == name and words[1].lower() in NAME_OF_A_BODY | ORG_WORDS


def org_key(name: str) -> str:
    words = [w.rstrip("'") for w in name.lower().replace("’", "'").replace("'s", "").split() if w != "the"]
    return " ".join(words)


def _paper_by_last_word(known: str, name: str) -> bool:
    """'the Ledger' is the Kessler Ledger: an outlet by the last word of its name."""
    key, words = org_key(name), org_key(known).split()
    return len(words) > 1 and key == words[-1] and key in MEDIA_NAMES


def _plain(name: str) -> str:
    """An organisation's key without its company suffix or club prefix: 'Meridale Grain Co.' is
    'meridale grain', 'FC Zeeland' is 'zeeland'."""
    words = org_key(name).split()
    if len(words) > 1 and words[-1].rstrip(".") in _COMPANY_SUFFIXES:
        words = words[:-1]
    return " ".join(words[1:] if len(words) > 1 and words[0] in _CLUB_PREFIXES else words)


def _same_org(known: str, name: str) -> bool:
    """One organisation: the same name, or the one's last two words or more end the other's
    ('Residents' Trust' in a headline, 'The Kestrel Bay Residents' Trust' in the story)."""
    a, b = org_key(known).split(), org_key(name).split()
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return a == b or len(shorter) >= 2 and longer[-len(shorter):] == shorter


def _name_words(name: str) -> list[str]:
    """'Douglas Holtz-Eakin' as the tokens the tagger gives: douglas, holtz, eakin."""
    return [w for w in re.split(r"[\s\-‐–]+", name.lower()) if w]


def _same_person(e: Entity, words: list[str]) -> bool:
    """'Blunt' or 'Crispin Blunt' is Crispin Blunt; 'Ahmad Khan' is Imran Ahmad Khan."""
    known = _name_words(e.name)
    new = _name_words(" ".join(words))
    if len(new) == 1:
        return new[0] == known[-1] or (len(known) > 1 and new[0] == known[0])
    shorter, longer = (new, known) if len(new) <= len(known) else (known, new)
    return longer[-len(shorter) :] == shorter or (len(shorter) == 1 and shorter[0] == longer[-1])
