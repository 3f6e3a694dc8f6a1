"""A headline and its lede tell one act twice: one names the speaker, the other describes them.

``Tech giant denies spying on users`` is the lede's ``Brightline has denied …``; the lede's
``The transport minister has withdrawn …`` is the headline's ``Pryce withdraws …``. A deck,
the line under a headline before the first blank line, is headline too.
"""
from __future__ import annotations

from .mentions import Entity, Mentions
from .name_words import GENDERED_NOUNS, ROLE_NOUNS, role_word
from .quotes import Attribution
from .quotes.tokens import Tokens

_PLAIN_ACTS = frozenset(w[:5] for w in "say says said tell tells told add adds added write wrote note noted".split())


def headline_from_lede(toks: Tokens, mentions: Mentions, attributions: list[Attribution], resolved: dict,
                       describes: frozenset[str] = frozenset()) -> None:
    """A headline and its lede tell one act twice, one naming the speaker and one describing them:
    'Tech giant denies spying on users' is the lede's 'Brightline has denied …', and the lede's 'The
    transport minister has withdrawn …' is the headline's 'Pryce withdraws …'. A description no one
    was found for takes the speaker of the first statement with the same verb on the other side."""
    deck = _headline_paras(toks)
    for a in attributions:
        para = _described_para(toks, a, resolved, deck, describes)
        if para is None:
            continue
        sides = (deck + 1, deck + 2) if para == 0 else tuple(range(deck + 1))
        across = [b for b in attributions if b.cue and resolved[id(b)][0] is not None
                  and toks.para[toks.span_tokens(*b.cue)[0]] in sides]
        other = next((b for b in across if _act(toks, b) == _act(toks, a)), None)
        if other is None and para == 0:  # 'Opposition leader condemns …' is the lede's 'The leader of …, Nadia Okonjo,'
            other = next((b for b in across if _same_role(toks, a, b)), None)
        if other is not None:
            resolved[id(a)] = resolved[id(other)]
        elif para and (named := _headline_subject(toks, mentions, _act(toks, a))) is not None:
            first, last = toks.span_tokens(*a.source)  # the headline's verb found no statement of its own
            resolved[id(a)] = named, toks.text[toks.starts[first + 1] : toks.ends[last]], None
    # 'Congressman Apologizes For Remarks, Says He Misspoke': one mention, the subject of both verbs
    by_source = {a.source: resolved[id(a)] for a in attributions if a.source and resolved[id(a)][0] is not None}
    for a in attributions:
        if a.source in by_source and resolved[id(a)][0] is None:
            resolved[id(a)] = by_source[a.source]


def _same_role(toks: Tokens, a: Attribution, b: Attribution) -> bool:
    """Whether ``b``'s source says the role noun ``a``'s source is headed by ('leader', 'minister')."""
    head = role_word(toks.lower[toks.span_head(*toks.span_tokens(*a.source))])
    first, last = toks.span_tokens(*b.source) if b.source else (0, -1)
    return head in ROLE_NOUNS and any(role_word(toks.lower[k]) == head for k in range(first, last + 1))


def _headline_subject(toks: Tokens, mentions: Mentions, act: str) -> Entity | None:
    """The person a headline names right before a verb of this act ('Pryce withdraws …'; read
    from the words, as a headline's parse often takes its verb for a noun)."""
    for h in range(1, len(toks)):
        if toks.para[h] > 0:
            return None
        if toks.lower[h][:5] == act and toks.pos[h - 1] == "PROPN":
            named = [m.entity for m in mentions.in_range(h - 1, h - 1) if m.entity.kind == "person"]
            person = named[0] if named else mentions.person_named(toks.text[toks.starts[h - 1] : toks.ends[h - 1]])
            return person if person is not None and person.kind == "person" else None
    return None


def _act(toks: Tokens, a: Attribution) -> str:
    """The cue verb's stem ('withdraws', 'has withdrawn': 'withd')."""
    return toks.lower[toks.span_head(*toks.span_tokens(*a.cue))][:5] if a.cue else ""


def _headline_paras(toks: Tokens) -> int:
    """The last paragraph of the headline: a deck under it ('Ginsburg apologizes for Trump comments;'
    then 'Justice vows to be …') is the headline too, up to the first blank line."""
    blank = toks.text.find("\n\n")
    last = next((k for k in range(len(toks)) if toks.starts[k] >= blank), len(toks)) - 1 if blank > 0 else 0
    return min(toks.para[max(last, 0)], 1) if len(toks) else 0


def _described_para(toks: Tokens, a: Attribution, resolved: dict, deck: int = 0,
                    describes: frozenset[str] = frozenset()) -> int | None:
    """The paragraph (0, the headline and its deck; then the lede's two) of a statement whose speaker
    is an unresolved description there: any noun in a headline, a definite one ('the transport
    minister') in the lede. The lede's paragraphs are given as 1–2."""
    if not a.cue or not a.source or resolved[id(a)][0] is not None or _act(toks, a) in _PLAIN_ACTS:
        return None  # 'Critics say …' is anyone who says something
    first, last = toks.span_tokens(*a.source)
    para, pos = toks.para[first], toks.pos[toks.span_head(first, last)]
    if para <= deck and pos in ("NOUN", "PROPN"):
        return 0
    para -= deck
    word = role_word(toks.lower[toks.span_head(first, last)])
    role = word in ROLE_NOUNS or word in describes or word in GENDERED_NOUNS  # not 'The film'
    return para if 0 < para <= 2 and pos == "NOUN" and role and toks.lower[first] == "the" else None
