"""Which claims the Review page lists: kind, status and evidence filters."""

from __future__ import annotations

import pytest
from helpers import ev, quote_claim, speed_claim

from workbench.claim_filters import filter_claims
from workbench.models import Relation, Status
from workbench.verdicts import Review


@pytest.mark.parametrize("kinds, statuses, relations, expected", [
    ((), (), (), ["k1", "k2"]),
    (("quote",), (), (), ["k2"]),
    ((), ("contradicted",), (), ["k1"]),
    ((), ("unreviewed",), (), ["k2"]),
    ((), (), ("varies",), ["k2"]),
    ((), (), ("varies", "bound_only"), ["k1", "k2"]),
    (("numeric",), (), ("varies",), []),
])
def test_filter_claims(kinds, statuses, relations, expected):
    claims = [speed_claim(evidence=[ev(Relation.BOUND_ONLY)]),
              quote_claim(evidence=[ev(Relation.VARIES)])]
    reviews = {"k1": Review("k1", Status.CONTRADICTED, version=1), "k2": Review("k2")}
    found = filter_claims(claims, reviews, kinds=kinds, statuses=statuses,
                          relations=relations)
    assert [c.key for c in found] == expected


