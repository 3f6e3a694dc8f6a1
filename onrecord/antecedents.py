"""Which person a pronoun means: the nearest earlier one outside quotes that fits it, weighed by
whether they are a subject, have spoken, or have a name known to be a person's; not one the quote
beside the pronoun speaks of, nor the object of the verb its clause hangs on."""
from __future__ import annotations

from .mentions import Entity, Mention, Mentions
from .name_words import ROLE_NOUNS, fits_pronoun
from .quotes.tokens import Tokens


def antecedent(toks: Tokens, mentions: Mentions, pronoun: int, done: dict) -> Entity | None:
    """Nearest earlier person outside quotes that fits the pronoun ('she' is not Mr Lloyd), and
    not one the quote beside it speaks of ('"What happened to Mrs Ellery …," she said.'); for a
    subject 'he' or 'she', the centre it goes on about first (``_centre``), through up to
    ``_HOPS`` subject pronouns before it."""
    k = pronoun
    for _ in range(_HOPS):
        fits = _fits(toks, mentions, k)
        centre = _centre(toks, mentions, k, fits)
        if not isinstance(centre, int):  # (else the subject 'he' before it: whom that one means)
            found = centre or salient(toks, mentions, k, done, fits)
            return found or (salient(toks, mentions, pronoun, done, _fits(toks, mentions, pronoun)) if k != pronoun else None)
        k = centre
    return salient(toks, mentions, pronoun, done, _fits(toks, mentions, pronoun))


_HOPS = 8  # a story's run of 'He said …' sentences: whom the first means, read no further back than this


def _fits(toks: Tokens, mentions: Mentions, pronoun: int):
    """Who the pronoun could mean: a person it fits, not one the quote beside it or its clause speaks of."""
    beside = _quotes_beside(toks, pronoun)
    spoken_of = {m.entity.key for m in mentions.mentions if toks.quote[m.first] in beside and not _addressed(toks, m.last)}
    spoken_of |= {m.entity.key for m in _main_clause_object(toks, mentions, pronoun) + _in_fronted_participle(toks, mentions, pronoun)}
    return lambda m: fits_pronoun(m.entity.gender, toks.lower[pronoun]) and m.entity.key not in spoken_of


_SUBJECT = ("nsubj", "nsubjpass")


def _centre(toks: Tokens, mentions: Mentions, pronoun: int, fits) -> Entity | int | None:
    """Whom a subject 'he' or 'she' goes on about: the nearest subject before it, in its sentence or
    the one before, that it could mean, passing over people named as objects ('Trump thanked his
    campaign manager, Corey Lewandowski. He said …' is Trump; 'He nodded to his second place behind
    Ted Cruz. "…," he said.' is whoever the first 'He' is, the token given back). A named subject
    counts where it is its sentence's main one (a clause's is passed over) and is known to be a he or a
    she; None when neither is found (the nearest person then, weighed: ``salient``)."""
    word = toks.lower[pronoun]
    if word not in ("he", "she") or toks.dep[pronoun] not in _SUBJECT or not _main_clause(toks, toks.head[pronoun]):
        return None  # (a 'he' inside a clause, 'a decision by Mr. Obama that he needed …', is the nearest's)
    start = before = toks.sentence_start(pronoun)
    while before > 0 and toks.is_boundary(before - 1) and (before == start or toks.newline[before - 1]):
        before -= 1  # past its full stop and any line breaks, into the sentence before
    start = toks.sentence_start(before - 1) if before > 0 else start
    named = {m.last: m for m in mentions.before(pronoun, "person")[:12]}
    for k in range(pronoun - 1, start - 1, -1):
        m = named.get(k)
        if m is not None and m.subject and m.entity.gender and fits(m) and _main_clause(toks, toks.head[m.last]):
            return m.entity  # (the subject of a clause inside a sentence is no centre: 'that Ted Cruz is …')
        if toks.quote[k] == -1 and toks.lower[k] == word and toks.dep[k] in _SUBJECT and _main_clause(toks, toks.head[k]):
            return k
    return None


def _main_clause(toks: Tokens, verb: int) -> bool:
    return toks.head[verb] == verb or toks.dep[verb] == "conj" and toks.head[toks.head[verb]] == toks.head[verb]


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


# Plural nouns for people, where the tagger cannot say ('issues get attention … so long as they …' is no speaker)
_PEOPLE_ENDS = ("ers", "ors", "ists", "ians", "ees", "ants")
_THINGS = frozenset("numbers orders letters matters answers powers borders centers papers chambers headquarters".split())
_PEOPLE = frozenset(
    "people officials critics allies friends groups parents residents citizens democrats republicans conservatives "
    "liberals progressives partisans experts candidates delegates families aides advocates opponents police states "
    "students scientists executives economists nations countries governments unions independents".split())


def group_before(toks: Tokens, pronoun: int) -> int | None:
    """The plural subject a 'they' outside quotes goes on from: the nearest before it in its sentence
    or the one before, a group of people ('activists and intellectuals who …. They acknowledge …')."""
    if toks.lower[pronoun] != "they" or toks.quote[pronoun] != -1:
        return None
    mine = toks.sentence_start(pronoun)
    start = toks.sentence_start(mine - 1) if mine > 0 else 0
    for k in range(pronoun - 1, start - 1, -1):
        if toks.dep[k] not in _SUBJECT or toks.quote[k] != -1 or toks.para[pronoun] - toks.para[k] > 1:
            continue
        people = toks.tag[k] == "NNPS" or toks.tag[k] == "NNS" and (
            toks.lower[k] in _PEOPLE or toks.lower[k].endswith(_PEOPLE_ENDS) and toks.lower[k] not in _THINGS)
        if people and (k >= mine or toks.dep[toks.head[k]] == "ROOT"):  # (the sentence before: its main subject)
            return k
        if toks.tag[k] in ("NNS", "NNPS", "NN", "NNP") and toks.dep[toks.head[k]] == "ROOT":
            return None  # a nearer main subject that is no group of people
    return None
