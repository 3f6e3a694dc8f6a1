"""The store contract: the same behaviour from a real SQLite file and a real PostgreSQL server.

Articles and their extractions here are fictional (people, places and outlets
we made up), written as the extractor reports them, so that these tests pin
the record's behaviour whatever the extraction rules find.
"""
from __future__ import annotations

import json

import pytest

from record_helpers import make_article
from onrecord.ingest import iter_articles
from onrecord.models import Entity
from onrecord.record import QueryError, open_store
from onrecord.record.export import export_page
from onrecord.record.schema import SCHEMA_VERSION

FELL = Entity("e1", "Marcus Fell", "person", aliases=("Fell",), roles=("the MP for Ashbury",),
              affiliations=("Conservative",))
HARBOUR = ('Marcus Fell, the MP for Ashbury, said the harbour plan was "a disgrace to the town". '
           'Fell added that he would vote against it.')
HARBOUR_QUOTES = [("a disgrace to the town", "e1", "direct"), ("he would vote against it", "e1", "indirect")]


def harbour(**kw):
    kw = {"published": "2024-03-01", "outlet": "Ashbury Gazette", "url": "https://gazette.example/harbour", **kw}
    return make_article("harbour", HARBOUR, HARBOUR_QUOTES, [FELL], **kw)


def council():
    text = ('Helen Marsh, leader of Ashbury council, said the harbour plan "will bring jobs to the town". '
            'David Marsh, a fisherman, said "it will ruin the harbour for good".')
    return make_article(
        "council", text,
        [("will bring jobs to the town", "e1", "mixed"), ("it will ruin the harbour for good", "e2", "direct")],
        [Entity("e1", "Helen Marsh", "person", roles=("leader of Ashbury council",), affiliations=("Labour",)),
         Entity("e2", "David Marsh", "person", roles=("a fisherman",))],
        published="2024-03-04", outlet="Coastal Courier")


def test_new_record_has_the_latest_schema_and_reopening_keeps_it(store_url):
    with open_store(store_url) as first:
        assert first.schema_version() == SCHEMA_VERSION
        first.add(*harbour())
    with open_store(store_url) as again:  # migrations are not re-applied, data is kept
        assert again.schema_version() == SCHEMA_VERSION
        assert again.counts().articles == 1


def test_an_article_is_stored_once_with_its_quotes(store):
    assert store.add(*harbour()) == "stored"
    assert store.add(*harbour()) == "skipped"
    counts = store.counts()
    assert (counts.articles, counts.versions, counts.quotes, counts.people, counts.mentions) == (1, 1, 2, 1, 1)


def test_a_changed_article_at_the_same_url_replaces_the_old_extraction(store):
    store.add(*harbour())
    text = HARBOUR.replace("a disgrace to the town", "an insult to every fisherman")
    changed = make_article("harbour-v2", text, [("an insult to every fisherman", "e1", "direct")], [FELL],
                           published="2024-03-01", outlet="Ashbury Gazette", url="https://gazette.example/harbour")
    assert store.add(*changed) == "replaced"
    counts = store.counts()
    assert (counts.articles, counts.versions, counts.quotes, counts.people) == (1, 2, 1, 1)
    assert [h.content for h in store.search("fisherman")] == ["an insult to every fisherman"]
    assert store.search("disgrace") == []
    assert store.add(*changed) == "skipped"


@pytest.mark.parametrize("query, expected", [
    ("harbour", ["it will ruin the harbour for good"]),
    ("jobs town", ["will bring jobs to the town"]),
    ('"ruin the harbour"', ["it will ruin the harbour for good"]),
    ("jobs OR disgrace", ["will bring jobs to the town", "a disgrace to the town"]),
    ("town -jobs", ["a disgrace to the town"]),
    ("votes", ["he would vote against it"]),  # stemmed on both backends
    ('"will ruin"', ["it will ruin the harbour for good"]),  # stop words count on both backends
    ("to the", ["will bring jobs to the town", "a disgrace to the town"]),
    ("zeppelin", []),
])
@pytest.mark.parametrize("strategy", ["collect matches", "test each quote"])
def test_full_text_search_finds_quotes_newest_first(store, query, expected, strategy):
    if strategy == "test each quote":
        store.many_matches = 0  # as if every query matched very many quotes
    store.add(*harbour())
    store.add(*council())
    assert [h.content for h in store.search(query)] == expected


def test_search_hits_carry_speaker_article_and_a_highlighted_snippet(store):
    store.add(*harbour())
    [hit] = store.search("disgrace")
    assert (hit.person, hit.speaker, hit.title, hit.published, hit.outlet, hit.kind) == (
        "Marcus Fell", "Marcus Fell", "Harbour", "2024-03-01", "Ashbury Gazette", "direct")
    assert "⟦disgrace⟧" in hit.snippet
    assert hit.url == "https://gazette.example/harbour"


def test_a_hit_without_a_speaker_carries_the_words_the_article_used(store):
    from onrecord import extract
    from onrecord.article import Article

    text = "The toll rose on Monday. They said the toll would ruin them.\n"
    store.add(Article(text=text, doc_id="traders"), extract(text, doc_id="traders"))
    [hit] = store.search("toll")
    assert (hit.speaker, hit.person, hit.source) == (None, None, "They")
    assert hit.to_dict()["source"] == "They"


@pytest.mark.parametrize("filters, expected", [
    ({"speaker": "Helen Marsh"}, ["will bring jobs to the town"]),
    ({"speaker": "Marsh"}, ["it will ruin the harbour for good", "will bring jobs to the town"]),
    ({"speaker": "Nobody Known"}, []),
    ({"since": "2024-03-02"}, ["it will ruin the harbour for good", "will bring jobs to the town"]),
    ({"until": "2024-03-01"}, ["a disgrace to the town", "he would vote against it"]),
    ({"outlet": "ashbury gazette"}, ["a disgrace to the town", "he would vote against it"]),
    ({"kind": "indirect"}, ["he would vote against it"]),
    ({"kind": "mixed", "speaker": "Marcus Fell"}, []),
])
def test_search_filters(store, filters, expected):
    store.add(*harbour())
    store.add(*council())
    assert sorted(h.content for h in store.search(None, **filters)) == sorted(expected)


@pytest.mark.parametrize("query", ['"', "a' OR '1'='1", "'; DROP TABLE quotes; --", "NEAR(", "town*", "{x}:y"])
def test_hostile_queries_are_just_text(store, query):
    store.add(*harbour())
    try:
        store.search(query, speaker=query, outlet=query)
    except QueryError:
        pass  # a query with no words is refused with a message, never a database error
    assert store.counts().quotes == 2


@pytest.mark.parametrize("filters, message", [
    ({"since": "yesterday"}, "--since 'yesterday' is not a date"),
    ({"until": "2024-13-01"}, "--until '2024-13-01' is not a date"),
    ({"kind": "rumour"}, "choose direct, mixed, indirect"),
])
def test_bad_filters_say_what_is_expected(store, filters, message):
    with pytest.raises(QueryError, match=message):
        store.search("town", **filters)


def test_paging_is_stable(store):
    store.add(*harbour())
    store.add(*council())
    everything = [h.id for h in store.search(None, limit=10)]
    pages = [h.id for p in range(4) for h in store.search(None, limit=1, offset=p)]
    assert pages == everything and len(everything) == 4


def test_who_gathers_aliases_roles_affiliations_and_statements_in_time_order(store):
    store.add(*council())
    store.add(*harbour())
    record = store.who("Fell")
    assert record.person.name == "Marcus Fell"
    assert {s.value for s in record.aliases} == {"Marcus Fell", "Fell"}
    assert [(s.value, s.first_seen, s.first_article) for s in record.roles] == [
        ("the MP for Ashbury", "2024-03-01", "harbour")]
    assert [s.value for s in record.affiliations] == ["Conservative"]
    assert [q.content for q in record.statements] == ["a disgrace to the town", "he would vote against it"]


def test_who_an_unknown_name_says_so(store):
    with pytest.raises(QueryError, match="no one called 'Nobody Known' is on record"):
        store.who("Nobody Known")


def test_failures_are_recorded_and_cleared_by_a_later_success(store):
    from onrecord.record.ingest import record_failure

    record_failure(store, "harbour", "extract", "extraction failed: ValueError: boom")
    record_failure(store, "harbour", "extract", "extraction failed: ValueError: boom again")
    [failure] = store.failures()
    assert (failure.source, failure.stage, failure.attempts) == ("harbour", "extract", 2)
    assert "boom again" in failure.reason
    store.add(*harbour(), source="harbour")
    assert store.failures() == []


def test_article_text_search(store):
    store.add(*harbour())
    store.add(*council())
    assert [title for _, title in store.search_articles("fisherman")] == ["Council"]


def test_an_older_record_is_migrated_in_place(store_url):
    """A record made before migrations 2-10 gains person_keys (backfilled), quotes_recent, link scopes,
    day-only quote dates, (SQLite) the newest-first search index, the linking steps' range indexes and
    (PostgreSQL) search that keeps stop words."""
    with open_store(store_url) as old:
        old.add(*harbour())
        with old.transaction() as tx:  # turn it back into a version 1 record
            tx.run("DROP TABLE person_keys")
            tx.run("DROP INDEX quotes_recent")
            tx.run("DROP INDEX quotes_target_day")  # migration 7's, on the column dropped next
            tx.run("ALTER TABLE quotes DROP COLUMN target_key")
            tx.run("ALTER TABLE links DROP COLUMN scope")
            tx.run("UPDATE quotes SET published = published || 'T09:30:00+01:00'")  # as version 1 stored it
            if old.dialect == "postgres":
                tx.run("DROP FUNCTION ulower(text)")  # migration 10's
            if old.dialect == "sqlite":
                for trigger in ("insert", "delete", "update"):
                    tx.run(f"DROP TRIGGER quotes_by_day_{trigger}")
                tx.run("DROP TABLE quotes_by_day")
            tx.run("DELETE FROM schema_migrations WHERE version >= 2")
    with open_store(store_url) as migrated:
        assert migrated.schema_version() == SCHEMA_VERSION == 10
        with migrated.transaction(write=False) as tx:  # migration 5: the day alone
            assert {len(r[0]) for r in tx.all("SELECT published FROM quotes")} == {10}
        assert [h.published for h in migrated.search(None, since="2024-03-01", until="2024-03-01")] == ["2024-03-01"] * 2
        migrated.add(*council())
        assert migrated.who("Fell").person.statements == 2
        assert [h.person for h in migrated.search("disgrace", speaker="Marcus Fell")] == ["Marcus Fell"]
        assert [p.name for p in migrated.people(query="FELL")] == ["Marcus Fell"]  # through ulower()


def _story(folder, name: str, words: str):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'"{words}," harbour master Ines Carvalho said on Monday.\n', encoding="utf-8")
    return path


def _current(store) -> list[tuple[str, int]]:
    with store.transaction(write=False) as tx:
        return sorted(tx.all("SELECT doc_id, version FROM articles WHERE is_current = 1"))


def test_files_of_one_name_in_two_folders_are_two_articles_and_an_edited_file_a_version(store, tmp_path):
    """Keyed by the file's name alone, the second index.html replaced the first (its statements left search)."""
    from onrecord.ingest import iter_articles

    first = _story(tmp_path, "news/dock-strike/index.txt", "The dock strike ends on Friday")
    _story(tmp_path, "news/school-closure/index.txt", "The school stays open")
    assert store.ingest(iter_articles([tmp_path / "news"])).stored == 2
    assert _current(store) == [("index", 1), ("index", 1)]
    _story(tmp_path, "news/dock-strike/index.txt", "The dock strike ends on Saturday")
    assert store.ingest(iter_articles([first])).replaced == 1
    assert _current(store) == [("index", 1), ("index", 2)]
    assert [h.content for h in store.search("strike")] == ['"The dock strike ends on Saturday,"']


def test_a_file_stored_under_its_name_by_an_older_onrecord_gets_its_new_version(store, tmp_path):
    from onrecord.ingest import iter_articles

    path = _story(tmp_path, "pier.txt", "The pier reopens in May")
    store.ingest(iter_articles([path]))
    with store.transaction() as tx:
        tx.run("UPDATE articles SET key = doc_id")  # as keys were before files were keyed by their path
    _story(tmp_path, "pier.txt", "The pier reopens in June")
    assert store.ingest(iter_articles([path])).replaced == 1
    assert _current(store) == [("pier", 2)]


def test_an_export_holds_each_article_with_its_statements_and_reads_back_as_input(store, tmp_path):
    store.add(*harbour())
    text = HARBOUR.replace("a disgrace to the town", "an insult to every fisherman")
    store.add(*make_article("harbour-v2", text, [("an insult to every fisherman", "e1", "direct")], [FELL],
                            published="2024-03-01", outlet="Ashbury Gazette", url="https://gazette.example/harbour"))
    store.add(*council())
    current = list(store.export())
    assert [(a["id"], a["version"], a["published"]) for a in current] == [("harbour-v2", 2, "2024-03-01"),
                                                                          ("council", 1, "2024-03-04")]
    fell = current[0]["statements"][0]
    assert fell["content"] == "an insult to every fisherman" and fell["speaker"]["person"] == "Marcus Fell"
    assert [a["version"] for a in store.export(all_versions=True)] == [1, 2, 1]
    assert export_page(store, after=2**63 - 1) == ([], None)  # past any id: an empty page, not an overflow
    # the lines are JSONL input: the articles read back as they were given
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in current), encoding="utf-8")
    back = list(iter_articles([path]))
    assert [(a.doc_id, a.text, a.url, a.outlet) for a in back] == [
        ("harbour-v2", text, "https://gazette.example/harbour", "Ashbury Gazette"),
        ("council", current[1]["text"], None, "Coastal Courier")]


@pytest.mark.parametrize("typed", ["Élodie", "élodie", "ÉLODIE ÅNGSTRÖM", "élodie ångström"])
def test_names_and_outlets_match_whatever_the_case_of_their_accented_letters(store, typed):
    text = 'Élodie Ångström, the harbour master, said the wall "will hold this winter".'
    store.add(*make_article("wall", text, [("will hold this winter", "e1", "mixed")],
                            [Entity("e1", "Élodie Ångström", "person")], published="2024-03-05", outlet="Écho d'Ashbury"))
    assert [p.name for p in store.people(query=typed)] == ["Élodie Ångström"]
    assert [h.content for h in store.search(outlet="ÉCHO D'ASHBURY")] == ["will hold this winter"]
    if " " in typed:  # a whole name, as `who` and --speaker take it
        assert store.who(typed).person.name == "Élodie Ångström"
