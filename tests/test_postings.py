"""Candidate ranking from FTS5 doclists: rarity, scope, and a cache that never goes stale."""

import pytest
from helpers import store_doc

from workbench.models import Document
from workbench.store import Store, postings, search


@pytest.fixture
def store(db_target):
    postings.clear_cache()
    return Store(db_target)


def texts(store, words, *, sets=None, limit=10, exclude_hash=None):
    with store.read() as conn:
        rows = search.candidate_passages(conn, words, sets=sets, exclude_hash=exclude_hash,
                                         limit=limit)
    return [r.text for r in rows]


def filler(store, n=30):
    for i in range(n):
        store_doc(store, "news", Document(f"F{i}", f"The ministry said on day {i} that the "
                                          "weather was fine.", path=f"f{i}"), [])


def test_passage_sharing_the_rarest_words_ranks_first(store):
    filler(store)
    store_doc(store, "news", Document("A", "The ministry said the weather was fine again.",
                                      path="a"), [])
    store_doc(store, "news", Document("B", "Drevic confirmed the Korval launch.", path="b"), [])
    found = texts(store, ["the ministry confirmed the Korval launch"])
    assert found[0] == "Drevic confirmed the Korval launch."
    assert len(found) == 10  # then passages sharing only common words


def test_more_shared_words_rank_higher_than_fewer(store):
    filler(store)
    store_doc(store, "news", Document("A", "Korval tested again.", path="a"), [])
    store_doc(store, "news", Document("B", "Korval reached orbit after launch.", path="b"), [])
    assert texts(store, ["Korval reached orbit"])[:2] == ["Korval reached orbit after launch.",
                                                          "Korval tested again."]


def test_scope_and_excluded_duplicates(store):
    store_doc(store, "wires", Document("A", "Korval flew at Mach 10.", path="a"), [])
    store_doc(store, "blogs", Document("B", "Korval flew slowly.", path="b"), [])
    assert texts(store, ["Korval flew"], sets=["blogs"]) == ["Korval flew slowly."]
    assert texts(store, ["Korval flew"], sets=[]) == []
    same = Document("C", "Korval flew at Mach 10.")
    assert texts(store, ["Korval flew"], exclude_hash=same.content_hash) == ["Korval flew slowly."]


def test_new_and_removed_documents_are_seen_at_once(store):
    store_doc(store, "news", Document("A", "Korval flew at Mach 10.", path="a"), [])
    assert texts(store, ["Korval"]) == ["Korval flew at Mach 10."]  # now cached
    store_doc(store, "news", Document("B", "Korval landed.", path="b"), [])
    assert sorted(texts(store, ["Korval"])) == ["Korval flew at Mach 10.", "Korval landed."]
    store_doc(store, "news", Document("A", "Nothing to see.", path="a"), [])  # replaced
    assert texts(store, ["Korval"]) == ["Korval landed."]


@pytest.mark.sqlite_only
def test_a_new_database_at_the_same_path_is_not_served_from_the_cache(tmp_path):
    first = Store(tmp_path / "w.db")
    store_doc(first, "news", Document("A", "Intro. Korval flew at Mach 10.", path="a"), [])
    assert texts(first, ["Korval"]) == ["Korval flew at Mach 10."]  # passage 2, cached
    for path in tmp_path.glob("w.db*"):
        path.unlink()
    second = Store(tmp_path / "w.db")  # same path, same corpus version
    store_doc(second, "news", Document("A", "Korval landed. Nothing else.", path="a"), [])
    assert texts(second, ["Korval"]) == ["Korval landed."]


def test_a_tiny_cache_still_gives_the_same_answers(store, monkeypatch):
    filler(store, 10)
    store_doc(store, "news", Document("B", "Drevic confirmed the Korval launch.", path="b"), [])
    roomy = texts(store, ["Drevic confirmed the ministry weather"])
    monkeypatch.setenv("WORKBENCH_POSTING_CACHE_MB", "0.000001")
    postings.clear_cache()
    assert texts(store, ["Drevic confirmed the ministry weather"]) == roomy


def test_accents_and_case_fold_as_the_index_does(store):
    store_doc(store, "news", Document("A", "Le ministère a parlé.", path="a"), [])
    assert texts(store, ["MINISTERE"]) == ["Le ministère a parlé."]
    assert texts(store, ["ministère"]) == ["Le ministère a parlé."]
