"""A review session with the keyboard only, in Chromium: 20 claims, one status each.

    python bench/review_session.py --json

A synthetic corpus (``bench/corpus.py``: ``--sentences`` sentences, 10 quote and 10
numeric claims planted) is indexed, its article added and its evidence computed, as
the app's first open would. Then the real app is served and Chromium, driven only by
key presses, walks the article: for each claim a status key (S X M A L U F in turn),
then J for the next claim. Timed is the app's own wait, from the key press until the
change is visible (the pressed status button highlighted; the next claim's number in
the Claim box), and until the app is idle again (its rerun finished). Reruns are
counted in the browser: each time Streamlit's script state leaves "running" (a
fragment's rerun counts as one). A baseline in the same session: the same page
reloaded by the browser with nothing changed (one full rerun). The figures end stdout
as one JSON object.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.corpus import generate  # noqa: E402
from tests import browser_support as support  # noqa: E402

STATUS_KEYS = "sxmaluf"
# Counts the script runs the page sees (bench instrumentation; the app has no such code).
COUNT_RUNS = """
window.__runs = 0;
new MutationObserver(records => {
  for (const r of records) if (r.oldValue === 'running') window.__runs += 1;
}).observe(document, {attributes: true, subtree: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""
IDLE = ("() => document.querySelector("
        "\"[data-testid='stApp'][data-test-script-state='notRunning']\")")
PRIMARY = ("key => { const b = document.querySelector(`[class*='st-key-set_${key}_'] button`);"
           " return b && b.getAttribute('data-testid') === 'stBaseButton-primary'; }")
CLAIM_NUMBER = ("n => { const box = document.querySelector('.st-key-claim input');"
                " return box && box.value.startsWith(n + '. '); }")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sentences", type=int, default=3000)
    p.add_argument("--claims", type=int, default=20, help="claims planted (half quotes)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="(figures always end stdout as JSON)")
    p.add_argument("--out", help="also write the JSON line to this file")
    return p.parse_args(argv)


def prepare(db: Path, args: argparse.Namespace) -> tuple[int, int]:
    """The corpus indexed, the article added and its evidence cached: (id, claims)."""
    import workbench
    corpus = generate(args.sentences, seed=args.seed, quote_claims=args.claims // 2,
                      numeric_claims=args.claims - args.claims // 2)
    store = workbench.open_store(db)
    common.build_index(store, corpus.documents())
    article = workbench.add_article(store, common.to_document(corpus.article()))
    _, claims = workbench.check_document(store, article.id, sets=workbench.default_sets(store))
    return article.id, len(claims)


def timed_key(page, key: str, visible: str, arg: object) -> tuple[float, float, int]:
    """Press ``key``; seconds until ``visible(arg)`` holds and until the app is idle,
    and the reruns it caused."""
    runs = page.evaluate("window.__runs")
    started = time.perf_counter()
    page.keyboard.press(key)
    page.wait_for_function(visible, arg=arg, polling="raf")
    shown = time.perf_counter()
    page.wait_for_timeout(50)  # a rerun may start just after the change shows
    page.wait_for_function(IDLE, polling="raf")
    return shown - started, time.perf_counter() - started, page.evaluate("window.__runs") - runs


def session(url: str, article_id: int, n_claims: int) -> dict:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = support.launch(p)
        page = support.new_page(browser, init_script=COUNT_RUNS)
        page.goto(f"{url}/review?doc={article_id}")
        support.wait_for_app(page)
        reloads = []
        for _ in range(3):
            started = time.perf_counter()
            page.reload()
            support.wait_for_app(page)
            reloads.append(time.perf_counter() - started - 0.2)  # minus wait_for_app's debounce
        status, navigate = [], []
        for i in range(n_claims):
            key = STATUS_KEYS[i % len(STATUS_KEYS)]
            status.append(timed_key(page, key, PRIMARY, key.upper()))
            if i + 1 < n_claims:
                navigate.append(timed_key(page, "j", CLAIM_NUMBER, i + 2))
        browser.close()
    return {"status": status, "navigate": navigate, "reload_s": reloads}


def summary(samples: list[tuple[float, float, int]]) -> dict:
    pct, ms = common.percentile, common.ms
    shown, idle, runs = zip(*samples, strict=True)
    return {"visible_p50_ms": ms(pct(shown, 50)), "visible_p95_ms": ms(pct(shown, 95)),
            "visible_max_ms": ms(max(shown)), "idle_p50_ms": ms(pct(idle, 50)),
            "idle_p95_ms": ms(pct(idle, 95)), "reruns_per_key": sorted(set(runs)),
            "reruns_total": sum(runs)}


def main(argv: list[str] | None = None) -> dict:
    import workbench
    args = parse(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "session.db"
        common.log(f"indexing {args.sentences:,} sentences, adding a {args.claims}-claim article")
        article_id, n_claims = prepare(db, args)
        common.log(f"article {article_id}: {n_claims} claims; serving the app")
        with support.app_server(db) as url:
            figures = session(url, article_id, n_claims)
        store = workbench.open_store(db)
        article = workbench.get_document(store, article_id)
        _, claims = workbench.check_document(store, article.id, sets=workbench.default_sets(store))
        saved = sum(workbench.get_review(store, c.key).version > 0 for c in claims)
    status, navigate = summary(figures["status"]), summary(figures["navigate"])
    baseline = common.median(figures["reload_s"])
    result = {
        "sentences": args.sentences, "claims": n_claims, "reviews_saved": saved,
        "status_change": status, "next_claim": navigate,
        "baseline_reload_ms": common.ms(baseline),
        "status_visible_vs_reload": round(status["visible_p50_ms"] / 1000 / baseline, 2),
    }
    result["targets_met"] = {"status_visible_le_300ms": status["visible_max_ms"] <= 300,
                             "every_claim_saved": saved == n_claims}
    common.emit(result, args.out)
    return result


if __name__ == "__main__":
    main()
