"""App latency: opening an article with 200 claims, and saving a status change.

    python bench/app_latency.py --sentences 100000 --json

Over a synthetic corpus indexed as in ``bench/match.py`` (its database is copied
when one exists for the same size and seed), the synthetic article is added with
``workbench.add_article`` (the default pipeline, as the app does; that extraction,
which also finds the evidence in the default sets, is timed apart). Then
``workbench.check_document`` is timed cold (evidence cache and index word cache
emptied before each call, so every claim's evidence is computed) and warm
(cached), and a status change as the review card does it: ``save_review`` then
``reviews_for`` over the article's claims. The figures go to the last line of
stdout as one JSON object.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.corpus import generate

STATUSES = ("supported", "needs follow-up", "misquoted", "unreviewed")


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sentences", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--db", help="database (default bench/out/app-<N>-s<seed>.db)")
    p.add_argument("--cold", type=int, default=3, help="cold opens to time")
    p.add_argument("--warm", type=int, default=5, help="warm opens to time")
    p.add_argument("--saves", type=int, default=20, help="status changes to time")
    p.add_argument("--workers", type=int, default=2, help="processes extracting at index time")
    p.add_argument("--json", action="store_true", help="(figures always end stdout as JSON)")
    p.add_argument("--out", help="also write the JSON line to this file")
    return p.parse_args(argv)


def open_store(args, corpus):
    from workbench.store import Store
    db = Path(args.db or common.OUT / f"app-{args.sentences}-s{args.seed}.db")
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    built = common.OUT / f"match-{args.sentences}-s{args.seed}.db"
    if built.exists() and built.with_name(built.name + ".json").exists():
        Store(built).checkpoint()  # fold the WAL in so one file is a whole copy
        shutil.copyfile(built, db)
        store = Store(db)
        from workbench import delete_set, settings
        delete_set(store, str(settings.get("articles_set")))  # extract the article afresh
        return store, "copied from " + built.name
    store = Store(db)
    common.log(f"indexing {args.sentences:,} sentences into {db}")
    common.build_index(store, corpus.documents(), workers=args.workers, progress_every=50)
    return store, "built"


def timed(fn, *a, **kw):
    t = time.perf_counter()
    out = fn(*a, **kw)
    return time.perf_counter() - t, out


def main(argv=None) -> dict:
    import workbench
    from workbench.store import documents as rows
    from workbench.store import postings, search
    args = parse(argv)
    corpus = generate(args.sentences, seed=args.seed)
    sets = [common.BENCH_SET]
    with common.PeakRss() as rss:
        store, origin = open_store(args, corpus)
        pipeline = workbench.load_pipeline()
        extract_s, article = timed(workbench.add_article, store,
                                   common.to_document(corpus.article()), pipeline=pipeline)
        claims = rows.claims_of(store, article.id)
        common.log(f"article {article.id}: {len(claims)} claims; timing opens")
        cold = []
        for _ in range(args.cold):
            with store.write() as conn:
                search.clear_evidence_cache(conn)
            postings.clear_cache()  # and the index word lists: a fresh process
            cold.append(timed(workbench.check_document, store, article.id, sets=sets)[0])
        warm = [timed(workbench.check_document, store, article.id, sets=sets)[0]
                for _ in range(args.warm)]
        keys = [c.key for c in claims]
        saves, reads, trips, reruns = [], [], [], []
        for i in range(args.saves):
            claim = claims[i % len(claims)]
            version = workbench.get_review(store, claim.key).version
            t = time.perf_counter()
            workbench.save_review(store, claim, status=STATUSES[i % len(STATUSES)],
                                  note=f"bench {i}", reviewer="bench", expected_version=version,
                                  article=article)
            saved = time.perf_counter()
            shown = workbench.reviews_for(store, keys)
            done = time.perf_counter()
            assert str(shown[claim.key].status) == STATUSES[i % len(STATUSES)]
            saves.append(saved - t)
            reads.append(done - saved)
            trips.append(done - t)
            reruns.append(done - t + timed(workbench.check_document, store, article.id,
                                           sets=sets)[0])
    pct, ms = common.percentile, common.ms
    kinds = [str(c.kind) for c in claims]
    result = {
        "sentences": args.sentences, "store": origin, "pipeline": pipeline.name,
        "claims": len(claims), "quote_claims": kinds.count("quote"),
        "numeric_claims": kinds.count("numeric"), "extract_article_s": round(extract_s, 2),
        "check_cold_s": round(common.median(cold), 3), "check_cold_max_s": round(max(cold), 3),
        "check_warm_s": round(common.median(warm), 3), "check_warm_max_s": round(max(warm), 3),
        "save_review_p50_ms": ms(pct(saves, 50)), "save_review_p95_ms": ms(pct(saves, 95)),
        "reviews_for_p50_ms": ms(pct(reads, 50)), "reviews_for_p95_ms": ms(pct(reads, 95)),
        "status_round_trip_p50_ms": ms(pct(trips, 50)),
        "status_round_trip_p95_ms": ms(pct(trips, 95)),
        "status_round_trip_max_ms": ms(max(trips)),
        "status_with_warm_reopen_p50_ms": ms(pct(reruns, 50)),
        "status_with_warm_reopen_p95_ms": ms(pct(reruns, 95)),
        "peak_rss_mb": rss.peak_mb,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    result["targets_met"] = {
        "open_warm_le_2s": result["check_warm_max_s"] <= 2,
        "open_cold_le_2s": result["check_cold_max_s"] <= 2,
        "status_le_300ms": result["status_round_trip_max_ms"] <= 300,
    }
    common.emit(result, args.out)
    return result


if __name__ == "__main__":
    main()
