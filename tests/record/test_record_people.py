"""People across articles: names, roles and context link mentions; corrections stick.

The rule tables are plain functions; the linking tests run on both backends
over fictional articles.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from record_helpers import make_article
from onrecord.models import Entity
from onrecord.record import QueryError, open_store
from onrecord.record import people as people_module
from onrecord.record.names import compatible, is_proper_name, name_tokens, role_key, title_keys


@pytest.mark.parametrize("name, expected", [
    ("Crispin Blunt", ("crispin", "blunt")),
    ("Mr Khan", ("khan",)),
    ("Sen. Mara Quill Jr.", ("mara", "quill")),
    ("O’Malley", ("omalley",)),
    ("Zoë Brontë", ("zoe", "bronte")),
    ("Labour's Chris Bryant", ("labour", "chris", "bryant")),
    ("Cllr Sarah Okafor", ("sarah", "okafor")),
    ("Councilwoman Dana Ruiz", ("dana", "ruiz")),
])
def test_name_tokens(name, expected):
    assert name_tokens(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Crispin Blunt", True), ("Blunt", True), ("the Reigate MP", False), ("The Reigate MP", False),
    ("a spokesperson", False), ("officials", False), ("President", False),
    ("Simon Drake's solicitor", False), ("Labour's Chris Bryant", True),
    ("Many Republicans", False), ("Two officials", False), ("critics", False),  # a number of people, or a description
])
def test_is_proper_name(name, expected):
    assert is_proper_name(name) is expected


@pytest.mark.parametrize("role, key, specific", [
    ("the MP for Reigate", "mp reigate", True),
    ("the Reigate MP", "mp reigate", True),
    ("the Conservative MP for Reigate", "mp reigate", True),
    ("the former MP for Reigate", "mp reigate", True),
    ("the president", "president", False),
    ("Labour MP", "mp", False),
    ("a spokesperson", "spokesperson", False),
    ("Simon Drake's solicitor", "drake solicitor", True),  # as "Drake's solicitor"
])
def test_role_key(role, key, specific):
    assert role_key(role) == (key, specific)


@pytest.mark.parametrize("role, name, keys", [
    ("President", "Okafor", {"t:president okafor"}),
    ("the former president", "Tom Okafor", {"t:president okafor"}),
    ("Sen.", "Ann Lee", {"t:senator lee"}),  # abbreviated as written
    ("former Secretary of State", "Ann Lee", {"t:secretary state lee"}),
    ("first lady", "Ruth Okafor", set()),  # no title, a description
    ("the MP for Reigate", "Crispin Blunt", set()),  # specific on its own: a role key
])
def test_title_keys(role, name, keys):
    assert title_keys((role,), (name_tokens(name),)) == keys


@pytest.mark.parametrize("a, b, expected", [
    ("Hillary Clinton", "Hillary Rodham Clinton", True),
    ("H. Clinton", "Hillary Clinton", True),
    ("Hillary Clinton", "Bill Clinton", False),
    ("John A. Smith", "John B. Smith", False),
    ("Mara Quill", "Mara Quill", True),
    ("Quill", "Mara Quill", False),  # a surname alone is not a full name
])
def test_compatible_full_names(a, b, expected):
    assert compatible(name_tokens(a), name_tokens(b)) is expected


def person(name, *, aliases=(), roles=(), affiliations=(), id="e1", kind="person"):
    return Entity(id, name, kind, aliases=tuple(aliases), roles=tuple(roles), affiliations=tuple(affiliations))


def said(doc_id, text, words, speaker, published, outlet, **kw):
    return make_article(doc_id, text, [(words, speaker.id, "direct")], [speaker], published=published,
                        outlet=outlet, **kw)


FELL_FULL = said("fell-1", 'Marcus Fell, the MP for Ashbury, said: "The harbour plan is a disgrace."',
                 "The harbour plan is a disgrace.",
                 person("Marcus Fell", aliases=["Fell"], roles=["the MP for Ashbury"]),
                 "2024-03-01", "Ashbury Gazette")
FELL_SURNAME_ROLE = said("fell-2", 'Fell, the Conservative MP for Ashbury, said: "I will vote against it."',
                         "I will vote against it.",
                         person("Fell", roles=["the Conservative MP for Ashbury"]), "2024-03-02", "Coastal Courier")
FELL_ROLE_ONLY = said("fell-3", 'The Ashbury MP told reporters: "This is not over."', "This is not over.",
                      person("the Ashbury MP"), "2024-03-05", "Northern Post")


def test_a_name_a_surname_with_a_role_and_a_role_alone_are_one_person(store):
    for article in (FELL_FULL, FELL_SURNAME_ROLE, FELL_ROLE_ONLY):
        store.add(*article)
    [fell] = store.people()
    assert (fell.name, fell.statements, fell.articles) == ("Marcus Fell", 3, 3)
    reasons = " | ".join(r for r, _ in store.who("Marcus Fell").reasons)
    assert "shared role 'ashbury mp'" in reasons


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (2, 1, 0)])
def test_role_mentions_link_in_any_order(store, order):
    articles = [FELL_FULL, FELL_SURNAME_ROLE, FELL_ROLE_ONLY]
    for i in order:
        store.add(*articles[i])
    assert [(p.name, p.statements) for p in store.people()] == [("Marcus Fell", 3)]


def test_people_sharing_a_surname_stay_apart(store):
    text = ('Helen Marsh, leader of Ashbury council, said: "The plan brings jobs." '
            'David Marsh, a fisherman, said: "It will ruin the harbour."')
    store.add(*make_article("marsh-1", text, [("The plan brings jobs.", "e1", "direct"),
                                              ("It will ruin the harbour.", "e2", "direct")],
                            [person("Helen Marsh", roles=["leader of Ashbury council"], affiliations=["Labour"]),
                             person("David Marsh", id="e2", roles=["a fisherman"])],
                            published="2024-03-04", outlet="Coastal Courier"))
    store.add(*said("marsh-2", 'Councillor Helen Marsh said: "We will not back down."', "We will not back down.",
                    person("Helen Marsh"), "2024-03-06", "Ashbury Gazette"))
    store.add(*said("marsh-3", 'Marsh, the Ashbury council leader, said: "The vote is settled."',
                    "The vote is settled.", person("Marsh", roles=["the Ashbury council leader"]),
                    "2024-03-07", "Northern Post"))
    store.add(*said("marsh-4", 'Marsh said: "Nobody asked us."', "Nobody asked us.", person("Marsh"),
                    "2024-03-08", "Northern Post"))
    people = {p.name: p.statements for p in store.people()}
    # the surname with the council role is Helen; the bare surname could be either, so it stays apart
    assert people == {"Helen Marsh": 3, "David Marsh": 1, "Marsh": 1}
    assert [q.content for q in store.who("David Marsh").statements] == ["It will ruin the harbour."]


def test_a_title_with_a_surname_is_the_person_titled_so_not_another_of_that_name(store):
    # 'President Okafor' alone could be the first lady; the title picks out the president
    store.add(*make_article("okafor-1", 'President Tom Okafor and the first lady, Ruth Okafor, spoke. '
                            '"We are staying," he said. "So am I," she said.',
                            [("We are staying,", "e1", "direct"), ("So am I,", "e2", "direct")],
                            [person("Tom Okafor", roles=["President"]), person("Ruth Okafor", id="e2", roles=["first lady"])],
                            published="2024-03-01", outlet="Kellan Courier"))
    store.add(*said("okafor-2", 'President Okafor said: "The port will reopen."', "The port will reopen.",
                    person("Okafor", roles=["President"]), "2024-03-04", "Northern Post"))
    store.add(*said("okafor-3", 'Okafor said: "I was there."', "I was there.", person("Okafor"),
                    "2024-03-05", "Northern Post"))
    people = {p.name: p.statements for p in store.people()}
    assert people == {"Tom Okafor": 2, "Ruth Okafor": 1, "Okafor": 1}  # the bare surname could be either
    reasons = " | ".join(r for r, _ in store.who("Tom Okafor").reasons)
    assert "shared role 'president okafor'" in reasons


def test_a_post_many_hold_does_not_crowd_out_the_name(store, monkeypatch):
    """More people share a post than are scored for one mention: the one with this very name still is."""
    monkeypatch.setattr(people_module, "MAX_CANDIDATES", 3)  # the same rule as at 200, with fewer articles
    names = [f"{first} Vale" for first in ("Ann", "Bea", "Cal", "Dov", "Eli")]
    for i, name in enumerate([*names, names[-1]]):
        store.add(*said(f"vale-{i}", f'{name}, the MP for Kestrel Bay, said: "Vote {i}."', f"Vote {i}.",
                        person(name, roles=["the MP for Kestrel Bay"]), "2024-05-01", "Ashbury Gazette"))
    assert {p.name: p.statements for p in store.people()} == {**dict.fromkeys(names[:-1], 1), "Eli Vale": 2}


def test_generic_speakers_are_not_linked_and_organisations_are(store):
    for i, day in enumerate(("2024-03-01", "2024-03-02")):
        text = f'Officials said "the ferry is safe {i}". The Ashbury Harbour Board said "it will review the plan {i}".'
        store.add(*make_article(
            f"ferry-{i}", text, [(f"the ferry is safe {i}", "e1", "direct"), (f"it will review the plan {i}", "e2", "direct")],
            [person("officials"), person("the Ashbury Harbour Board", id="e2", kind="organization")],
            published=day, outlet="Ashbury Gazette"))
    assert [(p.name, p.kind, p.statements) for p in store.people()] == [
        ("the Ashbury Harbour Board", "organization", 2)]
    assert len(store.search("ferry")) == 2  # the generic speakers' quotes are on record all the same


def test_groups_described_at_a_sentence_start_are_nobody_on_record(store):
    """'Critics said …' in two articles is no person called Critics with two statements."""
    from onrecord import extract
    from onrecord.article import Article

    for i, day in enumerate(("2024-03-01", "2024-03-02")):
        text = (f"Critics said the harbour plan {i} was rushed. Senior officials said it was sound. "
                f"Some economists said it would cost jobs. Marcus Fell said it would pass.")
        store.add(Article(text=text, doc_id=f"harbour-{i}", published=day), extract(text, doc_id=f"harbour-{i}"))
    assert [(p.name, p.statements) for p in store.people()] == [("Marcus Fell", 2)]
    assert len(store.search("rushed")) == 2  # their statements are on record all the same


def test_a_country_is_one_speaker_on_record_whichever_name_an_article_gives_it(store):
    """'Beijing', 'the Chinese government' and 'China' in three articles: one organisation, China."""
    from onrecord import extract
    from onrecord.article import Article

    texts = ["Beijing said on Monday that the tariffs would hurt both economies.",
             "The Chinese government said the claims about the port deal were false.",
             "China has warned that it will answer any new sanctions."]
    for i, text in enumerate(texts):
        store.add(Article(text=text, doc_id=f"tariffs-{i}", published=f"2024-04-0{i + 1}"), extract(text, doc_id=f"tariffs-{i}"))
    assert [(p.name, p.kind, p.statements, p.articles) for p in store.people()] == [("China", "organization", 3, 3)]
    assert len(store.search(speaker="China", limit=10)) == 3


def test_what_two_people_say_together_is_the_groups_in_either_order_and_no_members(store):
    """'Marcus Fell and Helen Marsh said …' is neither Fell's nor Marsh's alone; named the other way
    round in another article it is the same pair; Marsh alone, or by surname, stays herself."""
    from onrecord import extract
    from onrecord.article import Article

    texts = ["Marcus Fell met Helen Marsh on Monday.\n\nFell and Marsh both said the harbour plan was sound.",
             "Helen Marsh met Marcus Fell again.\n\nMs Marsh and Mr Fell said the vote would pass. Marsh said she was tired.",
             "Helen Marsh spoke on Friday. Marsh said the ferry would run."]
    for i, text in enumerate(texts):
        store.add(Article(text=text, doc_id=f"pair-{i}", published=f"2024-03-0{i + 1}"), extract(text, doc_id=f"pair-{i}"))
    people = {p.name: (p.kind, p.statements) for p in store.people()}
    assert people == {"Marcus Fell and Helen Marsh": ("person", 2), "Helen Marsh": ("person", 2)}
    # ... but her record shows what she said in company too, under the pair's name
    marsh = store.who("Helen Marsh")
    assert [(q.person, q.content) for q in marsh.statements] == [
        ("Marcus Fell and Helen Marsh", "the harbour plan was sound"),
        ("Marcus Fell and Helen Marsh", "the vote would pass"),
        ("Helen Marsh", "she was tired"), ("Helen Marsh", "the ferry would run")]
    assert [g.name for g in marsh.groups] == ["Marcus Fell and Helen Marsh"] and marsh.person.statements == 2
    assert {q.content for q in store.search(speaker="Helen Marsh", limit=10)} == {q.content for q in marsh.statements}
    assert store.who("Marcus Fell and Helen Marsh").groups == ()


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_person_the_entity_tagger_read_as_an_organisation_joins_the_person(store, order):
    articles = [
        said("hale-1", 'Drake\'s solicitor, Marcus Hale, said: "He will appeal."', "He will appeal.",
             person("Marcus Hale", roles=["Drake's solicitor"]), "2024-02-26", "Ashbury Gazette"),
        said("hale-2", 'Marcus Hale said: "The judge misdirected the jury."', "The judge misdirected the jury.",
             person("Marcus Hale", kind="organization"), "2024-03-02", "Coastal Courier"),
        said("harbour", 'Ashbury Harbour Board said: "The pier is closed."', "The pier is closed.",
             person("Ashbury Harbour Board", kind="organization"), "2024-03-03", "Coastal Courier"),
    ]
    for i in (*order, 2):
        store.add(*articles[i])
    people = sorted((p.name, p.kind, p.statements) for p in store.people())
    # in either order: the 'organisation' joins the person, or the person the 'organisation' on record,
    # which becomes a person; a real organisation stays one
    assert people == [("Ashbury Harbour Board", "organization", 1), ("Marcus Hale", "person", 2)]


def test_merge_and_split_survive_reingest(store):
    quill = said("quill-1", 'Mara Quill said: "Tolls must go."', "Tolls must go.", person("Mara Quill"),
                 "2024-04-01", "Ashbury Gazette", url="https://gazette.example/quill-1")
    m_quill = said("quill-2", 'M. J. Quill said: "Tolls are theft."', "Tolls are theft.", person("M. J. Quill"),
                   "2024-04-02", "Ashbury Gazette", url="https://gazette.example/quill-2")
    store.add(*quill)
    store.add(*m_quill)
    assert len(store.people()) == 1  # "M. J. Quill" is compatible with "Mara Quill"
    store.split("Mara Quill", ["M. J. Quill"])
    assert sorted(p.name for p in store.people()) == ["M. J. Quill", "Mara Quill"]
    # a new version of the article: its speaker is linked as the user decided, not as the rules would
    changed = said("quill-2", 'M. J. Quill said: "Tolls are theft, plain and simple."',
                   "Tolls are theft, plain and simple.", person("M. J. Quill"), "2024-04-02", "Ashbury Gazette",
                   url="https://gazette.example/quill-2")
    assert store.add(*changed) == "replaced"
    assert {p.name: p.statements for p in store.people()} == {"Mara Quill": 1, "M. J. Quill": 1}

    store.merge("Mara Quill", "M. J. Quill")
    again = said("quill-2", 'M. J. Quill said: "Tolls are theft, and I will say so."',
                 "Tolls are theft, and I will say so.", person("M. J. Quill"), "2024-04-02", "Ashbury Gazette",
                 url="https://gazette.example/quill-2")
    assert store.add(*again) == "replaced"
    assert [(p.name, p.statements) for p in store.people()] == [("Mara Quill", 2)]


def test_corrections_name_ambiguity_and_mistakes(store):
    store.add(*said("q1", 'Mara Quill said: "Yes."', "Yes.", person("Mara Quill"), "2024-04-01", "A"))
    store.add(*said("q2", 'Tom Quill said: "No."', "No.", person("Tom Quill"), "2024-04-01", "A"))
    with pytest.raises(QueryError, match="could mean several people"):
        store.merge("Quill", "Mara Quill")
    with pytest.raises(QueryError, match="already the same person"):
        store.merge("Mara Quill", "Mara Quill")
    with pytest.raises(QueryError, match="nothing would be left"):
        store.split("Mara Quill", ["Mara Quill"])
    with pytest.raises(QueryError, match="no mentions called 'Nobody'"):
        store.split("Mara Quill", ["Nobody"])


POLNEAR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "polnear" / "train" / "text"
BOTH_CLINTONS = ["breitbart_2016-04-12_bill-clinton-hillary-better-qual",
                 "politico_2016-04-05_bill-clinton-hillary-thinks-feds",
                 "huff-post_2016-02-26_hillary-clinton-says-trump-s-big",
                 "politico_2016-05-24_ken-starr-praises-laments-bill-c"]


def test_bill_and_hillary_clinton_stay_apart_on_polnear(tmp_path):
    """Four PolNeAR articles in which both Clintons speak, extracted and linked for real."""
    if not POLNEAR.is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (../shared/data relative to the repository)")
    from onrecord.ingest import iter_articles
    from onrecord.record import open_store

    with open_store(str(tmp_path / "clintons.db")) as store:
        summary = store.ingest(iter_articles([POLNEAR / f"{name}.txt" for name in BOTH_CLINTONS]))
        assert summary.stored == 4
        bill, hillary = store.who("Bill Clinton").person, store.who("Hillary Clinton").person
    assert bill.id != hillary.id
    assert (bill.name, hillary.name) == ("Bill Clinton", "Hillary Clinton")
    # Bill speaks in two of them; the Huffington Post piece never names him, so nothing there is his
    assert bill.articles == 2 and hillary.articles >= 2


def test_the_people_list_follows_writes_made_through_another_connection(store_url):
    """The ranked list is kept on each store until the record changes, whoever changes it."""
    with open_store(store_url) as reader, open_store(store_url) as writer:
        writer.add(*said("p1", 'Mara Quill said: "Tolls must go."', "Tolls must go.", person("Mara Quill"),
                         "2024-04-01", "Ashbury Gazette"))
        assert [(p.name, p.statements) for p in reader.people()] == [("Mara Quill", 1)]
        writer.add(*said("p2", 'Eli Vale said: "Keep the tolls."', "Keep the tolls.", person("Eli Vale"),
                         "2024-04-02", "Ashbury Gazette"))
        writer.add(*said("p3", 'Eli Vale said: "Tolls pay for the bridge."', "Tolls pay for the bridge.",
                         person("Eli Vale"), "2024-04-03", "Ashbury Gazette"))
        assert [(p.name, p.statements) for p in reader.people()] == [("Eli Vale", 2), ("Mara Quill", 1)]
        writer.merge("Eli Vale", "Mara Quill")
        assert [(p.name, p.statements) for p in reader.people()] == [("Eli Vale", 3)]
