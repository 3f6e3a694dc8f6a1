"""A statement that goes on from the one before: the same speaker, named again only by a pronoun
or the same kind of noun ('he said', 'the spokesperson added', 'They cite …')."""
from __future__ import annotations

from .mentions import Mentions
from .name_words import ROLE_NOUNS, fits_pronoun
from .quotes import Attribution
from .quotes.cues import SPOKES_NOUNS
from .quotes.tokens import Tokens
from .speaker_records import FIRST_PERSON


# The pronoun a spokesperson's statement goes on with: 'A spokesman for the firm said …. "…," he said.'
_SPOKES_PRONOUNS = {"spokesman": ("he",), "spokeswoman": ("she",), "chairman": ("he",), "chairwoman": ("she",)}


def goes_on(toks: Tokens, mentions: Mentions, a: Attribution, before: Attribution | None, done: dict):
    """A 'he' or 'she' in the paragraph of the statement before, with no one named between (outside
    that statement's words), is its speaker: a spokesperson, named or not ('A spokesman for the firm
    said …. "…," he said.'), the one the same pronoun spoke for just before, or a person the pronoun
    fits ('Dean Lowe said Finch was wrong to criticise the referee. "…," he said.' is Lowe's, not Finch's)."""
    if before is None or a.source_head is None or before.source_head is None or toks.lower[a.source_head] not in ("he", "she"):
        return None
    head, pronoun = before.source_head, a.source_head
    if toks.lower[head] in FIRST_PERSON:
        return None  # 'I asked Sanders …; he said': a 'he' never goes on from the writer's 'I'
    entity = done[id(before)][0]
    fits = _SPOKES_PRONOUNS.get(toks.lower[head], ("he", "she") if toks.lower[head] in SPOKES_NOUNS else ())
    if toks.lower[head] in ("he", "she"):  # 'She denied …. "…," she said.': the same one (a spokeswoman)
        fits = (toks.lower[head],)
    if not fits and entity is not None and entity.kind == "person":
        fits = tuple(p for p in ("he", "she") if fits_pronoun(entity.gender, p))
    if not fits and entity is None and toks.tag[head] == "NN" and (toks.lower[head] in ROLE_NOUNS or "who" in map(toks.lower.__getitem__, toks.subtree(head))):
        fits = ("he", "she")  # 'The whistleblower, a senior engineer who asked not to be named, said …. "…," he said.'
    between = [m for m in mentions.in_range(head + 1, pronoun - 1) if m.entity.kind == "person" and toks.quote[m.first] == -1
               and not m.first <= head <= m.last and toks.dep[m.last] != "appos"
               and not any(s <= toks.starts[m.first] < e for s, e in before.content)]
    if toks.lower[pronoun] not in fits or toks.para[head] != toks.para[pronoun] or between or head > pronoun:
        return None
    return done[id(before)]


def same_spokesperson(toks: Tokens, a: Attribution, before: Attribution | None, done: dict):
    """'A Bramley Rovers spokesperson said …. "…," the spokesperson added.': the same one, nearby."""
    if before is None or a.source_head is None or before.source_head is None or before.source_head > a.source_head:
        return None
    head, word = a.source_head, toks.lower[a.source_head]
    if (word not in SPOKES_NOUNS or word == "statement" or toks.lower[before.source_head] != word or head == 0 or toks.lower[head - 1] != "the"
            or toks.para[head] - toks.para[before.source_head] > 1 or done[id(before)][0] is None):
        return None
    return done[id(before)]


def group_goes_on(toks: Tokens, a: Attribution, before: Attribution | None, done: dict):
    """'They' or 'Both' goes on from the statement just before, in its paragraph or the next, when its source is plural
    ('Advocates have expressed concern. They cite …'); 'it' when it is one thing ('The city wrote. It says …')."""
    if before is None or a.source_head is None or before.source_head is None:
        return None
    pronoun, head = a.source_head, before.source_head
    word = toks.lower[pronoun]
    if (word not in ("they", "it", "both") or toks.quote[pronoun] != -1 or head > pronoun
            or toks.para[pronoun] - toks.para[head] > 1 or done[id(before)] == (None, None, None)):
        return None
    entity = done[id(before)][0]
    group = bool(entity and entity.members)  # 'Trump and Clinton have criticized … Both have promised …'
    plural = group or toks.tag[head] in ("NNS", "NNPS") or toks.lower[head] == "they" or any(toks.dep[c] == "conj" for c in toks.children[head])
    if word in ("they", "both"):
        return done[id(before)] if plural and (group or word == "they") else None
    a_noun = toks.pos[head] in ("NOUN", "PROPN") or toks.lower[head] == "it"
    a_person = (entity is not None and entity.kind == "person") or toks.lower[head] in ROLE_NOUNS
    return done[id(before)] if a_noun and not plural and not a_person else None
