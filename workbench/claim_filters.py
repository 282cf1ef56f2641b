"""Which claims of an article the Review page lists: by kind, status and evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .models import Claim, Status
from .verdicts import Review


def status_of(claim: Claim, reviews: Mapping[str, Review]) -> str:
    review = reviews.get(claim.key) if claim.key else None
    return str(review.status) if review else str(Status.UNREVIEWED)


def filter_claims(claims: Iterable[Claim], reviews: Mapping[str, Review], *,
                  kinds: Iterable[str] = (), statuses: Iterable[str] = (),
                  relations: Iterable[str] = ()) -> list[Claim]:
    """Claims of the chosen kinds and statuses having evidence of any chosen relation;
    an empty choice means no filter."""
    kinds, statuses = set(map(str, kinds)), set(map(str, statuses))
    relations = set(map(str, relations))
    out = []
    for c in claims:
        if kinds and str(c.kind) not in kinds or statuses and status_of(c, reviews) not in statuses:
            continue
        if relations and not relations & {str(e.relation) for e in c.evidence}:
            continue
        out.append(c)
    return out
