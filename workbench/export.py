"""Exporting reviewed claims: CSV for spreadsheets, JSON for machines.

One row per claim. In the CSV every text cell that a spreadsheet would run as a
formula (starting with ``= + - @``, tab, CR, LF or NUL) is prefixed with ``'``,
while numeric columns stay numbers. The JSON export keeps raw values. Reviews
whose claim vanished (its document was re-loaded with other text, or its set
deleted) are exported from the snapshot saved with the review, so no verdict is
lost. All of an export's reads run in one read transaction, so an export taken while
others save is one consistent state of the database, never a mix of before and after.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import cast

from . import settings
from .models import Status
from .store import Store, search
from .store import documents as doc_rows
from .verdicts import Review, all_reviews, claim_key, reviews_for

COLUMNS = (
    "article_title", "article_url", "source_set", "kind", "claim", "speaker", "cue",
    "value", "value_max", "unit", "qualifier", "si_value", "si_value_max", "si_unit",
    "dimension", "about", "status", "note", "reviewer", "reviewed_at", "evidence_titles",
    "evidence_outlets", "evidence_urls", "evidence_dates", "evidence_passages", "best_score",
)
NUMERIC = frozenset({"value", "value_max", "si_value", "si_value_max", "best_score"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
SEPARATOR = "\n"


def neutralise(cell: object) -> object:
    """A text cell made inert for spreadsheets; numbers and None pass through."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _joined(cited: list[dict], field: str) -> str:
    return SEPARATOR.join(str(c.get(field) or "") for c in cited)


def _best_scores(store: Store, claim_ids: list[int]) -> dict[int, float]:
    with store.read() as conn:
        payloads = search.latest_evidence(conn, claim_ids)
    out = {}
    for claim_id, payload in payloads.items():
        scores = [e["score"] for e in json.loads(payload) if e["relation"] != "related"]
        if scores:
            out[claim_id] = round(max(scores), 1)
    return out


def _row(article: dict, claim: dict, review: Review, best: float | None) -> dict:
    return {
        "article_title": article.get("title"), "article_url": article.get("url"),
        "source_set": article.get("source_set"), "kind": claim.get("kind"),
        "claim": claim.get("text"),
        **{k: claim.get(k) for k in ("speaker", "cue", "value", "value_max", "unit", "qualifier",
                                     "si_value", "si_value_max", "si_unit", "dimension", "about")},
        "status": str(review.status), "note": review.note, "reviewer": review.reviewer,
        "reviewed_at": review.updated_at,
        "evidence_titles": _joined(review.cited, "title"),
        "evidence_outlets": _joined(review.cited, "outlet"),
        "evidence_urls": _joined(review.cited, "url"),
        "evidence_dates": _joined(review.cited, "published"),
        "evidence_passages": _joined(review.cited, "passage"),
        "best_score": best,
    }


def export_rows(
    store: Store,
    *,
    include_all: bool = False,
    source_set: str | None = None,
    status: Iterable[str] | None = None,
) -> list[dict]:
    """Rows of the export: reviewed claims (or all claims in scope), raw values."""
    wanted = {str(Status(s)) for s in status} if status else None
    with store.snapshot() as snap:  # claims, reviews and scores of one moment
        db = cast(Store, snap)  # a Snapshot stands in for the Store it was taken from
        pairs = doc_rows.claims_for_export(db, source_set,
                                           articles_set=str(settings.get("articles_set")))
        reviews = reviews_for(db, [claim_key(c) for _, c in pairs])
        best = _best_scores(db, [c.id for _, c in pairs if c.id is not None])
        orphans = all_reviews(db)
    out, seen = [], set()
    for doc, claim in pairs:
        review = reviews[claim_key(claim)]
        seen.add(claim.key)
        if not include_all and review.version == 0:
            continue
        snapshot = {**claim.to_dict(), "kind": str(claim.kind)}
        article = {"title": doc.title, "url": doc.url, "source_set": doc.source_set}
        score = best.get(claim.id) if claim.id is not None else None
        out.append(_row(article, snapshot, review, score))
    for review in orphans:  # verdicts whose claim is gone: keep them
        article = review.claim.get("article", {})
        if review.claim_key in seen or (source_set and article.get("source_set") != source_set):
            continue
        out.append(_row(article, review.claim, review, None))
    if wanted is not None:
        out = [r for r in out if r["status"] in wanted]
    return out


def to_csv(rows: list[dict]) -> str:
    """Spreadsheet-safe CSV with a fixed header and column order."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (row[k] if k in NUMERIC else neutralise(row[k])) for k in COLUMNS})
    return buffer.getvalue()


def to_json(rows: list[dict]) -> str:
    return json.dumps({"claims": rows}, ensure_ascii=False, indent=2)


def export_csv(store: Store, *, include_all: bool = False, source_set: str | None = None,
               status: Iterable[str] | None = None) -> str:
    return to_csv(export_rows(store, include_all=include_all, source_set=source_set,
                              status=status))


def export_json(store: Store, *, include_all: bool = False, source_set: str | None = None,
                status: Iterable[str] | None = None) -> str:
    return to_json(export_rows(store, include_all=include_all, source_set=source_set,
                               status=status))
