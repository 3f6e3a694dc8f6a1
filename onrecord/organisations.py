"""Which organisation a source stands for when the entity tagger named none: 'the company',
'It said', 'according to board figures', 'The Kestrel Bay Residents' Trust', 'Kelby council';
and whom a statement or writing is from ('"…," the statement said', 'the email read').

Part of speaker resolution (``speakers.py``): these read the parse and the article's
mentions, and return the organisation's entity or ``None``.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from .antecedents import antecedent
from .mentions import Entity, Mention, Mentions, org_key
from .name_spans import without_suffix
from .name_words import CLUB_WORDS, KINDS_BEFORE_NAMES, MEDIA_NAMES, ORG_WORDS, ROLE_NOUNS, demonyms
from .quotes.tokens import Tokens


# 'the airline' is the organisation the article just named; 'the council' one whose name says council.
# (and a club: never a public body either)
_BUSINESS_KINDS = frozenset(
    "company firm airline carrier bank lender business retailer manufacturer insurer operator supplier club".split())
ORG_KINDS = _BUSINESS_KINDS | frozenset("charity organisation organization group".split())
_SOME = frozenset("some many several few other top senior leading prominent".split())
DOCUMENTS = frozenset("article report story editorial column investigation analysis poll survey study review memo "
                       "figures data statistics records".split())
MEDIA_KINDS = frozenset("newspaper paper magazine network broadcaster outlet publication website site station channel".split())
INSTITUTIONS = frozenset(
    "council court police government ministry department committee party union board authority agency "
    "campaign association university hospital school regulator watchdog office commission "
    "trust foundation institute society alliance coalition federation".split())
_KINDS_OF_BODY = ORG_KINDS | INSTITUTIONS | KINDS_BEFORE_NAMES  # 'the union Unite', 'the charity Shelter'
_NAME_ENDS = ORG_WORDS | MEDIA_NAMES  # 'The Kestrel Bay Residents' Trust', 'The Sunday Ledger'
_PUBLIC_BODIES = INSTITUTIONS | frozenset(
    "senate house congress assembly legislature parliament administration commission bureau cabinet".split())
# ... nor a campaign or a watchdog: 'Citizens Energy Watch said …. A spokesperson for the company said'
_NO_BUSINESS = _PUBLIC_BODIES | frozenset(
    "watch watchdog campaign coalition alliance association society foundation charity league federation".split())


def organisation(toks: Tokens, mentions: Mentions, head: int, first: int, last: int, done: dict) -> Entity | None:
    """'It said …' after an organisation's statement; 'the airline said …' after Northwind Air's."""
    word = toks.lower[head]
    if word == "campaign" and last == first + 1 and toks.lower[first] == "the":
        if (campaign := _campaign_before(toks, mentions, first, done)) is not None:
            return mentions.new_entity(campaign, "organization")
    # ('The Bristol-based company' is 'the company': where it is based says which only as its name might)
    based = {i for k in range(first, head) if toks.lower[k] == "based" for i in toks.subtree(k)}
    if word != "it" and not (last - first - len(based) <= 2 and toks.lower[first] == "the"):
        return None  # 'a bank', 'the central bank of Ireland': not a mention of one named before
    if word == "it":
        orgs = [m for m in mentions.before(first, "organization") if toks.para[head] - toks.para[m.last] <= 3]
        # 'it was labelled "Mostly True"' is what is spoken of, not who speaks
        return orgs[0].entity if orgs and toks.dep[head] == "nsubj" and _last_subject(toks, orgs[0], head) else None
    said = {toks.lower[k] for k in range(first + 1, head) if toks.pos[k] in ("NOUN", "PROPN", "ADJ") and k not in based}
    return of_kind(toks, mentions, word, first, said)


def _campaign_before(toks: Tokens, mentions: Mentions, first: int, done: dict) -> str | None:
    """Whose 'the campaign' is: that of the person whose campaign was named last ("Donald Trump's
    campaign", 'the Sanders campaign', 'his campaign'), within three paragraphs; a campaign's own
    name is no mention the tagger finds, so 'the campaign' has none to go back to."""
    for k in range(first - 1, -1, -1):
        if toks.para[first] - toks.para[k] > 3:
            return None
        if toks.lower[k] != "campaign" or toks.dep[k] == "compound":  # (not 'campaign manager')
            continue
        owner = next((c for c in toks.children[k] if toks.dep[c] in ("poss", "compound")), None)
        name = toks.text[toks.starts[owner] : toks.ends[owner]] if owner is not None else ""
        pronoun = toks.lower[owner] in ("his", "her") if owner is not None else False
        if not (pronoun or name[:1].isupper()):  # (the tagger may call a surname an adjective)
            continue
        who = antecedent(toks, mentions, owner, done) if pronoun else mentions.person_named(name)
        if who is not None and who.kind == "person":
            return f"{without_suffix(who.name.split())[-1]} campaign"
        if not pronoun:
            return f"{name} campaign"  # 'the Sanders campaign' where Sanders is named no other way
    return None


def of_kind(toks: Tokens, mentions: Mentions, word: str, at: int, said: set[str] = frozenset()) -> Entity | None:
    """The organisation named before ``at`` that a kind's noun stands for: the nearest whose name
    has the noun ('the council'; further back than three paragraphs, a name of two words or more
    that has the other words ``said`` too: 'board figures' near the end of a story are the
    Eastmere Health Board's, 'the appeals court' is not the Supreme Court); within three
    paragraphs, an outlet for 'the newspaper', the one named most for 'the company'."""
    before = mentions.before(at, "organization")
    orgs = [m for m in before if toks.para[at] - toks.para[m.last] <= 3]
    named = next((m.entity for m in orgs if word in org_key(m.entity.name).split()), None)
    if named is None and word not in MEDIA_KINDS:
        named = next((m.entity for m in before if word in (key := org_key(m.entity.name).split())
                      and len(key) > 1 and said <= set(key)), None)
    if named is None and word in MEDIA_KINDS:  # 'the newspaper said': the outlet named before, not any organisation
        other = _PRINT if word in _BROADCAST_KINDS else _BROADCAST if word in _PRINT_KINDS else frozenset()
        return next((m.entity for m in orgs if (words := set(m.entity.name.lower().split())) & MEDIA_NAMES
                     and not words & other), None)  # ('The network said' is RT's, not The New York Times')
    if word in _BUSINESS_KINDS:  # 'the company said' is not the Senate or a party the story is about
        # ('The consumer group ShopSafe': a body introduced by a kind that is no business)
        groups = {m.entity.key for m in before if m.first > 0 and toks.lower[m.first - 1] in _NO_BUSINESS | {"group"}}
        orgs = [m for m in orgs if not set(m.entity.name.lower().split()) & _NO_BUSINESS and m.entity.key not in groups]
    if named is None and word in _MINISTRY:  # 'the department said' after the Home Office
        named = next((m.entity for m in orgs if set(org_key(m.entity.name).split()) & _MINISTRY), None)
    if named is None and word in _KIND_WORDS:  # 'the airline' is Northwind Air, not a place the tagger took for one
        named = next((m.entity for m in orgs if set(org_key(m.entity.name).split()) & _KIND_WORDS[word]), None)
    return named or (_most_named(mentions, orgs, at) if orgs and word in ORG_KINDS else None)


# A network is no newspaper, nor a newspaper a channel.
_BROADCAST_KINDS = frozenset("network broadcaster station channel".split())
_PRINT_KINDS = frozenset("newspaper paper magazine".split())
_BROADCAST = frozenset("tv radio television bbc cnn nbc abc cbs fox msnbc npr pbs rt network channel broadcasting".split())
_PRINT = frozenset("times post journal herald gazette ledger tribune chronicle telegraph guardian mail globe observer "
                   "mirror register magazine daily weekly newspaper".split())

_REGULATORS = "office authority commission agency board ombudsman inspectorate regulator"
# The words a body's name often has for its kind: 'the airline' after Northwind Air.
_KIND_WORDS = {kind: frozenset(words.split()) for kind, words in {
    "airline": "air airways airlines aviation jet", "carrier": "air airways airlines aviation jet",
    "bank": "bank banking bancorp", "lender": "bank banking bancorp lending finance mortgage",
    "insurer": "insurance assurance mutual", "retailer": "stores store shops retail mart",
    "manufacturer": "motors industries manufacturing works", "operator": "ferries rail railways trains buses transport",
    "regulator": _REGULATORS, "watchdog": _REGULATORS,
    # 'the school said' after Baylor University: a story calls a university or college a school
    "school": "university college academy school", "college": "university college",
    # 'The agency declined …' after the FBI or the State Department: a government body by any name
    "agency": "agency bureau administration department service commission fbi cia nsa epa fda irs dhs atf dea fema",
}.items()} | {"club": CLUB_WORDS | {"city", "town", "county"}}
# A government department by any of its names: the Home Office, the Ministry of Defence, the DfE's department.
_MINISTRY = frozenset({"department", "ministry", "office"})


def _most_named(mentions: Mentions, orgs: list[Mention], first: int) -> Entity:
    """'The company said' after Brightwater Energy, Unite, Harrow Securities and the BBC: the one
    named most so far, not an outlet, the nearest of equals."""
    counts: dict[int, int] = {}
    for m in mentions.before(first, "organization"):
        counts[m.entity.key] = counts.get(m.entity.key, 0) + 1
    firms = [m for m in orgs if not set(m.entity.name.lower().split()) & MEDIA_NAMES] or orgs
    return max(firms, key=lambda m: (counts[m.entity.key], -firms.index(m))).entity


def _last_subject(toks: Tokens, m: Mention, head: int) -> bool:
    """Whether ``m`` is the last subject before ``head``, close by (its own 'it' aside)."""
    between = [k for k in range(m.last + 1, head)
               if toks.dep[k] in ("nsubj", "nsubjpass") and toks.quote[k] == -1 and toks.lower[k] != "it"]
    return m.subject and not between and head - m.last <= 40


def untagged_organisation(toks: Tokens, first: int, head: int, last: int) -> str | None:
    """'The Kestrel Bay Residents' Trust said …' where the entity tagger saw no name: capitalised
    words ending in an organisation's word are that organisation's name; so is the name after its
    kind ('the union Unite', 'the charity Shelter UK')."""
    first += toks.lower[first] == "the"
    if (named := _after_its_kind(toks, first, last)) is not None:
        return named
    if (office := _role_office(toks, first, head)) is not None:
        return office
    words = [toks.text[toks.starts[k] : toks.ends[k]] for k in range(first, head + 1)]
    # ('Kelby council': a place's council, board or police, written in lower case)
    lower_head = toks.lower[head] in INSTITUTIONS and head > first and toks.pos[head - 1] == "PROPN"
    if ((toks.pos[head] != "PROPN" and not lower_head) or toks.lower[head] not in _NAME_ENDS or head - first > 6
            or not all(w[:1].isupper() or w in ("'", "’", "'s", "’s", "of", "and", "&") for w in words[:-1])):
        return None
    return toks.text[toks.starts[first] : toks.ends[head]]


def _role_office(toks: Tokens, first: int, head: int) -> str | None:
    """'The inspector general's office declined …': a body known by the role it serves (when the
    article names who holds the role, the role already resolved to that person)."""
    owner = next((c for c in toks.children[head] if toks.dep[c] == "poss"), None)
    if toks.lower[head] not in INSTITUTIONS or owner is None or toks.lower[owner] not in ROLE_NOUNS:
        return None
    if toks.text[toks.starts[owner]][:1].isupper() or first > owner:
        return None  # 'Governor Marsh's office' is hers
    return toks.text[toks.starts[first] : toks.ends[head]]


def _after_its_kind(toks: Tokens, first: int, last: int) -> str | None:
    k = first
    while k < last and toks.pos[k] == "NOUN" and toks.text[toks.starts[k]].islower():
        k += 1
    if k == first or toks.lower[k - 1] not in _KINDS_OF_BODY or not toks.text[toks.starts[k]].isupper():
        return None  # (a name, not 'the billionaire business mogul' the tagger calls one)
    if any(toks.pos[i] != "PROPN" or toks.lower[i] in ROLE_NOUNS for i in range(k, last + 1)):
        return None  # 'the council Leader'
    return toks.text[toks.starts[k] : toks.ends[last]]


def document_by(toks: Tokens, mentions: Mentions, named: list[Mention], head: int, first: int) -> Entity | None:
    """Whose a document is: 'a Wall Street Journal article found …', 'a Gallup poll found …' (the
    paper, the pollster); 'according to board figures' (the health board named before)."""
    if any(toks.lower[c] in _SOME for c in toks.children[head]):
        return None  # 'some GOP figures' are people
    by = [m for m in named if toks.dep[m.last] in ("poss", "compound") and toks.head[m.last] == head]
    if by:
        return by[0].entity
    kinds = [c for c in toks.children[head] if toks.dep[c] == "compound" and toks.lower[c] in INSTITUTIONS]
    return of_kind(toks, mentions, toks.lower[kinds[0]], first) if kinds else None


_ISSUING = frozenset("issue issues issued issuing release releases released releasing send sends sent sending publish "
                     "publishes published publishing post posts posted posting put puts write writes wrote written "
                     "writing provide provides provided give gives gave given run runs ran running air airs aired airing "
                     "launch launches launched launching unveil unveils unveiled unveiling".split())
# What someone sends or puts out that may then speak: '"…," the email read', 'The ad says …'.
SENT_WRITINGS = frozenset("email e-mail letter memo note message post tweet ad video spot commercial".split())


def issuer_of(toks: Tokens, mentions: Mentions, first: int, noun: str = "statement") -> Entity | None:
    """'Alan Pryce released a statement. "…," the statement said.': the named subject of the
    nearest verb before, in this paragraph or the two before, that issued the statement (or sent
    the email, wrote the letter) or said in it; or whom 'a statement from …' named."""
    for k in range(first - 1, -1, -1):
        if toks.para[first] - toks.para[k] > 2:
            return None
        verb = toks.head[k]
        if toks.lower[k] == noun and (sender := _sent_from(toks, mentions, k)) is not None:
            return sender
        if toks.lower[k] == noun and toks.dep[k] == "pobj" and toks.lower[verb] == "in":
            verb = toks.head[verb]  # 'In a statement, Castleford Rovers said …', 'said in a statement'
        elif toks.lower[k] != noun or toks.dep[k] != "dobj" or toks.lower[verb] not in _ISSUING:
            continue
        if toks.pos[verb] in ("VERB", "AUX"):
            subjects = [c for c in toks.children[verb] if toks.dep[c] == "nsubj"]
            named = [m for c in subjects for m in mentions.in_range(c, c)]
            return named[0].entity if named else None
    return None


def _sent_from(toks: Tokens, mentions: Mentions, k: int) -> Entity | None:
    """Who 'a statement from …' (token ``k``) names: a name, or an organisation by its kind ('the airline')."""
    for prep in (c for c in toks.children[k] if toks.dep[c] == "prep" and toks.lower[c] == "from"):
        for obj in (c for c in toks.children[prep] if toks.dep[c] == "pobj"):
            if named := mentions.in_range(obj, obj):
                return named[0].entity
            if toks.lower[obj] in ORG_KINDS | INSTITUTIONS:
                return of_kind(toks, mentions, toks.lower[obj], k)
    return None


def named_beside_kind(toks: Tokens, mentions: Mentions, head: int, first: int) -> Entity | None:
    """'Vets Forward, a nonpartisan advocacy group that …,': a name the tagger missed, beside a kind of
    body, is that body (as the name alone is after it, in the same story)."""
    words = list(range(first + (toks.lower[first] == "the"), head + 1))
    if not words or not all(toks.pos[k] == "PROPN" for k in words):
        return None
    name = toks.text[toks.starts[words[0]] : toks.ends[head]]
    # (or a name's first word: 'Kestrel denied the claim' after Kestrel Home Appliances)
    known = next((e for e in mentions.entities if e.kind == "organization" and org_key(e.name) == org_key(name)), None)
    known = known or next((e for e in mentions.entities if e.kind == "organization" and not e.members
                           and len(key := org_key(e.name).split()) > 1 and key[0] == org_key(name)), None)
    if known is None and (_beside_kind(toks, head) or _speaks_as_it(toks, head)):
        return mentions.source_named(words[0], head, name, "organization")
    return known


def _beside_kind(toks: Tokens, head: int) -> bool:
    return any(toks.dep[c] == "appos" and toks.lower[c] in ORG_KINDS | INSTITUTIONS for c in toks.children[head])


def _speaks_as_it(toks: Tokens, head: int) -> bool:
    """'Vets Forward said it will hold a protest': what says 'it' of itself is a body."""
    k = toks.its_after(head, ("nsubj", "poss"))
    return k is not None and toks.head[toks.head[k]] == toks.head[head]


def country_of_people(toks: Tokens, head: int, first: int, last: int) -> str | None:
    """'The Saudis have warned …': a country's people, by the first word of the country's name the
    article gives ('Saudi Arabia'), speak for it. Only a bare plural ('Saudis', 'the Saudis')."""
    if toks.ent[head] != "NORP" or not toks.lower[head].endswith("s") or last - first > 1:
        return None
    return demonyms(_places(toks)).get(toks.lower[head][:-1])


def speaking_place(toks: Tokens, head: int, first: int, last: int) -> str | None:
    """'Germany urged calm', 'the U.S. has warned …': a country or city that speaks is its government,
    an organisation (as the tagger marks places; a place's people are ``country_of_people``)."""
    start = first + (toks.lower[first] == "the" and first < last)
    if head < start or any(toks.ent[k] != "GPE" for k in range(start, last + 1)):
        return None
    return toks.text[toks.starts[start] : toks.ends[last]]


def reporting_outlet(toks: Tokens, first: int, last: int) -> str | None:
    """'The Tennessean first reported', 'The Intercept reported': a paper named without a paper's word,
    as the subject of reporting (not 'The Clintons reported', a family)."""
    words = range(first + 1, last + 1)
    if toks.lower[first] != "the" or not words or not all(toks.pos[k] == "PROPN" for k in words) or toks.lower[last].endswith("s"):
        return None
    k = last + 1
    while k < len(toks) and toks.pos[k] == "ADV":
        k += 1
    if k < len(toks) and toks.lower[k] in _REPORTING:
        return toks.text[toks.starts[first + 1] : toks.ends[last]]
    return None


_REPORTING = frozenset("reported reports revealed reveals published publishes".split())


def _places(toks: Tokens) -> Iterator[str]:
    """The article's places, as the tagger marks them (each run of GPE tokens)."""
    for label, run in groupby(range(len(toks.ent)), key=toks.ent.__getitem__):
        if label == "GPE":
            first, *rest = run
            yield toks.text[toks.starts[first] : toks.ends[rest[-1] if rest else first]]
