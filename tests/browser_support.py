"""Running the app in a real browser: start/stop the server, drive Streamlit widgets.

Used by ``tests/test_browser.py`` and, run as a script, to take the screenshots in
``docs/screenshots/``::

    .venv/bin/python tests/browser_support.py docs/screenshots

The server runs in its own process group (so stopping it stops everything it
started) against a temporary database. Waiting follows Streamlit's own tests: a
short debounce, then the app's connection and script-state attributes; no sleeps.
Debian's Chromium is used; Playwright's browser downloads are never used.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
MISSING_CHROMIUM = (f"{CHROMIUM} is missing: install Debian's Chromium "
                    "(`apt-get install -y chromium`; `make test` does it). "
                    "Do not use `playwright install`.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@contextlib.contextmanager
def app_server(db_path: Path, *, timeout: float = 60.0, env: dict | None = None,
               port: int | None = None) -> Iterator[str]:
    """The app served on ``port`` (else a free one) against ``db_path``; yields its URL."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115  (closed in the finally below)
        "w+", prefix="streamlit-", suffix=".log", delete=False)
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "WORKBENCH_DB": str(db_path), **(env or {})},
    )
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"the app did not start:\n{log.read()[-3000:]}")
            time.sleep(0.1)  # polling the health endpoint, not waiting on the UI
        yield url
    finally:
        stop(process)
        log.close()
        os.unlink(log.name)


def stop(process: subprocess.Popen) -> None:
    """Stop the server's whole process group: TERM, then KILL if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError(MISSING_CHROMIUM)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextlib.contextmanager
def running_browser():
    """Debian's Chromium under Playwright for one fixture; the test fails (never
    skips) when it is not installed."""
    import pytest
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(MISSING_CHROMIUM)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()


def wait_for_app(page, timeout: float = 120_000) -> None:
    """Wait until the script has run: connected, and not running."""
    page.wait_for_timeout(200)  # debounce: let a rerun start before checking it ended
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']",
                           timeout=timeout)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           timeout=timeout)
    # Widgets whose code is still loading show as skeletons for a moment.
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")",
                           timeout=timeout)


def keyed(page, key: str):
    """The element a widget with ``key`` lives in (Streamlit adds a ``st-key-`` class)."""
    return page.locator(f".st-key-{key}")


def select(page, container, option: str) -> None:
    """Pick the option containing ``option`` in a selectbox."""
    _choose(page, container, option, lambda: option in selected(container), close=False)


def pick(page, container, option: str) -> None:
    """Add the option containing ``option`` to a multiselect; it shows as a tag."""
    _choose(page, container, option, lambda: any(option in t for t in tags(container)),
            close=True)


def _choose(page, container, option: str, chosen, *, close: bool) -> None:
    """Choose with the keyboard: typing filters the list (which only renders the
    options in view). The list closes when the page scrolls, so the whole gesture
    is retried."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = container.get_by_role("combobox")
    options = page.get_by_role("option")
    for _ in range(3):
        box.scroll_into_view_if_needed()
        box.click()
        box.fill(option)
        try:
            options.filter(has_text=option).first.wait_for(timeout=3000)
        except PlaywrightTimeout:
            continue
        labels = options.all_inner_texts()  # best matches first, not necessarily ours
        matches = [i for i, label in enumerate(labels) if option in label]
        if not matches:
            continue
        for _ in range(matches[0]):
            box.press("ArrowDown")
        box.press("Enter")
        if close:
            box.press("Escape")  # a multiselect stays open for more
        wait_for_app(page)
        if chosen():
            return
    raise AssertionError(f"could not choose {option!r}")


def tags(container) -> list[str]:
    """The options a multiselect shows as chosen."""
    return container.locator("[data-tag]").evaluate_all(
        "tags => tags.map(t => t.getAttribute('aria-label'))")


def selected(container) -> str:
    """The option a selectbox shows."""
    return container.get_by_role("combobox").input_value()


def go_to(page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    wait_for_app(page)


def new_page(browser, url: str | None = None, *, init_script: str | None = None,
             width: int = 1400, height: int = 1000):
    """A page in a context of its own (its own session: a second context is a second
    reviewer) that accepts downloads. ``init_script`` runs before any page script;
    with ``url`` the page is opened and waited for. Close it with ``page.context.close()``."""
    context = browser.new_context(accept_downloads=True,
                                  viewport={"width": width, "height": height})
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    if url is not None:
        page.goto(url)
        wait_for_app(page)
    return page


def fill_text(page, key: str, text: str) -> None:
    """Type ``text`` into the text input or text area with widget ``key`` and commit it
    (Enter, or Ctrl+Enter in a text area), then wait for the rerun."""
    container = keyed(page, key)
    field = container.locator("textarea, input").first
    field.fill(text)
    is_area = field.evaluate("e => e.tagName") == "TEXTAREA"
    field.press("Control+Enter" if is_area else "Enter")
    wait_for_app(page)


def upload(page, files, container=None, timeout: float = 60_000) -> None:
    """Choose ``files`` in the file uploader (in ``container``, else the page's only one)
    and wait until every file is uploaded and the app has rerun with them: the upload
    is asynchronous, and clicking on before it ends sends no files."""
    scope = container if container is not None else page
    scope.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files)
    expected = len(files) if isinstance(files, list | tuple) else 1
    scope.get_by_test_id("stFileChip").nth(expected - 1).wait_for(timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stFileChipIconSpinner']\")",
        timeout=timeout)
    wait_for_app(page)


def click_button(page, key: str) -> None:
    keyed(page, key).locator("button").click()
    wait_for_app(page)


def download(page, label: str) -> bytes:
    """The bytes of the download button labelled ``label``."""
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").get_by_role("button", name=label).click()
    return Path(info.value.path()).read_bytes()


def seed_database(db_path: Path) -> None:
    """What the app's first start does, done ahead: the demo set and article loaded
    and the article's evidence against the default sets cached, so a server started on
    (a copy of) this file renders its first page without the wait."""
    import workbench
    from workbench import settings

    store = workbench.open_store(db_path)
    workbench.seed_demo(store)
    for article in workbench.list_documents(store, str(settings.get("articles_set"))):
        workbench.check_document(store, article.id, sets=workbench.default_sets(store))


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (the backup API, WAL content included)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(source)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def take_screenshots(out_dir: Path) -> list[Path]:
    """Screenshots of the three pages with the demo data and one reviewed claim, and
    the card of a claim whose wire copies fold under their origin (issue 13), and that
    card again with its stale evidence and the check-worthy statements opened."""
    from playwright.sync_api import sync_playwright

    import workbench

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screenshots.db"
        store = workbench.open_store(db)
        workbench.seed_demo(store)
        article = workbench.list_documents(store, "articles under review")[0]
        _, claims = workbench.check_document(store, article.id, sets=["demo"])
        speed = next(c for c in claims if c.kind == "numeric")
        warheads = next(c for c in claims if "six warheads" in c.text)  # wire copies folded
        verdicts = [(speed, "misleading", "True as a bound, but about 4x too low (Mach 10).")]
        verdicts += [(c, "misattributed", "Foreign Minister Sorn said it, not Drevic.")
                     for c in claims if c.speaker and "Drevic" in c.speaker]
        for claim, status, note in verdicts:
            workbench.save_review(store, claim, status=status, reviewer="Ann Example", note=note,
                                  cited=[workbench.cite(e) for e in claim.evidence[:2]],
                                  expected_version=0, article=article)
        with app_server(db) as url, sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1500, "height": 1900})
            shots = []
            for path, name in (("", "sources"), (f"review?doc={article.id}&claim={speed.key}",
                                                  "review"), ("export", "export"),
                               (f"review?doc={article.id}&claim={warheads.key}", "copies")):
                page.goto(f"{url}/{path}")
                wait_for_app(page)
                shots.append(out_dir / f"{name}.png")
                page.screenshot(path=str(shots[-1]), full_page=True)
                if name == "review":  # the keyboard help, open
                    page.get_by_test_id("stPopover").get_by_role("button").click()
                    page.get_by_text("next / previous claim").wait_for()
                    shots.append(out_dir / "review-keys.png")
                    page.screenshot(path=str(shots[-1]), clip={"x": 300, "y": 600,
                                                               "width": 1200, "height": 700})
                    page.keyboard.press("Escape")
            # issue 13 §4-7: stale evidence, why each item ranks, the statements opened
            page.set_viewport_size({"width": 1500, "height": 3300})
            page.goto(f"{url}/review?doc={article.id}&claim={warheads.key}")
            wait_for_app(page)
            page.get_by_text("Check-worthy statements").click()
            page.wait_for_timeout(1000)
            shots.append(out_dir / "timescope.png")
            page.screenshot(path=str(shots[-1]), full_page=True)
            report = Path(tmp) / "editor-report.html"  # issue 13: the editor report page
            from workbench.reports.html import editor_page
            report.write_text(editor_page(store, article.id, sets=["demo"]), encoding="utf-8")
            page.set_viewport_size({"width": 900, "height": 1400})
            page.goto(report.as_uri())
            shots.append(out_dir / "report.png")
            page.screenshot(path=str(shots[-1]))
            browser.close()
    return shots


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for shot in take_screenshots(target):
        print(shot)
