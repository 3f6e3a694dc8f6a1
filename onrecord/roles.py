"""Roles and affiliations of a named person, from the words around one mention of them.

A title before the name ('Labour MP Chris Bryant'), an appositive after it ('Chris
Bryant, the MP for Rhondda,'), a description it stands beside ('The former mayor of
Halden, Victor Kane,') and what the sentence makes of its subject ('Sadiq Khan was
elected mayor of London'). A later 'the Rhondda MP' or 'London's mayor' is resolved
against these (speakers.py).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .name_words import POSSESSIVE, ROLE_NOUNS, role_word
from .quotes.tokens import Tokens, runs

if TYPE_CHECKING:
    from .mentions import Entity

# Verbs whose subject the sentence gives a role: 'is the mayor', 'was elected (as) mayor',
# 'became chair', 'was named ambassador', 'serves as treasurer'.
_ROLE_GIVING = frozenset(
    "is was became becomes remains remained elected re-elected named appointed chosen nominated confirmed sworn "
    "installed serves served".split())
_CLAUSE = frozenset({"relcl", "acl"})


def describe(toks: Tokens, entity: Entity, first: int, last: int) -> None:
    """Roles and affiliations from the words around a name: 'Labour's Chris Bryant, the MP'."""
    head = max(range(first, last + 1), key=lambda i: toks.head[i] < first or toks.head[i] > last)
    pre = []
    k = first - 1
    while k >= 0 and toks.pos[k] in ("PROPN", "NOUN", "ADJ") and toks.quote[k] == -1 and first - k <= 4:
        pre.insert(0, k)
        k -= 1
    if k >= 0 and toks.lower[k] in POSSESSIVE and k - 1 >= 0:
        entity.add("affiliations", toks.text[toks.starts[k - 1] : toks.ends[k - 1]])
    # a title ends in its role noun: "Muslim mayor rebuffs Trump" (a headline) gives "Muslim mayor" to nobody
    titled = [n for n, i in enumerate(pre) if role_word(toks.lower[i]) in ROLE_NOUNS]
    if titled and titled[-1] == len(pre) - 1:
        role_words(toks, entity, pre)
    elif len(pre) == 1 and toks.pos[pre[0]] == "NOUN" and k >= 0 and toks.lower[k] in ("the", "a", "an"):
        entity.add("roles", toks.lower[pre[0]])  # 'the poet Daniel Okoro': 'the poet' later is him
    for c in toks.children[head]:
        if toks.dep[c] == "appos" and toks.pos[c] in ("NOUN", "PROPN") and c > last:
            role_words(toks, entity, toks.subtree(c, _CLAUSE))
        if toks.dep[c] == "relcl" and any(toks.lower[s] == "who" for s in toks.children[c]):
            role_words(toks, entity, _predicated(toks, c))  # 'Khan, who was elected mayor of London,'
    if toks.dep[head] in ("nsubj", "nsubjpass"):
        role_words(toks, entity, _predicated(toks, toks.head[head]))
    h = toks.head[head]
    # 'The former mayor of Halden, Victor Kane,' may be parsed with the name beside 'Halden'
    while toks.dep[head] == "appos" and toks.dep[h] == "pobj" and toks.pos[toks.head[toks.head[h]]] == "NOUN":
        h = toks.head[toks.head[h]]
    if toks.dep[head] == "appos" and toks.pos[h] in ("NOUN", "PROPN") and h < first:
        named = set(toks.subtree(head))  # (its title is no part of the role: 'Kestria's envoy, Ambassador Oleg Varga')
        role_words(toks, entity, [i for i in toks.subtree(h) if i < first and i not in named])


def _predicated(toks: Tokens, verb: int) -> list[int]:
    """The role a verb gives its subject: 'was elected (as) mayor of London', 'is the party's treasurer'
    (not 'is not the mayor')."""
    if toks.lower[verb] not in _ROLE_GIVING or any(toks.dep[c] == "neg" for c in toks.children[verb]):
        return []
    for c in toks.children[verb]:
        if toks.dep[c] in ("attr", "oprd") and toks.pos[c] == "NOUN":
            return toks.subtree(c, _CLAUSE)
        objects = [o for o in toks.children[c] if toks.dep[o] == "pobj" and toks.pos[o] == "NOUN"]
        if toks.dep[c] == "prep" and toks.lower[c] == "as" and objects:
            return toks.subtree(objects[0], _CLAUSE)
    return []


def role_words(toks: Tokens, entity: Entity, tokens: list[int]) -> None:
    """The role these words say, as written, with the bodies and nationalities in it as affiliations."""
    tokens = [i for i in tokens if toks.pos[i] not in ("DET", "PUNCT", "SPACE") and toks.quote[i] == -1]
    if not any(role_word(toks.lower[i]) in ROLE_NOUNS for i in tokens):
        return
    # The role as written ("association's secretary"), one line, from its first to last word.
    role = " ".join(toks.text[toks.starts[tokens[0]] : toks.ends[tokens[-1]]].split())
    entity.add("roles", role)
    # Affiliations: runs of organisation or nationality words ("Harbour Party", "Tory").
    affiliated = [i for i in tokens if toks.ent[i] in ("NORP", "ORG") and toks.lower[i] not in ROLE_NOUNS]
    for run in runs(affiliated):
        entity.add("affiliations", toks.text[toks.starts[run[0]] : toks.ends[run[-1]]])
