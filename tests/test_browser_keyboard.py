"""Reviewing with the keyboard in Chromium: next/previous claim, status keys, citing
evidence by number; keys typed into the note stay text. Filters and
the search live in the page address."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

import workbench

try:  # tests/ as a package, or as a plain folder on sys.path
    from tests import browser_support as support
except ImportError:
    import browser_support as support

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keyboard")
    support.seed_database(folder / "seed.db")
    db = folder / "keyboard.db"
    shutil.copy(folder / "seed.db", db)
    # Live updates on and frequent: a poll the browser sends before it has drawn the new
    # claim must not put the old one back (J then K once stayed on claim 2).
    with support.app_server(db, env={"WORKBENCH_LIVE_SECONDS": "0.25"}) as url:
        yield url, db


@pytest.fixture
def page(served):
    url, _ = served
    with support.running_browser() as browser:
        page = support.new_page(browser, f"{url}/review")
        yield page
        page.context.close()


def press(page, key: str) -> None:
    page.keyboard.press(key)
    support.wait_for_app(page)


def saved(page, version: int) -> None:
    """What the reviewer sees once a key's change is stored (the page polls meanwhile)."""
    expect(page.get_by_text(f"Saved: version {version}")).to_be_visible()


def showing(page, label: str) -> None:
    """The claim box shows ``label`` within 5 s (waiting as a reviewer would for the
    redraw)."""
    for _ in range(50):
        if label in shown_claim(page):
            return
        page.wait_for_timeout(100)
    assert label in shown_claim(page)


def shown_claim(page) -> str:
    return support.selected(support.keyed(page, "claim"))


def stored(db, claim_text: str) -> workbench.Review:
    store = workbench.open_store(db)
    article = workbench.list_documents(store, "articles under review")[0]
    _, claims = workbench.check_document(store, article.id, sets=["demo"])
    claim = next(c for c in claims if c.text == claim_text)
    return workbench.get_review(store, claim.key)


def claim_text(label: str) -> str:
    return label.split("“", 1)[1].split("”", 1)[0]


def test_review_a_claim_with_the_keyboard_only(page, served):
    _, db = served
    first = shown_claim(page)
    assert first.startswith("1. ")
    press(page, "j")
    showing(page, "2. ")  # the poll may answer first; the page then draws claim 2
    second = shown_claim(page)
    press(page, "k")
    showing(page, first)
    press(page, "j")
    showing(page, second)

    press(page, "s")
    saved(page, 1)
    assert stored(db, claim_text(second)).status == "supported"
    press(page, "x")
    saved(page, 2)
    assert stored(db, claim_text(second)).status == "contradicted"

    press(page, "1")  # cite the first piece of evidence
    saved(page, 3)
    review = stored(db, claim_text(second))
    assert len(review.cited) == 1 and review.status == "contradicted"
    press(page, "1")  # and uncite it
    saved(page, 4)
    assert stored(db, claim_text(second)).cited == []

    note = page.locator("[class*='st-key-note_'] textarea").filter(visible=True)
    expect(note).to_have_count(1)  # the keys' fresh widgets replace the old ones
    note.click()  # no key focuses the note
    page.keyboard.type("six sources checked")  # s, x, c… are text here, not keys
    press(page, "Control+Enter")
    saved(page, 5)
    review = stored(db, claim_text(second))
    assert (review.status, review.note, review.version) == (
        "contradicted", "six sources checked", 5)
    assert shown_claim(page) == second


def test_filters_and_search_live_in_the_address(page):
    support.fill_text(page, "q", "Sorn")  # the quote Drevic is given; Sorn said it
    labels = page.get_by_test_id("stCaptionContainer").filter(has_text="of 7 claims")
    expect(labels).to_contain_text("1 of 7 claims")
    assert "threaten no one" in shown_claim(page)
    support.pick(page, support.keyed(page, "kind"), "quote")
    expect(page).to_have_url(re.compile(r"[?&]kind=quote(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]q=Sorn(&|$)"))  # the search kept beside it

    other = page.context.new_page()  # the same link opens the same view
    other.goto(page.url)
    support.wait_for_app(other)
    expect(other.get_by_test_id("stCaptionContainer").filter(
        has_text="of 7 claims")).to_contain_text("1 of 7 claims")
    assert support.keyed(other, "q").locator("input").input_value() == "Sorn"
    assert support.tags(support.keyed(other, "kind")) == ["quote"]
    other.close()
