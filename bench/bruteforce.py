"""Brute-force matching, the yardstick for ``bench/match.py``.

Quotes: rapidfuzz ``process.cdist`` of the folded quote against every stored
sentence of the corpus with ``fuzz.partial_ratio`` (the first-pass scorer of
``workbench/match/quotes.py``), ``workers=-1``. Sentences are read and folded
once, in chunks of ``CHUNK`` (memory stays flat); only the scoring is timed, per
claim. Figures, independent of the matcher: every stored quantity of the claim's
dimension, compared by SI value and ranked by a plain rapidfuzz score of the
claim's sentence against the quantity's (``numbers``); reading them is timed
too. A brute-force hit is a passage (or quantity) in the top k, whatever its
relation. Both leave out the article and any copy of it, as the matcher does.
"""

from __future__ import annotations

import time

import numpy as np
from rapidfuzz import fuzz, process, utils

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
    idx = np.argpartition(-scores, k)[:k] if len(scores) > k else range(len(scores))
    best = best + [(float(scores[i]), rows[i][0], rows[i][1], rows[i][2]) for i in idx]
    best.sort(key=lambda t: -t[0])
    return best[:k]


def quotes(store, pairs, source_set: str = common.BENCH_SET, articles=None) -> dict:
    """``articles`` (one per pair, optional): the document each claim is from,
    left out with its copies (the synthetic article is in another set anyway)."""
    from workbench.match.wording import fold
    queries = [fold(c.text) for c, _ in pairs]
    elapsed, cpu = [0.0] * len(pairs), [0.0] * len(pairs)
    best: list[list] = [[] for _ in pairs]
    with store.read() as conn:
        skip = [_copies(conn, a) for a in articles] if articles else [set() for _ in pairs]
        cur = conn.execute(
            'SELECT p.document_id, p.start, p."end", p.text FROM passages p '

            "JOIN documents d ON d.id = p.document_id WHERE d.source_set = ? ORDER BY p.id",
            (source_set,))
        while rows := cur.fetchmany(CHUNK):
            texts = [fold(r[3]) for r in rows]
            docs = np.array([r[0] for r in rows])
            for i, query in enumerate(queries):
                t, c = time.perf_counter(), time.process_time()
                scores = process.cdist([query], texts, scorer=fuzz.partial_ratio, workers=-1)[0]
                if skip[i]:
                    scores[np.isin(docs, list(skip[i]))] = -1
                best[i] = _top(best[i], scores, rows)
                elapsed[i] += time.perf_counter() - t
                cpu[i] += time.process_time() - c
    return {p.id: {"kind": "quote", "s": elapsed[i], "cpu": cpu[i],
                   "found": [b[1:] for b in best[i]], "scores": [round(b[0], 1) for b in best[i]]}
            for i, (_, p) in enumerate(pairs)}


def numbers(store, article, pairs, source_set: str = common.BENCH_SET) -> dict:
    """Independent of the matcher: every stored quantity of the claim's dimension
    (and SI unit) in the set, outside the article, compared with the claim by SI
    value (within the tolerance setting: ``agrees``) and ranked by a plain
    rapidfuzz score (``token_sort_ratio``, ``default_process``) of the claim's
    sentence against the quantity's sentence; one entry per passage."""
    from workbench import settings
    from workbench.store import search
    tolerance = float(settings.get("tolerance"))
    out = {}
    for claim, planted in pairs:
        with store.read() as conn:
            row = search.passage_containing(conn, article.id, claim.start)
            sentence = (row.text if row
                        else article.text[max(0, claim.start - 200):claim.end + 200])
            t, c = time.perf_counter(), time.process_time()
            rows = conn.execute(
                'SELECT c.document_id, c.start, c."end", c.si_value, c.si_value_max, '
                "c.passage_id, p.text FROM claims c JOIN passages p ON p.id = c.passage_id "
                "JOIN documents d ON d.id = c.document_id WHERE c.kind = 'numeric' "
                "AND c.dimension = ? AND c.si_unit IS NOT DISTINCT FROM ? AND d.source_set = ? "
                "AND d.id != ? AND d.content_hash != ?",
                (claim.dimension, claim.si_unit, source_set, article.id or -1,
                 article.content_hash)).fetchall()
        scores = (process.cdist([sentence], [r["text"] for r in rows],
                                scorer=fuzz.token_sort_ratio, processor=utils.default_process,
                                workers=-1)[0] if rows else np.zeros(0))
        ranked, seen = [], set()
        for i in np.argsort(-scores, kind="stable"):
            r = rows[int(i)]
            if r["passage_id"] in seen:
                continue
            seen.add(r["passage_id"])
            ranked.append((r, float(scores[i])))
            if len(ranked) == K:
                break
        elapsed, c = time.perf_counter() - t, time.process_time() - c
        mid = claim.si_mid
        out[planted.id] = {
            "kind": "numeric", "s": elapsed, "cpu": c,
            "found": [(r["document_id"], r["start"], r["end"]) for r, _ in ranked],
            "scores": [round(score, 1) for _, score in ranked],
            "agrees": [_agrees(mid, r["si_value"], r["si_value_max"], tolerance)
                       for r, _ in ranked],
            "candidates": len(rows)}
    return out


def _copies(conn, article) -> set[int]:
    """The article's id and those of documents with the same content."""
    rows = conn.execute("SELECT id FROM documents WHERE content_hash = ?",
                        (article.content_hash,)).fetchall()
    return {r[0] for r in rows} | ({article.id} if article.id else set())


def _agrees(mid, lo, hi, tolerance: float) -> bool | None:
    if mid is None or lo is None:
        return None
    other = lo if hi is None else (lo + hi) / 2
    return abs(other - mid) <= tolerance * max(abs(mid), abs(other))


def run(store, article, pairs) -> dict:
    q = [(c, p) for c, p in pairs if p.kind == "quote"]
    n = [(c, p) for c, p in pairs if p.kind == "numeric"]
    return {**quotes(store, q), **numbers(store, article, n)}
