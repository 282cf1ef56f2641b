"""Which claims of an article the Review page lists: by kind, status, evidence and text.

The text search runs over the claims already matched (their words, speaker, subject
and the evidence's passages, titles and outlets), in memory: what the reviewer types
never reaches the full-text index or SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .models import Claim, Status
from .verdicts import Review


def status_of(claim: Claim, reviews: Mapping[str, Review]) -> str:
    review = reviews.get(claim.key) if claim.key else None
    return str(review.status) if review else str(Status.UNREVIEWED)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def searchable_text(claim: Claim) -> str:
    """Everything a search over one claim looks at, folded (case and spacing)."""
    parts = [claim.text, claim.speaker, claim.cue, claim.about, claim.unit, claim.qualifier]
    for e in claim.evidence:
        parts += [e.passage, e.speaker, e.document.title, e.document.outlet]
    return _fold(" \n ".join(p for p in parts if p))


def matches_search(claim: Claim, search: str) -> bool:
    """Every word of ``search`` occurs in the claim or its evidence (any order)."""
    haystack = searchable_text(claim)
    return all(word in haystack for word in _fold(search).split())


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """The Review page's filters; empty means no filter."""

    kinds: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    search: str = ""

    @classmethod
    def of(cls, *, kinds: Iterable[str] = (), statuses: Iterable[str] = (),
           relations: Iterable[str] = (), search: str | None = "") -> ClaimFilter:
        return cls(frozenset(map(str, kinds)), frozenset(map(str, statuses)),
                   frozenset(map(str, relations)), (search or "").strip())

    def keeps(self, claim: Claim, reviews: Mapping[str, Review]) -> bool:
        if self.kinds and str(claim.kind) not in self.kinds:
            return False
        if self.statuses and status_of(claim, reviews) not in self.statuses:
            return False
        if self.relations and not self.relations & {str(e.relation) for e in claim.evidence}:
            return False
        return not self.search or matches_search(claim, self.search)


def filter_claims(claims: Iterable[Claim], reviews: Mapping[str, Review], *,
                  kinds: Iterable[str] = (), statuses: Iterable[str] = (),
                  relations: Iterable[str] = (), search: str | None = "") -> list[Claim]:
    """Claims of the chosen kinds and statuses, having evidence of any chosen relation
    and holding every word searched for; an empty choice means no filter."""
    chosen = ClaimFilter.of(kinds=kinds, statuses=statuses, relations=relations, search=search)
    return [c for c in claims if chosen.keeps(c, reviews)]
