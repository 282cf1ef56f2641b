"""The Dask engine on a real LocalCluster of worker processes: the same rows as the
in-process engine, the pipeline loaded once per worker, re-runs idempotent, an
interrupted run finished by running again, and a worker killed mid-run costing
nothing (no duplicate and no missing document)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import zipfile

import pytest

from workbench.distributed import dask_client, ingest_dask
from workbench.distributed.listing import list_units, partition
from workbench.distributed.worker import worker_stats
from workbench.ingest import ingest_paths
from workbench.nlp import load_pipeline
from workbench.settings import PROJECT_ROOT
from workbench.store import Store, integrity_ok

DEMO = PROJECT_ROOT / "data" / "demo" / "sources"
ROWS = """
SELECT d.doc_key, d.content_hash, d.title, d.outlet, d.published,
       (SELECT group_concat(p.start || ':' || p.end, ' ') FROM passages p
        WHERE p.document_id = d.id),
       (SELECT group_concat(c.key || c.kind || c.text || coalesce(c.speaker, '')
                            || coalesce(c.si_value, '') || coalesce(c.about, ''), '|')
        FROM (SELECT * FROM claims WHERE document_id = d.id ORDER BY key) c)
FROM documents d ORDER BY d.doc_key
"""


def stored(store: Store) -> list[tuple]:
    with sqlite3.connect(store.path) as conn:
        return conn.execute(ROWS).fetchall()


@pytest.fixture(scope="module")
def client():
    with dask_client(None, 2) as c:  # a real LocalCluster of 2 worker processes
        yield c


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline()


@pytest.fixture
def mixed(tmp_path):
    """The demo sources, a zip of some of them, and files that must be rejected."""
    folder = tmp_path / "mixed"
    shutil.copytree(DEMO, folder)
    with zipfile.ZipFile(folder / "bundle.zip", "w") as zf:
        for name in ("wire_report.txt", "tabloid.txt", "agencies.csv"):
            zf.write(DEMO / name, f"inner/{name}")
        zf.writestr("../escape.txt", "Title: x\n\nThe dam holds 3 million litres.")
    (folder / "program.exe").write_bytes(b"MZ\x00\x00")
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def articles(folder, n: int):
    """``n`` articles with quotes and numbers, a few hundred words each."""
    folder.mkdir()
    for i in range(n):
        body = " ".join(
            f"Officials in district {i} counted {100 + i * 7 + k} homes without power on day {k}. "
            f"\"We need {k + 2} more crews,\" said Mayor Ada Quill{i}. "
            f"The storm's winds reached {90 + k} km/h near the coast." for k in range(12))
        (folder / f"{i:03d}.txt").write_text(f"Title: Storm report {i}\nOutlet: Wire {i % 3}\n\n"
                                             f"{body}\n", encoding="utf-8")
    return folder


def test_partitions_keep_every_file_and_zip_member_once(mixed):
    units = [u for u in list_units([mixed], members=2) if not hasattr(u, "reason")]
    parts = partition(units, max_units=3)
    names = [(u.name, m) for p in parts for u in p.units for m in (u.members or (None,))]
    assert len(names) == len(set(names))
    assert ("mixed/bundle.zip", "inner/tabloid.txt") in names
    assert ("mixed/wire_report.txt", None) in names
    assert all(sum(len(u.members or (1,)) for u in p.units) <= 3 for p in parts)


def test_same_rows_and_rejections_as_in_process(client, pipeline, mixed, tmp_path):
    inproc = Store(tmp_path / "inproc.db")
    dask = Store(tmp_path / "dask.db")
    expected = ingest_paths(inproc, [mixed, tmp_path / "missing"], "demo", pipeline=pipeline)
    seen = []
    report = ingest_dask(dask, [mixed, tmp_path / "missing"], "demo", client=client,
                         partition_units=3, progress=lambda *a: seen.append(a))
    assert stored(dask) == stored(inproc)
    assert len(stored(dask)) == 14  # the zip's members are copies: reported unchanged
    copies = ["mixed/bundle.zip/inner/agencies.csv (row 1)",
              "mixed/bundle.zip/inner/agencies.csv (row 2)",
              "mixed/tabloid.txt", "mixed/wire_report.txt"]
    assert (report.loaded, report.unchanged) == (expected.loaded, expected.unchanged)
    assert (report.loaded, report.unchanged) == (14 + len(copies), copies)
    assert sorted(map(str, report.rejected)) == sorted(map(str, expected.rejected))
    assert {r.name for r in report.rejected} >= {"mixed/program.exe", "mixed/noise.txt",
                                                 str(tmp_path / "missing")}
    assert seen[0][:2] == (0, seen[-1][1]) and seen[-1][0] == seen[-1][1] > 1
    assert integrity_ok(dask)


def test_rerun_is_idempotent(client, mixed, tmp_path):
    store = Store(tmp_path / "w.db")
    first = ingest_dask(store, [mixed], "demo", client=client, partition_units=4)
    before = stored(store)
    again = ingest_dask(store, [mixed], "demo", client=client, partition_units=4)
    assert (len(again.added), len(again.updated), len(again.unchanged)) == (0, 0, first.loaded)
    assert stored(store) == before
    assert sorted(again.document_ids) == sorted(first.document_ids)


def test_pipeline_loaded_once_per_worker(client, pipeline, tmp_path):
    store = Store(tmp_path / "w.db")
    ingest_dask(store, [articles(tmp_path / "a", 12)], "storms", client=client,
                partition_units=1)
    for stats in client.run(worker_stats).values():
        assert stats["loads"] == [pipeline.name]


class Interrupted(Exception):
    pass


def test_an_interrupted_run_is_finished_by_running_again(client, pipeline, tmp_path):
    folder = articles(tmp_path / "a", 16)
    reference = Store(tmp_path / "ref.db")
    ingest_paths(reference, [folder], "storms", pipeline=pipeline)
    store = Store(tmp_path / "w.db")

    def stop_after_three(done, total, label):
        if done == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        ingest_dask(store, [folder], "storms", client=client, partition_units=2,
                    progress=stop_after_three)
    partial = len(stored(store))
    assert 0 < partial < 16
    report = ingest_dask(store, [folder], "storms", client=client, partition_units=2)
    assert (len(report.unchanged), len(report.added)) == (partial, 16 - partial)
    assert stored(store) == stored(reference)


def test_a_worker_killed_mid_run_loses_nothing(client, pipeline, tmp_path):
    folder = articles(tmp_path / "a", 40)
    reference = Store(tmp_path / "ref.db")
    ingest_paths(reference, [folder], "storms", pipeline=pipeline)
    store = Store(tmp_path / "w.db")
    before = {s["pid"] for s in client.run(worker_stats).values()}
    killed = []

    def kill_one(done, total, label):
        if done == 1:
            victim = sorted(before)[0]
            os.kill(victim, signal.SIGKILL)
            killed.append((victim, total - done))

    report = ingest_dask(store, [folder], "storms", client=client, partition_units=2,
                         progress=kill_one)
    assert killed and killed[0][1] > 2, "the kill must land while partitions are left"
    assert not report.rejected
    rows = stored(store)
    assert len(rows) == len({r[0] for r in rows}) == len({r[1] for r in rows}) == 40
    assert rows == stored(reference)
    client.wait_for_workers(2, timeout=60)
    after = {s["pid"] for s in client.run(worker_stats).values()}
    assert killed[0][0] not in after  # the nanny started a new worker process


def test_cli_loads_on_dask_with_a_progress_bar(tmp_path, mixed, capsys):
    from workbench.cli import main

    code = main(["--db", str(tmp_path / "cli.db"), "ingest", str(mixed), "--set", "demo",
                 "--engine", "dask", "--workers", "1"])
    out, err = capsys.readouterr()
    assert code == 1  # files were rejected, and each is named
    assert "demo: 14 added, 0 updated, 4 unchanged, 3 rejected" in out
    assert "rejected: mixed/program.exe" in err and "rejected: mixed/noise.txt" in err
    assert "escape.txt" in err
    assert "partition" in err and "100%" in err  # the bar over partitions, finished


def test_sources_page_loads_a_long_folder_on_dask(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    allowed = tmp_path / "allowed"
    allowed.mkdir()
    articles(allowed / "storms", 6)
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "app.db"))
    monkeypatch.setenv("WORKBENCH_ALLOWED_ROOTS", str(allowed))
    monkeypatch.setenv("WORKBENCH_DASK_MIN_FILES", "5")
    monkeypatch.setenv("WORKBENCH_DASK_WORKERS", "1")
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    at.text_input(key="set_name").input("Storms")
    at.text_input(key="server_folder").input("storms")
    at.button(key="load").click().run()
    assert not at.exception, at.exception
    assert any("Storms\\: 6 added" in s.value and "on Dask, 3 partitions" in s.value
               for s in at.success)
