"""Offline to the last byte: every request the browser makes while a reviewer uses
every page (loading a set by upload, reviewing, a claim's copies and timeline, the keys'
help, adding an article, every export and the editor report) goes to the app's own host.

Every request is routed through the test: one to any other host is recorded and
aborted, and the test fails listing them. Web sockets are checked by their URL.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

try:  # tests/ as a package, or as a plain folder on sys.path
    from tests import browser_support as support
except ImportError:
    import browser_support as support

pytestmark = pytest.mark.browser
LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}
MARSH = "The launch of the Korval is a reckless escalation"
WARHEADS = "six warheads"


class Requests:
    """What the page asked for: local requests counted, the others kept (and aborted)."""

    def __init__(self) -> None:
        self.local = 0
        self.outside: list[str] = []

    def check(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"} or parts.hostname in LOCAL:
            self.local += 1
            return True
        self.outside.append(url)
        return False

    def route(self, route) -> None:
        if self.check(route.request.url):
            route.continue_()
        else:
            route.abort()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("offline") / "offline.db"
    support.seed_database(db)
    with support.app_server(db) as url:
        yield url


@pytest.fixture
def watched(server):
    with support.running_browser() as browser:
        requests = Requests()
        page = support.new_page(browser)
        page.context.route("**/*", requests.route)
        page.on("websocket", lambda socket: requests.check(socket.url))
        yield page, requests, server
        page.context.close()


def test_the_watch_catches_an_outside_request(watched):
    """The route really sees what the page fetches, so an empty list means something."""
    page, requests, url = watched
    page.goto(url)
    support.wait_for_app(page)
    page.evaluate("() => fetch('https://example.com/x.png').catch(() => null)")
    assert requests.outside == ["https://example.com/x.png"]
    assert requests.local > 10


def test_every_page_upload_and_export_stay_local(watched, tmp_path):
    page, requests, url = watched
    source = tmp_path / "harbour.txt"
    source.write_text("Title: Harbour strike\n\nDock workers voted to extend their strike for "
                      "12 days, the union said on Monday.\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text('Title: Harbour\n\nThe strike will last 12 days, the union said. '
                       '"We will not move," said Ana Lind.\n', encoding="utf-8")

    page.goto(url)  # Sources: upload a file into a new set
    support.wait_for_app(page)
    support.fill_text(page, "set_name", "Offline set")
    support.upload(page, [source])
    support.click_button(page, "load")
    expect(page.get_by_test_id("stAlertContentSuccess").filter(
        has_text="Offline set: 1 added")).to_be_visible()

    support.go_to(page, "Review")  # review a claim, then add an article by upload
    support.select(page, support.keyed(page, "claim"), MARSH)
    support.select(page, page.locator("[class*='st-key-status_']"), "supported")
    expect(page.get_by_text("Saved: version 1")).to_be_visible()
    support.select(page, support.keyed(page, "claim"), WARHEADS)  # copies and a timeline
    expect(page.get_by_text("2 independent confirmations")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_be_visible()
    page.get_by_test_id("stPopover").get_by_role("button").click()  # the keys' help
    expect(page.get_by_text("next / previous claim")).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_text("Paste or upload a new article").click()
    support.upload(page, [article], container=support.keyed(page, "new_file"))
    support.click_button(page, "add_article")
    expect(support.keyed(page, "doc").get_by_role("combobox")).to_have_value(
        "Harbour — unknown outlet (articles under review)")

    support.go_to(page, "Export")  # every download: claims, ClaimReview, editor report
    assert b"supported" in support.download(page, "Download CSV")
    assert json.loads(support.download(page, "Download JSON"))["claims"]
    assert json.loads(support.download(page, "Download ClaimReview JSON-LD"))
    assert b"<html" in support.download(page, "Editor report (HTML)")
    assert support.download(page, "Editor report (PDF)").startswith(b"%PDF")

    assert requests.outside == [], f"requests to other hosts: {sorted(set(requests.outside))}"
    assert requests.local > 50
