"""A partition's results as Arrow record batches: documents, passages, quotes,
quantities and rejections.

Columnar batches are what a worker hands back (compact to ship, and the shape a
PostgreSQL ``COPY`` or a Parquet file takes as it is); the client turns them
back into the records the store writes. ``doc`` links rows to their document
within the batch; ``order`` keeps quotes and quantities in the extractor's order,
so claim keys (which count repeats in order) come out as in-process.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from ..extract import Analysis
from ..models import Claim, ClaimKind, Document, Passage, Rejected

_s, _i = pa.string(), pa.int64()
DOCUMENTS = pa.schema([("doc", _i), ("title", _s), ("outlet", _s), ("url", _s),
                       ("published", _s), ("path", _s), ("record", _i), ("text", _s),
                       ("extracted", pa.bool_()), ("error", _s)])
PASSAGES = pa.schema([("doc", _i), ("start", _i), ("end", _i), ("text", _s)])
_CLAIM = [("doc", _i), ("order", _i), ("text", _s), ("start", _i), ("end", _i), ("about", _s)]
QUOTES = pa.schema([*_CLAIM, ("speaker", _s), ("cue", _s)])
_f = pa.float64()
QUANTITIES = pa.schema([*_CLAIM, ("value", _f), ("value_max", _f), ("unit", _s),
                        ("qualifier", _s), ("si_value", _f), ("si_value_max", _f),
                        ("si_unit", _s), ("dimension", _s)])
REJECTED = pa.schema([("name", _s), ("reason", _s), ("row", _i)])
_KINDS = {ClaimKind.QUOTE: QUOTES, ClaimKind.NUMERIC: QUANTITIES}


@dataclass(slots=True)
class Batches:
    documents: pa.RecordBatch
    passages: pa.RecordBatch
    quotes: pa.RecordBatch
    quantities: pa.RecordBatch
    rejected: pa.RecordBatch

    @property
    def nbytes(self) -> int:
        return sum(b.nbytes for b in (self.documents, self.passages, self.quotes,
                                      self.quantities, self.rejected))


@dataclass(slots=True)
class Extracted:
    """One document back on the client; ``analysis`` is None when the worker
    skipped it as already stored, ``error`` set when extraction failed."""

    document: Document
    analysis: Analysis | None
    error: str | None = None


def to_batches(items: list[Extracted], rejected: list[Rejected]) -> Batches:
    docs: list[dict] = []
    passages: list[dict] = []
    claims: dict[ClaimKind, list[dict]] = {kind: [] for kind in _KINDS}
    for i, item in enumerate(items):
        d = item.document
        docs.append({"doc": i, "title": d.title, "outlet": d.outlet, "url": d.url,
                     "published": d.published, "path": d.path, "record": d.record,
                     "text": d.text, "extracted": item.analysis is not None,
                     "error": item.error})
        if item.analysis is None:
            continue
        passages += [{"doc": i, "start": p.start, "end": p.end, "text": p.text}
                     for p in item.analysis.passages]
        for order, c in enumerate(item.analysis.claims):
            schema = _KINDS[c.kind]
            claims[c.kind].append({"doc": i, "order": order,
                                   **{f: getattr(c, f) for f in schema.names[2:]}})
    return Batches(
        pa.RecordBatch.from_pylist(docs, DOCUMENTS),
        pa.RecordBatch.from_pylist(passages, PASSAGES),
        pa.RecordBatch.from_pylist(claims[ClaimKind.QUOTE], QUOTES),
        pa.RecordBatch.from_pylist(claims[ClaimKind.NUMERIC], QUANTITIES),
        pa.RecordBatch.from_pylist([{"name": r.name, "reason": r.reason, "row": r.row}
                                    for r in rejected], REJECTED),
    )


def from_batches(batches: Batches, source_set: str) -> tuple[list[Extracted], list[Rejected]]:
    rows = batches.documents.to_pylist()
    passages: dict[int, list[Passage]] = {}
    for p in batches.passages.to_pylist():
        passages.setdefault(p.pop("doc"), []).append(Passage(**p))
    claims: dict[int, list[tuple[int, Claim]]] = {}
    for kind, batch in ((ClaimKind.QUOTE, batches.quotes),
                        (ClaimKind.NUMERIC, batches.quantities)):
        for c in batch.to_pylist():
            doc, order = c.pop("doc"), c.pop("order")
            claims.setdefault(doc, []).append((order, Claim(kind, **c)))
    items = []
    for r in rows:
        i = r["doc"]
        doc = Document(title=r["title"], text=r["text"], outlet=r["outlet"], url=r["url"],
                       published=r["published"], source_set=source_set, path=r["path"],
                       record=r["record"])
        analysis = None
        if r["extracted"]:
            ordered = [c for _, c in sorted(claims.get(i, []), key=lambda oc: oc[0])]
            analysis = Analysis(passages.get(i, []), ordered)
        items.append(Extracted(doc, analysis, r["error"]))
    rejected = [Rejected(r["name"], r["reason"], r["row"]) for r in batches.rejected.to_pylist()]
    return items, rejected
