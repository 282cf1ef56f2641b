"""Comparing two quantities of the same dimension, honouring qualifiers and ranges.

"more than 3,200 km/h" is consistent with 3,500 km/h (supports, within the
tolerance), with 12,300 km/h (bound_only: the bound holds, the magnitudes do not)
and not with 2,000 km/h (conflicts). Values are compared in SI units; the ratio is
evidence over claim, midpoints of ranges. This module does not decide whether two
quantities are about the same thing; the matcher does.
"""

from __future__ import annotations

from ..models import Relation

LOWER_BOUNDS = {"more than", "at least"}
UPPER_BOUNDS = {"up to", "less than", "nearly"}


def midpoint(low: float, high: float | None) -> float:
    return low if high is None else (low + high) / 2


def ratio(claim_mid: float, evidence_mid: float) -> float | None:
    if claim_mid == 0:
        return None
    return evidence_mid / claim_mid


def _close(a: float, b: float, tolerance: float) -> bool:
    scale = max(abs(a), abs(b))
    return scale == 0 or abs(a - b) / scale <= tolerance


def compare(
    claim_low: float,
    claim_high: float | None,
    qualifier: str | None,
    evidence_low: float,
    evidence_high: float | None,
    *,
    tolerance: float,
) -> Relation:
    """The relation of an evidence value (or range) to a claimed value (or range)."""
    c_mid = midpoint(claim_low, claim_high)
    e_mid = midpoint(evidence_low, evidence_high)
    if claim_high is not None or evidence_high is not None:
        lo_c, hi_c = claim_low, claim_high if claim_high is not None else claim_low
        lo_e, hi_e = evidence_low, evidence_high if evidence_high is not None else evidence_low
        overlap = lo_e <= hi_c * (1 + tolerance) and hi_e >= lo_c * (1 - tolerance)
        if overlap:
            return Relation.SUPPORTS
    elif _close(c_mid, e_mid, tolerance):
        return Relation.SUPPORTS
    if qualifier in LOWER_BOUNDS and e_mid >= c_mid:
        return Relation.BOUND_ONLY
    if qualifier in UPPER_BOUNDS and e_mid <= c_mid:
        return Relation.BOUND_ONLY
    return Relation.CONFLICTS
