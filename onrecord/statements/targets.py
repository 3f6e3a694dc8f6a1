"""Who or what a statement is directed at: a person, an organisation, or someone's statement.

Names are resolved to the longest name the article uses for that person (``Blunt's
comment`` -> Crispin Blunt), from the speaker entities and spaCy's named entities.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..mentions import role_word
from ..models import Entity, Quote, Target
from .cues import PERSONAL_PRONOUNS, PROPOSAL_NOUNS, RHETORICAL, STATEMENT_NOUNS, VERDICT
from .context import Frame, governed_participle

_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|sen|senator|rep|gov|governor|president|prime minister|mp|"
                     r"councillor|cllr|professor|prof|rev|reverend|judge)\.?\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_OBJECT_DEPS = frozenset({"dobj", "dative", "nsubjpass", "oprd"})
_OBJECT_PREPS = frozenset("at on against of for over to with about".split())
_STATEMENT_PRONOUNS = frozenset("it this that these those them".split())
_HEARSAY = frozenset("allegation allegations accusation accusations claims reports rumours rumors suggestions".split())
_WHEN = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC"})
_GENERIC = frozenset("campaign team office spokesperson spokesman spokeswoman the of and party".split())


def clean_name(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip())
    return _TITLES.sub("", text).strip(" ,.")


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z][a-z'\-]+", clean_name(name).lower()) if w not in _GENERIC)


def same_party(a: str | None, b: str | None) -> bool:
    """Whether two names plausibly name the same speaker (``Mr. Sanders`` ~ ``Bernie Sanders``)."""
    if not a or not b:
        return False
    return _same_party(a, b)


@lru_cache(maxsize=16384)  # linking asks it of every pair of statements
def _same_party(a: str, b: str) -> bool:
    if " and " in a.lower() or " and " in b.lower():  # a group speaks for none of its members alone
        return clean_name(a).lower() == clean_name(b).lower()
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if _other_first_name(ta, tb):
        return False  # "Grant Schilling" is not "Curt Schilling", nor Bill Clinton Hillary
    sa, sb = _expand(set(ta), tb), _expand(set(tb), ta)  # "DNC staff" ~ "Democratic National Committee"
    return ta == tb or ta[-1] == tb[-1] or sa <= sb or sb <= sa


# Short forms of first names, so that "Chuck Grassley" stays "Charles Grassley".
_NICKNAMES = {
    "bill": "william", "will": "william", "chuck": "charles", "charlie": "charles", "bob": "robert", "rob": "robert",
    "bobby": "robert", "ted": "edward", "ed": "edward", "bernie": "bernard", "mike": "michael", "jim": "james",
    "jimmy": "james", "joe": "joseph", "tom": "thomas", "dick": "richard", "rick": "richard", "rich": "richard",
    "dan": "daniel", "dave": "david", "steve": "steven", "tony": "anthony", "andy": "andrew", "alex": "alexander",
    "chris": "christopher", "nick": "nicholas", "pat": "patrick", "matt": "matthew", "ken": "kenneth", "kenny": "kenneth",
    "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth", "kate": "katherine", "kathy": "katherine",
    "debbie": "deborah", "jen": "jennifer", "sue": "susan", "meg": "margaret", "peggy": "margaret", "sam": "samuel",
    "ben": "benjamin", "jeff": "jeffrey", "greg": "gregory", "larry": "lawrence", "jerry": "gerald", "don": "donald",
    "ron": "ronald", "newt": "newton", "mitt": "willard", "jeb": "john", "jack": "john", "hank": "henry", "harry": "henry",
}


def _other_first_name(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """Two full names with the same surname but different first names (not a short form, not an initial)."""
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1]:
        return False
    short, long_ = sorted((ta, tb), key=len)
    if long_[len(long_) - len(short):] == short:
        return False  # "Wasserman Schultz" ~ "Debbie Wasserman Schultz"
    fa, fb = ta[0], tb[0]
    if fa == fb or fa[0] == fb[0] and min(len(fa), len(fb)) <= 2:
        return False
    return _NICKNAMES.get(fa, fa) != _NICKNAMES.get(fb, fb)


def _expand(words: set[str], other: tuple[str, ...]) -> set[str]:
    """``words`` with an acronym of ``other`` (``dnc``) spelled out as ``other``'s words."""
    initials = "".join(w[0] for w in other)
    return (words - {initials}) | set(other) if len(other) > 1 and initials in words else words


class Names:
    """The people and organisations an article names, each under its longest name."""

    def __init__(self, doc, entities: list[Entity]):
        self.doc = doc
        self.index: dict[str, tuple[str, str]] = {}
        self.roles: dict[str, str] = {}
        for e in entities:
            if e.kind == "unknown":
                continue
            # a group ("Sanders and Clinton") is named only in full: its last word names a member
            for alias in (e.name,) if " and " in e.name.lower() else (e.name, *e.aliases):
                self._add(alias, e.name, e.kind)
            for role in e.roles if e.kind == "person" else ():
                self._add_role(role, e.name)
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG"):
                kind = "person" if ent.label_ == "PERSON" else "organization"
                name = clean_name(ent.text)
                if name:
                    self._add(name, name, kind)
                if kind == "person" and (title := _title_before(ent)):
                    self._add_role(title, (self.lookup(name) or (name, ""))[0])
        self._add_first_names()

    def _add_first_names(self) -> None:
        """``Grace`` names Grace Holloway when no other person of the article is called Grace."""
        people: dict[str, set[str]] = {}
        for name, kind in self.index.values():
            words = name_tokens(name)
            if kind == "person" and len(words) > 1:
                people.setdefault(words[0], set()).add(name)
        for first, names in people.items():
            old = self.index.get(first)  # a lone first name the tagger took for an organisation gives way
            if len(names) == 1 and (old is None or old[1] == "organization" and len(name_tokens(old[0])) == 1):
                self.index[first] = (next(iter(names)), "person")

    def _add_role(self, role: str, name: str) -> None:
        """``the minister`` names the person the article calls ``Transport Minister Pryce``."""
        words = [role_word(w) for w in re.findall(r"[a-z][a-z'\-]+", role.lower()) if w not in ("the", "a", "an", "of")]
        for key in {" ".join(words), words[-1]} if words else ():
            old = self.roles.get(key)
            self.roles[key] = name if old is None or same_party(old, name) and len(name) > len(old) else old

    def _add(self, alias: str, name: str, kind: str) -> None:
        keys = {clean_name(alias).lower()}
        group = " and " in alias.lower()  # "Sanders and Clinton" is not what "Clinton" names
        if kind == "person" and name_tokens(alias) and not group:
            keys.add(name_tokens(alias)[-1])
        for key in keys:
            old = self.index.get(key)
            # a longer name of the same person wins; a namesake ("Grant Schilling") does not take "Schilling"
            if old is None or len(name) > len(old[0]) and not (kind == old[1] == "person" and not same_party(old[0], name)):
                self.index[key] = (clean_name(name), kind)
        words = name_tokens(alias)
        if kind == "organization" and len(words) > 1 and words[-1] not in self.index:
            self.index[words[-1]] = (clean_name(name), kind)  # "the board": the Eastmere Health Board

    def lookup(self, text: str) -> tuple[str, str] | None:
        key = clean_name(text).lower()
        if key in self.index:
            return self.index[key]
        toks = name_tokens(text)
        if toks and toks[-1] in self.index:
            return self.index[toks[-1]]
        role = re.sub(r"^(?:the|a|an|our|their|this)\s+", "", key)
        # "the Vermont senator": the person titled "Senator", when the whole phrase is no known title
        name = self.roles.get(role) or (self.roles.get(role.split()[-1]) if role and role != key else None)
        if name:
            return self.lookup(name) if name.lower() in self.index else (name, "person")
        return None

    def in_tokens(self, tokens, head=None) -> tuple[str, str] | None:
        """The named person or organisation among some tokens: the one ``head`` is part of, else the first."""
        ents = [e for e in self.doc.ents if e.label_ in ("PERSON", "ORG") and any(e.start <= t.i < e.end for t in tokens)]
        if head is not None:  # "thanked RNC Chairman Reince Priebus": Priebus, not the RNC
            ents.sort(key=lambda e: not e.start <= head.i < e.end)
        for ent in ents:
            return self.lookup(ent.text) or (clean_name(ent.text), "person" if ent.label_ == "PERSON" else "organization")
        for t in tokens:
            if t.pos_ == "PROPN" and (found := self.lookup(t.text)):
                return found
        return None

    def person_before(self, offset: int, not_named: str | None, skip: tuple[int, int] = (0, 0)) -> str | None:
        """The latest person named before ``offset`` who is not ``not_named`` (nor named inside ``skip``)."""
        best, at = None, -1
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and ent.end_char <= offset and not skip[0] <= ent.start_char < skip[1]:
                name = (self.lookup(ent.text) or (clean_name(ent.text), ""))[0]
                if not same_party(name, not_named):
                    best, at = name, ent.start_char
        # a known person's name the tagger left untagged ("Schilling did not back down") also counts
        for tok in self.doc:
            if tok.idx >= offset or tok.idx <= at or skip[0] <= tok.idx < skip[1] or tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
                continue
            found = self.index.get(tok.text.lower())
            if found and found[1] == "person" and not same_party(found[0], not_named):
                best, at = found[0], tok.idx
        return best


def _title_before(ent) -> str:
    """The title words written before a name (``Transport Minister`` in ``Transport Minister Alan Pryce``)."""
    words = []
    i = ent.start - 1
    while i >= 0 and ent.doc[i].dep_ == "compound" and i < ent.doc[i].head.i < ent.end and ent.doc[i].ent_type_ != "PERSON":
        words.insert(0, ent.doc[i].text)
        i -= 1
    return " ".join(words)


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker and quote.speaker.name else None


# Where words were said, not whom they are aimed at: "hit back on social media", "at a rally".
_WHERE_SAID = frozenset("media twitter facebook instagram tiktok youtube television tv radio air website blog podcast "
                         "camera stage x rally event conference summit ceremony briefing fundraiser".split())
_EXCHANGES = frozenset("interview interviews conversation call briefing conference appearance podcast meeting".split())
_SAYING = frozenset(
    "say says said saying tell tells told telling add adds added adding write writes wrote written writing "
    "penned tweeted posted ask asks asked asking explain explained remark remarked noted told".split()
)


def _objects(frame: Frame, head) -> list:
    """Heads of what the reporting verb acts on, in text order, outside the content."""
    allowed = {t.i for t in frame.tokens}
    found = []
    verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp", "prt", "conj") and c.pos_ == "VERB"]
    for verb in verbs:
        saying = verb.text.lower() in _SAYING  # "told the Courier": the listener, not a target
        for child in verb.children:
            if child.dep_ in _OBJECT_DEPS and child.i in allowed and not saying:
                found.append(child)
            elif child.dep_ == "prep" and child.text.lower() in _OBJECT_PREPS and not (saying and child.text.lower() == "to"):
                found.extend(g for g in child.children if g.dep_ == "pobj" and g.i in allowed)
            elif child.dep_ == "prt":
                found.extend(g for g in child.children if g.dep_ == "pobj" and g.i in allowed)
    # A noun cue ("criticism for", "attack on") carries its object itself; the one an exchange is
    # with ("in an interview with the Post") is a listener (a letter to the council may be aimed at it).
    for tok in frame.tokens:
        if tok.i in frame.cue_ids and tok.pos_ == "NOUN":
            exchange = tok.text.lower() in _EXCHANGES
            for child in tok.children:
                if child.dep_ == "prep" and child.text.lower() in _OBJECT_PREPS and not (exchange and child.text.lower() == "with"):
                    found.extend(g for g in child.children if g.dep_ == "pobj" and g.i in allowed)
    if not found:
        # The object can hang off the quoted words ("called Blunt's comment 'disgraceful'").
        inside = {t.i for t in frame.tokens}
        found = [t for t in frame.tokens if t.i not in frame.cue_ids and t.pos_ in ("NOUN", "PROPN")
                 and t.head.i not in inside and t.dep_ in ("npadvmod", "nsubj", "dobj", "attr")]
    # "took issue with", "took aim at", "cast doubt on": the cue's own noun is not what it aims at;
    # "hit back on social media": where it was said
    return sorted({t for t in found if t.ent_type_ not in _WHEN and not (t.i in frame.cue_ids and t.pos_ == "NOUN")
                   and t.text.lower() not in _WHERE_SAID}, key=lambda t: t.i)


def statement_owner(tok, quote: Quote, names: Names, own: bool, earlier: list[Quote], own_pronoun: bool = False) -> str | None:
    """Whose statement a noun like ``comment`` is: ``Blunt's comment``, ``his statement``.

    ``own_pronoun``: a possessive pronoun means the speaker (``defended his comments``).
    """
    if (author := _author(tok, names)) is not None:
        return author
    for child in tok.children:
        if child.dep_ == "poss" and child.text.lower() in PERSONAL_PRONOUNS:
            if own or own_pronoun:
                return speaker_name(quote)
            return names.person_before(child.idx, speaker_name(quote)) or _last_other_speaker(quote, earlier)
    if own:
        return speaker_name(quote)
    if tok.text.lower() in _UNDOING_NOUNS:  # "welcomed the retraction": whoever last took words back
        undone = next((q for q in reversed(earlier) if q.type in ("apology", "retraction")
                       and not same_party(speaker_name(q), speaker_name(quote))), None)
        if undone is not None and speaker_name(undone):
            return speaker_name(undone)
    return _earlier_author(tok, names, speaker_name(quote)) or _last_other_speaker(quote, earlier)


_UNDOING_NOUNS = frozenset("apology apologies retraction u-turn climbdown climb-down withdrawal".split())


# What is done to a person: "called for his dismissal" aims at him.
_DONE_TO_SOMEONE = frozenset("dismissal firing resignation ouster impeachment removal arrest prosecution "
                             "sacking suspension expulsion indictment".split())


def _proposal_or_deed(obj, quote: Quote, names: Names, own: bool) -> Target | None:
    """``called for his dismissal`` aims at him; ``slammed his proposal`` at his words, when the author is named."""
    word = obj.text.lower()
    if word in _DONE_TO_SOMEONE and (person := _possessor(obj, quote, names)):
        return Target(person, "person")
    if word in PROPOSAL_NOUNS and (author := _author(obj, names) or _possessive_author(obj, quote, names, own)):
        return Target(author, "statement")
    return None


def _possessor(tok, quote: Quote, names: Names) -> str | None:
    """The person a possessive names (``his``: the person named last before it, not the speaker)."""
    for child in tok.children:
        if child.dep_ == "poss":
            if child.text.lower() in PERSONAL_PRONOUNS:
                return names.person_before(child.idx, speaker_name(quote))
            found = names.lookup(child.text) or names.in_tokens(list(child.subtree))
            return found[0] if found and found[1] == "person" else None
    return None


def _possessive_author(tok, quote: Quote, names: Names, own: bool) -> str | None:
    """``his proposal``: the speaker's own, or the person named last before the pronoun."""
    for child in tok.children:
        if child.dep_ == "poss" and child.text.lower() in PERSONAL_PRONOUNS:
            return speaker_name(quote) if own else names.person_before(child.idx, speaker_name(quote))
    return None


def _author(tok, names: Names) -> str | None:
    """The author a statement noun names itself: ``Blunt's comment``, ``comments by Trump``, ``a remark made by Biden``."""
    for child in tok.children:
        if child.dep_ == "poss" and child.text.lower() not in PERSONAL_PRONOUNS:
            found = names.lookup(child.text) or names.in_tokens(list(child.subtree))
            return found[0] if found else clean_name(" ".join(t.text for t in child.subtree))
        preps = [child] if child.dep_ == "prep" else [g for g in child.children if g.dep_ in ("agent", "prep")] if child.dep_ == "acl" else []
        for prep in preps:
            if prep.text.lower() in ("by", "from", "of"):
                for g in prep.children:
                    if g.dep_ == "pobj" and (found := names.in_tokens(list(g.subtree))):
                        return found[0]
    return None


def _earlier_author(tok, names: Names, me: str | None) -> str | None:
    """``called the remark ...``: the author the article gave the same remark earlier (``made the remark``)."""
    for prev in reversed(tok.doc[: tok.i]):  # the same word: "the remark" ... "made the remark"
        if prev.text.lower() != tok.text.lower() or prev.pos_ != "NOUN":
            continue
        author = _author(prev, names)
        subject = [c for c in prev.head.children if c.dep_ == "nsubj"] if prev.dep_ == "dobj" else []
        if author is None and subject and (found := names.in_tokens(list(subject[0].subtree), subject[0])):
            author = found[0]
        if author and not same_party(author, me):
            return author
    return None


def _last_other_speaker(quote: Quote, earlier: list[Quote]) -> str | None:
    me = speaker_name(quote)
    for q in reversed(earlier):
        name = speaker_name(q)
        if name and not same_party(name, me) and " and " not in name.lower():  # a group is nobody's author
            return name
    return None


def _in_source(tok, quote: Quote) -> bool:
    return quote.source is not None and quote.source.start <= tok.idx < quote.source.end


def _finite(verb) -> bool:
    return verb.tag_ != "VBG" and any(c.dep_ in ("nsubj", "nsubjpass", "mark") or (c.dep_ == "aux" and c.tag_ != "TO")
                                      for c in verb.children)


def _phrase(tok, quote: Quote | None = None) -> str:
    # a clause on the noun is left out whole ("a report that he had pressured the board" is "a report"),
    # a participle's phrase is kept ("people trying to bring attention to the AIDS epidemic")
    cut = {t.i for c in tok.children if c.dep_ == "relcl" or (c.dep_ == "acl" and _finite(c)) for t in c.subtree}
    words = [t.text for t in tok.subtree if t.i not in cut and not t.is_space
             and not (quote is not None and _in_source(t, quote))][:8]
    return " ".join(words).strip(" ,.")


def find_target(doc, quote: Quote, frame: Frame, stype: str, names: Names, earlier: list[Quote]) -> Target | None:
    """The target of a support, criticism, denial, apology or retraction."""
    own = stype in ("apology", "retraction")
    # "defended his comments", "denied his remarks": one defends and denies one's own words
    own_pronoun = stype == "denial" or (stype == "support" and "defen" in frame.clause)
    head = None
    if frame.tokens:
        from .context import cue_root

        head = cue_root(doc, quote)
        if head is not None and head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX") and head.dep_ != "ROOT":
            head = head.head
    objects = _objects(frame, head) if head is not None else []
    if head is not None and governed_participle(head):
        # "defended Reid, saying ...": Reid; "went further at a rally, calling Clinton ...": Clinton
        objects = objects + _objects(frame, head.head) if objects else _objects(frame, head.head)
    framed = bool(objects)  # "calling it": a pronoun of the reporting clause; content's "it" is no statement
    if not objects and quote.kind != "direct":
        objects = _content_object(doc, quote)
    objects = objects or _first_person_object(doc, quote) or (_judged_words(doc, quote) if stype == "criticism" else [])
    for obj in objects:
        word = obj.text.lower()
        if word in _HEARSAY and not any(c.dep_ == "poss" or c.text.lower() == "by" for c in obj.children):
            return Target(_phrase(obj, quote), "statement")  # "any allegations of ...": nobody's in particular
        if (aimed := _proposal_or_deed(obj, quote, names, own or own_pronoun)) is not None:
            return aimed
        if word not in PROPOSAL_NOUNS and word in STATEMENT_NOUNS or (word in _STATEMENT_PRONOUNS and obj.pos_ == "PRON" and word != "them" and framed):
            owner = statement_owner(obj, quote, names, own, earlier, own_pronoun)
            return Target(owner or _phrase(obj, quote), "statement")
        if word in ("him", "her", "them") and obj.pos_ == "PRON":
            person = names.person_before(obj.idx, speaker_name(quote))
            if person:
                return Target(person, "person")
            continue
        found = names.in_tokens([t for t in obj.subtree if not _in_source(t, quote)], obj)
        if found and not same_party(found[0], speaker_name(quote)):
            return Target(found[0], found[1])  # type: ignore[arg-type]
        if found and own:
            return Target(found[0], "statement")
        if obj.pos_ in ("NOUN", "PROPN"):
            # "the board", "the Vermont senator": an organisation or a person the article titled so
            found = names.lookup(_phrase(obj, quote)) or names.lookup(f"the {obj.text}")
            if found and not same_party(found[0], speaker_name(quote)):
                return Target(found[0], found[1])  # type: ignore[arg-type]
            return Target(_phrase(obj, quote), "other")
    if own:
        return Target(speaker_name(quote), "statement") if speaker_name(quote) else None
    return _unframed_target(doc, quote, frame, names, earlier)


def _unframed_target(doc, quote: Quote, frame: Frame, names: Names, earlier: list[Quote]) -> Target | None:
    """No object names the target: a verdict on words, someone named in the content, or what was just said."""
    if VERDICT.search(frame.content) and (author := _last_other_speaker(quote, earlier)):
        return Target(author, "statement")  # "a silly thing to say": what the last other speaker said
    found = _target_in_content(doc, quote, names)
    just_before = speaker_name(earlier[-1]) if earlier else None
    if (found is None and _POINTING_BACK.match(frame.content) and not same_party(just_before, speaker_name(quote))
            and (author := _last_other_speaker(quote, earlier))):
        return Target(author, "statement")  # "That is not a plan.", "It wasn't a convincing argument"
    return found or _judged_subject(doc, quote, names)


def _judged_subject(doc, quote: Quote, names: Names) -> Target | None:
    """A verdict's subject is what it judges: "The health board has failed the people of this town"."""
    span = doc.char_span(quote.content[0].start, quote.content[0].end, alignment_mode="expand")
    root = next((t for t in span or () if not t.is_punct and (not span.start <= t.head.i < span.end or t.head.i == t.i)), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.i < span.start:
        return None
    phrase = _phrase(subj, quote)
    found = names.lookup(phrase) or (names.lookup(f"the {subj.text}") if subj.pos_ == "NOUN" else None)
    if found:
        return None if same_party(found[0], speaker_name(quote)) else Target(found[0], found[1])  # type: ignore[arg-type]
    return Target(phrase, "other")


# A verdict that points back at what was just said: "That is not a plan", "it wasn't a convincing argument".
_POINTING_BACK = re.compile(r"^(?:well,? |but |and )?(?:that|this|it)(?:'s| is| was| isn't| wasn't| is not| was not)\b")


_ACTS = re.compile(r"^(?:reject|condemn|deplor|oppos|denounc|criticis|criticiz|support|back|endors|welcom|applaud|prais|thank|den(?:y|ies|ied)|disput)")


def _first_person_object(doc, quote: Quote) -> list:
    """``We completely reject any allegations ...``: the object of the speaker's own verb."""
    for span in quote.content:
        part = doc.char_span(span.start, span.end, alignment_mode="expand")
        for tok in part if part is not None else ():
            if tok.pos_ == "VERB" and _ACTS.match(tok.text.lower()) and any(
                c.dep_ == "nsubj" and c.text.lower() in ("i", "we") for c in tok.children
            ):
                return [c for c in tok.children if c.dep_ == "dobj"]
    return []


def _content_object(doc, quote: Quote) -> list:
    """Reported content that is a noun phrase (``Sanders's attack on her``) is the object itself."""
    span = doc.char_span(quote.content[0].start, quote.content[0].end, alignment_mode="expand")
    heads = [t for t in span or () if not t.is_punct and not (span.start <= t.head.i < span.end and t.head.i != t.i)]
    root = heads[0] if heads else None
    if root is None or root.pos_ not in ("NOUN", "PROPN", "PRON") or root.dep_ in ("nsubj", "nsubjpass"):
        return []
    return [root]


def _judged_words(doc, quote: Quote) -> list:
    """A verdict on words said is aimed at them: 'the claim was "simply not supported by any data"'."""
    span = doc.char_span(quote.content[0].start, quote.content[0].end, alignment_mode="expand")
    return [t for t in span or () if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in STATEMENT_NOUNS
            and span.start <= t.head.i < span.end][:1]


def _content_tokens(doc, quote: Quote):
    for span in quote.content:
        part = doc.char_span(span.start, span.end, alignment_mode="expand")
        yield from part if part is not None else ()


def _target_in_content(doc, quote: Quote, names: Names) -> Target | None:
    me = speaker_name(quote)
    words = quote.content[0].text.lstrip("\"\u201c\u2018' ").lower().split()
    # "him ...", "Does he not understand ...?": the person named last ("he said he ..." is often the speaker)
    if words and (words[0] in ("him", "her", "them") or len(words) > 1 and words[1] in ("he", "she")
                  and RHETORICAL.search(" ".join(words))):
        source = (quote.source.start, quote.source.end) if quote.source else (0, 0)
        person = names.person_before(quote.content[0].start, me, source)
        if person:
            return Target(person, "person")
    for tok in _content_tokens(doc, quote):  # "a remark made by Joe Biden was quite rough"
        if tok.text.lower() in STATEMENT_NOUNS and (author := _author(tok, names)) and not same_party(author, me):
            return Target(author, "statement")
    for span in quote.content:
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG") and span.start <= ent.start_char < span.end:
                found = names.lookup(ent.text) or (clean_name(ent.text), "person" if ent.label_ == "PERSON" else "organization")
                if not same_party(found[0], me):
                    return Target(found[0], found[1])  # type: ignore[arg-type]
    for tok in _content_tokens(doc, quote):
        # a name the tagger missed ("Mr Pryce rewarded failure"), a title ("The mayor is asking them ...")
        found = names.lookup(tok.text) if tok.pos_ == "PROPN" else None
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.text.lower() == "the" for c in tok.children):
            found = names.roles.get(tok.text.lower()) and names.lookup(f"the {tok.text}")
        if found and not same_party(found[0], me):
            return Target(found[0], found[1])  # type: ignore[arg-type]
    return None
