"""Verdicts as schema.org ``ClaimReview`` JSON-LD, the form search engines and
fact-check aggregators read.

One ``ClaimReview`` per reviewed claim with a verdict (``unreviewed`` and
``needs follow-up`` are not verdicts and are left out). ``reviewRating`` uses the
desk's scale below, ``alternateName`` being the verdict in words; the claim's
``author`` is the quoted speaker (a Person) or, for a number, the outlet that
printed it (an Organization); ``datePublished`` is left out when the article is
undated rather than invented. Verdicts whose claim is gone from the database are
not exported here (the CSV/JSON export keeps them).
"""

from __future__ import annotations

import json
from typing import cast

from .. import settings
from ..display import safe_url
from ..models import ClaimKind, Status
from ..store import Store
from ..store import documents as doc_rows
from ..verdicts import claim_key, reviews_for

# The desk's rating scale: 1 (false) … 5 (true); None: a verdict without a rating.
RATINGS: dict[Status, tuple[int | None, str]] = {
    Status.SUPPORTED: (5, "True"),
    Status.MISLEADING: (3, "Misleading"),
    Status.MISQUOTED: (2, "Misquoted"),
    Status.MISATTRIBUTED: (2, "Misattributed"),
    Status.CONTRADICTED: (1, "False"),
    Status.UNVERIFIABLE: (None, "Unverifiable"),
}
BEST, WORST = 5, 1


def rating(status: Status) -> dict:
    value, name = RATINGS[status]
    out: dict = {"@type": "Rating", "alternateName": name}
    if value is not None:
        out.update(ratingValue=value, bestRating=BEST, worstRating=WORST)
    return out


def claim_reviews(store: Store, *, source_set: str | None = None) -> list[dict]:
    """The ClaimReview objects of every verdict on a claim still in the database."""
    desk = str(settings.get("desk_name"))
    base = str(settings.get("review_url"))
    with store.snapshot() as snap:
        db = cast(Store, snap)  # a Snapshot stands in for the Store it was taken from
        pairs = doc_rows.claims_for_export(db, source_set,
                                           articles_set=str(settings.get("articles_set")))
        reviews = reviews_for(db, [claim_key(c) for _, c in pairs])
    out = []
    for doc, claim in pairs:
        review = reviews[claim_key(claim)]
        if review.version == 0 or review.status not in RATINGS:
            continue
        if claim.kind is ClaimKind.QUOTE:
            author = {"@type": "Person", "name": claim.speaker or "unknown"}
        else:
            author = {"@type": "Organization", "name": doc.outlet or doc.title}
        item: dict = {"@type": "Claim", "author": author}
        appearance: dict = {"@type": "CreativeWork", "headline": doc.title}
        if doc.published:
            item["datePublished"] = doc.published
            appearance["datePublished"] = doc.published
        if safe_url(doc.url):
            appearance["url"] = doc.url
        item["appearance"] = appearance
        url = f"{base}#claim-{claim.key}" if base else (doc.url or "")
        entry = {
            "@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": claim.text, "itemReviewed": item,
            "reviewRating": rating(review.status), "url": url,
            "author": {"@type": "Organization", "name": desk},
            "datePublished": (review.updated_at or "")[:10],
        }
        if review.note:
            entry["reviewBody"] = review.note
        out.append(entry)
    return out


def to_jsonld(reviews: list[dict]) -> str:
    return json.dumps(reviews, ensure_ascii=False, indent=2)
