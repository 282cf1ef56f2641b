"""Hostile and malformed inputs: nothing escapes, each is handled fast and small.

Every case of ``hostile.cases()`` is uploaded through ``read_upload``. The reader
must return records (never raise), name the file (or member, or row) in every
Rejected, stay under 2 s and under 200 MB of extra Python memory (tracemalloc peak;
memory that C libraries allocate themselves is not seen), and give the expected
outcome. Further down: a batch with bad and good files, folders on disk and the
server-folder check.
"""

from __future__ import annotations

import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hostile import ARTICLE, cases

from workbench.errors import NotFound, PathNotAllowed
from workbench.models import Document, Rejected
from workbench.sources import read_path, read_upload, resolve_server_folder
from workbench.sources.filenames import upload_name

CASES = cases()
SECONDS = 2.0
PEAK_BYTES = 200 * 1024 * 1024


@pytest.fixture(scope="module", autouse=True)
def warm_imports():
    """Import the lazy libraries once, so the first timed case does not pay for it."""
    list(read_upload("warm.html", b"<html><body><p>Warm up the page reader now.</p></body></html>"))
    list(read_upload("warm.txt", "Привіт, світ. Це перевірка.".encode("cp1251")))
    list(read_upload("warm.md", b"---\ntitle: Warm\ndate: 2024-01-01\n---\nSome text here."))


def _read(case) -> list[Document | Rejected]:
    return list(read_upload(case.name, case.data))


def test_the_catalogue_is_large_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.case_id for c in CASES])
def test_hostile_input_is_handled(case, monkeypatch):
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    start = time.perf_counter()
    items = _read(case)
    elapsed = time.perf_counter() - start
    assert elapsed < SECONDS, f"{case.case_id} took {elapsed:.2f} s"

    tracemalloc.start()
    try:
        _read(case)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BYTES, f"{case.case_id} peaked at {peak / 2**20:.0f} MB"

    docs = [x for x in items if isinstance(x, Document)]
    rejected = [x for x in items if isinstance(x, Rejected)]
    assert items, "a file must produce a document or a rejection"
    assert all(isinstance(x, (Document, Rejected)) for x in items)
    name = upload_name(case.name)
    for item in rejected:
        assert item.name.startswith(name) and item.reason
    for doc in docs:
        assert doc.path.startswith(name) and doc.title.strip() and doc.text.strip()
    if case.expect in ("doc", "both"):
        assert docs, [str(r) for r in rejected]
    if case.expect == "doc" and case.contains:
        assert any(case.contains in d.text for d in docs), [d.text[:200] for d in docs]
    if case.expect in ("rejected", "both"):
        assert rejected, [d.title for d in docs]
        assert any(case.reason in r.reason for r in rejected), [str(r) for r in rejected]
    if case.expect == "rejected":
        assert not docs, [d.title for d in docs]


def test_a_batch_with_bad_files_still_yields_the_good_ones():
    batch = [c for c in CASES if not c.env]
    items = [x for c in batch for x in read_upload(c.name, c.data)]
    good = {x.path for x in items if isinstance(x, Document)}
    assert {"bom-article.txt", "cp1252.txt", "semi.csv", "outer.zip/inner.zip/inner.txt"} <= good
    assert any(isinstance(x, Rejected) and x.name == "empty.txt" for x in items)


def test_rejected_rows_keep_their_row_numbers():
    case = next(c for c in CASES if c.case_id == "csv-ragged")
    items = _read(case)
    assert [(type(x).__name__, getattr(x, "record", None) or getattr(x, "row", None))
            for x in items] == [("Document", 1), ("Rejected", 2), ("Document", 3)]


def test_zip_members_each_decode_right():
    case = next(c for c in CASES if c.case_id == "zip-mixed-encodings")
    docs = [x for x in _read(case) if isinstance(x, Document)]
    assert [d.path for d in docs] == [f"mixed.zip/{n}.txt" for n in "abcd"]
    assert all("\u201cIt will cut the crossing" in d.text for d in docs)


# --- folders on disk ----------------------------------------------------------------

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    top = tmp_path / "sources"
    (top / "sub").mkdir(parents=True)
    (top / ".git").mkdir()
    (top / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (top / "a.md").write_text("# Title A\n\n" + ARTICLE, encoding="utf-8")
    (top / "sub" / "c.txt").write_bytes(ARTICLE.encode("utf-16"))
    (top / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (top / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (top / "empty.txt").write_bytes(b"")
    with zipfile.ZipFile(top / "bundle.zip", "w") as zf:
        zf.writestr("inside/x.txt", ARTICLE)
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret text that must not be read.", encoding="utf-8")
    os.symlink(secret, top / "leak.txt")
    return top


def test_folder_is_read_recursively_sorted_skipping_hidden(folder):
    items = list(read_path(folder, source_set="s1"))
    docs = [x for x in items if isinstance(x, Document)]
    assert [d.path for d in docs] == ["sources/a.md", "sources/b.txt",
                                      "sources/bundle.zip/inside/x.txt", "sources/sub/c.txt"]
    assert {d.source_set for d in docs} == {"s1"}
    reasons = {x.name: x.reason for x in items if isinstance(x, Rejected)}
    assert reasons["sources/empty.txt"] == "empty file"
    assert "outside" in reasons["sources/leak.txt"]
    assert not any("Secret" in d.text for d in docs)


def test_folder_total_limit_stops_the_walk(folder, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MAX_TOTAL_MB", str(len(ARTICLE) * 1.5 / 2**20))
    items = list(read_path(folder))
    assert [type(x).__name__ for x in items[:3]] == ["Document", "Rejected", "Rejected"]
    assert "in total" in items[1].reason
    assert items[2].name == "sources" and "more file(s) not read" in items[2].reason
    assert len(items) == 3


def test_read_path_of_a_single_file_and_a_zip(folder):
    [doc] = list(read_path(folder / "sub" / "c.txt"))
    assert (doc.path, doc.title) == ("c.txt", "Harbour town opens new ferry terminal")
    [member] = list(read_path(folder / "bundle.zip"))
    assert member.path == "bundle.zip/inside/x.txt"


def test_read_path_of_a_missing_file_is_a_rejection(tmp_path):
    [item] = list(read_path(tmp_path / "nope.txt"))
    assert isinstance(item, Rejected) and "no such file" in item.reason


# --- server folders -----------------------------------------------------------------

@pytest.fixture
def root(tmp_path: Path) -> Path:
    base = tmp_path / "root"
    (base / "sets" / "ok").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    os.symlink(tmp_path / "outside", base / "escape")
    os.symlink(base / "sets", base / "alias")
    return base


@pytest.mark.parametrize("user_path", [
    "../outside", "sets/../../outside", "/etc", "/", "~", "~/data", "~root",
    "sets/ok\x00/etc", "escape", "escape/", "C:\\Windows", "..\\outside", "..",
])
def test_server_folder_outside_the_roots_is_refused(root, user_path):
    with pytest.raises(PathNotAllowed):
        resolve_server_folder(user_path, roots=[root])


@pytest.mark.parametrize("user_path, expected", [
    ("sets/ok", "sets/ok"), ("sets", "sets"), ("", "."), ("alias/ok", "sets/ok"),
    ("./sets/ok/", "sets/ok"),
])
def test_server_folder_inside_a_root_is_resolved(root, user_path, expected):
    assert resolve_server_folder(user_path, roots=[root]) == (root / expected).resolve()


def test_absolute_path_inside_a_root_is_accepted(root):
    assert resolve_server_folder(str(root / "sets"), roots=[root]) == (root / "sets").resolve()


def test_missing_folder_inside_a_root_is_not_found(root):
    with pytest.raises(NotFound):
        resolve_server_folder("sets/none", roots=[root])


def test_roots_default_to_the_setting(root, monkeypatch):
    monkeypatch.setenv("WORKBENCH_ALLOWED_ROOTS", str(root))
    assert resolve_server_folder("sets/ok") == (root / "sets" / "ok").resolve()
    with pytest.raises(PathNotAllowed):
        resolve_server_folder("/tmp")
