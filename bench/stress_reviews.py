"""Stress and crash checks for reviews: no lost update, no unhandled lock, no
acknowledged save missing after ``kill -9``.

    python bench/stress_reviews.py --seconds 60 --threads 4 --processes 4 --json
    python bench/stress_reviews.py --crash-runs 20 --json

Lost updates are counted from what each reviewer was told (``bench/ledger.py``):
every acknowledged (claim, version, status, note) must be in the event log.
The test suite runs short versions of both (tests/test_concurrency.py).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ledger import lost_updates
from workbench.errors import StaleReview
from workbench.models import Claim, ClaimKind, Document, Passage, Status
from workbench.store import Store, integrity_ok
from workbench.store import documents as rows
from workbench.verdicts import get_review, save_review

STATUSES = [s for s in Status if s is not Status.UNREVIEWED]


def make_claims(db: str, n: int = 5) -> list[Claim]:
    """A stored document with ``n`` quote claims to fight over."""
    store = Store(db)
    text = " ".join(f'"Words number {i}," Ana Lee said.' for i in range(n))
    claims, passages, pos = [], [], 0
    for i in range(n):
        sentence = f'"Words number {i}," Ana Lee said.'
        start = text.index(sentence, pos)
        passages.append(Passage(start, start + len(sentence), sentence))
        claims.append(Claim(ClaimKind.QUOTE, f"Words number {i},", start + 1,
                            start + 1 + len(f"Words number {i},"), speaker="Ana Lee"))
        pos = start + len(sentence)
    with store.write() as conn:
        rows.ensure_set(conn, "stress")
        doc_id = rows.write_document(conn, "stress", Document("Stress", text, path="s.txt"),
                                     passages, claims)
    return rows.claims_of(store, doc_id)


def reviewer_loop(db: str, claims: list[Claim], name: str, seconds: float, out) -> None:
    """Read, change, save; on a conflict re-read and try again (a merge)."""
    store, rng = Store(db), random.Random(name)
    saved = conflicts = errors = 0
    acks = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        claim = rng.choice(claims)
        current = get_review(store, claim.key)
        try:
            review = save_review(store, claim, status=rng.choice(STATUSES),
                                 note=f"{name} {saved}", reviewer=name,
                                 expected_version=current.version)
            acks.append((claim.key, review.version, str(review.status), review.note))
            saved += 1
        except StaleReview:
            conflicts += 1
        except Exception as exc:  # "database is locked" would land here
            errors += 1
            print(f"{name}: {exc!r}", file=sys.stderr)
    out.put((name, saved, conflicts, errors, acks))


def stress(db: str, *, seconds: float, threads: int, processes: int) -> dict:
    claims = make_claims(db)
    ctx = mp.get_context("spawn")  # never fork a process that has threads running
    queue = ctx.Queue()
    workers = [ctx.Process(target=reviewer_loop, args=(db, claims, f"p{i}", seconds, queue))
               for i in range(processes)]
    workers += [threading.Thread(target=reviewer_loop, args=(db, claims, f"t{i}", seconds, queue))
                for i in range(threads)]
    for w in workers:
        w.start()
    results = [queue.get(timeout=seconds + 120) for _ in workers]
    for w in workers:
        w.join()
    store = Store(db)
    final_versions = sum(get_review(store, c.key).version for c in claims)
    return {
        "seconds": seconds, "reviewers": len(workers),
        **lost_updates(store, [a for r in results for a in r[4]]),
        "final_versions": final_versions, "conflicts_reported": sum(r[2] for r in results),
        "unhandled_errors": sum(r[3] for r in results), "integrity_ok": integrity_ok(store),
    }


def _burst(db: str) -> None:
    """Child of the crash test: save as fast as possible, printing each
    acknowledged version so the parent knows what must survive."""
    store = Store(db)
    claim = rows.claims_of(store, rows.list_documents(store, "stress")[0].id)[0]
    version = get_review(store, claim.key).version
    while True:
        review = save_review(store, claim, status=STATUSES[version % len(STATUSES)],
                             note=f"v{version + 1}", reviewer="crash", expected_version=version)
        version = review.version
        print(version, flush=True)


def crash(db: str, *, runs: int) -> dict:
    make_claims(db, n=1)
    missing = 0
    for _ in range(runs):
        child = subprocess.Popen([sys.executable, __file__, "--burst", db],
                                 stdout=subprocess.PIPE, text=True)
        acknowledged = 0
        deadline = time.monotonic() + random.uniform(0.3, 1.0)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.strip().isdigit():
                acknowledged = int(line)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        store = Store(db)
        claim = rows.claims_of(store, rows.list_documents(store, "stress")[0].id)[0]
        if get_review(store, claim.key).version < acknowledged:
            missing += 1
    return {"crash_runs": runs, "runs_missing_acknowledged_save": missing,
            "integrity_ok": integrity_ok(Store(db))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--crash-runs", type=int, default=0)
    parser.add_argument("--burst")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--db", help="an empty database to use (e.g. postgresql://…) instead "
                        "of a temporary SQLite file")
    args = parser.parse_args()
    if args.burst:
        _burst(args.burst)
        return
    with tempfile.TemporaryDirectory() as tmp:
        if args.crash_runs:
            figures = crash(args.db or str(Path(tmp) / "crash.db"), runs=args.crash_runs)
        else:
            figures = stress(args.db or str(Path(tmp) / "stress.db"), seconds=args.seconds,
                             threads=args.threads, processes=args.processes)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
