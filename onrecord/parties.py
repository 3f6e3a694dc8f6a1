"""'The Michigan Democrat said …': a US politician named by state and party, the way wire copy goes
on after 'Sen. Ruth Caldwell (D-Mich.)' or 'Rep. Tom Bricker, a Republican from Arizona'."""
from __future__ import annotations

import re

from .mentions import Entity, Mentions
from .quotes.tokens import Tokens

# State: its AP abbreviation (as in 'R-Ariz.') and the postal code ('R-AZ').
_STATES = {
    "alabama": "Ala. AL", "alaska": "Alaska AK", "arizona": "Ariz. AZ", "arkansas": "Ark. AR", "california": "Calif. CA",
    "colorado": "Colo. CO", "connecticut": "Conn. CT", "delaware": "Del. DE", "florida": "Fla. FL", "georgia": "Ga. GA",
    "hawaii": "Hawaii HI", "idaho": "Idaho ID", "illinois": "Ill. IL", "indiana": "Ind. IN", "iowa": "Iowa IA",
    "kansas": "Kan. KS", "kentucky": "Ky. KY", "louisiana": "La. LA", "maine": "Maine ME", "maryland": "Md. MD",
    "massachusetts": "Mass. MA", "michigan": "Mich. MI", "minnesota": "Minn. MN", "mississippi": "Miss. MS",
    "missouri": "Mo. MO", "montana": "Mont. MT", "nebraska": "Neb. NE", "nevada": "Nev. NV", "ohio": "Ohio OH",
    "oklahoma": "Okla. OK", "oregon": "Ore. OR", "pennsylvania": "Pa. PA", "tennessee": "Tenn. TN", "texas": "Texas TX",
    "utah": "Utah UT", "vermont": "Vt. VT", "virginia": "Va. VA", "washington": "Wash. WA", "wisconsin": "Wis. WI",
    "wyoming": "Wyo. WY", "new hampshire": "N.H. NH", "new jersey": "N.J. NJ", "new mexico": "N.M. NM",
    "new york": "N.Y. NY", "north carolina": "N.C. NC", "north dakota": "N.D. ND", "rhode island": "R.I. RI",
    "south carolina": "S.C. SC", "south dakota": "S.D. SD", "west virginia": "W.Va. WV",
}
_PARTIES = {"democrat": ("D", r"Democrat(?:ic)?"), "republican": ("R", r"Republican|GOP"), "independent": ("I", r"independent")}
_WINDOW = 120  # characters after a person's mention where the article gives their party and state


def party_member(toks: Tokens, mentions: Mentions, head: int, first: int, last: int) -> Entity | None:
    """The person named before whose party (and state, when the description gives one) the article gave."""
    party = _PARTIES.get(toks.lower[head])
    if party is None or toks.lower[first] != "the" or toks.tag[head] in ("NNS", "NNPS"):
        return None  # 'one Democrat familiar with the talks', 'Republicans' are others
    letter, words = party
    place = " ".join(toks.lower[i] for i in range(first, head) if toks.lower[i] not in ("the", "a", "an"))
    states = [s for s in _STATES if s in place] if place else []
    if place and not states:
        return None  # 'the longtime Democrat', 'a Trump Republican': not a state's
    people = mentions.before(first, "person")
    for k, m in enumerate(people):  # nearest first; each one's window ends where the next person or this description is
        stop = min(toks.starts[first], toks.ends[m.last] + _WINDOW, *(toks.starts[n.first] for n in people[:k] if n.first > m.last))
        # (a party word that titles the next name is that one's: 'Republican Dale Harwell and Democrat Naomi Brandt')
        near = re.sub(rf"\b(?:{words})\s*$", "", toks.text[toks.starts[m.first] : stop])
        titled = re.search(rf"\b(?:{words})\s*$", toks.text[max(0, toks.starts[m.first] - 12) : toks.starts[m.first]])
        if not titled and not re.search(rf"\b(?:{words})\b|\({letter}[-)]|\b{letter}-[A-Z]", near):
            continue
        if not states or any(_gives_state(near, s) for s in states):
            return m.entity
    return None


def _gives_state(text: str, state: str) -> bool:
    ap, postal = _STATES[state].split()
    return bool(re.search(rf"\b{state}\b", text, re.I) or re.search(rf"-\s?(?:{re.escape(ap)}|{postal})(?!\w)", text))
