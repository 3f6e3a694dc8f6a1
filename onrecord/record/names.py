"""Names and roles normalised for linking people across articles.

``name_tokens`` reads ``Sen. Hillary Rodham Clinton`` as ``hillary rodham clinton``;
``role_key`` makes ``the MP for Reigate`` and ``the Reigate MP`` one key and says
whether it picks out one person; ``title_keys`` joins a generic title to a surname
(``President Obama``), which together pick out one where neither alone does.
"""
from __future__ import annotations

import re

from ..name_words import folded

TITLES = frozenset(
    "mr mrs ms miss mx dr sir dame lord lady baroness baron prof professor rev reverend fr father "
    "sen senator rep representative gov governor pres president vp gen general col colonel capt "
    "captain lt sgt adm admiral judge justice mayor sec secretary minister chancellor speaker "
    "sheriff chief commissioner ambassador prince princess king queen cllr councillor councilor councilman "
    "councilwoman congressman congresswoman the".split()
)
SUFFIXES = frozenset("jr sr ii iii iv v mp qc kc phd md esq".split())
# Words that describe a post rather than pick out who holds it: "the president" is
# nobody in particular, "the Reigate MP" is one person at a time.
ROLE_WORDS = TITLES | frozenset(
    "mp mps mep msp member members parliament leader leaders head spokesperson spokesman spokeswoman "
    "spokespeople official officials aide aides adviser advisor candidate nominee frontrunner "
    "chairman chairwoman chair ceo cfo founder director executive manager president vice deputy "
    "state department house senate congress congressman congresswoman cabinet office press "
    "campaign party government administration committee council attorney prosecutor lawyer "
    "former then current new acting interim shadow prime foreign home health defence defense "
    "national federal democratic democrat democrats republican republicans gop conservative "
    "conservatives tory tories labour liberal independent green us u s uk american british "
    "white staff chief general public security economic legal police court supreme district".split()
)
STOPWORDS = frozenset("a an the of for in at on to and from by with s".split())
# Left out of role keys: "the Conservative MP for Reigate" holds the same post as "the Reigate MP".
ROLE_MODIFIERS = frozenset(
    "former then current new acting interim democratic democrat democrats republican republicans gop "
    "conservative conservatives tory tories labour liberal independent green us u s uk american british".split()
)


def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-case, accent-free tokens of a name without titles and suffixes."""
    text = re.sub(r"'s\b", "", folded(name))
    text = text.replace("'", "")
    tokens = re.findall(r"[a-z0-9]+", text)
    while tokens and tokens[0] in TITLES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    return tuple(tokens)


# 'Many Republicans', 'Several Labour MPs': a number of people, not one.
_HOW_MANY = frozenset("some many several most few other others all both two three four five dozens hundreds".split())


def is_proper_name(name: str) -> bool:
    """A name of someone ("Crispin Blunt", "Blunt"), not a description ("the Reigate MP")."""
    words = name.strip().split()
    if not words or words[0].lower() in ("the", "a", "an") or not words[0][:1].isupper():
        return False
    if re.search(r"['’]s\s+[a-z]", name):  # "Simon Drake's solicitor" describes someone by another
        return False
    return any(w[:1].isupper() and name_tokens(w) and name_tokens(w)[0] not in ROLE_WORDS | _HOW_MANY for w in words)


def role_key(role: str) -> tuple[str | None, bool]:
    """A role's order-free key ("the MP for Reigate" = "the Reigate MP") and whether it is specific."""
    role = re.sub(r"\b[A-Z][\w-]*\s+(?=[A-Z][\w-]*['’]s\b)", "", role)  # "Simon Drake's solicitor" = "Drake's solicitor"
    words = re.findall(r"[A-Za-zÀ-ÿ0-9’']+", role)
    tokens, specific = set(), False
    for word in words:
        toks = name_tokens(word) or tuple(re.findall(r"[a-z0-9]+", word.lower()))
        for tok in toks:
            if tok in STOPWORDS or tok in ROLE_MODIFIERS:
                continue
            tokens.add(tok)
            if word[:1].isupper() and tok not in ROLE_WORDS:
                specific = True
    return (" ".join(sorted(tokens)) or None), specific


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names that may be the same person: same surname, first names agree
    (equal, or one an initial of the other), and middle names do not contradict."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    if not _given_agrees(a[0], b[0]):
        return False
    short, long_ = sorted((a[1:-1], b[1:-1]), key=len)
    return all(any(_given_agrees(s, t) for t in long_) for s in short)


def _given_agrees(x: str, y: str) -> bool:
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


# Abbreviated titles as the full word, so 'Sen. Cruz' and 'Senator Ted Cruz' share a key.
_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
                "sec": "secretary", "gen": "general", "lt": "lieutenant", "adm": "admiral", "prof": "professor",
                "cllr": "councillor", "councilor": "councillor"}


def title_keys(roles: tuple[str, ...], names: tuple[tuple[str, ...], ...]) -> set[str]:
    """'President Obama' and 'President Barack Obama': a generic title ('President', 'Sen.', 'the
    former president') with the surname, as 't:president obama'. Michelle Obama, the first lady,
    has another; two presidents Bush share one, and the linking margin keeps them apart."""
    surnames = {n[-1] for n in names if n and "and" not in n}
    keys = set()
    for role in roles:
        words = [_ABBREVIATED.get(w, w) for w in re.findall(r"[a-z]+", role.lower())
                 if w not in STOPWORDS and w not in ROLE_MODIFIERS]
        if words and len(words) <= 3 and all(w in ROLE_WORDS or w in _ABBREVIATED.values() for w in words):
            keys |= {f"t:{' '.join(words)} {s}" for s in surnames}
    return keys
