"""Statement links in the record: inside an article and across articles, in any ingest order.

The ferry-contract story (tests/fixtures/statements/ferry-contract-*.txt, our own
writing) is told in three articles naming the minister differently: a statement
(``Transport Minister Alan Pryce``), a reaction a day later (``Transport Minister
Pryce``/``Mr Pryce``/``the minister``) and a retraction a week later (``The transport
minister``/``Mr Pryce``). Articles are extracted once by the real pipeline and
written to real SQLite files (and once to PostgreSQL) in every order.
"""
from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from onrecord.article import Article
from onrecord.extract import extract_articles
from onrecord.models import Entity, Extraction, Link, Quote, Span, Speaker, Target
from onrecord.record import open_store
from onrecord.record.linking import target_key

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "statements"
STORY = [("statement", "2024-03-04", "Island Times"), ("reaction", "2024-03-05", "Kellan Courier"),
         ("retraction", "2024-03-11", "Island Times")]


@pytest.fixture(scope="module")
def ferry():
    """The three articles and their extractions, in story order."""
    articles = []
    for name, published, outlet in STORY:
        text = (FIXTURES / f"ferry-contract-{name}.txt").read_text(encoding="utf-8")
        articles.append(Article(text=text, doc_id=f"ferry-{name}", title=text.split("\n", 1)[0],
                                published=published, outlet=outlet))
    return list(zip(articles, extract_articles(articles)))


def links(url: str) -> set[tuple[str, str, str, str, str]]:
    """(from doc, from words, type, to doc, to words) of every link on record, ids left out."""
    with open_store(url) as store, store.transaction(write=False) as tx:
        rows = tx.all(
            "SELECT fa.doc_id, f.content, l.type, ta.doc_id, t.content FROM links l "
            "JOIN quotes f ON f.id = l.from_quote JOIN quotes t ON t.id = l.to_quote "
            "JOIN articles fa ON fa.id = f.article_id JOIN articles ta ON ta.id = t.article_id")
    return {(a, b[:40], c, d, e[:40]) for a, b, c, d, e in rows}


def ingest(url: str, items, order) -> None:
    with open_store(url) as store:
        for i in order:
            store.add(*items[i])


def links_in_every_order(items, folder: Path, name: str) -> set:
    """The links of the three articles ingested in each of the six orders; fails unless all agree."""
    found = {}
    for order in itertools.permutations(range(3)):
        url = str(folder / (name + "-" + "".join(map(str, order)) + ".db"))
        ingest(url, items, order)
        found[order] = links(url)
    first = found[(0, 1, 2)]
    assert all(got == first for got in found.values()), {o: got ^ first for o, got in found.items() if got != first}
    return first


def test_the_story_links_the_same_in_every_order(ferry, tmp_path):
    first = links_in_every_order(ferry, tmp_path, "ferry")
    to_statement = {(src, kind) for src, _, kind, dst, words in first
                    if dst == "ferry-statement" and "best deal islanders" in words}
    assert ("ferry-retraction", "retracts") in to_statement
    assert ("ferry-retraction", "apologises_for") in to_statement
    assert ("ferry-reaction", "reacts_to") in to_statement


def test_links_carry_evidence_and_confidence(ferry, tmp_path):
    url = str(tmp_path / "ferry.db")
    ingest(url, ferry, (2, 1, 0))
    with open_store(url) as store, store.transaction(write=False) as tx:
        rows = tx.all("SELECT type, confidence, evidence, scope FROM links")
    assert rows
    for kind, confidence, evidence, scope in rows:
        assert 0.0 < confidence <= 1.0 and evidence and scope in ("article", "record")
    retracts = [r for r in rows if r[0] == "retracts"]
    assert retracts and "shared words" in retracts[0][2] and retracts[0][3] == "record"


def test_reingesting_rederives_links_without_duplicates(ferry, tmp_path):
    url = str(tmp_path / "ferry.db")
    ingest(url, ferry, (0, 1, 2))
    before = links(url)
    with open_store(url) as store:
        def count() -> int:
            with store.transaction(write=False) as tx:
                return tx.scalar("SELECT count(*) FROM links")

        n = count()
        article, extraction = ferry[0]
        assert store.add(article, extraction) == "skipped"
        # A corrected version of the statement article replaces the old one: links follow it.
        fixed = Article(text=article.text + "\n\nThis article was corrected on 5 March.", doc_id=article.doc_id,
                        title=article.title, published=article.published, outlet=article.outlet)
        [fixed_extraction] = extract_articles([fixed])
        assert store.add(fixed, fixed_extraction) == "replaced"
        assert count() == n
    assert links(url) == before


def test_links_inside_one_article_are_stored(tmp_path):
    text = (FIXTURES / "wind-farm-u-turn.txt").read_text(encoding="utf-8")
    article = Article(text=text, doc_id="wind-farm", published="2024-04-02")
    [extraction] = extract_articles([article])
    expected = {(q.id, link.type, link.to) for q in extraction.quotes for link in q.links}
    assert expected, "the fixture is written to give links inside the article"
    url = str(tmp_path / "wind.db")
    with open_store(url) as store:
        store.add(article, extraction)
        with store.transaction(write=False) as tx:
            stored = set(tx.all("SELECT f.qid, l.type, t.qid FROM links l JOIN quotes f ON f.id = l.from_quote "
                                "JOIN quotes t ON t.id = l.to_quote WHERE l.scope = 'article'"))
    assert stored == expected


def test_postgres_gives_the_links_sqlite_gives(ferry, tmp_path, postgres_url):
    sqlite_url = str(tmp_path / "ferry.db")
    ingest(sqlite_url, ferry, (2, 0, 1))
    ingest(postgres_url, ferry, (2, 0, 1))
    assert links(postgres_url) == links(sqlite_url)
    with open_store(postgres_url) as store:
        store.relink()
    assert links(postgres_url) == links(sqlite_url)


def _made(doc_id: str, published: str, who: Entity, said: str, kind: str = "claim",
          target: Target | None = None) -> tuple[Article, Extraction]:
    """One stored-shape article by hand: a line of text and its one statement."""
    text = f"{said} {who.name} said."
    quote = Quote(content=(Span(0, len(said), said),), kind="indirect", speaker=Speaker(who.id, who.name, "person"),
                  id="q1", type=kind, target=target)
    return (Article(text=text, doc_id=doc_id, published=published),
            Extraction(doc_id=doc_id, text=text, quotes=(quote,), speakers=(who,)))


def test_a_name_seen_later_links_earlier_reactions_in_any_order(tmp_path):
    """A reaction aimed at 'Delphine' reaches Delphine Arkwright's statement once some article calls
    her that, even when that article comes after the reaction in time (PolNeAR had 'Jeb')."""
    arkwright = Entity("e1", "Delphine Arkwright", "person")
    items = [
        _made("tunnel", "2024-06-01", arkwright, "The harbour tunnel will open next spring on budget"),
        _made("fenn", "2024-06-03", Entity("e1", "Tobias Fenn", "person"),
              "Her promise on the harbour tunnel budget is a fantasy", "criticism", Target("Delphine", "person")),
        _made("profile", "2024-06-05", Entity("e1", "Delphine", "person", aliases=("Delphine Arkwright",)),
              "The tunnel budget was set by engineers"),
    ]
    first = links_in_every_order(items, tmp_path, "delphine")
    assert ("fenn", "reacts_to", "tunnel") in {(a, c, d) for a, _, c, d, _ in first}


def test_a_retraction_linked_to_its_own_later_words_still_takes_back_the_earlier_article(tmp_path):
    """'"I was wrong to say …"' linked in its article to the explanation told after it (shared
    words) still retracts what an earlier article reported her saying."""
    keane = Entity("e1", "Marion Keane", "person")
    said = "Clean Rivers Now planned violence at the Harlow protest"
    wrong = "I was wrong to say that Clean Rivers Now planned violence at the Harlow protest"
    review = "A review found nothing to show Clean Rivers Now planned violence at the protest"
    text = f"{wrong}, she said. {review}, Marion Keane said."
    speaker = Speaker("e1", "Marion Keane", "person")
    quotes = (
        Quote(content=(Span(0, len(wrong), wrong),), kind="direct", speaker=speaker, id="q1", type="retraction",
              links=(Link("retracts", "q2", 0.8, "retracts: same speaker; shared words: planned, violence"),)),
        Quote(content=(Span(text.index(review), text.index(review) + len(review), review),), kind="indirect",
              speaker=speaker, id="q2", type="claim"),
    )
    items = [_made("claim", "2024-05-06", keane, said),
             _made("group", "2024-05-07", Entity("e1", "Priya Lennox", "person"), "The group has always protested peacefully"),
             (Article(text=text, doc_id="sorry", published="2024-05-13"),
              Extraction(doc_id="sorry", text=text, quotes=quotes, speakers=(keane,)))]
    found = {(a, c, d) for a, _, c, d, _ in links_in_every_order(items, tmp_path, "keane")}
    assert {("sorry", "retracts", "sorry"), ("sorry", "retracts", "claim")} <= found


def test_a_retraction_takes_back_the_remark_not_a_later_denial_naming_the_same_man(tmp_path):
    """A possessive names the man as his name does ('Ortega's service' ~ 'Luis Ortega'): the remark
    shares as many words with the retraction as the office's later denial does, and came first."""
    whitcombe = Entity("e1", "Dana Whitcombe", "person")
    items = [
        _made("remark", "2025-03-03", whitcombe, "Luis Ortega likes to talk about his service but he spent "
              "his deployment in an office in Qatar", "criticism", Target("Luis Ortega", "person")),
        _made("denial", "2025-03-07", whitcombe, "a report that she was resigning over her remarks about "
              "Luis Ortega's military service", "denial"),
        _made("sorry", "2025-03-10", whitcombe, "Last weekend I said something about Luis Ortega's service "
              "that was wrong and I retract it", "retraction", Target("Dana Whitcombe", "statement")),
    ]
    found = {(a, c, d) for a, _, c, d, _ in links_in_every_order(items, tmp_path, "ortega")}
    assert ("sorry", "retracts", "remark") in found and ("sorry", "retracts", "denial") not in found


def test_a_replaced_version_that_drops_a_name_takes_its_links_with_it(store_url, tmp_path):
    """The only article calling Delphine Arkwright 'Delphine' is corrected to her full name: the
    reaction aimed at 'Delphine' no longer reaches her, as if the correction had come first
    (SQLite, then PostgreSQL)."""
    arkwright = Entity("e1", "Delphine Arkwright", "person")
    tunnel = _made("tunnel", "2024-06-01", arkwright, "The harbour tunnel will open next spring on budget")
    fenn = _made("fenn", "2024-06-03", Entity("e1", "Tobias Fenn", "person"),
                 "Her promise on the harbour tunnel budget is a fantasy", "criticism", Target("Delphine", "person"))
    profile = _made("profile", "2024-06-05", Entity("e1", "Delphine", "person", aliases=("Delphine Arkwright",)),
                    "The tunnel budget was set by engineers")
    corrected = _made("profile", "2024-06-05", arkwright, "The tunnel budget was set by the engineers")
    ingest(store_url, [tunnel, fenn, profile, corrected], (0, 1, 2))
    assert ("fenn", "reacts_to", "tunnel") in {(a, c, d) for a, _, c, d, _ in links(store_url)}
    with open_store(store_url) as store:
        assert store.add(*corrected) == "replaced"
    fresh = str(tmp_path / "fresh.db")
    ingest(fresh, [tunnel, fenn, corrected], (0, 1, 2))
    assert links(store_url) == links(fresh)
    assert ("fenn", "reacts_to", "tunnel") not in {(a, c, d) for a, _, c, d, _ in links(store_url)}


def _undone(url: str) -> set[str]:
    """The link types the retraction article has to the statement article."""
    return {kind for src, _, kind, dst, _ in links(url) if src == "ferry-retraction" and dst == "ferry-statement"}


def test_split_and_merge_relink_across_articles(ferry, store_url):
    """A correction of who is who moves the links with it: the retraction stops retracting
    the statement of someone the user says is another person, and retracts it again once merged
    (SQLite, then PostgreSQL)."""
    url = store_url
    ingest(url, ferry, (0, 1, 2))
    before = links(url)
    assert _undone(url) == {"retracts", "apologises_for"}
    with open_store(url) as store:
        new = store.split("Alan Pryce", ["Pryce"])
    assert _undone(url) == set()
    assert ("ferry-reaction", "reacts_to") in {(s, k) for s, _, k, d, _ in links(url) if d == "ferry-statement"}
    with open_store(url) as store:
        store.merge("Alan Pryce", f"#{new.id}")
    assert links(url) == before


def test_relinking_statements_without_same_quote_pairs(ferry, store_url):
    """A correction whose moved mentions have no statements relinks others with no same_quote
    pairs at all; the SQL must not hold an empty IN list, which PostgreSQL refuses."""
    from onrecord.record.linking import article_rows, relink_rows

    ingest(store_url, ferry, (0, 1, 2))
    before = links(store_url)
    with open_store(store_url) as store, store.transaction() as tx:
        reaction = tx.scalar("SELECT id FROM articles WHERE doc_id = 'ferry-reaction'")
        relink_rows(tx, article_rows(tx, reaction), [])
    assert links(store_url) == before


def test_relink_gives_an_old_record_its_links(ferry, tmp_path):
    """A record written before migration 4 (no target keys, no links across articles)
    gets, through `onrecord relink`, the links ingest gives today; a second run changes nothing."""
    import json

    from typer.testing import CliRunner

    from onrecord.cli import app

    url = str(tmp_path / "ferry.db")
    ingest(url, ferry, (2, 1, 0))
    want = links(url)
    with open_store(url) as store, store.transaction() as tx:
        tx.run("UPDATE quotes SET target_key = NULL")
        tx.run("DELETE FROM links WHERE scope = 'record'")
    assert links(url) != want
    runner = CliRunner()
    first = runner.invoke(app, ["relink", "--db", url, "--format", "json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert summary["articles"] == 3 and summary["target_keys"] > 0
    assert set(summary["before"].values()) == {0}
    # the lede's 'The transport minister has withdrawn his claim' and the letter's 'I withdraw my remark'
    assert summary["after"]["retracts"] == 2 and summary["after"]["reacts_to"] >= 1
    assert links(url) == want
    again = runner.invoke(app, ["relink", "--db", url], env={"COLUMNS": "120"})
    assert again.exit_code == 0 and "reacts_to" in again.output and "target" not in again.output
    assert links(url) == want


@pytest.mark.parametrize("target, expected", [
    (Target("Alan Pryce", "person"), "l:pryce"),
    (Target("Pryce", "statement"), "l:pryce"),
    (Target("Northsea Lines", "organization"), "o:northsea lines"),
    (Target("the board", "other"), None),
    (Target("any allegations of impropriety", "statement"), None),
    (None, None),
])
def test_target_keys(target, expected):
    assert target_key(target) == expected


# -- `onrecord timeline`: the record layer's query and the CLI over it --------------------------
def test_timeline_shows_reactions_and_retractions(ferry, tmp_path):
    from onrecord.record.timeline import timeline

    url = str(tmp_path / "ferry.db")
    ingest(url, ferry, (1, 2, 0))
    with open_store(url) as store:
        t = timeline(store, "Alan Pryce")
    assert t.name == "Alan Pryce"
    assert [e.statement.published for e in t.entries] == sorted(e.statement.published for e in t.entries)
    [best] = [e for e in t.entries if "best deal islanders" in e.statement.content
              and e.statement.doc_id == "ferry-statement"]
    assert {x.type for x in best.undone_by} == {"retracts", "apologises_for"}
    assert best.reactions and all(x.speaker != "Alan Pryce" for x in best.reactions)


def test_timeline_command(ferry, tmp_path):
    import json

    from typer.testing import CliRunner

    from onrecord.cli import app

    url = str(tmp_path / "ferry.db")
    ingest(url, ferry, (0, 1, 2))
    runner = CliRunner()
    table = runner.invoke(app, ["timeline", "Pryce", "--db", url], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "Alan Pryce" in table.output and "retracted it" in table.output and "reacted" in table.output
    as_json = runner.invoke(app, ["timeline", "Alan Pryce", "--format", "json", "--db", url])
    data = json.loads(as_json.output)
    assert data["name"] == "Alan Pryce" and any(e["undone_by"] for e in data["entries"])
    missing = runner.invoke(app, ["timeline", "Nobody Here", "--db", url])
    assert missing.exit_code != 0 and "no one called 'Nobody Here'" in missing.output
    bad = runner.invoke(app, ["timeline", "Pryce", "--format", "csv", "--db", url])
    assert bad.exit_code != 0 and "choose table, json" in bad.output


def test_timeline_says_where_a_repeated_quote_was_first_reported(tmp_path):
    from typer.testing import CliRunner

    from onrecord.cli import app

    whitcombe = Entity("e1", "Dana Whitcombe", "person")
    said = "Luis Ortega spent his deployment in an air-conditioned office and that is not combat"
    first, again = _made("remark", "2025-03-03", whitcombe, said), _made("again", "2025-03-13", whitcombe, said)
    first = (Article(text=first[0].text, doc_id="remark", published="2025-03-03", outlet="Columbus Ledger"), first[1])
    url = str(tmp_path / "repeat.db")
    ingest(url, [first, again], (1, 0))
    out = CliRunner().invoke(app, ["timeline", "Dana Whitcombe", "--db", url], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "same words as Dana Whitcombe" in out.output and "(2025-03-03, Columbus Ledger)" in out.output


def test_timeline_lines_wrap_whole_and_name_how_and_where_others_reacted(ferry, tmp_path):
    """Piped or on a narrow terminal, no entry is cut off; a reaction says what kind it was and where it
    appeared, in the table and in the JSON."""
    import json

    from typer.testing import CliRunner

    from onrecord.cli import app

    url = str(tmp_path / "ferry.db")
    ingest(url, ferry, (0, 1, 2))
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["timeline", "Alan Pryce", "--format", "json", "--db", url]).output)
    reactions = [r for e in data["entries"] for r in e["reactions"]]
    assert reactions and all(r["statement_type"] and r["doc_id"] for r in reactions)
    table = runner.invoke(app, ["timeline", "Alan Pryce", "--db", url], env={"COLUMNS": "80"})
    assert table.exit_code == 0, table.output
    flat = " ".join(line.strip(" │├└─") for line in table.output.splitlines())
    for e in data["entries"]:
        assert f"#{e['statement']['id']})" in flat  # every entry's closing id: nothing cut at the edge
    assert f"reacted ({reactions[0]['statement_type']})" in flat


PLEDGE = "We will recruit ten thousand nurses over five years and we will not apologise for putting patients first"
REPORTS = [  # (doc id, outlet, day, text): one pledge reported four ways, and another pledge
    ("full", "Island Times", "2024-05-01", f'"{PLEDGE}," Health Secretary Harold Benning said on Monday.'),
    ("elided", "Kellan Courier", "2024-05-02",
     '"We will recruit ten thousand nurses … and we will not apologise for putting patients first," '
     "Health Secretary Harold Benning said."),
    ("other-pledge", "Island Times", "2024-06-10",
     '"We will recruit ten thousand teachers over five years and we will not apologise for putting pupils first," '
     "Harold Benning said on Monday."),
    ("fragment", "Bay Radio", "2024-05-03",
     "Harold Benning said he would not apologise. Benning said that patients came first."),
    ("again", "Bay Radio", "2024-05-20", f'Harold Benning repeated his pledge: "{PLEDGE}."'),
]


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 3, 2, 1, 0), (1, 4, 0, 3, 2)])
def test_each_repeat_links_to_the_first_report_of_its_words_in_any_order(tmp_path, order):
    """Elided or not, across outlets, and never another pledge; one link per repeat, to the first
    report (every pair was linked: a stock line said n times made n²/2 links)."""
    articles = [Article(text=text, doc_id=doc, title=doc, published=day, outlet=outlet)
                for doc, outlet, day, text in REPORTS]
    url = str(tmp_path / "pledge.db")
    ingest(url, list(zip(articles, extract_articles(articles))), order)
    same = {(a, c) for a, _, kind, c, _ in links(url) if kind == "same_quote"}
    assert same == {("elided", "full"), ("again", "full")}


def test_a_record_linked_pair_by_pair_keeps_only_the_links_to_first_reports(tmp_path):
    articles = [Article(text=text, doc_id=doc, title=doc, published=day, outlet=outlet)
                for doc, outlet, day, text in REPORTS]
    url = str(tmp_path / "older.db")
    ingest(url, list(zip(articles, extract_articles(articles))), range(len(articles)))
    with open_store(url) as store, store.transaction() as tx:  # as the rule before migration 9 linked them
        again, elided = (tx.scalar("SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id "
                                   "WHERE a.doc_id = ? AND q.kind = 'direct'", (doc,)) for doc in ("again", "elided"))
        tx.run("INSERT INTO links (from_quote, to_quote, type, confidence, evidence, scope) "
               "VALUES (?, ?, 'same_quote', 0.9, 'pair', 'record')", (again, elided))
        tx.run("DELETE FROM schema_migrations WHERE version >= 9")
    assert sqlite3.connect(url).execute("SELECT count(*) FROM links WHERE type = 'same_quote'").fetchone() == (3,)
    same = {(a, c) for a, _, kind, c, _ in links(url) if kind == "same_quote"}
    assert same == {("elided", "full"), ("again", "full")}
