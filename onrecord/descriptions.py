"""The person a description is: 'the billionaire businessman', 'The Supreme Court justice', 'the
52-year-old' after the sentences about someone the article named.

A description goes to the one the story was about only where the roles the article gave them fit
its words; an age or an epithet (no office) needs no role to fit.
"""
from __future__ import annotations

from .antecedents import salient
from .mentions import Entity, Mention, Mentions
from .name_words import GENDERED_NOUNS, role_word
from .quotes.frames import aged
from .quotes.tokens import Tokens

STOP = frozenset({"the", "a", "an", "of", "for", "in", "'s", "’s", "hq", "headquarters", "party"})
# Words that tell no two holders of a role apart ('the veteran MP' is the 'Reigate MP'; a government
# minister is any minister, the local MP any MP); 'former' and 'current' do.
_NEUTRAL = frozenset("veteran longtime embattled government senior junior local".split())
# Words that make another office of the one they come before: a vice president is no president.
_OTHER_OFFICE = frozenset("vice deputy assistant lieutenant under associate".split())

DESCRIBES = frozenset(
    "justice secretary candidate nominee frontrunner front-runner businessman businesswoman billionaire "
    "tycoon mogul magnate incumbent".split())
_FROM_A_PLACE = frozenset("businessman businesswoman billionaire tycoon mogul magnate".split())


def told_apart(words: set[str], role_words: set[str]) -> bool:
    """Each has a word the other lacks ('the council leader' is not the one titled 'Opposition leader'),
    or one only has a word that makes another office ('the former vice president' is not 'President Obama')."""
    return bool(words - role_words - _NEUTRAL) and bool(role_words - words - _NEUTRAL) or bool((words ^ role_words) & _OTHER_OFFICE)


def _role_allows(words: set[str], head_word: str, roles: tuple[str, ...]) -> bool:
    """Whether a person the article gave ``roles`` may be described by ``words``: a role must share
    a word with it ('presumptive Republican nominee' ~ 'Republican presidential candidate'), and
    none may be the same office told apart by another word ('council leader', 'Opposition leader')."""
    sets = _role_sets(roles)
    if _another_holder(words, head_word, sets):
        return False
    return not sets or any(rs & words for rs in sets)


def _role_sets(roles) -> list[set[str]]:
    return [{role_word(w) for w in r.lower().split()} - STOP - _NEUTRAL for r in roles]


def _another_holder(words: set[str], head_word: str, sets: list[set[str]]) -> bool:
    """A role of the same office told apart by another word ('council leader', 'Opposition leader')."""
    return any(head_word in rs and told_apart(words, rs) for rs in sets)


def described(toks: Tokens, mentions: Mentions, head: int, first: int, last: int, done: dict) -> Entity | None:
    """'The Supreme Court justice said …' after 'Ruth Bader Ginsburg regrets …': the person a
    sentence just before was about, by a name known to be a person's, unless their roles say otherwise."""
    by_age = aged_source(toks, first, last)
    noun = toks.tag[head] == "NN" or toks.text[toks.starts[head]].islower()  # (a tagger's NNP 'mogul')
    if toks.lower[first] != "the" or not (by_age or toks.lower[head] in DESCRIBES and noun):
        return None
    if any(toks.dep[c] == "case" for c in toks.children[head]):
        return None  # 'the nominee's campaign': someone else speaks
    if toks.lower[head] not in _FROM_A_PLACE and any(toks.ent[i] == "GPE" for i in range(first, head)):
        return None  # 'the Vermont senator': a place the article has not tied to anyone (a 'New York businessman' is from it)
    words = {role_word(toks.lower[i]) for i in range(first, last + 1) if toks.lower[i].isalpha()} - STOP
    gender = GENDERED_NOUNS.get(toks.lower[head])
    def fits(m: Mention, main: bool = False) -> bool:
        return (m.subject and (m.entity.gender is not None or by_age) and gender in (None, m.entity.gender)
                and toks.para[first] - toks.para[m.last] <= 5 and (not main or _main_subject(toks, m)))
    # (by age, the one a sentence was about: 'Ms Denholm suggested that Ms Latchford … The 62-year-old said')
    # An epithet (no office: 'the gambling tycoon') as its sentence's subject; not in a clause, where it
    # is as often someone else ('the senator called on them to unendorse Trump after the mogul claimed …').
    epithet = toks.lower[head] in _FROM_A_PLACE and _main_clause(toks, head)
    elsewhere = lambda m: by_age or toks.sentence_start(m.last) != toks.sentence_start(first)
    main = (by_age or epithet) and salient(toks, mentions, first, done, lambda m: fits(m, True) and elsewhere(m))
    person = main or salient(toks, mentions, first, done, fits)
    if not person:
        return None
    if by_age:  # an age says who, a noun after it only what else they are ('The 61-year-old lawyer')
        return None if _another_holder(words, role_word(toks.lower[head]), _role_sets(person.roles)) else person
    # The story's person or no one: a role that does not fit means the words describe someone else; an
    # epithet is no office: of the one a sentence was about, it needs no role of theirs to share a word.
    waived = bool(main) and epithet and not _another_holder(words, role_word(toks.lower[head]), _role_sets(person.roles))
    return person if waived or _role_allows(words, role_word(toks.lower[head]), person.roles) else None


def _main_subject(toks: Tokens, m: Mention) -> bool:
    """Whether ``m`` is the subject of its sentence's main verb, not of a clause inside it."""
    return _main_clause(toks, m.last)


def _main_clause(toks: Tokens, k: int) -> bool:
    return toks.head[toks.head[k]] == toks.head[k] or toks.dep[toks.head[k]] == "conj"


def aged_source(toks: Tokens, first: int, last: int) -> bool:
    """'the 52-year-old', 'The 23-year-old Hungarian': a person the story named, by age."""
    return any(aged(toks, k) for k in range(first, last + 1))
