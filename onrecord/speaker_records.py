"""What speaker resolution found, as the records extraction returns: each resolved entity gets an id
unique in the article (its name's slug, numbered when two share it), each statement a ``Speaker``,
and the article its speakers as ``Entity`` records."""
from __future__ import annotations

from .mentions import Entity
from .name_words import PERSON_PRONOUNS, slug
from .models import Entity as EntityRecord, Speaker

FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# A source that is only one of these names nobody when it stays unresolved: no speaker (the quote
# keeps its source), rather than a person called 'They' or 'It' in the record.
_BARE = PERSON_PRONOUNS | FIRST_PERSON | frozenset(
    "you your it its they them their one someone somebody anyone 's ’s who whom that which".split())  # not 'those trailing them'


def speaker_ids(entities: list[Entity]) -> dict[int, str]:
    ids: dict[int, str] = {}
    used: set[str] = set()
    for e in entities:
        if e.key in ids:
            continue
        base = sid = slug(e.name)
        n = 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        ids[e.key] = sid
        used.add(sid)
    return ids


def speaker(entity: Entity | None, role: str | None, fallback: str | None, ids: dict[int, str]) -> Speaker | None:
    if entity is None:
        if not fallback or fallback.lower() in _BARE:
            return None
        return Speaker(id=slug(fallback), name=fallback, kind="unknown")
    return Speaker(ids[entity.key], entity.name, entity.kind, role or (entity.roles[0] if entity.roles else None))


def in_order(resolved: dict) -> list[Entity]:
    """The entities statements resolved to, each once, in the order first resolved."""
    seen: dict[int, Entity] = {}
    for entity, _, _ in resolved.values():
        if entity is not None and entity.key not in seen:
            seen[entity.key] = entity
    return list(seen.values())


def entity_record(e: Entity, sid: str) -> EntityRecord:
    aliases = tuple(n for n in e.names if n != e.name)
    return EntityRecord(sid, e.name, e.kind, aliases, tuple(e.roles), tuple(e.affiliations))
