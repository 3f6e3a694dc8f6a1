"""Which person a pronoun means: the nearest earlier one outside quotes that fits it, weighed by
whether they are a subject, have spoken, or have a name known to be a person's; not one the quote
beside the pronoun speaks of, nor the object of the verb its clause hangs on."""
from __future__ import annotations

from .mentions import Entity, Mention, Mentions
from .name_words import ROLE_NOUNS, fits_pronoun
from .quotes.tokens import Tokens


def antecedent(toks: Tokens, mentions: Mentions, pronoun: int, done: dict) -> Entity | None:
    """Nearest earlier person outside quotes that fits the pronoun ('she' is not Mr Lloyd), and
    not one the quote beside it speaks of ('"What happened to Mrs Ellery …," she said.')."""
    beside = _quotes_beside(toks, pronoun)
    spoken_of = {m.entity.key for m in mentions.mentions if toks.quote[m.first] in beside and not _addressed(toks, m.last)}
    spoken_of |= {m.entity.key for m in _main_clause_object(toks, mentions, pronoun) + _in_fronted_participle(toks, mentions, pronoun)}
    return salient(toks, mentions, pronoun, done,
                    lambda m: fits_pronoun(m.entity.gender, toks.lower[pronoun]) and m.entity.key not in spoken_of)


def _main_clause_object(toks: Tokens, mentions: Mentions, pronoun: int) -> list[Mention]:
    """'X was interviewing the poet Daniel Okoro when he quipped …': the subject of a clause hung on
    a verb is not that verb's object."""
    verb = toks.head[pronoun]
    if toks.dep[pronoun] != "nsubj" or toks.dep[verb] != "advcl":
        return []
    main = toks.head[verb]
    # (the object itself or a name beside it, 'the poet Daniel Okoro'; not a possessor in it: 'hearing Rubio's strategy')
    objects = {c for c in toks.children[main] if toks.dep[c] in ("dobj", "dative")}
    objects |= {a for o in objects for a in toks.children[o] if toks.dep[a] == "appos"}
    return [m for m in mentions.mentions if any(m.first <= o <= m.last for o in objects)]


def _in_fronted_participle(toks: Tokens, mentions: Mentions, pronoun: int) -> list[Mention]:
    """'Asked about Ms Dunmore's criticism, she said …', 'Responding to Ms Dunmore, she …': a participle
    before the pronoun has it for its subject, so a name in it is someone else."""
    verb = toks.head[pronoun]
    if toks.dep[pronoun] != "nsubj":
        return []
    fronted = [c for c in toks.children[verb] if toks.dep[c] == "advcl" and c < pronoun and toks.tag[c] in ("VBN", "VBG")
               and not any(toks.dep[k] in ("nsubj", "nsubjpass") for k in toks.children[c])]
    inside = {k for c in fronted for k in toks.subtree(c)}
    return [m for m in mentions.mentions if m.last in inside]


def _addressed(toks: Tokens, k: int) -> bool:
    """'"He always whispered in my ear, 'Billie Jean King, you are the Queen,'" she said': a name
    the quote calls out to may be the speaker's own."""
    return k + 2 < len(toks.lower) and toks.lower[k + 1] == "," and toks.lower[k + 2] in ("you", "your")


def _quotes_beside(toks: Tokens, k: int) -> set[int]:
    """The quotes that close just before token ``k`` or open just after its verb, in its paragraph."""
    near = [i for i in (*range(max(0, k - 3), k), *range(k + 1, min(len(toks.lower), k + 5)))
            if toks.para[i] == toks.para[k]]
    return {toks.quote[i] for i in near if toks.quote[i] != -1}


def salient(toks: Tokens, mentions: Mentions, at: int, done: dict, fits) -> Entity | None:
    """Nearest earlier person outside quotes that ``fits``; subjects, recent speakers and names
    known to be a person's weigh more (a name of no known gender may be 'Pell Grants')."""
    speakers = {r[0].key for r in done.values() if r[0] is not None}
    best, best_score = None, None
    for m in mentions.before(at, "person")[:12]:
        if not fits(m) or _modifier_only(toks, m):
            continue
        distance = sum(1 for i in range(m.last + 1, at) if toks.quote[i] == -1)
        known = m.entity.gender is not None
        score = distance - (8 if m.subject else 0) - (10 if m.entity.key in speakers else 0) - (6 if known else 0)
        if best_score is None or score < best_score:
            best, best_score = m.entity, score
    return best


def _modifier_only(toks: Tokens, m: Mention) -> bool:
    """A name of no known gender that only modifies a thing ('a Kansas City radio station', 'Girl
    Scout cookies'): the tagger's person may be a place or a brand, and 'he' is not it."""
    owner = toks.head[m.last]
    return (m.entity.gender is None and toks.dep[m.last] in ("compound", "amod") and owner > m.last
            and toks.pos[owner] == "NOUN" and toks.lower[owner] not in ROLE_NOUNS)
