"""Whose words a noun names: ``Blunt's comment``, ``his statement``, ``comments by Trump``, ``a
Politico story``, ``Saudi concerns``, or the words the article gave the same noun before."""
from __future__ import annotations

from ..models import Quote
from ..name_words import MEDIA_NAMES
from .cues import PERSONAL_PRONOUNS, STATEMENT_NOUNS
from .names import Names, clean_name, same_party, speaker_name


def statement_owner(tok, quote: Quote, names: Names, own: bool, earlier: list[Quote], own_pronoun: bool = False) -> str | None:
    """Whose statement a noun like ``comment`` is: ``Blunt's comment``, ``his statement``.

    ``own_pronoun``: a possessive pronoun means the speaker (``defended his comments``).
    """
    if (author := named_author(tok, names)) is not None:
        return author
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ == "its" and quote.speaker and quote.speaker.kind == "organization":
            return speaker_name(quote)  # 'The Herald said it stood by its story'
        if child.dep_ == "poss" and child.text.lower() in PERSONAL_PRONOUNS:
            if own or own_pronoun:
                return speaker_name(quote)
            return names.person_before(child.idx, speaker_name(quote), pronoun=child.lower_) or last_other_speaker(quote, earlier)
    if own:
        return speaker_name(quote)
    if tok.text.lower() in _UNDOING_NOUNS:  # "welcomed the retraction": whoever last took words back
        undone = next((q for q in reversed(earlier) if q.type in ("apology", "retraction")
                       and not same_party(speaker_name(q), speaker_name(quote))), None)
        if undone is not None and speaker_name(undone):
            return speaker_name(undone)
    return _earlier_author(tok, names, speaker_name(quote)) or _named_with(tok, quote, names) or last_other_speaker(quote, earlier)


def _named_with(tok, quote: Quote, names: Names) -> str | None:
    """The person the speaker's own sentence names before the words: 'said she had spoken to Mr Tulley
    and made clear the comments were "unacceptable"' (his comments, not the last other speaker's)."""
    me = speaker_name(quote)
    before = [t for t in tok.doc[tok.sent.start : tok.i] if not in_source(t, quote) and t.pos_ == "PROPN"]
    found = [f for t in before if (f := names.in_tokens([t])) and f[1] == "person" and not same_party(f[0], me)]
    return found[-1][0] if found else None


_UNDOING_NOUNS = frozenset("apology apologies retraction u-turn climbdown climb-down withdrawal".split())


def possessor(tok, quote: Quote, names: Names) -> str | None:
    """The person a possessive names (``his``: the person named last before it, not the speaker)."""
    for child in tok.children:
        if child.dep_ == "poss":
            if child.text.lower() in PERSONAL_PRONOUNS:
                return names.person_before(child.idx, speaker_name(quote), pronoun=child.lower_)
            found = names.lookup(child.text) or names.in_tokens(list(child.subtree))
            return found[0] if found and found[1] == "person" else None
    return None


def possessive_author(tok, quote: Quote, names: Names, own: bool) -> str | None:
    """``his proposal``: the speaker's own, or the person named last before the pronoun."""
    for child in tok.children:
        if child.dep_ == "poss" and child.text.lower() in PERSONAL_PRONOUNS:
            return speaker_name(quote) if own else names.person_before(child.idx, speaker_name(quote), pronoun=child.lower_)
    return None


def named_author(tok, names: Names) -> str | None:
    """The author a statement noun names itself: ``Blunt's comment``, ``comments by Trump``, ``a remark made by Biden``."""
    # (with a possessor, 'of' names whom the words are about: 'her insults of Donald Trump')
    possessed = any(child.dep_ == "poss" for child in tok.children)
    for child in tok.children:
        if child.dep_ == "poss" and child.text.lower() not in PERSONAL_PRONOUNS | {"its"}:
            found = names.lookup(child.text) or names.in_tokens(list(child.subtree))
            return found[0] if found else clean_name(" ".join(t.text for t in child.subtree))
        if child.dep_ in ("amod", "compound") and (country := names.country_of(child)):
            return country[0]  # 'Saudi concerns': Saudi Arabia's
        if child.dep_ == "compound" and not possessed and _an_outlet(child):  # 'a Politico story', 'a CNN report'
            found = names.lookup(child.text) or names.in_tokens(list(child.subtree))
            return found[0] if found else clean_name(" ".join(t.text for t in child.subtree))
        preps = [child] if child.dep_ == "prep" else [g for g in child.children if g.dep_ in ("agent", "prep")] if child.dep_ == "acl" else []
        for prep in preps:
            if prep.text.lower() in ("by", "from") or prep.text.lower() == "of" and not possessed:
                for g in prep.children:
                    if g.dep_ == "pobj" and (found := names.in_tokens(list(g.subtree))):
                        return found[0]
    return None


def _an_outlet(tok) -> bool:
    """A news outlet's name before the noun ('a Politico story'); other names there say what the
    words are about ('the Exxon articles', 'her Trump comments')."""
    return tok.pos_ == "PROPN" and any(t.lower_ in MEDIA_NAMES for t in tok.subtree)


def _earlier_author(tok, names: Names, me: str | None) -> str | None:
    """``called the remark ...``: the author the article gave the same remark earlier (``made the remark``)."""
    # the same word: "the remark" ... "made the remark"; a single remark may be spoken of as "the remarks"
    # after (not "the comment" after "comments by Trump", which are someone else's)
    for prev in reversed(tok.doc[: tok.i]):
        if prev.text.lower() not in (tok.text.lower(), tok.text.lower()[:-1] if tok.tag_ == "NNS" else "") or prev.pos_ != "NOUN":
            continue
        author = named_author(prev, names)
        subject = [c for c in prev.head.children if c.dep_ == "nsubj"] if prev.dep_ == "dobj" else []
        if author is None and subject and (found := names.in_tokens(list(subject[0].subtree), subject[0])):
            author = found[0]
        if author and not same_party(author, me):
            return author
    return None


def last_other_speaker(quote: Quote, earlier: list[Quote]) -> str | None:
    me = speaker_name(quote)
    for q in reversed(earlier):
        name = speaker_name(q)
        if name and not same_party(name, me) and " and " not in name.lower():  # a group is nobody's author
            return name
    return None


def statement_antecedent(pronoun):
    """The plural noun 'them' points back to, within the sentence and the one before, when it names
    words said ('the remarks', 'his comments'), else None."""
    start = pronoun.sent.start
    start = pronoun.doc[start - 1].sent.start if start > 0 else start
    plural = [t for t in pronoun.doc[start : pronoun.i] if t.tag_ == "NNS" or t.lower_ == "them"]
    last = plural[-1] if plural else None
    return last if last is not None and last.lower_ in STATEMENT_NOUNS else None


def in_source(tok, quote: Quote) -> bool:
    return quote.source is not None and quote.source.start <= tok.idx < quote.source.end
