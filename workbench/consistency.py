"""A source that contradicts itself (issue 13): two values for the same quantity of
the same subject in one document that disagree beyond the tolerance.

Two checks on the numeric claims stored at ingest, nothing re-parsed:

- **conversion**: a value followed by another in brackets ("Mach 10 (3,400 km/h)",
  "5,500 km (2,400 miles)") is a conversion; if the two differ beyond the tolerance
  the conversion is wrong, whatever the subject.
- **values**: two values of one dimension about the same subject ("the missile …
  12,000 km/h" and "the missile … 3,000 km/h") that conflict both ways (qualifiers
  honoured: "more than 3,200" and 12,000 agree). Counts, money, percentages and
  scores are left out: "six warheads … two warheads failed" is parts, not a
  contradiction. Changes ("rose by") are left out too.

Every evidence item from such a document gets ``self_conflict = True`` and the pairs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .match.values import compare
from .models import Claim, Relation
from .store import Store
from .store import consistency as rows

_BRACKET = re.compile(r"\s*\(\s*(?:about|around|roughly|some|approximately|approx\.|or|c\.)?\s*")
SKIPPED_DIMENSIONS = frozenset({"count", "money", "percent", "score"})
MAX_PAIRS = 5  # per document: enough to show the problem


@dataclass(frozen=True, slots=True)
class SelfConflict:
    first: str
    second: str
    kind: str  # "conversion" | "values"

    def to_dict(self) -> dict:
        return {"first": self.first, "second": self.second, "kind": self.kind}


def _disagree(a: Claim, b: Claim, tolerance: float) -> bool:
    if a.si_value is None or b.si_value is None or (a.dimension, a.si_unit) != (b.dimension,
                                                                                b.si_unit):
        return False
    there = compare(a.si_value, a.si_value_max, a.qualifier, b.si_value, b.si_value_max,
                    tolerance=tolerance)
    back = compare(b.si_value, b.si_value_max, b.qualifier, a.si_value, a.si_value_max,
                   tolerance=tolerance)
    return there is Relation.CONFLICTS and back is Relation.CONFLICTS


def _subject(claim: Claim) -> str | None:
    about = (claim.about or "").strip().lower()
    return about.removesuffix("s") or None


def self_conflicts(claims: list[tuple[Claim, str]], *, tolerance: float) -> list[SelfConflict]:
    """The contradictions among one document's numeric claims (in text order, each
    with the text after it)."""
    found: list[SelfConflict] = []
    converted: set[tuple[int, int]] = set()
    for (a, tail), (b, _) in itertools.pairwise(claims):
        gap = b.start - a.end
        if 0 <= gap <= len(tail) and _BRACKET.fullmatch(tail[:gap]):
            converted.add((a.start, b.start))
            if _disagree(a, b, tolerance):
                found.append(SelfConflict(a.text, b.text, "conversion"))
    values = [c for c, _ in claims if c.dimension not in SKIPPED_DIMENSIONS
              and not c.direction and _subject(c)]
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if len(found) >= MAX_PAIRS:
                return found
            if (a.start, b.start) in converted or _subject(a) != _subject(b):
                continue
            if _disagree(a, b, tolerance):
                found.append(SelfConflict(a.text, b.text, "values"))
    return found


def annotate(store: Store, claims: Iterable[Claim], *, tolerance: float) -> None:
    """Flag every evidence item whose document contradicts itself."""
    claims = list(claims)
    doc_ids = {e.document.id for c in claims for e in c.evidence if e.document.id}
    with store.read() as conn:
        by_doc = rows.numeric_claims_of(conn, doc_ids)
    conflicts = {d: self_conflicts(found, tolerance=tolerance) for d, found in by_doc.items()}
    for claim in claims:
        for ev in claim.evidence:
            pairs = conflicts.get(ev.document.id, []) if ev.document.id else []
            ev.self_conflict = bool(pairs)
            ev.self_conflicts = [p.to_dict() for p in pairs]
