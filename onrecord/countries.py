"""Countries as speakers: 'China', 'Beijing denied …', 'the Chinese government' and 'the
government in Beijing' are one speaker, the country, under its usual English name, as 'the U.S.'
and 'Washington' are the United States. A record keeps one id for each, whichever an article uses.

Names, other names, capitals and demonyms are countryinfo's data (MIT licence), read once.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .quotes.tokens import Tokens

# Where a government sits when the data's capital is not what news writes for it.
_SEATS = {"washington": "United States", "washington, d.c.": "United States", "the hague": "Netherlands"}
# Initials, matched as written: lower-cased, 'US' and 'IN' are words. (The data's ISO codes, such as
# 'AND' for Andorra or 'CAN' for Canada, are left out for that reason.)
_INITIALS = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates", "DRC": "Democratic Republic of the Congo", "PRC": "China",
}
# Names news uses that the data lacks.
_ALSO = {"america": "United States", "britain": "United Kingdom", "burma": "Myanmar", "saudi": "Saudi Arabia",
         "south korea": "South Korea", "north korea": "North Korea", "the vatican": "Vatican City", "kiev": "Ukraine"}
# A small country's capital is more often a place of the same name elsewhere ('Victoria', 'Hamilton',
# 'Georgetown') than its government speaking.
_SPEAKS_AS_CAPITAL = 1_000_000
# Words a government's name may have beside its country's: 'the federal government of Germany'.
_GOVERNMENT_WORDS = frozenset("the 's ’s federal national central".split())


@dataclass(frozen=True, slots=True)
class _Table:
    names: dict[str, str]      # folded name, other name or capital -> the country's name
    demonyms: dict[str, str]   # folded demonym ('chinese', 'south korean') -> the country's name
    kingdoms: frozenset[str]   # countries that call themselves a kingdom


@lru_cache(maxsize=1)
def _table() -> _Table:
    from countryinfo import all_countries

    names: dict[str, tuple[int, str]] = {}
    demonyms: dict[str, tuple[int, str]] = {}
    kingdoms = set()

    def put(into: dict, key: str | None, name: str, people: int) -> None:
        key = _fold(key or "")
        if key and (key not in into or into[key][0] < people):  # 'Congo' is the larger one's
            into[key] = (people, name)

    for country in all_countries():
        name, people = country.name(), country.population() or 0
        others = [n for n in country.alt_spellings() if not (n.isupper() and len(n) <= 3)]
        for other in (name, *others):
            put(names, other, name, people)
        capitals = country.capital() or []  # (a few have several)
        if people >= _SPEAKS_AS_CAPITAL:
            for capital in [capitals] if isinstance(capitals, str) else capitals:
                put(names, capital, name, people)
        put(demonyms, country.demonym(), name, people)
        if any(re.search(r"\bKingdom\b", n) for n in (name, *others)):
            kingdoms.add(name)
    table = {key: name for key, (_, name) in names.items()}
    table.update(_ALSO)
    table.update(_SEATS)
    return _Table(table, {key: name for key, (_, name) in demonyms.items()}, frozenset(kingdoms))


def _fold(text: str) -> str:
    """Lower case, one space, no accents ('Bogotá' is 'bogota'), no 'the' or ''s'."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = " ".join("".join(c for c in text if not unicodedata.combining(c)).split()).lower()
    text = re.sub(r"'s$", "", text)
    return re.sub(r"^the ", "", text) if text not in _SEATS else text


def country_named(name: str | None) -> str | None:
    """The country a name, other name, initials or seat of government names ('the U.S.',
    'Beijing', 'Britain'), or None."""
    if not name:
        return None
    bare = re.sub(r"^[Tt]he\s+", "", name.strip())
    bare = re.sub(r"['’]s$", "", bare)
    return _INITIALS.get(bare) or _table().names.get(_fold(name))


def _country_words(text: str) -> str | None:
    """A country named or described by its people's word: 'Chinese', 'South Korean', 'U.S.', 'Beijing's'."""
    return country_named(text) or _table().demonyms.get(_fold(text))


def government_of(toks: Tokens, head: int, first: int, last: int) -> str | None:
    """'the Chinese government', 'Beijing's government', 'the government of China' or 'the government
    in Riyadh' speaks as its country (not 'the state government', 'the Trump government')."""
    if toks.lower[head] != "government":
        return None
    before = [k for k in range(first, head) if toks.lower[k] not in _GOVERNMENT_WORDS]
    if before:
        return _country_words(toks.text[toks.starts[before[0]] : toks.ends[before[-1]]])
    for prep in toks.children[head]:
        objects = [o for o in toks.children[prep] if toks.dep[o] == "pobj" and o <= last]
        if toks.dep[prep] == "prep" and toks.lower[prep] in ("of", "in") and objects:
            span = toks.subtree(objects[0])
            return country_named(toks.text[toks.starts[span[0]] : toks.ends[span[-1]]])
    return None


def the_kingdom(toks: Tokens, head: int, first: int, last: int) -> str | None:
    """'The kingdom said …' (or 'the Gulf kingdom'): the kingdom the article named last before it."""
    if toks.lower[head] != "kingdom" or toks.lower[first] != "the" or last != head:
        return None
    k = first - 1
    while k >= 0:
        if toks.ent[k] == "GPE":
            end = k
            while k > 0 and toks.ent[k - 1] == "GPE":
                k -= 1
            if (country := country_named(toks.text[toks.starts[k] : toks.ends[end]])) in _table().kingdoms:
                return country
        k -= 1
    return None
