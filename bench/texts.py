"""Matching on your own documents: ``bench/match.py --texts DIR``.

    python bench/match.py --texts ~/archive --json [--reuse] [--index-pipeline trained]

Loads every file the workbench reads under DIR (txt, md, html, csv, jsonl, zip)
into a new database with ``workbench.ingest_paths`` (rule-based pipeline unless
``--index-pipeline trained``), then takes up to ``--quote-claims`` quotes and
``--numeric-claims`` figures spread evenly over the claims found in them. Each
claim is matched as if its own document were the article under review
(``find_evidence``, which leaves that document and its copies out) and by brute
force (``bench/bruteforce.py``, the same exclusions). With no planted variants,
recall is relative: the share of brute force's top-k passages that the index
also returns in its top k, counting only brute-force hits that score as evidence
would (quotes at least ``WORKBENCH_QUOTE_MIN_SCORE``, figures whose sentences
score at least 50). Nothing is sent anywhere; the database stays in
``bench/out/`` (or ``--db``).
"""

from __future__ import annotations

import time
from pathlib import Path

from bench import bruteforce, common

SET = "texts"


def _store(args):
    from workbench.ingest import ingest_paths
    from workbench.nlp import load_pipeline
    from workbench.store import Store
    folder = Path(args.texts).expanduser()
    db = Path(args.db or common.OUT / f"match-texts-{folder.resolve().name}.db")
    if args.reuse and db.exists():
        return Store(db), {"reused": True}
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    store = Store(db)
    pipeline = load_pipeline() if args.index_pipeline == "trained" else common.rules_pipeline()
    common.log(f"loading {folder} into {db} ({pipeline.name})")
    started = time.perf_counter()
    report = ingest_paths(store, [folder], SET, pipeline=pipeline,
                          n_process=max(1, args.workers))
    with store.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "passages", "claims")}
    return store, {"reused": False, "index_s": round(time.perf_counter() - started, 1),
                   "index_pipeline": pipeline.name, "rejected": len(report.rejected),
                   "index_mb": common.db_size_mb(db), **counts}


def _sample(store, kind: str, n: int):
    from workbench.store import documents as rows
    with store.read() as conn:
        ids = [r[0] for r in conn.execute(
            "SELECT c.id FROM claims c JOIN documents d ON d.id = c.document_id "
            "WHERE d.source_set = ? AND c.kind = ? ORDER BY c.id", (SET, kind))]
    chosen = ids[::max(1, len(ids) // max(1, n))][:n]
    out = []
    with store.read() as conn:
        for cid in chosen:
            row = conn.execute("SELECT * FROM claims WHERE id = ?", (cid,)).fetchone()
            out.append((rows.row_to_claim(row), row["document_id"]))
    return out


class _Key:
    """Stands in for a planted claim in ``bruteforce`` (which keys rows by ``.id``)."""

    def __init__(self, cid: int, kind: str):
        self.id, self.kind = cid, kind


def main(args) -> dict:
    from workbench.match import find_evidence
    from workbench.store import documents as rows
    store, meta = _store(args)
    claims = _sample(store, "quote", args.quote_claims)
    claims += _sample(store, "numeric", args.numeric_claims)
    docs = {d: rows.get_document(store, d) for d in {d for _, d in claims}}
    common.log(f"matching {len(claims)} claims from your documents")
    index, times = {}, {"quote": [], "numeric": []}
    for claim, doc in claims[:3]:
        find_evidence(store, claim, docs[doc], sets=[SET])  # warm up
    for claim, doc in claims:
        started = time.perf_counter()
        found = find_evidence(store, claim, docs[doc], sets=[SET])
        times[str(claim.kind)].append(time.perf_counter() - started)
        index[claim.id] = [(e.document.id, e.start, e.end) for e in found]
    brute = {}
    for claim, doc in claims:
        pair = [(claim, _Key(claim.id, str(claim.kind)))]
        if str(claim.kind) == "quote":
            brute.update(bruteforce.quotes(store, pair, SET, articles=[docs[doc]]))
        else:
            brute.update(bruteforce.numbers(store, docs[doc], pair, SET))
    pct = common.percentile
    result = {"texts": str(args.texts), **meta,
              "quote_claims": len(times["quote"]), "numeric_claims": len(times["numeric"])}
    for kind in ("quote", "numeric"):
        result[f"{kind}_p50_ms"] = common.ms(pct(times[kind], 50))
        result[f"{kind}_p95_ms"] = common.ms(pct(times[kind], 95))
        b = [r["s"] for cid, r in brute.items() if r["kind"] == kind]
        result[f"bruteforce_{kind}_p50_ms"] = common.ms(pct(b, 50))
        for k in (1, 5):
            result[f"{kind}_recall_at_{k}"] = _relative(index, brute, kind, k)
    result["recall_definition"] = (
        "share of brute force's top-k passages (overlapping spans) that the index also "
        "returns in its top k; only brute-force hits scoring at least the quote_min_score "
        f"setting (quotes) or {NUMERIC_FLOOR:g} (figures: token_sort_ratio of the sentences)")
    common.emit(result, args.out)
    return result


NUMERIC_FLOOR = 50.0  # a brute-force figure whose sentence scores lower is not evidence


def _relative(index: dict, brute: dict, kind: str, k: int) -> float | None:
    from workbench import settings
    floor = float(settings.get("quote_min_score")) if kind == "quote" else NUMERIC_FLOOR
    got = total = 0
    for cid, row in brute.items():
        if row["kind"] != kind:
            continue
        for (did, start, end), score in zip(row["found"][:k], row["scores"], strict=False):
            if score < floor:
                continue
            total += 1
            got += any(d == did and a < end and b > start for d, a, b in index[cid][:k])
    return round(got / total, 4) if total else None
