"""Loading sets: re-loads update in place, duplicates are skipped, bad files are
reported while the rest loads, and a killed load can simply be run again."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.ingest import ingest, ingest_paths, ingest_uploads
from workbench.models import Document, Rejected
from workbench.settings import PROJECT_ROOT
from workbench.store import Store, integrity_ok
from workbench.store import documents as rows
from workbench.store.db import is_postgres


def write(folder, name, body):
    path = folder / name
    path.write_text(f"Title: {name}\nOutlet: Wire\n\n{body}\n", encoding="utf-8")
    return path


def test_reload_updates_changed_and_skips_identical(store, tmp_path, rules):
    folder = tmp_path / "set"
    folder.mkdir()
    write(folder, "a.txt", "The dam holds 3 million litres of water.")
    write(folder, "b.txt", "The bridge is 400 metres long.")
    first = ingest_paths(store, [folder], "s", pipeline=rules)
    assert (len(first.added), first.rejected) == (2, [])
    write(folder, "b.txt", "The bridge is 450 metres long.")
    second = ingest_paths(store, [folder], "s", pipeline=rules)
    assert (len(second.added), len(second.updated), len(second.unchanged)) == (0, 1, 1)
    assert sorted(d.text for d in rows.list_documents(store, "s")) == [
        "The bridge is 450 metres long.", "The dam holds 3 million litres of water."]


def test_identical_content_is_not_duplicated(store, rules):
    text = "The tunnel took 12 years to build."
    report = ingest_uploads(store, [("a.txt", text.encode()), ("copy.txt", text.encode())], "s",
                            pipeline=rules)
    assert len(report.added) == 1 and len(report.unchanged) == 1
    assert len(rows.list_documents(store, "s")) == 1


def test_bad_files_are_reported_and_the_rest_loads(store, rules):
    uploads = [("empty.txt", b""), ("good.txt", b"The road is 12 km long."),
               ("binary.txt", bytes(range(256)) * 10), ("page.exe", b"MZ")]
    report = ingest_uploads(store, uploads, "s", pipeline=rules)
    assert report.added == ["good.txt"]
    assert sorted(r.name for r in report.rejected) == ["binary.txt", "empty.txt", "page.exe"]
    assert all(r.reason for r in report.rejected)


def test_rejected_rows_from_readers_are_kept_with_their_row(store, rules):
    items = [Document("ok", "Fine text here.", path="ok.txt"), Rejected("x.csv", "bad row", 3)]
    report = ingest(store, items, "s", pipeline=rules)
    assert report.added == ["ok.txt"] and str(report.rejected[0]) == "x.csv (row 3): bad row"


def test_progress_is_reported_per_item(store, rules):
    seen = []
    ingest_uploads(store, [("a.txt", b"One 1 km."), ("b.txt", b"Two 2 km.")], "s", pipeline=rules,
                   progress=lambda n, name: seen.append((n, name)))
    assert seen == [(1, "a.txt"), (2, "b.txt")]


def test_a_long_text_moves_the_progress_through_itself(store, rules):
    """A 500 KB transcript is five pieces: the bar moves inside it, never backwards."""
    turn = "MS OKAFOR: The levee is 12 km long and the pumps move 300 litres a second. "
    long_text = turn * (500_000 // len(turn))
    seen = []
    report = ingest_uploads(store, [("short.txt", b"A 3 km road."),
                                    ("hearing.txt", long_text.encode())], "s", pipeline=rules,
                            progress=lambda n, label: seen.append((n, label)))
    assert report.added == ["short.txt", "hearing.txt"]
    inside = [(n, label) for n, label in seen if "of its text extracted" in label]
    assert len(inside) >= 3 and all(label.startswith("hearing.txt: ") for _, label in inside)
    assert all(1 < n < 2 for n, _ in inside)  # between the first document and the end
    assert [n for n, _ in seen] == sorted(n for n, _ in seen)


def test_a_text_over_the_document_limit_is_refused_at_once_and_the_rest_loads(
        store, rules, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MAX_DOCUMENT_MB", "0.01")  # 10 KB
    rows_csv = "title,text\nshort,The road is 12 km long.\nlong," + "word " * 4000 + "\n"
    uploads = [("transcript.txt", ("The dam is 3 km wide. " * 1000).encode()),
               ("ok.txt", b"The bridge is 400 metres long."), ("rows.csv", rows_csv.encode())]
    report = ingest_uploads(store, uploads, "s", pipeline=rules)
    assert sorted(report.added) == ["ok.txt", "rows.csv (row 1)"]
    refused = {str(r).split(":")[0]: r.reason for r in report.rejected}
    assert set(refused) == {"transcript.txt", "rows.csv (row 2)"}
    assert all("WORKBENCH_MAX_DOCUMENT_MB" in reason and "longer than" in reason
               for reason in refused.values())


def test_killed_ingest_leaves_a_consistent_database_and_rerun_completes(tmp_path, db_target):
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(300):
        write(folder, f"doc{i:03}.txt", f"Report {i}: the convoy of {i + 3} trucks drove {i} km. "
                                        "Officials said the road was open. " * 20)
    db = db_target
    env = {**os.environ, "WORKBENCH_MODEL": "no_such_model"}  # the fast rule-based pipeline
    cmd = [sys.executable, "-m", "workbench", "--db", str(db), "ingest", str(folder),
           "--set", "big"]
    child = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    store = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill it once it is part-way through
        time.sleep(0.2)
        if is_postgres(db) or Path(db).exists():
            store = Store(db)
            n = len(rows.list_documents(store, "big")) if rows.list_sets(store) else 0
            if n >= 20:
                break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    store = Store(db)
    assert integrity_ok(store)
    partial = len(rows.list_documents(store, "big"))
    assert 0 < partial < 300
    rerun = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert len(rows.list_documents(store, "big")) == 300
    with store.read() as conn:
        dupes = conn.execute("SELECT COUNT(*) FROM (SELECT content_hash FROM documents "
                             "GROUP BY content_hash HAVING COUNT(*) > 1) AS d").fetchone()[0]
    assert dupes == 0 and integrity_ok(store)


def _table_counts(store):
    with store.read() as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("sets", "documents", "passages", "claims", "reviews")}


def test_hostile_catalogue_leaves_only_its_good_documents(store, rules):
    from hostile import cases

    from workbench.sources import read_upload

    batch = [c for c in cases() if not c.env]
    good = [x for c in batch for x in read_upload(c.name, c.data) if isinstance(x, Document)]
    bad_only = [(c.name, c.data) for c in batch
                if not any(isinstance(x, Document) for x in read_upload(c.name, c.data))]
    before = _table_counts(store)
    report = ingest_uploads(store, bad_only, "bad", pipeline=rules)
    assert report.loaded == 0 and len(report.rejected) >= len(bad_only)
    assert _table_counts(store) == before and integrity_ok(store)  # nothing written

    mixed = ingest_uploads(store, [(c.name, c.data) for c in batch], "mixed", pipeline=rules)
    stored = {(d.path, d.content_hash) for d in rows.list_documents(store, "mixed")}
    expected = {(d.path, d.content_hash) for d in good}
    assert {h for _, h in stored} == {h for _, h in expected}  # the good ones, deduplicated
    assert mixed.loaded == len(good) and integrity_ok(store)


@pytest.fixture
def fragile_extractor(monkeypatch):
    """The quantity extractor raises on any text with "explode" in it."""
    from workbench.extract import quantities
    original = quantities.extract_quantities

    def fragile(doc, **kw):
        if "explode" in doc.text:
            raise RuntimeError("extractor bug")
        return original(doc, **kw)

    monkeypatch.setattr("workbench.extract.extract_quantities", fragile)


def test_a_document_that_breaks_extraction_is_rejected_alone(store, rules, fragile_extractor,
                                                              caplog):
    caplog.set_level("INFO", logger="workbench.ingest")
    uploads = [(f"{i}.txt", f"Road {i} is {i + 10} km long.".encode()) for i in range(20)]
    uploads.insert(5, ("bad.txt", b"This text will explode at 3 km."))
    report = ingest_uploads(store, uploads, "s", pipeline=rules)
    assert [(r.name, "extractor bug" in r.reason) for r in report.rejected] == [("bad.txt", True)]
    assert len(report.added) == 20
    assert len(rows.list_documents(store, "s")) == 20
    logged = [(r.levelname, r.getMessage(), r.exc_info[1]) for r in caplog.records
              if r.name == "workbench.ingest"]
    assert [(level, message) for level, message, _ in logged] == [
        ("WARNING", "extracting a batch of 16 documents failed; extracting each alone"),
        ("INFO", "rejected bad.txt")]
    assert all("extractor bug" in str(exc) for _, _, exc in logged)


def test_worker_processes_store_the_same_set(new_db, rules, fragile_extractor, caplog):
    uploads = [(f"{i}.txt", f'Road {i} is {i + 10} km long, "as planned," Ana Lee said.'.encode())
               for i in range(70)]
    uploads.insert(40, ("bad.txt", b"This text will explode at 3 km."))
    results = []
    for n_process in (1, 2):
        store = Store(new_db(f"w{n_process}"))
        report = ingest_uploads(store, uploads, "s", pipeline=rules, n_process=n_process)
        assert [r.name for r in report.rejected] == ["bad.txt"]
        if n_process == 2:
            assert any(r.getMessage().startswith("a worker failed on a batch")
                       for r in caplog.records if r.levelname == "WARNING")
        docs = rows.list_documents(store, "s")
        results.append(sorted((d.path, [(c.kind, c.text, c.speaker) for c in
                                        rows.claims_of(store, d.id)]) for d in docs))
    assert results[0] == results[1] and len(results[0]) == 70
