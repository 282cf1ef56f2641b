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




@pytest.mark.parametrize("search, expected", [
    ("", ["k1", "k2"]),
    ("petra", ["k2"]),                 # the speaker
    ("OBJECTIVE  we", ["k2"]),         # case and spacing folded, words in any order
    ("northwire", ["k1", "k2"]),       # an evidence outlet
    ("mach 10", ["k1"]),               # words of an evidence passage
    ("missile", ["k1"]),               # what the number is about
    ("petra missile", []),             # every word must occur
    ('" OR 1=1 --', []),               # plain text: nothing reaches SQL or FTS5
])
def test_search_over_claims_and_evidence(search, expected):
    claims = [speed_claim(evidence=[ev(Relation.BOUND_ONLY)]),
              quote_claim(evidence=[ev(Relation.VARIES, passage="The test met all of them.",
                                       start=0, end=24)])]
    assert [c.key for c in filter_claims(claims, {}, search=search)] == expected


def test_search_and_filters_combine():
    claims = [speed_claim(evidence=[ev(Relation.BOUND_ONLY)]),
              quote_claim(evidence=[ev(Relation.VARIES)])]
    assert [c.key for c in filter_claims(claims, {}, kinds=["quote"], search="mach")] == ["k2"]
    assert filter_claims(claims, {}, kinds=["numeric"], search="petra") == []
