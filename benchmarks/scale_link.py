"""The cross-article steps at growing record sizes (``scale.py --link``).

The record is filled up to each size with synthetic articles written straight into
the tables (bulk inserts, no linking: the rows the record's own code would have
written, each synthetic speaker one person), then the last ``step`` articles before
the size are stored with the record's own ``store.add`` and the two cross-article
steps it runs are timed: people across articles (``people.link_entity``) and
statement links across articles (``linking.link_across``).

Statements are made to exercise both steps: claims and commitments, reactions
(criticism, support, denial) aimed at someone on record by surname or full name,
retractions and apologies of what the speaker said, and repeated quotes. Articles
come in date order, about 250 a day (with a few days of disorder), so the record
spans more days as it grows, as an archive does.
"""
from __future__ import annotations

import importlib
import json
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from onrecord.article import Article
from onrecord.models import Entity, Extraction, Quote, Span, Speaker, Target
from onrecord.record.people import mention_keys, profile

ingest_module = importlib.import_module("onrecord.record.ingest")  # the package re-exports a function `ingest`

PER_DAY = 250
FIRST_DAY = date(2020, 1, 1)
TYPES = ("claim", "commitment", "criticism", "support", "denial", "retraction", "apology")
WEIGHTS = (50, 10, 15, 10, 8, 4, 3)
REPEAT = 0.15  # a speaker repeats something they said before (the same quote in two articles)


class Synthetic:
    """Article ``n`` of the stream, the same whichever way (bulk or ``store.add``) it is written."""

    def __init__(self, people: list[tuple[str, str, str]], claim) -> None:
        self.rng, self.people, self.claim = random.Random(11), people, claim
        self.said: dict[str, list[str]] = {}

    def extraction(self, n: int) -> tuple[Article, Extraction]:
        rng = self.rng
        # New people keep appearing as the record grows (about one for every two articles).
        pool = self.people[:max(10, min(len(self.people), n // 2))]
        cast = rng.sample(pool, 3)
        day = FIRST_DAY + timedelta(days=max(0, n // PER_DAY - rng.randrange(3)))
        entities = tuple(Entity(f"p{i}", f"{f} {s}", "person", aliases=(s,), roles=(role,))
                         for i, (f, s, role) in enumerate(cast))
        text, quotes = f"Article {n}.", []
        for k in range(5):
            speaker = rng.choice(entities)
            kind = rng.choices(TYPES, WEIGHTS)[0]
            content, target = self._content(rng, speaker.name, kind), None
            if kind in ("criticism", "support", "denial"):
                first, last, _ = rng.choice(pool)
                target = Target(last if rng.random() < 0.5 else f"{first} {last}",
                                "statement" if rng.random() < 0.3 else "person")
            start = len(text) + 1
            text += " " + content + "."
            quotes.append(Quote(content=(Span(start, start + len(content), content),), kind="direct",
                                id=f"q{k + 1}", speaker=Speaker(speaker.id, speaker.name, "person",
                                                                speaker.roles[0]),
                                type=kind, type_confidence=0.8, target=target))
        article = Article(text=text, doc_id=f"link-{n}", published=day.isoformat(),
                          outlet=rng.choice(("Kestrel Bay Chronicle", "Greywater Gazette",
                                             "Northmoor Evening Post", "Harbour Weekly")))
        return article, Extraction(article.doc_id, text, tuple(quotes), entities)

    def _content(self, rng: random.Random, speaker: str, kind: str) -> str:
        said = self.said.setdefault(speaker, [])
        if kind in ("retraction", "apology") and said:
            return f"I was wrong to say that {rng.choice(said).lower()}"
        if said and rng.random() < REPEAT:
            return rng.choice(said)
        content = self.claim(rng)
        said.append(content)
        del said[:-20]
        return content


# -- bulk filling -------------------------------------------------------------------------------
class Bulk:
    """Writes articles ``n`` of the stream straight into the record's tables, in big batches."""

    def __init__(self, url: str) -> None:
        self.url, self.postgres = url, url.startswith("postgresql")
        if self.postgres:
            import psycopg

            self.conn = psycopg.connect(url, autocommit=False)
        else:
            self.conn = sqlite3.connect(url, isolation_level=None)
            self.conn.execute("PRAGMA synchronous=OFF")
        self.profiles: dict[tuple, tuple] = {}

    def close(self) -> None:
        self.conn.close()

    def _query(self, sql: str) -> list[tuple]:
        cur = self.conn.cursor()
        cur.execute(sql)
        rows = cur.fetchall()
        cur.close()
        return rows

    def fill(self, synthetic: Synthetic, start: int, stop: int, batch: int = 5000) -> None:
        # Continue where the record stands: people made so far (by name) and the last ids.
        people = {name: pid for pid, name in self._query("SELECT id, name FROM people")}
        ids = {t: self._query(f"SELECT coalesce(max(id), 0) FROM {t}")[0][0]
               for t in ("articles", "mentions", "people")}
        for first in range(start, stop, batch):
            rows: dict[str, list[tuple]] = {t: [] for t in ("people", "articles", "mentions", "mention_facts",
                                                             "mention_keys", "quotes")}
            for n in range(first, min(stop, first + batch)):
                self._rows(rows, ids, people, *synthetic.extraction(n))
            self._write(rows)
        self._finish()

    def _rows(self, rows: dict, ids: dict, people: dict, article: Article, extraction: Extraction) -> None:
        ids["articles"] += 1
        aid = ids["articles"]
        rows["articles"].append((aid, article.doc_id, 1, 1, ingest_module.content_hash(article), article.doc_id,
                                 article.doc_id, None, None, article.published, article.outlet, article.text,
                                 "2024-01-01T00:00:00+00:00"))
        mention_of = {}
        for e in extraction.speakers:
            p, keys = self._profile(e, article.outlet)
            if p.display not in people:
                ids["people"] += 1
                people[p.display] = ids["people"]
                rows["people"].append((ids["people"], p.display, p.kind, 1, "2024-01-01T00:00:00+00:00"))
                score, reason = None, "new person: no one on record with this name or role"
            else:
                score, reason = 3.0, f"same name {' '.join(p.names[0])!r}"
            ids["mentions"] += 1
            mid = mention_of[e.id] = ids["mentions"]
            rows["mentions"].append((mid, aid, p.local_id, p.display, p.kind, people[p.display], score, reason))
            rows["mention_facts"] += [(mid, "alias", a) for a in p.aliases] + [(mid, "role", r) for r in p.roles]
            rows["mention_keys"] += [(mid, k) for k in keys]
        rows["quotes"] += [ingest_module._quote_row(aid, article, i, q, mention_of)
                           for i, q in enumerate(extraction.quotes)]

    def _profile(self, entity: Entity, outlet: str | None):
        key = (entity.id, entity.name, entity.roles, outlet)
        if key not in self.profiles:
            p = profile(entity)
            self.profiles[key] = (p, sorted(mention_keys(p, outlet)))
        return self.profiles[key]

    def _write(self, rows: dict[str, list[tuple]]) -> None:
        columns = {
            "people": "id, name, kind, named, created_at",
            "articles": "id, key, version, is_current, content_hash, doc_id, source, url, title, published, "
                        "outlet, text, ingested_at",
            "mentions": "id, article_id, local_id, name, kind, person_id, score, reason",
            "mention_facts": "mention_id, fact, value",
            "mention_keys": "mention_id, key",
            "quotes": ingest_module._QUOTE_SQL.split("(", 1)[1].split(")", 1)[0],
        }
        cur = self.conn.cursor()
        if not self.postgres:
            cur.execute("BEGIN")
        for table, cols in columns.items():
            if self.postgres:
                with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in rows[table]:
                        copy.write_row(row)
            else:
                cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({','.join('?' * (cols.count(',') + 1))})",
                                rows[table])
        self.conn.commit() if self.postgres else cur.execute("COMMIT")
        cur.close()

    def _finish(self) -> None:
        """Each person's key summary from the mentions (as migration 2 builds it); PostgreSQL's
        id sequences past the ids written here, and fresh planner statistics (autovacuum's job)."""
        cur = self.conn.cursor()
        if not self.postgres:
            cur.execute("BEGIN")
        cur.execute("DELETE FROM person_keys")
        cur.execute("INSERT INTO person_keys (person_id, key, mentions, first_seen, last_seen) "
                    "SELECT m.person_id, k.key, count(*), min(a.published), max(a.published) "
                    "FROM mention_keys k JOIN mentions m ON m.id = k.mention_id "
                    "JOIN articles a ON a.id = m.article_id WHERE m.person_id IS NOT NULL GROUP BY m.person_id, k.key")
        if self.postgres:
            for table in ("articles", "mentions", "people"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT coalesce(max(id), 1) FROM {table}))")
            self.conn.commit()
            self.conn.autocommit = True
            cur.execute("ANALYZE")
            self.conn.autocommit = False
        else:
            cur.execute("COMMIT")
        cur.close()


# -- timing -------------------------------------------------------------------------------------
@contextmanager
def _timed_steps(spent: dict[str, float]) -> Iterator[None]:
    """Wrap the two steps where ingest calls them, adding their time to ``spent``."""
    originals = {name: getattr(ingest_module, name) for name in spent}

    def timed(name):
        def call(*args, **kwargs):
            started = time.perf_counter()
            try:
                return originals[name](*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started
        return call

    for name in spent:
        setattr(ingest_module, name, timed(name))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(ingest_module, name, function)


def bench_link(url: str, statements: list[int], people: list[tuple[str, str, str]], claim,
               step: int = 1000, shared_roles: bool = False, store_name: str = "") -> list[dict]:
    """Fill the record up to each statement count; time the cross-article steps over the last ``step`` articles."""
    from onrecord.record import open_store

    open_store(url).close()  # create the schema
    synthetic, rows, n = Synthetic(people, claim), [], 0
    spent = {"link_entity": 0.0, "link_across": 0.0}
    for target in sorted(statements):
        fill_to = max(n, target // 5 - step)
        started = time.perf_counter()
        bulk = Bulk(url)
        bulk.fill(synthetic, n, fill_to)
        bulk.close()
        filled, n = time.perf_counter() - started, fill_to
        with open_store(url) as store:
            with _timed_steps(spent):
                before, started = dict(spent), time.perf_counter()
                for _ in range(step):
                    store.add(*synthetic.extraction(n))
                    n += 1
                wall = time.perf_counter() - started
            counts = store.counts()
        rows.append({"store": store_name, "statements": counts.quotes, "articles": counts.articles,
                     "people": counts.people, "shared_roles": shared_roles, "bulk_seconds": round(filled, 1),
                     "people_ms_per_statement": round(1000 * (spent["link_entity"] - before["link_entity"])
                                                      / (step * 5), 4),
                     "statements_ms_per_statement": round(1000 * (spent["link_across"] - before["link_across"])
                                                          / (step * 5), 4),
                     "store_ms_per_article": round(1000 * wall / step, 3)})
        print(json.dumps(rows[-1]), flush=True)
    return rows
