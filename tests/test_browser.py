"""The app in Debian's Chromium: load a set, review a claim, reload, export the CSV.

These tests start the real server (``browser_support.app_server``) on a fresh
temporary database, so the first page view also proves the demo set is seeded.
A missing Chromium is a failure, not a skip: CI and ``make test`` install it.
"""

from __future__ import annotations

import pandas as pd
import pytest
from playwright.sync_api import expect

try:  # tests/ as a package, or as a plain folder on sys.path
    from tests import browser_support as support
except ImportError:
    import browser_support as support

pytestmark = pytest.mark.browser
ARTICLE = "Varosia test-fires Korval missile as neighbours cry foul"
MARSH = "The launch of the Korval is a reckless escalation"


@pytest.fixture(scope="module")
def server(new_db):
    db = new_db("browser")
    with support.app_server(db) as url:
        yield url


@pytest.fixture
def page(server):
    with support.running_browser() as browser:
        context = browser.new_context(accept_downloads=True,
                                      viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(server)
        support.wait_for_app(page)
        yield page
        context.close()


def test_load_review_reload_export(page, tmp_path):
    files = []
    for name, text in (("harbour.txt", "Title: Harbour strike\n\nDock workers in Drenna voted "
                                       "to extend their strike, the union said on Monday.\n"),
                       ("rail.md", "---\ntitle: Rail fares\n---\n\nFares rise by 4% in May, "
                                   "the operator said.\n")):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")

    # Sources: upload two files into a new set and load them.
    support.keyed(page, "set_name").locator("input").fill("Browser set")
    support.keyed(page, "set_name").locator("input").press("Enter")
    support.wait_for_app(page)
    support.upload(page, files)  # waits until the upload has finished
    support.keyed(page, "load").locator("button").click()
    support.wait_for_app(page)
    expect(page.get_by_test_id("stAlertContentSuccess").filter(
        has_text="Browser set: 2 added")).to_be_visible()
    page.get_by_text("Re-load or delete a set").click()
    expect(support.keyed(page, "manage_set")).to_be_visible()
    support.select(page, support.keyed(page, "manage_set"), "Browser set")
    assert support.selected(support.keyed(page, "manage_set")) == "Browser set"

    # Review: the demo article, the Marsh quote, status contradicted and a note.
    support.go_to(page, "Review")
    support.keyed(page, "reviewer").locator("input").fill("Ann Example")
    support.keyed(page, "reviewer").locator("input").press("Enter")
    support.wait_for_app(page)
    support.select(page, support.keyed(page, "doc"), ARTICLE)
    support.select(page, support.keyed(page, "claim"), MARSH)
    status = page.locator("[class*='st-key-status_']")
    support.select(page, status, "contradicted")
    note = page.locator("[class*='st-key-note_'] textarea")
    note.fill("Northwire quotes it verbatim, but the date is wrong.")
    note.press("Control+Enter")
    support.wait_for_app(page)
    expect(page.get_by_text("Saved: version 2")).to_be_visible()

    # Reload: a new session reads everything back from the database.
    page.reload()
    support.wait_for_app(page)
    assert MARSH in support.selected(support.keyed(page, "claim"))
    assert support.selected(page.locator("[class*='st-key-status_']")) == "contradicted"
    assert page.locator("[class*='st-key-note_'] textarea").input_value().startswith("Northwire")
    assert support.keyed(page, "reviewer").locator("input").input_value() == "Ann Example"

    # Export: download the CSV and find the verdict.
    support.go_to(page, "Export")
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="Download CSV").locator(
            "button").click()
    exported = pd.read_csv(download.value.path())
    row = exported[exported["claim"].str.startswith(MARSH)]
    assert row["status"].tolist() == ["contradicted"]
    assert row["note"].tolist() == ["Northwire quotes it verbatim, but the date is wrong."]
    assert row["reviewer"].tolist() == ["Ann Example"]


def test_untrusted_text_is_shown_as_text(page):
    hostile = ('Mayor Jo Rell said on Friday: "The <img src=x onerror=window.__xss=1> budget '
               ':red[x] ](javascript:alert(1)) costs $5 and $6 today," in a statement.')
    support.go_to(page, "Review")
    page.get_by_text("Paste or upload a new article").click()
    support.keyed(page, "new_title").locator("input").fill("Budget <b>row</b>")
    support.keyed(page, "new_text").locator("textarea").fill(hostile)
    support.keyed(page, "add_article").locator("button").click()
    support.wait_for_app(page)
    highlighted = page.locator(".stMarkdownColoredBackground").first
    expect(highlighted).to_contain_text("budget :red[x] ](javascript:alert(1)) costs $5 and $6")
    expect(highlighted).to_contain_text("<img src=x onerror=window.__xss=1>")
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator(".katex").count() == 0
    expect(page.get_by_text("Budget <b>row</b>").first).to_be_visible()
