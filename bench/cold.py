"""Cold matching: claims timed in fresh processes, a few at a time.

    python bench/match.py --sentences 100000 --reuse --cold-process 10 --json

``bench/match.py`` empties the in-process word cache before each claim, but the
process itself is warm (pint's registry, imported modules, SQLite's page cache of
its connection, numpy's first calls). Here each group of N claims is timed in a
new Python process that has only imported the workbench and opened the store:
what the first checks after starting the app or the CLI meet. ``first`` is the
first claim of each process, the coldest of all. The OS file cache stays warm
(dropping it needs root); claims rebuilt from ground truth (not stored) are left
out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common


def run(store, article, mapped, n: int, sets=(common.BENCH_SET,)) -> dict:
    """Time the stored claims of ``mapped`` ``n`` to a process; percentiles per kind."""
    stored = [(c, p) for c, p in mapped if c.id is not None]
    kind_of = {c.id: p.kind for c, p in stored}
    times: dict[int, float] = {}
    first: list[float] = []
    groups = [stored[i:i + n] for i in range(0, len(stored), n)]
    common.log(f"cold: {len(stored)} claims in {len(groups)} fresh processes")
    for group in groups:
        cmd = [sys.executable, __file__, "--db", store.path, "--article", str(article.id),
               "--claims", ",".join(str(c.id) for c, _ in group), "--sets", *sets]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        got = {int(k): v for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}
        times.update(got)
        first.append(got[group[0][0].id])
    pct, out = common.percentile, {"claims_per_process": n, "processes": len(groups)}
    for kind in ("quote", "numeric"):
        values = [t for cid, t in times.items() if kind_of[cid] == kind]
        out[f"{kind}_claims"] = len(values)
        out[f"{kind}_p50_ms"] = common.ms(pct(values, 50))
        out[f"{kind}_p95_ms"] = common.ms(pct(values, 95))
    out["first_claim_p50_ms"] = common.ms(pct(first, 50))
    out["first_claim_max_ms"] = common.ms(max(first, default=None))
    return out


def worker(argv=None) -> dict:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--article", type=int, required=True)
    p.add_argument("--claims", required=True)
    p.add_argument("--sets", nargs="+", required=True)
    args = p.parse_args(argv)
    from workbench.match import find_evidence
    from workbench.store import Store
    from workbench.store import documents as rows
    store = Store(args.db)
    article = rows.get_document(store, args.article)
    claims = {c.id: c for c in rows.claims_of(store, args.article)}
    out = {}
    for cid in (int(x) for x in args.claims.split(",")):
        started = time.perf_counter()
        find_evidence(store, claims[cid], article, sets=args.sets)
        out[cid] = time.perf_counter() - started
    return out


if __name__ == "__main__":
    common.emit(worker())
