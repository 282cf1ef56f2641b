"""Stored reviews (verdicts): status, note, cited evidence, never a silent overwrite.

Each save names the version it was based on; if someone saved in between, the
save is refused with ``StaleReview`` carrying the other person's review, so the
reviewer can merge. Every accepted save is also an event row (who, when, old →
new status, note, evidence). This module does not decide what a status means.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .errors import StaleReview
from .models import Claim, Document, Evidence, Status
from .store import Store
from .store import reviews as rows
from .store.documents import document_of_claim, now


@dataclass(slots=True)
class Review:
    claim_key: str
    status: Status = Status.UNREVIEWED
    note: str = ""
    reviewer: str = ""
    cited: list[dict] = field(default_factory=list)
    version: int = 0  # 0: never saved
    updated_at: str | None = None
    claim: dict = field(default_factory=dict)  # snapshot of the claim when last saved


@dataclass(slots=True)
class ReviewEvent:
    at: str
    reviewer: str
    old_status: str | None
    new_status: str
    note: str
    cited: list[dict]
    version: int


def _from_row(row: rows.ReviewRecord) -> Review:
    return Review(row.claim_key, Status(row.status), row.note, row.reviewer,
                  json.loads(row.cited), row.version, row.updated_at, json.loads(row.claim))


def claim_key(claim: Claim) -> str:
    """The key a review hangs on; only a stored claim has one."""
    if claim.key is None:
        raise ValueError(f"claim {claim.text!r} is not stored, so it cannot be reviewed")
    return claim.key


def cite(evidence: Evidence) -> dict:
    """What a review keeps of a piece of evidence: enough to find it again even
    if the source set is later deleted."""
    doc = evidence.document
    return {"title": doc.title, "outlet": doc.outlet, "url": doc.url,
            "published": doc.published, "passage": evidence.passage,
            "relation": str(evidence.relation)}


def claim_snapshot(claim: Claim, article: Document | None = None) -> dict:
    snap = {k: v for k, v in asdict(claim).items() if k not in {"evidence", "id"}}
    snap["kind"] = str(claim.kind)
    if article is not None:
        snap["article"] = {"title": article.title, "url": article.url,
                           "source_set": article.source_set, "id": article.id}
    return snap


def get_review(store: Store, claim_key: str) -> Review:
    found = rows.many(store, [claim_key])
    return _from_row(found[claim_key]) if claim_key in found else Review(claim_key)


def reviews_for(store: Store, claim_keys: list[str]) -> dict[str, Review]:
    found = rows.many(store, claim_keys)
    return {k: _from_row(found[k]) if k in found else Review(k) for k in claim_keys}


def save_review(
    store: Store,
    claim: Claim,
    *,
    status: Status | str,
    note: str = "",
    reviewer: str = "",
    cited: list[dict] | None = None,
    expected_version: int,
    article: Document | None = None,
) -> Review:
    """Save a review based on ``expected_version``; raises ``StaleReview`` if the
    stored version moved on since. Returns the saved review."""
    status, key = Status(status), claim_key(claim)
    cited = list(cited or [])
    with store.write() as conn:
        row = rows.current(conn, key)
        current = _from_row(row) if row else Review(key)
        if current.version != expected_version:
            raise StaleReview(current)
        article = article or document_of_claim(conn, key)
        at = now()
        saved = Review(key, status, note, reviewer.strip(), cited, current.version + 1, at,
                       claim_snapshot(claim, article))
        rows.write(conn, claim_key=key, old_status=str(current.status) if row else None,
                   status=str(status), note=note, reviewer=saved.reviewer, cited=cited,
                   claim=saved.claim, version=saved.version, at=at)
    return saved


def history(store: Store, claim_key: str) -> list[ReviewEvent]:
    return [
        ReviewEvent(r.at, r.reviewer, r.old_status, r.new_status, r.note,
                    json.loads(r.cited), r.version)
        for r in rows.events(store, claim_key)
    ]


def all_reviews(store: Store) -> list[Review]:
    return [_from_row(r) for r in rows.all_rows(store)]
