"""SQLite and PostgreSQL as one backend: migrations from today's schema, the same
findings on both, and moving a desk's database from one to the other.

These use a real PostgreSQL cluster (``pg_cluster``) whichever backend the rest of
the suite runs on."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workbench
from workbench.cli import main
from workbench.export import export_rows
from workbench.match import evidence_to_dict
from workbench.store import Store, documents, migrate, reviews
from workbench.store.tokens import tokens

V1 = Path(__file__).parent / "data" / "schema_v1_demo.db"  # made by the code before migrations
TABLES = ("sets", "documents", "passages", "claims", "evidence_cache", "reviews", "review_events")


def _rows(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def test_a_schema_version_1_database_migrates_without_loss(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(V1, path)
    before = _rows(path)
    store = Store(path)
    assert store.migrated == [n for n in (m.number for m in migrate.available()) if n > 1]
    assert store.schema_version() == migrate.latest() == int(store.get_meta("schema_version"))
    after = _rows(path)  # every row of every table, unchanged (new columns come last)
    assert {t: [r[:len(b[0])] if b else r for r in after[t]] for t, b in before.items()} == before
    assert all(r[-1] is None for r in after["claims"])  # m0003: no direction was ever read
    assert Store(path).migrated == []  # the second opening has nothing to do
    # ...and the old reviews keep working: history intact, a save continues from them.
    first = max(reviews.all_rows(store), key=lambda r: r.version)  # saved twice
    history = workbench.history(store, first.claim_key)
    assert [e.version for e in history] == list(range(1, first.version + 1))
    article = documents.list_documents(store, "articles under review")[0]
    claim = next(c for c in documents.claims_of(store, article.id) if c.key == first.claim_key)
    saved = workbench.save_review(store, claim, status="supported", note="after migrating",
                                  expected_version=first.version)
    assert saved.version == first.version + 1
    assert len(workbench.history(store, claim.key)) == first.version + 1


def test_migrations_are_numbered_once_each_with_sql_for_both_backends():
    found = migrate.available()
    assert [m.number for m in found] == list(range(1, len(found) + 1))
    assert all(m.sqlite.strip() and m.postgres.strip() for m in found)


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "w.db"
    Store(path)
    broken = migrate.Migration(99, "broken", "CREATE TABLE half (x); SELECT no_such_function();",
                               "SELECT 1")
    real = migrate.available()
    monkeypatch.setattr(migrate, "available", lambda: [*real, broken])
    with pytest.raises(sqlite3.OperationalError):
        Store(path)
    monkeypatch.undo()
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert "half" not in tables and 99 not in versions


def _fts5_tokens(text: str) -> list[str]:
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE VIRTUAL TABLE t USING "
                     "fts5(x, tokenize='unicode61 remove_diacritics 2')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        conn.execute("INSERT INTO t(x) VALUES (?)", (text,))
        return [r[0] for r in conn.execute("SELECT term FROM v ORDER BY offset")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "aZéÉèçñøßü0129 ,.-_'\"/:;!?()&%€$°²½\n\tМосква中文한국어ǅﬁ"), max_size=40))
def test_postgres_tokens_are_the_tokens_fts5_indexes(text):
    assert tokens(text) == _fts5_tokens(text)


@pytest.fixture(scope="module")
def both(pg_cluster, tmp_path_factory, nlp_trained):
    """The demo seeded, matched, reviewed and exported on each backend."""
    out = {}
    for name, target in (("sqlite", str(tmp_path_factory.mktemp("both") / "w.db")),
                         ("postgres", pg_cluster.create_database("parity"))):
        store = workbench.open_store(target)
        workbench.seed_demo(store)
        claims = {}
        for doc in documents.list_documents(store):
            claims[(doc.source_set, doc.path, doc.title)] = [
                (c.key, str(c.kind), c.text, c.start, c.end, c.speaker, c.cue, c.value,
                 c.value_max, c.unit, c.qualifier, c.si_value, c.si_unit, c.dimension, c.about)
                for c in documents.claims_of(store, doc.id)]
        article = documents.list_documents(store, "articles under review")[0]
        _, found = workbench.check_document(store, article.id, sets=workbench.default_sets(store))
        evidence = {c.key: [evidence_to_dict(e) for e in c.evidence] for c in found}
        for claim in found[:3]:
            workbench.save_review(store, claim, status="supported", note=f"n {claim.text[:9]}",
                                  reviewer="Ana", cited=[workbench.cite(e) for e in
                                                          claim.evidence[:2]],
                                  expected_version=0)
        exported = [{k: v for k, v in row.items() if k != "reviewed_at"}
                    for row in export_rows(store, include_all=True)]
        out[name] = {"claims": claims, "evidence": evidence, "export": exported, "store": store}
    return out


@pytest.mark.model
@pytest.mark.parametrize("part", ["claims", "evidence", "export"])
def test_both_backends_give_the_same_demo_findings(both, part):
    assert both["sqlite"][part] and both["sqlite"][part] == both["postgres"][part]


@pytest.mark.model
def test_copy_moves_a_laptop_database_to_postgres_with_its_review_history(
        pg_cluster, tmp_path, capsys):
    path = tmp_path / "laptop.db"
    shutil.copy(V1, path)
    laptop = Store(path)
    url = pg_cluster.create_database("copied")
    assert main(["copy", "--from", f"sqlite:///{path}", "--to", url]) == 0
    assert "3 review_events" in capsys.readouterr().out
    team = Store(url)
    assert reviews.all_events(team) == reviews.all_events(laptop)
    assert reviews.all_rows(team) == reviews.all_rows(laptop)
    assert ([(s.name, s.documents, s.outlets) for s in documents.list_sets(team)]
            == [(s.name, s.documents, s.outlets) for s in documents.list_sets(laptop)])
    article = documents.list_documents(team, "articles under review")[0]
    _, on_team = workbench.check_document(team, article.id, sets=workbench.default_sets(team))
    _, on_laptop = workbench.check_document(laptop, article.id,
                                            sets=workbench.default_sets(laptop))
    assert ([[evidence_to_dict(e) for e in c.evidence] for c in on_team]
            == [[evidence_to_dict(e) for e in c.evidence] for c in on_laptop])
    # New rows get new ids above the copied ones, and a second copy is refused.
    key = next(iter(r.claim_key for r in reviews.all_rows(team)))
    claim = next(c for c in on_team if c.key == key)
    workbench.save_review(team, claim, status="misquoted", expected_version=
                          workbench.get_review(team, key).version)
    assert len(reviews.all_events(team)) == 4
    assert main(["copy", "--from", f"sqlite:///{path}", "--to", url]) == 2
    assert "already has" in capsys.readouterr().err
