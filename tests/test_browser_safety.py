"""Hostile text in Chromium: XSS payloads in sources, an article and notes stay text.

The payloads (``tests/xss_payloads.py``) reach the app the way a user would bring
them: as uploaded file names and file contents (so they become titles, outlets,
quotes, numeric claims and evidence passages), as a pasted article and its title,
as the reviewer's name, as review notes typed in the browser and as the note of a
colleague whose save conflicts with ours. Then Sources, Review (claims selected so
evidence cards, wording diffs and the conflict warning render) and Export are
visited. A trap installed before the app's scripts records any payload that runs;
a dialog listener records alerts. Each page must leave the trap untouched, hold
no live markup the payloads asked for (``img[src=x]``, ``iframe[srcdoc]``,
``javascript:`` URLs, inline handlers, KaTeX) and show the payload text literally.

A first test is the positive control: the same payloads, served as raw HTML, do
fire the trap, so a silent trap means "escaped", not "never armed".
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

try:  # tests/ as a package, or as a plain folder on sys.path
    from tests import browser_support as support
    from tests import xss_payloads as xss
except ImportError:
    import browser_support as support
    import xss_payloads as xss

import workbench
import workbench.export

pytestmark = pytest.mark.browser
P = xss.PAYLOADS
SVG, DETAILS = xss.payload("svg onload"), xss.payload("details ontoggle")
SET = f"Hostile {SVG} set"
REVIEWER = f"Rev {xss.payload('img onerror')}"
COLLEAGUE = f"Colleague {xss.payload('attribute breakout, double quote')}"
ARTICLE_TITLE = f"Budget {xss.payload('iframe srcdoc')} row"
QUOTE = f'"{P[0]} is what we said," Ana Lee said.'  # P[0]: a script tag
NOTE = "Checked: " + " ".join(P[:18])
THEIR_NOTE = "Theirs: " + " ".join(P[18:])
# Live markup the payloads ask for; none of it may appear in the app's DOM.
DANGER = """() => {
  const bad = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      const v = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (a.name.startsWith('on')) bad.push(e.tagName + ' ' + a.name);
      if (['href', 'src', 'data', 'action', 'formaction', 'xlink:href'].includes(a.name)
          && /^(javascript|vbscript|data:text\\/html)/.test(v)) bad.push(e.tagName + ' ' + v);
    }
  }
  for (const sel of ["img[src='x']", "img[src='y']", "img[src='z']", 'iframe[srcdoc]',
                     'object', 'embed', 'svg[onload]', 'animate', 'video',
                     'form button', 'meta[http-equiv]', '.katex', 'math a',
                     "[data-testid='stMarkdownContainer'] img",  // :streamlit: logo
                     "[data-testid='stMarkdownContainer'] span[role='img']"])  // icons
    for (const e of document.querySelectorAll(sel)) bad.push(sel);
  return bad;
}"""


@pytest.fixture
def browser():
    with support.running_browser() as browser:
        yield browser


def armed_page(browser):
    """A page with the trap installed and every dialog recorded (and dismissed)."""
    page = support.new_page(browser, init_script=xss.TRAP)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page, dialogs


def check_safe(page, dialogs: list[str], where: str) -> None:
    """Nothing ran, and none of the live markup the payloads ask for exists."""
    xss.assert_no_execution(page, dialogs)
    assert page.evaluate(DANGER) == [], f"live markup on {where}"


def source_files(folder: Path) -> list[Path]:
    """The uploaded set: payloads as file names and in every field and sentence."""
    files = []
    for n, payload in enumerate(xss.file_name_payloads(), start=1):
        other = P[(n * 7) % len(P)]
        url = (f"https://example.org/{n}\"><script>top.__xss={n}</script>" if n % 2
               else f"javascript:top.__xss={n}")
        text = (f"Title: Report {n} {payload}\nOutlet: {other}\nURL: {url}\n"
                f"Published: 2026-03-{n:02d}\n\n"
                f"{QUOTE}\n\n"
                f"Officials said the missile reached more than 3,100 kilometers per hour, "
                f"{payload} they added.\n\n"
                f'"{payload} stays text," Mayor Jo Rell told reporters on Monday.\n')
        files.append(folder / f"{payload}.txt")
        files[-1].write_text(text, encoding="utf-8")
    html = folder / "entities.html"  # entities decode to markup-looking text
    html.write_text(
        "<html><head><title>Entity &lt;img src=x onerror=top.__xss=40&gt; page</title>"
        "<script>top.__xss=41</script></head><body><article><h1>Entity page</h1>"
        "<p>&quot;&lt;script&gt;top.__xss=1&lt;/script&gt; is what we said,&quot; Ana Lee "
        "said.</p><p>Officials said the missile reached more than 3,150 kilometers per hour, "
        "&lt;svg onload=top.__xss=42&gt; they added, in a statement on Monday.</p>"
        "</article></body></html>", encoding="utf-8")
    markdown = folder / "all payloads.md"
    markdown.write_text("---\ntitle: All payloads\noutlet: Markdown desk\n---\n\n"
                        + "\n\n".join(f'"{p} stays text," Mayor Jo Rell told reporters.'
                                      for p in P) + "\n", encoding="utf-8")
    return [*files, html, markdown]


def article_text() -> str:
    everything = " ".join(P)
    return (f"{QUOTE}\n\n"
            f"The missile reached more than 3,200 kilometers per hour, officials said on "
            f"Sunday. {everything}\n\n"
            + "\n\n".join(f'"{p} is not code," Mayor Jo Rell said.' for p in (SVG, DETAILS)))


def literal(shown: str) -> str:
    """Text as read: without the invisible word joiners ``md_escape`` puts into
    Streamlit's icon codes."""
    return shown.replace("\u2060", "")


def visible_text(page, text: str):
    return page.get_by_text(text, exact=False).filter(visible=True).first


def test_trap_catches_payloads_served_as_raw_html(browser):
    """Positive control: each payload, served unescaped in a page of its own, runs
    and the trap sees it (the ones that need a click or an old browser aside)."""
    page, dialogs = armed_page(browser)

    def serve(route) -> None:
        name = route.request.url.rsplit("/", 1)[1]
        if not name.isdigit():  # img src=x and the like: a broken image, as intended
            route.fulfill(status=404, body="")
            return
        route.fulfill(content_type="text/html",
                      body=f"<html><body><p>{P[int(name)]}</p></body></html>")

    page.route("http://xss.test/**", serve)
    fired, markup = set(), 0
    for n in range(len(P)):
        page.goto(f"http://xss.test/{n}")
        page.wait_for_timeout(60)  # events fired after load (animations, frames)
        fired |= {int(h.split()[1]) for h in xss.hits(page) if h.startswith("marker ")}
        markup += bool(page.evaluate(DANGER))
    assert markup >= len(P) // 2  # the live-markup check sees the HTML ones too
    expected = xss.numbers(
        "script tag", "script tag, upper case", "script src data URL", "img onerror",
        "img onerror, quoted", "svg onload", "svg animate onbegin", "iframe srcdoc",
        "body onload", "details ontoggle", "attribute breakout, double quote",
        "attribute breakout, single quote", "video source onerror", "alert dialog",
        "document title")
    assert expected <= fired, f"fired {sorted(fired)}"
    assert any("alert" in d for d in dialogs)
    assert page.title() == xss.TITLE
    assert page.evaluate("() => window.__xss") is None  # the trap hides the marker
    page.context.close()


def test_payloads_in_sources_article_and_notes_stay_text(browser, tmp_path, new_db):
    db = new_db("safety")
    files = source_files(tmp_path)
    # Live updates off: the colleague's save below must meet our stale page (a conflict).
    with support.app_server(db, env={"WORKBENCH_LIVE_SECONDS": "0"}) as url:
        page, dialogs = armed_page(browser)
        page.goto(url)
        support.wait_for_app(page)

        # Sources: a set named with a payload, from files named and filled with payloads.
        support.fill_text(page, "set_name", SET)
        support.upload(page, files)
        support.click_button(page, "load")
        success = page.get_by_test_id("stAlertContentSuccess")
        expect(success).to_contain_text(f"{SET}: {len(files)} added")
        check_safe(page, dialogs, "Sources after loading")

        # Review: our name, a pasted article and title carrying payloads.
        support.go_to(page, "Review")
        support.fill_text(page, "reviewer", REVIEWER)
        page.get_by_text("Paste or upload a new article").click()
        support.keyed(page, "new_title").locator("input").fill(ARTICLE_TITLE)
        support.keyed(page, "new_text").locator("textarea").fill(article_text())
        support.click_button(page, "add_article")
        assert ARTICLE_TITLE in support.selected(support.keyed(page, "doc"))
        check_safe(page, dialogs, "Review after adding the article")

        # The quote: its evidence cards (titles, outlets, links, passages) from the set.
        support.select(page, support.keyed(page, "claim"), "is what we said")
        titles = page.locator("strong").filter(has_text=re.compile(r"^Report \d+ "))
        expect(titles.first).to_be_visible()
        expected = {f"Report {n} {p}" for n, p in enumerate(xss.file_name_payloads(), 1)}
        shown = titles.all_inner_texts()
        assert len(shown) >= 5 and set(shown) <= expected, shown
        links = page.locator("a[href^='https://example.org/']")
        assert links.count() > 0
        assert all("%3Cscript%3E" in h for h in links.evaluate_all("l => l.map(a => a.href)"))
        expect(visible_text(page, f"{P[0]} is what we said")).to_be_visible()
        expect(visible_text(page, f"{ARTICLE_TITLE} — unknown outlet")).to_be_visible()
        check_safe(page, dialogs, "Review, quote with evidence")

        # The numeric claim: its paragraph holds every payload, highlighted as text.
        support.select(page, support.keyed(page, "claim"), "more than 3,200")
        paragraph = page.locator("[data-testid='stMarkdownContainer']").filter(
            has=page.locator(".stMarkdownColoredBackground")).first
        shown = literal(paragraph.inner_text())
        missing = [p for p in P if p not in shown]
        assert missing == [], f"not shown literally: {missing}"
        expect(visible_text(page, "onerror")).to_be_visible()
        check_safe(page, dialogs, "Review, numeric claim")

        # A quote whose sources word it differently: the diff renders the payload.
        support.select(page, support.keyed(page, "claim"), f"{DETAILS} is not code")
        expect(page.get_by_text("Wording:").first).to_be_visible()
        check_safe(page, dialogs, "Review, wording diff")

        # Notes: ours typed in, then a colleague's saved under us, then our next change
        # conflicts and the warning quotes both notes and both names.
        status = page.locator("[class*='st-key-status_']")
        support.select(page, status, "misleading")
        note = page.locator("[class*='st-key-note_'] textarea")
        note.fill(NOTE)
        note.press("Control+Enter")
        support.wait_for_app(page)
        expect(page.get_by_text("Saved: version 2")).to_be_visible()
        expect(visible_text(page, f"by {REVIEWER}")).to_be_visible()
        store = workbench.open_store(db)
        claim_key = page.evaluate("() => new URL(location.href).searchParams.get('claim')")
        [stored] = workbench.reviews_for(store, [claim_key]).values()
        assert stored.note == NOTE and stored.reviewer == REVIEWER
        doc_id = int(page.evaluate("() => new URL(location.href).searchParams.get('doc')"))
        _, claims = workbench.check_document(store, doc_id, sets=workbench.default_sets(store))
        claim = next(c for c in claims if c.key == claim_key)
        workbench.save_review(store, claim, status="supported", note=THEIR_NOTE,
                              reviewer=COLLEAGUE, expected_version=stored.version)
        support.select(page, status, "contradicted")
        warning = page.get_by_test_id("stAlertContentWarning").filter(
            has_text="Your change was not saved")
        expect(warning).to_be_visible()
        shown = literal(warning.inner_text())
        missing = [p for p in P if p not in shown]
        assert missing == [], f"conflict warning lost: {missing}"
        assert COLLEAGUE in shown and NOTE in shown and THEIR_NOTE in shown
        check_safe(page, dialogs, "Review, conflict warning")

        # Export: the preview table, and the CSV keeps the note verbatim.
        support.go_to(page, "Export")
        expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
        cells = page.locator("[data-testid^='glide-cell']")  # the grid's accessible copy
        expect(cells.filter(has_text=f"{DETAILS} is not code").first).to_be_attached()
        check_safe(page, dialogs, "Export")
        exported = pd.read_csv(io.BytesIO(support.download(page, "Download CSV")))
        assert THEIR_NOTE in exported["note"].tolist()

        # Sources again: the set's name in the table, the picker and the delete label.
        support.go_to(page, "Sources")
        page.get_by_text("Re-load or delete a set").click()
        support.select(page, support.keyed(page, "manage_set"), "Hostile")
        expect(visible_text(page, f"Yes, delete “{SET}”")).to_be_visible()
        check_safe(page, dialogs, "Sources")
        page.context.close()
