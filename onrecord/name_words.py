"""The words names, titles and roles are made of, and what a first name or title says of gender.

Word lists shared by the steps that find people and organisations (``mentions``, ``speakers``,
``organisations``) and those that read statements about them (``statements``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path


def folded(text: str) -> str:
    """Lower case without accents, apostrophes straight: 'O’Malley' and 'O'Malley', 'Rene' and 'René' agree."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return re.sub("[’‘`]", "'", text)


# the possessive, straight or curly (a curly one is often tagged a quote mark)
POSSESSIVE = frozenset({"'s", "’s"})

TITLES = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady sen sen. senator rep rep. gov gov. "
    "governor president mayor judge prof prof. professor rev rev. gen gen. secretary speaker "
    "chancellor minister premier prime councillor councilman councilwoman congressman congresswoman "
    "cllr cllr. councilor baroness baron".split()
)
ROLE_NOUNS = frozenset(
    "mp mps senator minister secretary spokesperson spokesman spokeswoman chair chairman chairwoman "
    "president candidate governor mayor official leader lawyer attorney judge director adviser advisor "
    "aide member congressman congresswoman representative nominee strategist analyst professor ceo chief "
    "head manager founder councillor commissioner chancellor premier ambassador general officer sheriff "
    "prosecutor executive economist researcher expert author editor correspondent host pollster donor "
    "organizer organiser activist campaigner mp. justice speaker whip solicitor barrister "
    "coach captain player striker forward midfielder defender goalkeeper quarterback pitcher referee "
    "constable inspector superintendent detective treasurer pastor preacher reverend rabbi imam bishop priest "
    "envoy negotiator mediator diplomat colonel cfo writer columnist reporter journalist commentator moderator anchor presenter".split()
)
CLUB_WORDS = frozenset("athletic rovers wanderers albion fc afc united hotspur".split())  # football clubs
ORG_WORDS = frozenset(
    "party court committee house department ministry association news times post inc corp company "
    "council union agency office campaign university institute foundation group network bank police "
    "commission board administration government senate congress parliament hq headquarters "
    "trust marine holdings ltd limited plc llc partners industries airlines airways motors properties shipping "
    "renewables energy foods pharmaceuticals technologies logistics "
    "gazette journal herald tribune chronicle".split()
) | CLUB_WORDS
# Words that end the names of businesses and bodies, not of people ('Edison Research', 'Lenox Healthcare').
NAME_OF_A_BODY = frozenset(
    "research healthcare health capital media systems solutions services communications consulting analytics labs "
    "ventures resources brands entertainment studios records publishing pictures games software security insurance "
    "finance financial investments advisors associates construction development realty hotels resorts farms "
    "biotech therapeutics medical care aerospace defense defence electric power oil gas mining steel chemicals "
    "telecom wireless mobile digital interactive online express transport rail networks television radio press "
    "books center centre clinic hospital school college academy church fund project initiative alliance coalition "
    "forum watch action now international global america coal".split())
# Outlets and platforms an entity tagger takes for a person when named alone ('Politifact rated …').
OUTLET_BRANDS = frozenset(
    "twitter facebook instagram youtube tiktok google politifact snopes wikileaks politico huffpost buzzfeed "
    "breitbart axios msnbc cnn bbc npr".split())
KINDS_BEFORE_NAMES = frozenset(  # what an organisation is called right before its name: 'the union Unite'
    "charity union group tank trust foundation institute society alliance coalition federation company firm organisation organization association".split())
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})  # "his comments that …" is his as "her claim" is hers
_SLUG = re.compile(r"[^a-z0-9]+")

def slug(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-") or "speaker"


# Titles as written before a name, and the words a description uses for them ('the governor').
_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "lt": "lieutenant", "gen": "general",
    "atty": "attorney", "cllr": "councillor", "supt": "superintendent", "sec": "secretary", "prof": "professor",
    "sgt": "sergeant", "det": "detective", "insp": "inspector", "col": "colonel", "capt": "captain", "adm": "admiral",
    # a member of the House, however titled ('Rep. Carl Jennings' is the headline's 'Congressman')
    "congressman": "representative", "congresswoman": "representative", "congressmember": "representative",
}


def role_word(word: str) -> str:
    """A lowercased word of a role, abbreviations spelled out: 'gov.' -> 'governor'."""
    return _ABBREVIATIONS.get(word.rstrip("."), word.rstrip("."))


GENDERED_TITLES = {"mr": "male", "mr.": "male", "sir": "male", "lord": "male", "mrs": "female", "mrs.": "female",
                    "ms": "female", "ms.": "female", "miss": "female", "dame": "female", "lady": "female"}


HONORIFICS = frozenset([*GENDERED_TITLES, "dr", "dr.", "mx", "mx."])  # before a surname, not a full name
GENDERED_NOUNS = {
    **dict.fromkeys("wife mother daughter widow sister grandmother aunt niece girlfriend congresswoman chairwoman "
                    "spokeswoman businesswoman actress queen princess duchess countess".split(), "female"),
    **dict.fromkeys("husband father son widower brother grandfather uncle nephew boyfriend congressman chairman "
                    "spokesman businessman king prince duke earl".split(), "male"),
}


_FIRST_NAMES = Path(__file__).parent / "data" / "first_names.tsv"


@cache
def first_names() -> dict[str, str]:
    """First names nearly all of whose bearers are one gender (data/first_names.tsv, from nomquamgender)."""
    lines = _FIRST_NAMES.read_text(encoding="utf-8").splitlines()
    return {name: "female" if g == "f" else "male" for name, g in (line.split("\t") for line in lines if not line.startswith("#"))}


def fits_pronoun(gender: str | None, pronoun: str) -> bool:
    """Whether a person of ``gender`` (None: unknown) can be 'he'/'him' or 'she'/'her'."""
    return gender is None or gender == ("male" if pronoun.lower() in ("he", "him", "his") else "female")


def first_name_gender(words: list[str]) -> str | None:
    """The gender a full name's first name all but always has ('Delia Marsh'); None for 'Jo Kerr' or 'Marsh'."""
    names = [w.lower() for w in words if w.lower() not in TITLES]
    return first_names().get(names[0]) if len(names) > 1 else None


# Words that name an outlet as one: 'The Lakeside Ledger', 'Fox News', 'the BBC'.
MEDIA_NAMES = frozenset(
    "times post news journal herald gazette ledger tribune chronicle telegraph guardian mail express star sun globe "
    "observer independent mirror standard record register press review daily weekly magazine tv radio television "
    "bbc cnn nbc abc cbs fox msnbc npr pbs rt reuters ap bloomberg politico axios breitbart huffpost buzzfeed "
    "network channel broadcasting".split())

# First words of two-word places, which are no first names ('Saudi Arabia', 'North Korea').
PLACE_STARTS = frozenset("north south east west new saudi united hong sri costa puerto san santa los las el great "
                         "upper lower cape port fort mount lake rhode sierra".split())


def demonyms(places: Iterable[str]) -> dict[str, str]:
    """A country's people by the first word of the name an article gives it: 'saudi' (so 'the
    Saudis', 'Saudi concerns') → 'Saudi Arabia'. Only names of two words or more, whose first
    word is not a short one: 'the News' are no New York."""
    out: dict[str, str] = {}
    for place in places:
        words = place.split()[1:] if place[:4].lower() == "the " else place.split()
        if len(words) > 1 and len(words[0]) >= 4:
            out.setdefault(words[0].lower(), place)
    return out
