"""Statements several named speakers make together: 'Trump and Clinton both said …'.

Part of speaker resolution (``speakers.py``): a source that joins two or more names with 'and'
speaks for the group, an entity of its own whose ``members`` are the names (no member's name,
surname or first word reaches it), not for whichever member the parse makes its head.
"""
from __future__ import annotations

from .mentions import Entity, Mention, Mentions
from .name_words import POSSESSIVE
from .quotes.tokens import Tokens


def speaking_group(toks: Tokens, mentions: Mentions, named: list[Mention], head: int) -> Entity | None:
    """'Republican Trump and Democrat Clinton said …', 'Two objectors, Lawrence Joyce and William
    Graham, had challenged …': what named speakers joined by 'and' say together is the group's, not
    one member's (a description may stand before each name). The group is named by its members' full
    names in the order given ('Donald Trump and Hillary Clinton')."""
    # (not a name that only modifies a noun: 'White House hopefuls Hillary Clinton and Donald Trump')
    members = sorted((m for m in named if toks.quote[m.first] == -1 and toks.dep[m.last] not in _MODIFIERS),
                     key=lambda m: m.first)
    if len(members) < 2:
        return None
    for m, n in zip(members, members[1:]):
        between = range(m.last + 1, n.first)
        if any(toks.pos[k] in _NOT_BETWEEN or toks.lower[k] in POSSESSIVE or toks.dep[k] == "appos" for k in between):
            return None  # 'Aides to Trump and Clinton', "Trump's lawyer and Clinton", 'Whitman, the former governor and …'
    last_join = range(members[-2].last + 1, members[-1].first)
    people = list({m.entity.key: m.entity for m in members}.values())
    spoken = any(m.first <= head <= m.last or m.first <= toks.head[head] <= m.last
                 or toks.dep[m.last] == "appos" and toks.head[m.last] == head for m in members)
    spoken = spoken or head == members[-1].last + 1 and toks.lower[head] in ("both", "all", "together")
    if len(people) < 2 or not spoken or not any(toks.lower[k] == "and" for k in last_join):
        return None
    names = [e.name for e in people]
    kinds = {e.kind for e in people}
    kind = kinds.pop() if len(kinds) == 1 else "unknown"
    # (one group each time the same names are joined; never a member taken for the group by a shared name)
    if (same := next((e for e in mentions.entities if e.members == names), None)) is not None:
        return same
    name = f"{', '.join(names[:-1])} and {names[-1]}"
    group = Entity(len(mentions.entities), name, kind, [name], members=names)
    mentions.entities.append(group)
    return group


_MODIFIERS = frozenset({"compound", "amod", "poss"})
# What may not stand between two names a statement's group joins: 'Aides to Trump and Clinton' are
# the aides', 'Trump said and Clinton agreed' two statements.
_NOT_BETWEEN = frozenset({"ADP", "VERB", "AUX", "PRON", "SCONJ", "PART"})
