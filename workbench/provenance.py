"""Provenance (issue 13): when a document was published, and where a claim was first seen.

Dates come only from the document's own metadata (header, front matter, the page's
``article:published_time`` / JSON-LD, a CSV column); a document without one is
*undated*, never given the day it was loaded, so it can never look like the first
appearance of anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from .models import Claim, Evidence, Relation

UNDATED = "undated"
# A passage with the claim's words (or value), or with its words reworded, shows the
# claim was in circulation; a conflict or a misattribution does not.
FIRST_SEEN_RELATIONS = (Relation.SUPPORTS, Relation.VARIES)
TIMELINE_RELATIONS = (Relation.SUPPORTS, Relation.VARIES, Relation.BOUND_ONLY,
                      Relation.CONFLICTS, Relation.MISATTRIBUTED)


@dataclass(frozen=True, slots=True)
class Point:
    """One dated source on a claim's timeline."""

    moment: datetime
    relation: Relation
    source: str


def date_key(published: str | None) -> datetime | None:
    """The published stamp as an aware UTC datetime (a bare date is its midnight
    UTC), or None when there is none or it cannot be read."""
    text = str(published or "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), time())
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def shown_date(published: str | None) -> str:
    """``2026-03-14``, or ``undated``: what a reviewer sees beside a source."""
    return published[:10] if published and date_key(published) else UNDATED


def earliest(evidence: Iterable[Evidence]) -> Evidence | None:
    """The evidence from the earliest dated document (ties: the lower document id)."""
    dated = [(key, e.document.id or 0, i, e) for i, e in enumerate(evidence)
             if (key := date_key(e.document.published)) is not None]
    return min(dated)[3] if dated else None


def first_seen(claim: Claim) -> dict | None:
    """``{document, published}`` of the earliest dated source that supports or
    varies the claim (stale evidence aside: a preview of an event is not its
    first report); None when no such source has a date."""
    first = earliest(e for e in claim.evidence
                     if e.relation in FIRST_SEEN_RELATIONS and not e.stale)
    if first is None:
        return None
    return {"document": first.document.to_dict(), "published": first.document.published}


def annotate(claims: Iterable[Claim]) -> None:
    for claim in claims:
        claim.first_seen = first_seen(claim)


def timeline(claim: Claim) -> tuple[list[Point], int]:
    """The claim's dated evidence documents as points (one per document and
    relation, in time order), and how many bearing documents are undated."""
    points: dict[tuple, Point] = {}
    undated: set = set()
    for ev in claim.evidence:
        if ev.relation not in TIMELINE_RELATIONS:
            continue
        doc = ev.document
        moment = date_key(doc.published)
        if moment is None:
            undated.add(doc.id if doc.id is not None else id(doc))
            continue
        key = (doc.id if doc.id is not None else id(doc), ev.relation)
        points.setdefault(key, Point(moment, ev.relation, doc.outlet or doc.title or "untitled"))
    return sorted(points.values(), key=lambda p: (p.moment, p.source)), len(undated)
