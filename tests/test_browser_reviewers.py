"""Several reviewers at once, in Chromium: conflicts, reloads, exports during saves.

Each browser test starts the app on its own copy of a database seeded once per
module (the demo set and article, evidence cached), so the server's first page is
quick; the test process opens the same file to check what was really stored
(``workbench.reviews_for``) and, for the export, to keep saving reviews while the
browser downloads. Two browser contexts are two reviewers with their own sessions.

- Conflict: A and B open the same claim; A saves; B, still on the old version,
  saves too: B is told (the app's warning), A's review stays stored, and only B's
  "Re-apply mine on top" writes, merged (B's status, A's note). A, stale in turn,
  takes theirs without writing anything.
- Reload: status, note and cited evidence saved, the page reloaded: all shown again.
- Export: a thread saves reviews (notes "tick N", in order) while the CSV is
  downloaded several times; every CSV has the exact header and valid statuses, the
  reviewed rows never decrease, and each CSV is one snapshot: it holds exactly
  the saves up to its newest tick. A last test, without a browser, lands saves
  between the export's reads: the export sees none of them (one read transaction).
"""

from __future__ import annotations

import io
import itertools
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import dbs
import pandas as pd
import pytest
from playwright.sync_api import expect

try:  # tests/ as a package, or as a plain folder on sys.path
    from tests import browser_support as support
except ImportError:
    import browser_support as support

import workbench
import workbench.export
from workbench import settings
from workbench.store import documents as doc_rows

MARSH = "The launch of the Korval is a reckless escalation"
CONFLICT = "saved this review while you were editing"
NOT_SAVED = "Your change was not saved"
STATUSES = {str(s) for s in workbench.Status}
TICK = re.compile(r"tick (\d+)")


@dataclass
class Demo:
    template: Path
    doc: int  # the demo article under review
    marsh: str  # the key of Elena Marsh's quote
    claims: list  # claims to save reviews on: the article's, then the sources'


@pytest.fixture(scope="module")
def demo(new_db) -> Demo:
    template = new_db("template")
    support.seed_database(template)
    store = workbench.open_store(template)
    article = workbench.list_documents(store, str(settings.get("articles_set")))[0]
    _, claims = workbench.check_document(store, article.id, sets=workbench.default_sets(store))
    marsh = next(c.key for c in claims if c.text.startswith(MARSH))
    named = {}  # one claim per (document title, claim text): how the CSV names a claim
    for doc in [article, *workbench.list_documents(store, "demo")]:
        for claim in claims if doc is article else doc_rows.claims_of(store, doc.id):
            named.setdefault((doc.title, claim.text), claim)
    return Demo(template, article.id, marsh, list(named.values()))


@pytest.fixture(scope="module")
def browser():
    with support.running_browser() as browser:
        yield browser


@pytest.fixture
def database(demo, tmp_path) -> str:
    return dbs.clone(demo.template, tmp_path, "reviewers")


def status_box(page):
    return page.locator("[class*='st-key-status_']")


def note_box(page):
    return page.locator("[class*='st-key-note_'] textarea")


def stored(db: Path, key: str) -> workbench.Review:
    return workbench.reviews_for(workbench.open_store(db), [key])[key]


def document_of(store, key: str) -> workbench.Document:
    with store.read() as conn:
        return doc_rows.document_of_claim(conn, key)


def saved_version(page, version: int) -> None:
    expect(page.get_by_text(f"Saved: version {version},")).to_be_visible()


@pytest.mark.browser
def test_a_conflicting_save_is_refused_until_merged(browser, demo, database):
    # Live updates off: with them on, B would be shown A's save before editing.
    with support.app_server(database, env={"WORKBENCH_LIVE_SECONDS": "0"}) as url:
        link = f"{url}/review?doc={demo.doc}&claim={demo.marsh}"
        a = support.new_page(browser, link + "&reviewer=Ann")
        b = support.new_page(browser, link + "&reviewer=Bob")
        for page in (a, b):
            assert MARSH in support.selected(support.keyed(page, "claim"))
            expect(page.get_by_text("Not reviewed yet")).to_be_visible()

        # A: supported, with a note (two saves: versions 1 and 2).
        support.select(a, status_box(a), "supported")
        saved_version(a, 1)
        note_box(a).fill("Ann: Northwire and Lenvia's ministry both carry it.")
        note_box(a).press("Control+Enter")
        support.wait_for_app(a)
        saved_version(a, 2)
        ann = stored(database, demo.marsh)
        assert (ann.status, ann.reviewer, ann.version) == ("supported", "Ann", 2)

        # B, still on version 0: contradicted is refused, B is told, nothing is written.
        support.select(b, status_box(b), "contradicted")
        warning = b.get_by_test_id("stAlertContentWarning").filter(has_text=NOT_SAVED)
        expect(warning).to_be_visible()
        expect(warning).to_contain_text(f"Ann {CONFLICT} (version 2")
        expect(warning).to_contain_text("you had status contradicted")
        assert support.selected(status_box(b)) == "contradicted"  # B's choice is kept
        assert stored(database, demo.marsh) == ann
        assert len(workbench.history(workbench.open_store(database), demo.marsh)) == 2

        # B re-applies: B's status over A's review, A's note kept (B did not touch it).
        support.click_button(b, f"merge_{demo.marsh}")
        expect(warning).to_have_count(0)
        saved_version(b, 3)
        merged = stored(database, demo.marsh)
        assert (merged.status, merged.note, merged.reviewer, merged.version) == (
            "contradicted", ann.note, "Bob", 3)

        # A, now stale, edits the note: refused in turn; "Take theirs" writes nothing.
        note_box(a).fill("Ann: second thoughts.")
        note_box(a).press("Control+Enter")
        support.wait_for_app(a)
        warning = a.get_by_test_id("stAlertContentWarning").filter(has_text=NOT_SAVED)
        expect(warning).to_contain_text(f"Bob {CONFLICT} (version 3")
        assert stored(database, demo.marsh) == merged
        support.click_button(a, f"theirs_{demo.marsh}")
        expect(warning).to_have_count(0)
        assert support.selected(status_box(a)) == "contradicted"
        assert note_box(a).input_value() == ann.note
        saved_version(a, 3)
        assert stored(database, demo.marsh) == merged
        a.context.close()
        b.context.close()


@pytest.mark.browser
def test_a_reload_mid_review_keeps_the_saved_work(browser, demo, database):
    note = "Cleo: the date in the article is a day late."
    with support.app_server(database) as url:
        page = support.new_page(browser, f"{url}/review?doc={demo.doc}&claim={demo.marsh}"
                                         "&reviewer=Cleo")
        support.select(page, status_box(page), "misleading")
        saved_version(page, 1)
        note_box(page).fill(note)
        note_box(page).blur()  # leaving the field commits it, as a reviewer would
        support.wait_for_app(page)
        saved_version(page, 2)
        cited = page.locator("[class*='st-key-cited_']")
        support.pick(page, cited, "1. ")
        saved_version(page, 3)
        [label] = support.tags(cited)

        page.reload()
        support.wait_for_app(page)
        assert MARSH in support.selected(support.keyed(page, "claim"))
        assert support.selected(status_box(page)) == "misleading"
        assert note_box(page).input_value() == note
        assert support.keyed(page, "reviewer").locator("input").input_value() == "Cleo"
        assert support.tags(cited) == [label]
        saved_version(page, 3)
        review = stored(database, demo.marsh)
        assert (review.status, review.note, review.reviewer, review.version) == (
            "misleading", note, "Cleo", 3)
        assert len(review.cited) == 1
        page.context.close()


class Writer(threading.Thread):
    """Keeps saving reviews, each note "tick N", over a growing pool of claims (one more
    every ``GROWTH`` saves, so the number of reviewed claims keeps rising); ``log``
    holds (tick, claim key) of every committed save, in commit order."""

    GROWTH = 5

    def __init__(self, db: Path, claims: list):
        super().__init__(daemon=True)
        self.store, self.claims = workbench.open_store(db), claims
        self.stop, self.log, self.error = threading.Event(), [], None

    def run(self) -> None:
        versions = {c.key: 0 for c in self.claims}
        statuses = [s for s in workbench.Status if s is not workbench.Status.UNREVIEWED]
        try:
            for tick in itertools.count(1):
                if self.stop.wait(0.003):
                    return
                pool = min(len(self.claims), 1 + tick // self.GROWTH)
                claim = self.claims[tick % pool]
                saved = workbench.save_review(
                    self.store, claim, status=statuses[tick % len(statuses)],
                    note=f"tick {tick}", reviewer="writer", expected_version=versions[claim.key])
                versions[claim.key] = saved.version
                self.log.append((tick, claim.key))
        except Exception as exc:  # reported by the test
            self.error = exc


def check_snapshot(frame: pd.DataFrame, log: list, labels: dict) -> int:
    """The CSV holds exactly the writer's saves up to its newest tick; returns that tick."""
    ticks = {}
    for _, row in frame.iterrows():
        match = TICK.fullmatch(str(row["note"]))
        if match:
            ticks[(row["article_title"], row["claim"])] = int(match.group(1))
    newest = max(ticks.values(), default=0)
    expected = {}
    for tick, key in log:
        if tick <= newest:
            expected[labels[key]] = tick
    assert ticks == expected, "the export mixes states of the database"
    return newest


@pytest.mark.browser
def test_an_export_during_saves_is_one_snapshot(browser, demo, database):
    store = workbench.open_store(database)
    labels = {c.key: (document_of(store, c.key).title, c.text)  # a claim's name in the CSV
              for c in demo.claims}
    assert len(set(labels.values())) == len(labels)
    header = ",".join(workbench.export.COLUMNS)
    with support.app_server(database) as url:
        page = support.new_page(browser, f"{url}/export")
        writer = Writer(database, demo.claims)
        writer.start()
        downloads = []
        try:
            for _ in range(6):
                page.reload()
                support.wait_for_app(page)
                downloads.append(support.download(page, "Download CSV"))
        finally:
            writer.stop.set()
            writer.join(timeout=30)
        assert writer.error is None, writer.error
        page.context.close()

    reviewed, newest = [], []
    for data in downloads:
        text = data.decode("utf-8")
        assert text.split("\r\n", 1)[0] == header
        frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
        assert list(frame.columns) == list(workbench.export.COLUMNS)
        assert set(frame["status"]) <= STATUSES
        reviewed.append(len(frame))
        newest.append(check_snapshot(frame, writer.log, labels))
    assert reviewed == sorted(reviewed), f"reviewed rows went down: {reviewed}"
    assert reviewed[-1] > reviewed[0], reviewed  # new claims were reviewed meanwhile
    assert newest == sorted(newest) and newest[-1] > newest[0], newest  # saves went on
    assert len(writer.log) > len(demo.claims)


def test_an_export_sees_no_save_landing_between_its_reads(demo, database, monkeypatch):
    """Deterministic: two saves commit after the export's first read and before its
    last; an export that is one snapshot shows neither, a torn one only the second."""
    store = workbench.open_store(database)
    article_claim, source_claim = demo.claims[0], demo.claims[-1]
    workbench.save_review(store, article_claim, status="supported", note="tick 1",
                          expected_version=0)
    original = workbench.export.all_reviews

    def saves_land_then_read(db):
        workbench.save_review(store, article_claim, status="misleading", note="tick 2",
                              expected_version=1)
        workbench.save_review(store, source_claim, status="misleading", note="tick 3",
                              expected_version=0)
        return original(db)

    monkeypatch.setattr(workbench.export, "all_reviews", saves_land_then_read)
    rows = workbench.export_rows(store)
    assert [(r["claim"], r["note"]) for r in rows] == [(article_claim.text, "tick 1")]
    monkeypatch.setattr(workbench.export, "all_reviews", original)
    notes = sorted(r["note"] for r in workbench.export_rows(store))
    assert notes == ["tick 2", "tick 3"]  # a later export sees both
