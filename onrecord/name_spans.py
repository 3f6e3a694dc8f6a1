"""Where a name the entity tagger found begins and ends, and whether it is a person's.

The tagger's spans run into what stands beside a name (a heading, an amount, a title) or stop
short of it (a given name it did not know); these read the parse around them.
"""
from __future__ import annotations

from .name_words import (HONORIFICS, MEDIA_NAMES, NAME_OF_A_BODY, ORG_WORDS, OUTLET_BRANDS, PERSON_PRONOUNS, POSSESSIVE,
                         ROLE_NOUNS, TITLES, first_names)
from .quotes.cues import INDIRECT_FORMS
from .quotes.tokens import Tokens


def given_name(toks: Tokens, surname: int) -> int:
    """Where a person's name starts when the tagger saw only its last word ('Joseph' of 'Amelize Joseph
    loves …'): an untagged capitalised proper noun joined to it, no title or role ('Senator', 'Aide')."""
    k = surname - 1
    if (k >= 0 and toks.tag[k] == "NNP" and toks.dep[k] == "compound" and toks.head[k] == surname
            and _untagged_word(toks, k, surname, TITLES | ROLE_NOUNS | HONORIFICS | STYLES)
            and toks.lower[surname] not in OUTLET_BRANDS):  # (not 'Senators Rubio', 'Pope Francis', '… Twitter')
        return k
    return surname


def surname_after(toks: Tokens, given: int) -> int:
    """Where a person's name ends when the tagger saw only a first name ('Ann' of a headline's 'Ann
    Coulter: …'): the untagged capitalised singular noun it modifies, no title, role, body or verb."""
    k = given + 1
    if (k < len(toks) and toks.lower[given] in first_names() and toks.head[given] == k and toks.tag[k] in ("NN", "NNP")
            and _untagged_word(toks, k, given, TITLES | ROLE_NOUNS | ORG_WORDS | INDIRECT_FORMS)):
        return k
    return given


def _untagged_word(toks: Tokens, k: int, name: int, not_names: frozenset[str]) -> bool:
    """Whether word ``k`` beside the tagged word ``name`` may be part of that name: capitalised letters the
    tagger gave no entity, none of ``not_names``, inside or outside the same quote."""
    word = toks.text[toks.starts[k] : toks.ends[k]]
    return (not toks.ent[k] and word.isalpha() and word[0].isupper() and toks.lower[k] not in not_names
            and toks.quote[k] == toks.quote[name])


def name_span(toks: Tokens, first: int, last: int) -> tuple[int, int]:
    """A tagged name without what the tagger ran into it: a heading before a colon or line break
    ('National Interests: The Human Rights Council'), a bracket it leaves open ('the Vox Populi (Voice of the
    People) column' tagged up to 'People'), an amount after it ('Peabody gave Patriot 13 percent')."""
    word = lambda i: toks.text[toks.starts[i] : toks.ends[i]]
    breaks = [i for i in range(first + 1, last) if word(i) == ":" or toks.newline[i]]  # (or a headline's line)
    if breaks and toks.pos[breaks[-1] + 1] in _NO_NAME_STARTS:
        last = breaks[0] - 1  # the name before it: 'Ruth Okafor: Why The …'
    elif breaks:
        first = breaks[-1] + 1
    opened = next((i for i in range(first + 1, last + 1) if word(i) == "("
                   and not any(word(k) == ")" for k in range(i + 1, last + 1))), None)
    last = opened - 1 if opened is not None else last
    amount = next((i for i in range(first + 1, last) if toks.tag[i] == "CD" and word(i + 1)[:1].islower()), None)
    return first, amount - 1 if amount is not None else last


# What no name begins with: 'Why', 'And', 'The' ('the' alone; 'The Human Rights Council' has a name after it).
_NO_NAME_STARTS = frozenset({"ADV", "CCONJ", "SCONJ", "PRON", "AUX", "VERB", "ADP", "PART"})


def written_words(toks: Tokens, first: int, last: int) -> list[str]:
    """A name's words as written ("Commissioner's", "Okonkwo-Bell", "Residents' Association", "Post/ABC",
    not "Residents ' Association"), without an editor's brackets ('[Hillary] Clinton') or a trailing slash."""
    words = toks.text[toks.starts[first] : toks.ends[last]].split()
    return [w for w in (w.strip("[]").rstrip("/") for w in words) if w]


def outlet_owned(toks: Tokens, first: int, possessive: list[int]) -> bool:
    """Whether an outlet's possessive is before the name, inside the tagged span or just before it: 'the
    Washington Post's Ishaan Tharoor' is one of its writers."""
    before = first > 1 and toks.lower[first - 1] in POSSESSIVE
    owner = range(first, possessive[-1]) if possessive else range(first - 2, first - 1) if before else range(0)
    return any(toks.lower[i] in MEDIA_NAMES for i in owner)


def name_start(toks: Tokens, first: int, last: int, label: str) -> int:
    """Where a name begins: after titles and articles ('Senator', 'the'), and a role word unless it opens a
    body's name ('General Motors', 'the General Staff'); before its country's possessive where every
    country has such a body ("Tarsova's Defence Ministry" is not Meridia's)."""
    if label == "ORG" and _whose_ministry(toks, first, last):
        return first - 2
    while first < last and (toks.lower[first] in TITLES or toks.pos[first] == "DET" or toks.lower[first] in ROLE_NOUNS
                            and (label != "ORG" or toks.lower[first + 1] in first_names())):
        first += 1
    return first


# Styles before a name the tagger leaves out of it ('Pope Francis'): not a given name.
STYLES = frozenset("pope cardinal archbishop bishop sheikh saint st king queen prince princess emir sultan".split())


# A body every country has: 'Defence Ministry', 'Foreign Ministry', 'the army'.
_EVERY_COUNTRYS = frozenset("ministry army navy military government parliament police embassy".split())


def _whose_ministry(toks: Tokens, first: int, last: int) -> bool:
    return (toks.lower[last] in _EVERY_COUNTRYS and first >= 2 and toks.lower[first - 1] in POSSESSIVE
            and toks.pos[first - 2] == "PROPN" and toks.ent[first - 2] in ("GPE", "ORG", "NORP"))


def personal_name(toks: Tokens, first: int, last: int, words: list[str], known_first: bool = True) -> bool:
    """'Irina Sokolova' tagged an organisation: a known first name and a word that is none, with no
    article before them ('the Wells Fargo …' is a bank's), no word of a body's name ('Edison Research')
    and no 'it' after them in the sentence before any 'he' or 'her' ('Wells Fargo said it would appeal').
    Without ``known_first``, any first name: where an outlet owns the name ('the Post's Ishaan Tharoor')."""
    names = first_names()
    lowered = {w.lower() for w in words}
    words = without_suffix(words)
    # (a middle name or initial between: 'Keith Lamont Scott', 'Vann R. Newkirk')
    middle = all(w.lower() in names or len(w) == 2 and w[0].isupper() and w[1] == "." for w in words[1:-1])
    ends = (words[0], words[-1])
    if (not 2 <= len(words) <= 3 or not middle or not all(w.replace("-", "").isalpha() and w.istitle() for w in ends)
            or known_first and not all(w in names for w in words[0].lower().split("-"))  # ('Eva-Maria')
            or words[-1].lower() in names and len(words) == 2  # ('Keith Lamont Scott')
            or (lowered - {words[0].lower()}) & (ORG_WORDS | NAME_OF_A_BODY)  # ('Marine' is a first name)
            or first > 0 and toks.lower[first - 1] == "the"):
        return False
    return _pronoun_after(toks, last) != "it"


_PERSONAL = PERSON_PRONOUNS | {"himself", "herself"}


def _pronoun_after(toks: Tokens, k: int) -> str | None:
    """'it' or 'person': the first pronoun after token ``k`` in its sentence ('Wells Fargo said it would
    appeal'; 'Carly Fiorina threw her support behind …, saying it is time …')."""
    for j in range(k + 1, len(toks)):
        if toks.is_boundary(j):
            return None
        if toks.quote[j] != -1:
            continue  # (a quote's 'it' is the speaker's: 'Eva-Maria Schultheis posted: "… this is what it has led to"')
        if toks.lower[j] in ("it", "its"):
            return "it"
        if toks.lower[j] in _PERSONAL:
            return "person"
    return None


def without_suffix(words: list[str]) -> list[str]:
    """A personal name's words without its suffix: 'Vann R. Newkirk II', 'John G. Roberts Jr.'."""
    return words[:-1] if len(words) > 2 and words[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv") else words
