"""The database: documents keyed for re-loading, cascades, FTS5 quoting."""

import random

import pytest
from helpers import number, store_doc

from workbench.models import Document
from workbench.store import documents as rows
from workbench.store import integrity_ok, search


def test_reloading_a_changed_document_updates_it_in_place(store):
    first = store_doc(store, "s", Document("T", "The missile flew far.", path="a.txt"), [])
    again = store_doc(store, "s", Document("T", "The missile flew farther.", path="a.txt"), [])
    assert first == again
    docs = rows.list_documents(store, "s")
    assert [d.text for d in docs] == ["The missile flew farther."]


def test_same_content_under_another_name_is_found_as_existing(store):
    store_doc(store, "s", Document("T", "Same text here.", path="a.txt"), [])
    with store.read() as conn:
        row = rows.find_existing(conn, "s", Document("T", "Same  text here.\n", path="b.txt"))
    assert row is not None


def test_set_summary_and_delete_cascade(store):
    store_doc(store, "s", Document("A", "One.", outlet="X", published="2026-03-14", path="a"), [])
    text = "It flew at 3,200 km/h."
    store_doc(store, "s", Document("B", text, outlet="Y", published="2026-03-15", path="b"),
              [number(text, "3,200 km/h", 3200, "km/h", 888.9, "speed")])
    [summary] = rows.list_sets(store)
    assert (summary.name, summary.documents, summary.outlets) == ("s", 2, ["X", "Y"])
    assert (summary.first_published, summary.last_published) == ("2026-03-14", "2026-03-15")
    assert rows.delete_set(store, "s") == 2
    with store.read() as conn:
        counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "passages", "claims", "sets")]
        assert not conn.word_postings("flew")  # the full-text index forgot them too
    assert counts == [0, 0, 0, 0]
    assert integrity_ok(store)


def test_corpus_version_moves_with_every_change(store):
    before = store.corpus_version()
    store_doc(store, "s", Document("A", "One.", path="a"), [])
    assert store.corpus_version() > before


def test_failed_write_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.write() as conn:
        rows.ensure_set(conn, "s")
        raise RuntimeError("boom")
    assert rows.list_sets(store) == []


SYNTAX = ['"', "'", "(", ")", "*", ":", "+", "-", "^", "AND", "OR", "NOT", "NEAR", "é", "ß",
          "中", "\u200b", " ", "{", "}", "NEAR(", "col:", "\\", "%", "_"]


def test_fts_never_sees_user_syntax(store):
    store_doc(store, "s", Document("A", "The NEAR term and (brackets) are text.", path="a"), [])
    rng = random.Random(7)
    with store.read() as conn:
        for _ in range(10_000):
            parts = (rng.choice(SYNTAX) + rng.choice(["", " "]) for _ in range(rng.randint(1, 8)))
            text = "".join(parts)
            search.candidate_passages(conn, [text], sets=None, exclude_hash=None, limit=5)
        hits = search.candidate_passages(conn, ["NEAR (brackets)"], sets=["s"], exclude_hash=None,
                                         limit=5)
    assert len(hits) == 1
