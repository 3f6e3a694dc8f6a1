"""Names as statements compare them: who a name is (``Mr. Sanders`` ~ ``Bernie Sanders``), the
people and organisations an article names, and the speaker of a statement."""
from __future__ import annotations

import re
from functools import lru_cache

from ..name_words import (GENDERED_TITLES, ROLE_NOUNS, demonyms, first_name_gender, fits_pronoun, folded,
                          role_word)
from ..countries import country_named
from ..models import Entity, Quote

_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|sen|senator|rep|gov|governor|president|prime minister|mp|"
                     r"councillor|councilor|cllr|baroness|baron|professor|prof|rev|reverend|judge)\.?\s+", re.I)
_POSSESSIVE = re.compile(r"(?:['\u2018\u2019]s|['\u2018\u2019])$")  # the opening mark too: 'Trump‘s', as some sites type it
_GENERIC = frozenset("campaign team office spokesperson spokesman spokeswoman the of and party".split())


def clean_name(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip())
    return _TITLES.sub("", text).strip(" ,.")


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[str, ...]:
    text = folded(clean_name(name))
    return tuple(w for w in re.findall(r"[a-z][a-z'\-]+", text) if w not in _GENERIC)


def same_party(a: str | None, b: str | None) -> bool:
    """Whether two names plausibly name the same speaker (``Mr. Sanders`` ~ ``Bernie Sanders``)."""
    if not a or not b:
        return False
    return _same_party(a, b)


@lru_cache(maxsize=16384)  # linking asks it of every pair of statements
def _same_party(a: str, b: str) -> bool:
    if " and " in a.lower() or " and " in b.lower():  # a group speaks for none of its members alone
        return clean_name(a).lower() == clean_name(b).lower() or _same_members(a, b)
    if (country := country_named(a)) is not None and country == country_named(b):
        return True  # 'the U.S.' ~ 'United States' ~ 'Washington'
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:  # 'the U.S.' ~ 'U.S.', 'the F.B.I.' ~ 'FBI': initials, written with stops or not
        return bool(_initials(a)) and _initials(a) == _initials(b)
    if _other_first_name(ta, tb):
        return False  # "Grant Schilling" is not "Curt Schilling", nor Bill Clinton Hillary
    sa, sb = _expand(set(ta), tb), _expand(set(tb), ta)  # "DNC staff" ~ "Democratic National Committee"
    return ta == tb or ta[-1] == tb[-1] or sa <= sb or sb <= sa


def _initials(name: str) -> str:
    """A name written in initials, without stops ('U.S.' → 'us', 'FBI' → 'fbi'); '' for any other."""
    text = re.sub(r"^the\s+", "", clean_name(name), flags=re.I)
    return text.replace(".", "").lower() if re.fullmatch(r"(?:[A-Z]\.?){2,5}", text) else ""


def _same_members(a: str, b: str) -> bool:
    """Two groups of the same names in any order and form: 'Clinton and Trump' ~ 'Donald Trump and
    Hillary Clinton'."""
    ma, mb = (re.split(r",\s*(?:and\s+)?|\s+and\s+", clean_name(x)) for x in (a, b))
    return (len(ma) == len(mb) > 1 and all(any(_same_party(x, y) for y in mb) for x in ma)
            and all(any(_same_party(y, x) for x in ma) for y in mb))


# Short forms of first names, so that "Chuck Grassley" stays "Charles Grassley".
_NICKNAMES = {
    "bill": "william", "will": "william", "chuck": "charles", "charlie": "charles", "bob": "robert", "rob": "robert",
    "bobby": "robert", "ted": "edward", "ed": "edward", "bernie": "bernard", "mike": "michael", "jim": "james",
    "jimmy": "james", "joe": "joseph", "tom": "thomas", "dick": "richard", "rick": "richard", "rich": "richard",
    "dan": "daniel", "dave": "david", "steve": "steven", "tony": "anthony", "andy": "andrew", "alex": "alexander",
    "chris": "christopher", "nick": "nicholas", "pat": "patrick", "matt": "matthew", "ken": "kenneth", "kenny": "kenneth",
    "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth", "kate": "katherine", "kathy": "katherine",
    "debbie": "deborah", "jen": "jennifer", "sue": "susan", "meg": "margaret", "peggy": "margaret", "sam": "samuel",
    "ben": "benjamin", "jeff": "jeffrey", "greg": "gregory", "larry": "lawrence", "jerry": "gerald", "don": "donald",
    "ron": "ronald", "newt": "newton", "mitt": "willard", "jeb": "john", "jack": "john", "hank": "henry", "harry": "henry",
}


def _other_first_name(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """Two full names with the same surname but different first names (not a short form, not an initial)."""
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1]:
        return False
    short, long_ = sorted((ta, tb), key=len)
    if long_[len(long_) - len(short):] == short:
        return False  # "Wasserman Schultz" ~ "Debbie Wasserman Schultz"
    fa, fb = ta[0], tb[0]
    if fa == fb or fa[0] == fb[0] and min(len(fa), len(fb)) <= 2:
        return False
    return _NICKNAMES.get(fa, fa) != _NICKNAMES.get(fb, fb)


def _expand(words: set[str], other: tuple[str, ...]) -> set[str]:
    """``words`` with an acronym of ``other`` (``dnc``) spelled out as ``other``'s words."""
    initials = "".join(w[0] for w in other)
    return (words - {initials}) | set(other) if len(other) > 1 and initials in words else words


_GENDERED = frozenset("he him his she her hers".split())


def may_be_the_speaker(quote: Quote, pronoun: str) -> bool:
    """Whether a he/she/his/her in reported speech can stand for the speaker: a person whose first
    name does not say otherwise (Mrs. Clinton's 'he' is someone else)."""
    speaker = quote.speaker
    return speaker is not None and speaker.kind == "person" and fits_pronoun(first_name_gender(speaker.name.split()), pronoun)


class Names:
    """The people and organisations an article names, each under its longest name."""

    def __init__(self, doc, entities: list[Entity]):
        self.doc = doc
        self.ents = doc.ents  # spaCy builds the tuple anew on every read
        self.index: dict[str, tuple[str, str]] = {}
        self.roles: dict[str, str] = {}
        # a country's people by the first word of its name: 'the Saudis' are Saudi Arabia
        self._demonyms = demonyms(clean_name(e.text) for e in self.ents if e.label_ == "GPE")
        for e in entities:
            if e.kind == "unknown":
                continue
            # a group ("Sanders and Clinton") is named only in full: its last word names a member
            for alias in (e.name,) if " and " in e.name.lower() else (e.name, *e.aliases):
                self._add(alias, e.name, e.kind)
            for role in e.roles if e.kind == "person" else ():
                self._add_role(role, e.name)
        for ent in self.ents:
            if ent.label_ in ("PERSON", "ORG"):
                kind = "person" if ent.label_ == "PERSON" else "organization"
                name = clean_name(ent.text)
                if name:
                    self._add(name, name, kind)
                for title in (_title_before(ent), _apposition(ent)) if kind == "person" else ():
                    if title:
                        self._add_role(title, (self.lookup(name) or (name, ""))[0])
        self._add_first_names()

    def _add_first_names(self) -> None:
        """``Grace`` names Grace Holloway when no other person of the article is called Grace."""
        people: dict[str, set[str]] = {}
        for name, kind in self.index.values():
            words = name_tokens(name)
            if kind == "person" and len(words) > 1:
                people.setdefault(words[0], set()).add(name)
        for first, names in people.items():
            old = self.index.get(first)  # a lone first name the tagger took for an organisation gives way
            if len(names) == 1 and (old is None or old[1] == "organization" and len(name_tokens(old[0])) == 1):
                self.index[first] = (next(iter(names)), "person")

    def _add_role(self, role: str, name: str) -> None:
        """``the minister`` names the person the article calls ``Transport Minister Pryce``."""
        words = [role_word(w) for w in re.findall(r"[a-z][a-z'\-]+", role.lower()) if w not in ("the", "a", "an", "of")]
        # 'chairman of Dunmore Athletic' is 'the chairman', not 'the athletic'
        nouns = [w for w in words if w in ROLE_NOUNS]
        for key in {" ".join(words), (nouns or words)[-1]} if words else ():
            old = self.roles.get(key)
            self.roles[key] = name if old is None or same_party(old, name) and len(name) > len(old) else old

    def _add(self, alias: str, name: str, kind: str) -> None:
        keys = {clean_name(alias).lower()}
        group = " and " in alias.lower()  # "Sanders and Clinton" is not what "Clinton" names
        if kind == "person" and name_tokens(alias) and not group:
            keys.add(name_tokens(alias)[-1])
        for key in keys:
            old = self.index.get(key)
            # a longer name of the same person wins; a namesake ("Grant Schilling") does not take "Schilling"
            if old is None or len(name) > len(old[0]) and not (kind == old[1] == "person" and not same_party(old[0], name)):
                self.index[key] = (clean_name(name), kind)
        words = name_tokens(alias)
        if kind == "organization" and len(words) > 1 and words[-1] not in self.index:
            self.index[words[-1]] = (clean_name(name), kind)  # "the board": the Eastmere Health Board

    def lookup(self, text: str) -> tuple[str, str] | None:
        key = clean_name(text).lower()
        if key in self.index:
            return self.index[key]
        toks = name_tokens(text)
        # a surname is written as one ('a federal judge' is no Patty Judge); 'the board' is the one named
        if toks and toks[-1] in self.index and (self.index[toks[-1]][1] != "person" or not re.search(
                rf"(?<![\w'\-]){re.escape(toks[-1])}(?![\w'\-])", clean_name(text))):
            return self.index[toks[-1]]
        role = re.sub(r"^(?:the|a|an|our|their|this)\s+", "", key)
        if role.endswith("s") and role[:-1] in self._demonyms:
            return self._country(role[:-1])
        # "the Vermont senator": the person titled "Senator", when the whole phrase is no known title
        name = self.roles.get(role) or (self.roles.get(role.split()[-1]) if role and role != key else None)
        if name:
            return self.lookup(name) if name.lower() in self.index else (name, "person")
        return None

    def country_of(self, tok) -> tuple[str, str] | None:
        """The country a nationality word names ('Saudi concerns': Saudi Arabia), if the article names it."""
        word = tok.lower_.removesuffix("s")
        return self._country(word) if tok.ent_type_ == "NORP" and word in self._demonyms else None

    def _country(self, word: str) -> tuple[str, str]:
        place = self._demonyms[word]
        return self.index.get(place.lower(), (place, "organization"))

    def in_tokens(self, tokens, head=None) -> tuple[str, str] | None:
        """The named person or organisation among some tokens: the one ``head`` is part of, else the first."""
        ents = [e for e in self.ents if e.label_ in ("PERSON", "ORG") and any(e.start <= t.i < e.end for t in tokens)]
        if head is not None:  # "thanked RNC Chairman Reince Priebus": Priebus, not the RNC
            ents.sort(key=lambda e: not e.start <= head.i < e.end)
        for ent in ents:
            found = self.lookup(ent.text) or (clean_name(ent.text), "person" if ent.label_ == "PERSON" else "organization")
            return self._titled(ent, found)
        for t in tokens:
            if t.pos_ == "PROPN" and (found := self.lookup(t.text)):
                return found
        return None

    def _titled(self, ent, found: tuple[str, str]) -> tuple[str, str]:
        """'Mrs Ellery' is Margaret Ellery, not her son Neil whom the surname names first."""
        title = ent[0] if ent[0].lower_ in GENDERED_TITLES or not ent.start else ent.doc[ent.start - 1]
        gender = GENDERED_TITLES.get(title.lower_)
        if gender is None or found[1] != "person" or first_name_gender(found[0].split()) in (gender, None):
            return found
        surname = name_tokens(found[0])[-1:]
        return next((v for v in self.index.values() if v[1] == "person" and name_tokens(v[0])[-1:] == surname
                     and first_name_gender(v[0].split()) == gender), found)

    def person_before(self, offset: int, not_named: str | None, skip: tuple[int, int] = (0, 0),
                      pronoun: str | None = None, full: bool = False) -> str | None:
        """The latest person named before ``offset`` who is not ``not_named`` (nor named inside ``skip``)
        and, for a ``pronoun`` (his, her, him, …), whose first name does not say otherwise (``full``:
        known by a full name, not a lone word the tagger may have taken for a person)."""
        def fits(name: str) -> bool:
            return (pronoun not in _GENDERED or fits_pronoun(first_name_gender(name.split()), pronoun)) and (
                not full or len(name.split()) > 1)

        best, at = None, -1
        for ent in self.ents:
            if ent.label_ == "PERSON" and ent.end_char <= offset and not skip[0] <= ent.start_char < skip[1]:
                name = (self.lookup(ent.text) or (clean_name(ent.text), ""))[0]
                if not same_party(name, not_named) and fits(name):
                    best, at = name, ent.start_char
        # a known person's name the tagger left untagged ("Schilling did not back down") also counts
        for tok in self.doc:
            if tok.idx >= offset or tok.idx <= at or skip[0] <= tok.idx < skip[1] or tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
                continue
            found = self.index.get(tok.text.lower())
            if found and found[1] == "person" and not same_party(found[0], not_named) and fits(found[0]):
                best, at = found[0], tok.idx
        return best


    def organisation_before(self, offset: int, not_named: str | None) -> tuple[str, str] | None:
        """The latest organisation named before ``offset``, other than ``not_named`` ('the company'),
        as a noun phrase of its own (not 'Social Security numbers')."""
        best = None
        for ent in self.ents:
            if ent.label_ == "ORG" and ent.end_char <= offset and ent.root.dep_ != "compound":
                found = self.lookup(ent.text) or (clean_name(ent.text), "organization")
                if found[1] == "organization" and not same_party(found[0], not_named):
                    best = found
        return best


def _title_before(ent) -> str:
    """The title words written before a name (``Transport Minister`` in ``Transport Minister Alan Pryce``)."""
    words = []
    i = ent.start - 1
    while i >= 0 and ent.doc[i].dep_ == "compound" and i < ent.doc[i].head.i < ent.end and ent.doc[i].ent_type_ != "PERSON":
        words.insert(0, ent.doc[i].text)
        i -= 1
    return " ".join(words)


def _apposition(ent) -> str:
    """A role set beside a name: 'Sunita Rao, the council leader,', 'The chairman of Dunmore Athletic,
    Victor Hale,' (parsed with the name beside 'Dunmore Athletic'): the role noun and its modifiers."""
    head, role = ent.root, None
    if head.dep_ == "appos":
        h = head.head
        while h.dep_ == "pobj" and h.head.head.pos_ == "NOUN" and h.head.head.i < h.i:
            h = h.head.head
        role = h if h.i < ent.start else None
    role = role or next((c for c in head.children if c.dep_ == "appos" and c.i >= ent.end), None)
    if role is None or role.pos_ != "NOUN" or role_word(role.lower_) not in ROLE_NOUNS:
        return ""
    return " ".join(t.text for t in role.lefts if t.dep_ in ("compound", "amod")) + f" {role.text}"


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker and quote.speaker.name else None
