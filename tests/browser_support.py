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
def app_server(db_path: Path, *, timeout: float = 60.0, env: dict | None = None) -> Iterator[str]:
    """The app served on a free port against ``db_path``; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    log = tempfile.NamedTemporaryFile("w+", prefix="streamlit-", suffix=".log", delete=False)
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
    """Pick the option containing ``option`` in a selectbox with the keyboard: typing
    filters the list (which only renders the options in view). The list closes when the
    page scrolls, so the whole gesture is retried."""
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
        wait_for_app(page)
        if option in selected(container):
            return
    raise AssertionError(f"could not pick {option!r} in the selectbox")


def selected(container) -> str:
    """The option a selectbox shows."""
    return container.get_by_role("combobox").input_value()


def go_to(page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    wait_for_app(page)


def take_screenshots(out_dir: Path) -> list[Path]:
    """Screenshots of the three pages with the demo data and one reviewed claim."""
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
                                                  "review"), ("export", "export")):
                page.goto(f"{url}/{path}")
                wait_for_app(page)
                shots.append(out_dir / f"{name}.png")
                page.screenshot(path=str(shots[-1]), full_page=True)
            browser.close()
    return shots


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for shot in take_screenshots(target):
        print(shot)
