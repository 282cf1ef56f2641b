"""Numeric comparison: qualifiers, ranges and tolerance, as a table."""

import pytest

from workbench.match.values import compare, ratio
from workbench.models import Relation

S, B, C = Relation.SUPPORTS, Relation.BOUND_ONLY, Relation.CONFLICTS


@pytest.mark.parametrize(
    "claim, claim_max, qualifier, evidence, evidence_max, expected",
    [
        (3200, None, None, 3300, None, S),  # 3% apart
        (3200, None, None, 2000, None, C),
        (3200, None, "more than", 3500, None, S),  # within tolerance and above
        (3200, None, "more than", 12348, None, B),  # bound holds, magnitudes differ ~3.9x
        (3200, None, "more than", 2000, None, C),  # below a lower bound
        (3200, None, "more than", 3000, None, S),  # 6% below: within tolerance
        (5500, None, "up to", 5472, None, S),
        (5500, None, "up to", 2000, None, B),
        (5500, None, "up to", 9000, None, C),
        (100, None, "nearly", 50, None, B),
        (12, None, "about", 11, None, S),  # 8.3% apart
        (12, None, "about", 20, None, C),
        (9000, 10800, None, 10000, None, S),  # inside a range
        (9000, 10800, None, 12348, None, C),  # outside a range
        (9000, None, None, 8500, 9500, S),  # a range around the claim
        (6, None, None, 4, None, C),
        (0, None, None, 0, None, S),
    ],
)
def test_compare(claim, claim_max, qualifier, evidence, evidence_max, expected):
    assert compare(claim, claim_max, qualifier, evidence, evidence_max, tolerance=0.10) is expected


def test_tolerance_is_a_knob():
    assert compare(100, None, None, 115, None, tolerance=0.10) is C
    assert compare(100, None, None, 115, None, tolerance=0.20) is S


@pytest.mark.parametrize("claim, evidence, expected",
                         [(3200, 12800, 4.0), (10, 5, 0.5), (0, 5, None)])
def test_ratio_is_evidence_over_claim(claim, evidence, expected):
    assert ratio(claim, evidence) == expected


@pytest.mark.parametrize("context, expected", [
    ("The Noradas reached 3 km/s.", ["noradas"]),  # a name ending in s keeps its s
    ("It said the Korval's range is 5,500 km.", ["korval"]),  # a possessive loses 's
])
def test_subject_terms_keep_names_whole(context, expected):
    from workbench.match.numbers import subject_terms
    from workbench.models import Claim, ClaimKind

    claim = Claim(ClaimKind.NUMERIC, "3 km/s", 0, 0)
    assert subject_terms(claim, context) == expected
