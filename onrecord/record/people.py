"""People across articles: linking each speaker an article resolved to one canonical person.

Candidates are found by normalised keys (``fl:hillary clinton``, ``l:blunt``,
``r:mp reigate``, ``t:president obama``; names.py), never by comparing every pair of
people, then scored:

- full names: the same name links (3.0); a compatible one (``Hillary Rodham
  Clinton`` ~ ``Hillary Clinton``, ``H. Clinton``) nearly so (2.5); different first
  names with the same surname never link;
- a surname alone (0.5) or a role alone ("the Reigate MP", 0) needs context: a
  shared specific role or title with the surname (1.5), affiliation (0.75), outlet (0.5), time (0.5), and
  being the only candidate (0.5).
A mention links when the best score reaches 2.0 and leads the next by 1.0; the
reason is stored on the mention. User corrections leave pins (article, name →
person) and separations that later linking obeys.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date, timedelta

from ..models import Entity
from ..name_words import ORG_WORDS
from .names import compatible, is_proper_name, name_tokens, role_key, title_keys
from .store import Tx, now

LINK_SCORE = 2.0
MAX_CANDIDATES = 200  # people scored for one mention, at most
LINK_MARGIN = 1.0
NAME_WINDOW = timedelta(days=45)
ROLE_WINDOW = timedelta(days=365)


@dataclass(frozen=True)
class Profile:
    """One in-article speaker, normalised for linking."""

    local_id: str
    display: str
    kind: str
    names: tuple[tuple[str, ...], ...]
    roles: tuple[str, ...]
    role_keys: frozenset[str]
    affiliations: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def named(self) -> bool:
        return bool(self.names)

    @property
    def full_names(self) -> list[tuple[str, ...]]:
        return [n for n in self.names if len(n) >= 2]

    def name_key(self) -> str:
        """The key a correction pins this mention by."""
        if self.names:
            return "n:" + " ".join(max(self.names, key=len))
        return "r:" + (min(self.role_keys) if self.role_keys else self.display.lower())


def _is_org_name(name: str) -> bool:
    words = name.strip().split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def profile(entity: Entity) -> Profile:
    entity = Entity(entity.id, _clean(entity.name) or entity.id, entity.kind,
                    tuple(map(_clean, entity.aliases)), tuple(map(_clean, entity.roles)),
                    tuple(map(_clean, entity.affiliations)))
    candidates = [entity.name, *entity.aliases]
    proper_test = _is_org_name if entity.kind == "organization" else is_proper_name
    proper = [n for n in candidates if n and proper_test(n)]
    described = [n for n in candidates if n and not proper_test(n)]
    names = []
    for n in proper:
        toks = name_tokens(n) if entity.kind == "organization" else _group_order(name_tokens(n))
        if toks and toks not in names:
            names.append(toks)
    roles = tuple(dict.fromkeys(r for r in (*entity.roles, *described) if r and r.strip()))
    keys = frozenset(k for k, specific in map(role_key, roles) if k and specific)
    display = max(proper, key=lambda n: len(name_tokens(n))) if proper else entity.name
    return Profile(
        local_id=entity.id, display=display, kind=entity.kind, names=tuple(names), roles=roles,
        role_keys=keys, affiliations=tuple(dict.fromkeys(a for a in entity.affiliations if a)),
        aliases=tuple(dict.fromkeys(proper)),
    )


def _group_order(toks: tuple[str, ...]) -> tuple[str, ...]:
    """A group's name ('donald trump and hillary clinton') with its members in one order, whatever
    order an article gives them in; any other name as it is."""
    if not is_group(toks):
        return toks
    members = sorted(" ".join(m.split()) for m in " ".join(toks).split(" and "))
    return tuple(" and ".join(members).split())


def member_keys(toks: tuple[str, ...]) -> set[str]:
    """A group's members by first and last name ('m:hillary clinton'): never looked up in linking
    (no member finds the group), only by ``who`` and search to show what a person said in company."""
    members = [m.split() for m in " ".join(toks).split(" and ")]
    return {f"m:{m[0]} {m[-1]}" for m in members if len(m) >= 2}


def is_group(toks: tuple[str, ...]) -> bool:
    """Whether a speaker's name tokens name people together ('Trump and Clinton said'): they are
    found by the whole group's name only, never by a member's name or surname."""
    return "and" in toks[1:-1]


def mention_keys(p: Profile, outlet: str | None) -> set[str]:
    """Everything a later mention may look this one up by."""
    keys: set[str] = {"r:" + k for k in p.role_keys}
    for toks in p.names:
        if p.kind == "organization":
            keys.add("o:" + " ".join(toks))
        elif is_group(toks):
            keys |= {"n:" + " ".join(toks), *member_keys(toks)}
        elif len(toks) >= 2:
            keys |= {"n:" + " ".join(toks), f"fl:{toks[0]} {toks[-1]}", f"fi:{toks[0][0]} {toks[-1]}",
                     "l:" + toks[-1]}
        else:
            keys.add("l:" + toks[0])
    keys |= {"a:" + " ".join(name_tokens(a)) for a in p.affiliations if name_tokens(a)}
    keys |= title_keys(p.roles, p.names) if p.kind == "person" else set()
    if outlet:
        keys.add("out:" + outlet.strip().lower())
    return keys


def _personal(p: Profile, toks: tuple[str, ...]) -> bool:
    """An 'organisation' whose name reads as a person's ('Marcus Hale said'): the entity tagger's
    label may be wrong, so the name is also looked up among people."""
    return p.kind == "organization" and 2 <= len(toks) <= 3 and not set(toks) & ORG_WORDS


def lookup_keys(p: Profile) -> set[str]:
    keys = {"r:" + k for k in p.role_keys}
    for toks in p.names:
        if p.kind == "organization":
            keys.add("o:" + " ".join(toks))
            if _personal(p, toks):
                keys.add(f"fl:{toks[0]} {toks[-1]}")
        elif is_group(toks):
            keys.add("n:" + " ".join(toks))
        elif len(toks) >= 2:
            keys |= {f"fl:{toks[0]} {toks[-1]}", f"fi:{toks[0][0]} {toks[-1]}"}
            if len(toks) <= 3 and not set(toks) & ORG_WORDS:
                keys.add("o:" + " ".join(toks))  # met first as an 'organisation' where the tagger erred
        else:
            keys.add("l:" + toks[0])
    return keys | (title_keys(p.roles, p.names) if p.kind == "person" else set())


@dataclass(frozen=True)
class Candidate:
    person_id: int
    kind: str
    keys: frozenset[str]
    first_seen: str | None
    last_seen: str | None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _near(published: str | None, c: Candidate, window: timedelta) -> bool:
    day, lo, hi = _day(published), _day(c.first_seen), _day(c.last_seen)
    if not (day and lo and hi):
        return False
    return (lo - day).days <= window.days and (day - hi).days <= window.days  # no date beyond the calendar


def score(p: Profile, c: Candidate, outlet: str | None, published: str | None,
          unique: bool) -> tuple[float, str] | None:
    """How strongly mention ``p`` belongs to candidate ``c``, and why; None if it cannot."""
    if {p.kind, c.kind} == {"person", "organization"}:
        if c.kind == "person":
            same = [t for t in p.names if _personal(p, t) and "n:" + " ".join(t) in c.keys]
            misread = "the article's entity tagger"
        else:  # met first where the tagger erred: an 'organisation' on record named as this person is
            same = [t for t in p.names if 2 <= len(t) <= 3 and not set(t) & ORG_WORDS and "o:" + " ".join(t) in c.keys]
            misread = "an earlier article's entity tagger"
        if not same:
            return None
        return 3.0, f"same name {' '.join(same[0])!r} as a person ({misread} read it as an organisation)"
    points, why = 0.0, []
    mine = mention_keys(p, None)
    theirs = [tuple(k[2:].split()) for k in c.keys if k.startswith("n:")]
    if p.kind == "organization" and mine & c.keys & {k for k in mine if k.startswith("o:")}:
        points, why = 3.0, ["same organisation name"]
    elif p.full_names and theirs:
        exact = {"n:" + " ".join(n) for n in p.full_names} & c.keys
        if exact:
            points, why = 3.0, [f"same name {min(exact)[2:]!r}"]
        elif any(compatible(a, b) for a in p.full_names for b in theirs):
            points, why = 2.5, ["compatible full names"]
        else:
            return None  # same surname, different given names: different people
    elif p.names and {"l:" + n[-1] for n in p.names} & c.keys:
        points, why = 0.5, ["same surname"]
    shared_roles = sorted(k[2:] for k in mine & c.keys if k.startswith(("r:", "t:")))
    if shared_roles:
        points += 1.5
        why.append(f"shared role {shared_roles[0]!r}")
    shared_affiliations = sorted(k[2:] for k in mine & c.keys if k.startswith("a:"))
    if shared_affiliations:
        points += 0.75
        why.append(f"shared affiliation {shared_affiliations[0]!r}")
    if points < 3.0:  # context only matters when the name alone does not settle it
        if outlet and "out:" + outlet.strip().lower() in c.keys:
            points += 0.5
            why.append("same outlet")
        if _near(published, c, ROLE_WINDOW if not p.names else NAME_WINDOW):
            points += 0.5
            why.append("seen around the same time")
        if unique:
            points += 0.5
            why.append("the only candidate")
    return points, ", ".join(why)


def _candidates(tx: Tx, keys: set[str]) -> list[Candidate]:
    """Up to ``MAX_CANDIDATES`` people holding any of the keys: those met by name first,
    then by role, each group in id order.

    Each key is read in person order through its index and only as far as needed, so a
    key thousands share ("l:smith", a common role) costs as much as a rare one, and a
    role thousands share cannot crowd out the person with this very name.
    """
    chosen: set[int] = set()
    for group in ([k for k in keys if not k.startswith("r:")], [k for k in keys if k.startswith("r:")]):
        ids: set[int] = set()
        for key in sorted(group):
            ids.update(r[0] for r in tx.all("SELECT person_id FROM person_keys WHERE key = ? ORDER BY person_id "
                                            f"LIMIT {MAX_CANDIDATES}", (key,)))
        chosen.update(sorted(ids - chosen)[:MAX_CANDIDATES - len(chosen)])
    return candidates(tx, sorted(chosen))


def candidates(tx: Tx, person_ids: list[int]) -> list[Candidate]:
    """These people as linking scores them (two queries, whatever their number)."""
    if not person_ids:
        return []
    marks = ",".join("?" * len(person_ids))
    kinds = dict(tx.all(f"SELECT id, kind FROM people WHERE id IN ({marks})", person_ids))
    seen: dict[int, tuple[set[str], list[str], list[str]]] = {pid: (set(), [], []) for pid in person_ids}
    for pid, key, first, last in tx.all(f"SELECT person_id, key, first_seen, last_seen FROM person_keys "
                                        f"WHERE person_id IN ({marks})", person_ids):
        seen[pid][0].add(key)
        seen[pid][1].extend([first] if first is not None else [])
        seen[pid][2].extend([last] if last is not None else [])
    return [Candidate(pid, kinds.get(pid), frozenset(k), min(f, default=None), max(la, default=None))
            for pid, (k, f, la) in seen.items()]


def candidate(tx: Tx, person_id: int) -> Candidate:
    return candidates(tx, [person_id])[0]


@dataclass(frozen=True)
class ArticleContext:
    article_id: int
    article_key: str
    outlet: str | None
    published: str | None


def choose(tx: Tx, p: Profile, ctx: ArticleContext) -> tuple[int | None, float | None, str]:
    """The person a mention belongs to (None: a new one is needed), its score and the reason."""
    pinned = tx.one("SELECT person_id, correction_id FROM pins WHERE article_key = ? AND name_key = ?",
                    (ctx.article_key, p.name_key()))
    if pinned:
        return pinned[0], None, f"pinned by correction #{pinned[1]}"
    found = _candidates(tx, lookup_keys(p))
    scored = []
    for c in found:
        s = score(p, c, ctx.outlet, ctx.published, unique=len(found) == 1)
        if s is not None:
            scored.append((s[0], c.person_id, s[1]))
    scored.sort(key=lambda t: (-t[0], t[1]))
    if scored and scored[0][0] >= LINK_SCORE and (len(scored) == 1 or scored[0][0] - scored[1][0] >= LINK_MARGIN):
        return scored[0][1], scored[0][0], scored[0][2]
    if scored and scored[0][0] >= LINK_SCORE:
        (s1, p1, _), (s2, p2, _) = scored[0], scored[1]
        return None, None, f"new person: ambiguous between #{p1} ({s1:.2f}) and #{p2} ({s2:.2f})"
    if scored:
        best = scored[0]
        return None, None, f"new person: best candidate #{best[1]} scored {best[0]:.2f} ({best[2]}), not enough"
    return None, None, "new person: no one on record with this name or role"


def link_entity(tx: Tx, entity: Entity, ctx: ArticleContext) -> int:
    """Store one in-article speaker as a mention linked to its person; returns the mention id."""
    p = profile(entity)
    if not p.named and not p.role_keys:
        person_id, points, reason = None, None, "generic description: not linked across articles"
    else:
        person_id, points, reason = choose(tx, p, ctx)
        if person_id is None:
            person_id = tx.insert("INSERT INTO people (name, kind, named, created_at) VALUES (?, ?, ?, ?) "
                                  "RETURNING id", (p.display, p.kind, int(p.named), now()))
        elif p.named:
            _upgrade_name(tx, person_id, p)
        if person_id is not None and p.kind == "person":  # an 'organisation' on record that is this person
            tx.run("UPDATE people SET kind = 'person' WHERE id = ? AND kind = 'organization'", (person_id,))
    mention_id = tx.insert(
        "INSERT INTO mentions (article_id, local_id, name, kind, person_id, score, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (ctx.article_id, p.local_id, p.display, p.kind, person_id, points, reason))
    facts = [("alias", a) for a in p.aliases] + [("role", r) for r in p.roles]
    facts += [("affiliation", a) for a in p.affiliations]
    tx.many("INSERT INTO mention_facts (mention_id, fact, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(mention_id, f, v) for f, v in facts])
    keys = sorted(mention_keys(p, ctx.outlet))
    tx.many("INSERT INTO mention_keys (mention_id, key) VALUES (?, ?)", [(mention_id, k) for k in keys])
    if person_id is not None:
        tx.many(_ADD_PERSON_KEY, [(person_id, k, ctx.published, ctx.published) for k in keys])
    if person_id is not None and p.named and p.role_keys:
        _absorb_role_only(tx, person_id, p, ctx)
    return mention_id


# People a transaction renamed or merged: statement linking then re-links more than what a
# new article's statements alone could change (linking.link_across).
_CHANGED: weakref.WeakKeyDictionary[Tx, set[int]] = weakref.WeakKeyDictionary()


def people_changed(tx: Tx) -> set[int]:
    """The people this transaction renamed or merged so far."""
    return _CHANGED.get(tx, set())


def _upgrade_name(tx: Tx, person_id: int, p: Profile) -> None:
    """A person first met by a role or a surname takes the fuller name when one is seen."""
    name, named = tx.one("SELECT name, named FROM people WHERE id = ?", (person_id,))
    if not named or len(name_tokens(p.display)) > len(name_tokens(name)) and len(name_tokens(name)) < 2:
        tx.run("UPDATE people SET name = ?, named = 1 WHERE id = ?", (p.display, person_id))
        _CHANGED.setdefault(tx, set()).add(person_id)


def _absorb_role_only(tx: Tx, person_id: int, p: Profile, ctx: ArticleContext) -> None:
    """People known so far only by this named speaker's specific role become this person."""
    for key in sorted(p.role_keys):
        rows = tx.all(
            "SELECT k.person_id FROM person_keys k JOIN people pe ON pe.id = k.person_id "
            "WHERE k.key = ? AND pe.named = 0 AND pe.id <> ? ORDER BY k.person_id", ("r:" + key, person_id))
        for (other,) in rows:
            if is_apart(tx, person_id, other):
                continue
            if not _near(ctx.published, candidate(tx, other), ROLE_WINDOW):
                continue
            merge_into(tx, person_id, other,
                       f"absorbed: role {key!r} later seen for {p.display} (article {ctx.article_key})")


def is_apart(tx: Tx, a: int, b: int) -> bool:
    return bool(tx.scalar("SELECT 1 FROM apart WHERE person_a = ? AND person_b = ?", (min(a, b), max(a, b))))


def merge_into(tx: Tx, keep: int, other: int, why: str) -> None:
    """Move every mention and pin of ``other`` to ``keep`` and delete ``other``."""
    _CHANGED.setdefault(tx, set()).update((keep, other))
    tx.run("UPDATE mentions SET person_id = ?, reason = reason || ? WHERE person_id = ?",
           (keep, f"; {why}", other))
    tx.run("UPDATE pins SET person_id = ? WHERE person_id = ?", (keep, other))
    for a, b in tx.all("SELECT person_a, person_b FROM apart WHERE person_a = ? OR person_b = ?", (other, other)):
        third = b if a == other else a
        if third != keep:
            tx.run("INSERT INTO apart (person_a, person_b) VALUES (?, ?) ON CONFLICT DO NOTHING",
                   (min(keep, third), max(keep, third)))
    tx.run("DELETE FROM people WHERE id = ?", (other,))
    refresh_keys(tx, {keep})


# One mention's key added to its person's summary (CASE, not min/max: the same SQL on both backends).
_ADD_PERSON_KEY = (
    "INSERT INTO person_keys (person_id, key, mentions, first_seen, last_seen) VALUES (?, ?, 1, ?, ?) "
    "ON CONFLICT (person_id, key) DO UPDATE SET mentions = person_keys.mentions + 1, "
    "first_seen = CASE WHEN person_keys.first_seen IS NULL OR excluded.first_seen < person_keys.first_seen "
    "THEN excluded.first_seen ELSE person_keys.first_seen END, "
    "last_seen = CASE WHEN person_keys.last_seen IS NULL OR excluded.last_seen > person_keys.last_seen "
    "THEN excluded.last_seen ELSE person_keys.last_seen END"
)


def refresh_keys(tx: Tx, person_ids: set[int]) -> None:
    """Recount these people's keys from their mentions (after a merge, a split or a replaced article)."""
    for pid in sorted(person_ids):
        tx.run("DELETE FROM person_keys WHERE person_id = ?", (pid,))
        tx.run("INSERT INTO person_keys (person_id, key, mentions, first_seen, last_seen) "
               "SELECT m.person_id, k.key, count(*), min(a.published), max(a.published) FROM mention_keys k "
               "JOIN mentions m ON m.id = k.mention_id JOIN articles a ON a.id = m.article_id "
               "WHERE m.person_id = ? GROUP BY m.person_id, k.key", (pid,))


def forget_orphans(tx: Tx, person_ids: set[int]) -> None:
    """Recount the keys of people whose mentions went with a replaced article version, and
    delete those left without mentions or pins."""
    refresh_keys(tx, person_ids)
    for pid in sorted(person_ids):
        if not tx.scalar("SELECT 1 FROM mentions WHERE person_id = ? LIMIT 1", (pid,)) and \
                not tx.scalar("SELECT 1 FROM pins WHERE person_id = ? LIMIT 1", (pid,)):
            tx.run("DELETE FROM people WHERE id = ?", (pid,))
