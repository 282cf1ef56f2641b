"""The single writer's speed: rows per second into the store, as the Dask engine
writes them (one transaction per partition) and as the in-process engine does
(one per document).

    python bench/writer.py --documents 2000 --json

Documents are the synthetic corpus's (``bench/corpus.py``), passages its sentence
spans, and claims every planted variant plus one figure per tenth sentence, so
no extraction runs: only ``workbench.store.documents.write_many`` is timed, on a
new SQLite database (WAL, ``synchronous=FULL``, the FTS5 index kept by triggers).
Rows are documents + passages + claims (each passage also costs an FTS5 row,
not counted). This is the figure that bounds a cluster of any size, since the
database is written from one place (``docs/scaling.md``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.corpus import generate


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--documents", type=int, default=2000)
    p.add_argument("--batch", type=int, default=32, help="documents per transaction")
    p.add_argument("--json", action="store_true", help="(figures always end stdout as JSON)")
    p.add_argument("--out", help="also write the JSON line to this file")
    return p.parse_args(argv)


def entries(n: int):
    from workbench.models import Claim, ClaimKind, Passage
    corpus = generate(n * 30, seed=3, quote_claims=5, numeric_claims=5)
    out = []
    for doc in corpus.documents():
        d = common.to_document(doc)
        passages = [Passage(a, b, doc.text[a:b]) for a, b in doc.spans]
        claims = [Claim(ClaimKind.NUMERIC, doc.text[a:b][:40], a, min(b, a + 40), value=1.0,
                        unit="km", si_value=1000.0, si_unit="m", dimension="length")
                  for a, b in doc.spans[::10]]
        out.append((d, passages, claims))
        if len(out) == n:
            break
    return out


def timed(db: Path, items, batch: int) -> dict:
    from workbench.store import Store
    from workbench.store.documents import write_many
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    store = Store(db)
    started = time.perf_counter()
    for i in range(0, len(items), batch):
        write_many(store, common.BENCH_SET, items[i:i + batch])
    elapsed = time.perf_counter() - started
    rows = sum(1 + len(p) + len(c) for _, p, c in items)
    return {"batch": batch, "seconds": round(elapsed, 2), "rows": rows,
            "rows_per_s": round(rows / elapsed), "documents_per_s": round(len(items) / elapsed),
            "db_mb": common.db_size_mb(db)}


def main(argv=None) -> dict:
    args = parse(argv)
    items = entries(args.documents)
    words = sum(len(d.text.split()) for d, _, _ in items)
    common.log(f"{len(items)} documents, {words:,} words")
    bulk = timed(common.OUT / "writer-bulk.db", items, args.batch)
    single = timed(common.OUT / "writer-single.db", items[: max(1, len(items) // 4)], 1)
    import os
    result = {"backend": "sqlite", "documents": len(items), "words": words,
              "words_per_document": round(words / len(items)),
              "passages_per_document": round(sum(len(p) for _, p, _ in items) / len(items), 1),
              "bulk": bulk, "per_document": single,
              "ratio_bulk_to_per_document": round(bulk["rows_per_s"] / single["rows_per_s"], 2),
              "load_average": [round(x, 2) for x in os.getloadavg()]}
    common.emit(result, args.out)
    return result


if __name__ == "__main__":
    main()
