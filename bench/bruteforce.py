"""Brute-force matching, the yardstick for ``bench/match.py``.

Quotes: rapidfuzz ``process.cdist`` of the folded quote against every stored
sentence of the corpus with ``fuzz.partial_ratio`` (the first-pass scorer of
``workbench/match/quotes.py``), ``workers=-1``. Sentences are read and folded
once, in chunks of ``CHUNK`` (memory stays flat); only the scoring is timed, per
claim. Figures: ``workbench.match.numbers.numeric_evidence`` itself, given every
passage holding a quantity of the claim's dimension instead of the full-text
index's candidates, so every such quantity is scored by the
matcher's own scorer; reading them is timed too. A brute-force hit is a passage
(or quantity) in the top k, whatever its relation.
"""

from __future__ import annotations

import time

import numpy as np
from rapidfuzz import fuzz, process

from . import common

CHUNK = 100_000
K = 5


def sample(mapped, n: int):
    """Up to ``n`` claims of each kind, evenly spread over the list."""
    out = []
    for kind in ("quote", "numeric"):
        pairs = [(c, p) for c, p in mapped if p.kind == kind]
        step = max(1, len(pairs) // max(1, n))
        out += pairs[::step][:n]
    return out


def _top(best: list, scores, rows, k: int = K) -> list:
    if len(scores) > k:
        idx = np.argpartition(-scores, k)[:k]
    else:
        idx = range(len(scores))
    best = best + [(float(scores[i]), rows[i][0], rows[i][1], rows[i][2]) for i in idx]
    best.sort(key=lambda t: -t[0])
    return best[:k]


def quotes(store, pairs) -> dict:
    from workbench.match.quotes import fold
    queries = [fold(c.text) for c, _ in pairs]
    elapsed, cpu = [0.0] * len(pairs), [0.0] * len(pairs)
    best: list[list] = [[] for _ in pairs]
    with store.read() as conn:
        cur = conn.execute(
            'SELECT p.document_id, p.start, p."end", p.text FROM passages p '

            "JOIN documents d ON d.id = p.document_id WHERE d.source_set = ? ORDER BY p.id",
            (common.BENCH_SET,))
        while rows := cur.fetchmany(CHUNK):
            texts = [fold(r[3]) for r in rows]
            for i, query in enumerate(queries):
                t, c = time.perf_counter(), time.process_time()
                scores = process.cdist([query], texts, scorer=fuzz.partial_ratio, workers=-1)[0]
                best[i] = _top(best[i], scores, rows)
                elapsed[i] += time.perf_counter() - t
                cpu[i] += time.process_time() - c
    return {p.id: {"kind": "quote", "s": elapsed[i], "cpu": cpu[i],
                   "found": [b[1:] for b in best[i]], "scores": [round(b[0], 1) for b in best[i]]}
            for i, (_, p) in enumerate(pairs)}


def numbers(store, article, pairs) -> dict:
    """``match.numbers.numeric_evidence`` itself, with every passage holding a
    quantity of the claim's dimension as its candidates instead of the full-text
    index's (so the scorer is the matcher's own)."""
    from workbench.match import ORDER, Knobs
    from workbench.match import numbers as matcher
    from workbench.store import search
    knobs = Knobs.from_settings()
    out = {}
    for claim, planted in pairs:
        with store.read() as conn:
            row = search.passage_containing(conn, article.id, claim.start)
            context = (row.text if row
                       else article.text[max(0, claim.start - 200):claim.end + 200])
            t, c = time.perf_counter(), time.process_time()
            everything = [search.PassageRecord(*r) for r in conn.execute(  # one pass over claims
                'SELECT DISTINCT p.id, p.document_id, p.start, p."end", p.text '

                "FROM claims c JOIN passages p ON p.id = c.passage_id "
                "JOIN documents d ON d.id = c.document_id WHERE c.kind = 'numeric' "
                "AND c.dimension = ? AND c.si_unit IS NOT DISTINCT FROM ? AND d.source_set = ?",
                (claim.dimension, claim.si_unit, common.BENCH_SET)).fetchall()]
            original = search.candidate_passages
            search.candidate_passages = lambda *a, **kw: everything  # noqa: B023
            try:
                found = matcher.numeric_evidence(conn, claim, context, article,
                                                 sets=[common.BENCH_SET], knobs=knobs)
            finally:
                search.candidate_passages = original
        found.sort(key=lambda e: (ORDER.get(e.relation, 0), -e.score))
        elapsed, c = time.perf_counter() - t, time.process_time() - c
        out[planted.id] = {"kind": "numeric", "s": elapsed, "cpu": c,
                           "found": [(e.document.id, e.start, e.end) for e in found[:K]],
                           "candidates": len(everything)}
    return out


def run(store, article, pairs) -> dict:
    q = [(c, p) for c, p in pairs if p.kind == "quote"]
    n = [(c, p) for c, p in pairs if p.kind == "numeric"]
    return {**quotes(store, q), **numbers(store, article, n)}
