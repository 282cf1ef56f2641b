"""A desk under load (issue 11 §4): simulated reviewers in their own processes,
driving the library on the same claims, and one watcher polling the claims'
versions the way an open Review page does.

    python bench/desk.py --seconds 60 --reviewers 20 --json              # SQLite file
    python bench/desk.py --seconds 60 --reviewers 20 --postgres --json   # a throwaway cluster
    python bench/desk.py --db postgresql://… --json                      # an empty database

Each reviewer reads a claim, waits a little (``--think``: uniform 0-2× seconds, a
person choosing a status), saves on the version read, and on a conflict reads
again. Figures: acknowledged saves per second, p50/p95 of a save (the library
call), p50/p95 save-to-visible (from a save's acknowledgement to the watcher,
polling every ``--poll`` seconds as the page does, first reading that version),
conflicts reported, unhandled errors, and lost updates counted from what each
reviewer was told (``bench/ledger.py``). Real browsers are not driven here.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ledger import lost_updates
from bench.stress_reviews import STATUSES, make_claims
from workbench.errors import StaleReview
from workbench.store import Store, integrity_ok
from workbench.verdicts import get_review, save_review, versions


def reviewer(db: str, claims, name: str, seconds: float, think: float, out) -> None:
    store, rng = Store(db), random.Random(name)
    acks, latencies, conflicts, errors = [], [], 0, 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        claim = rng.choice(claims)
        current = get_review(store, claim.key)
        time.sleep(rng.uniform(0, 2 * think))
        start = time.perf_counter()
        try:
            review = save_review(store, claim, status=rng.choice(STATUSES),
                                 note=f"{name} {len(acks)}", reviewer=name,
                                 expected_version=current.version)
        except StaleReview:
            conflicts += 1
            continue
        except Exception as exc:  # a lock timeout or a dropped connection would land here
            errors += 1
            print(f"{name}: {exc!r}", file=sys.stderr)
            continue
        latencies.append(time.perf_counter() - start)
        acks.append(((claim.key, review.version, str(review.status), review.note), time.time()))
    out.put(("reviewer", acks, latencies, conflicts, errors))


def watcher(db: str, keys: list[str], seconds: float, poll: float, out) -> None:
    """First time each (claim, version) is read, as a polling page would."""
    store, seen, last = Store(db), {}, {}
    deadline = time.monotonic() + seconds + 2 * poll
    while time.monotonic() < deadline:
        now = time.time()
        for key, version in versions(store, keys).items():
            if version != last.get(key):
                seen[(key, version)] = now
                last[key] = version
        time.sleep(poll)
    out.put(("watcher", seen))


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def run(db: str, *, seconds: float, reviewers: int, think: float, poll: float,
        claims: int) -> dict:
    stored = make_claims(db, n=claims)
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=reviewer, args=(db, stored, f"r{i}", seconds, think, queue))
             for i in range(reviewers)]
    procs.append(ctx.Process(target=watcher, args=(db, [c.key for c in stored], seconds,
                                                   poll, queue)))
    for p in procs:
        p.start()
    results = [queue.get(timeout=seconds + 300) for _ in procs]
    for p in procs:
        p.join()
    seen = next(r[1] for r in results if r[0] == "watcher")
    done = [r for r in results if r[0] == "reviewer"]
    acks = [a for r in done for a in r[1]]
    latencies = [x for r in done for x in r[2]]
    visible = [max(0.0, seen[(k, v)] - at) for (k, v, _, _), at in acks if (k, v) in seen]
    store = Store(db)
    ms = lambda x: None if x is None else round(1000 * x, 1)  # noqa: E731
    return {
        "backend": "postgres" if db.startswith("postgres") else "sqlite",
        "seconds": seconds, "reviewers": reviewers, "claims": claims, "think_s": think,
        "poll_s": poll, "saves_per_s": round(len(acks) / seconds, 1),
        "save_p50_ms": ms(_pct(latencies, 0.5)), "save_p95_ms": ms(_pct(latencies, 0.95)),
        "visible_p50_ms": ms(_pct(visible, 0.5)), "visible_p95_ms": ms(_pct(visible, 0.95)),
        "versions_seen_by_watcher": len(visible),
        "conflicts_reported": sum(r[3] for r in done),
        "unhandled_errors": sum(r[4] for r in done),
        **lost_updates(store, [a for a, _ in acks]), "integrity_ok": integrity_ok(store),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--claims", type=int, default=10, help="claims they share")
    parser.add_argument("--think", type=float, default=0.25,
                        help="mean seconds between reading a claim and saving it")
    parser.add_argument("--poll", type=float, default=0.5, help="the watcher's poll interval")
    parser.add_argument("--db", help="an empty database (default: a temporary SQLite file)")
    parser.add_argument("--postgres", action="store_true",
                        help="start a throwaway PostgreSQL cluster and use it")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="wbdesk-"))
    cluster = None
    try:
        db = args.db or str(tmp / "desk.db")
        if args.postgres:
            from workbench.store.cluster import Cluster
            pg_root = Path(tempfile.mkdtemp(prefix="wbpg-"))  # the cluster owns its folder
            cluster = Cluster(pg_root).start(fast=True, max_connections=400)
            db = cluster.ensure_database("desk")
        figures = run(db, seconds=args.seconds, reviewers=args.reviewers, think=args.think,
                      poll=args.poll, claims=args.claims)
    finally:
        if cluster is not None:
            from workbench.store import postgres
            postgres.close_pools()
            cluster.stop()
            shutil.rmtree(cluster.root, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(figures) if args.json else "\n".join(f"{k}: {v}"
                                                            for k, v in figures.items()))


if __name__ == "__main__":
    main()
