"""Published dates as sort keys, undated sources, and a claim's first appearance (issue 13)."""

from datetime import UTC, datetime

import pytest

from workbench.models import Claim, ClaimKind, Document, Evidence, Relation
from workbench.provenance import date_key, earliest, first_seen, shown_date


@pytest.mark.parametrize(("published", "expected"), [
    ("2026-03-14", datetime(2026, 3, 14, tzinfo=UTC)),
    ("2026-03-14T19:05:00+00:00", datetime(2026, 3, 14, 19, 5, tzinfo=UTC)),
    ("2026-03-14T21:05:00+02:00", datetime(2026, 3, 14, 19, 5, tzinfo=UTC)),
    ("2026-03-14T19:05:00Z", datetime(2026, 3, 14, 19, 5, tzinfo=UTC)),
    ("2026-03-14 19:05", datetime(2026, 3, 14, 19, 5, tzinfo=UTC)),
    ("2026-03-14garbage", datetime(2026, 3, 14, tzinfo=UTC)),
    ("", None), (None, None), ("March 2026", None), ("n/a", None),
])
def test_date_key(published, expected):
    assert date_key(published) == expected


@pytest.mark.parametrize(("published", "shown"), [
    ("2026-03-14T19:05:00+00:00", "2026-03-14"), (None, "undated"), ("", "undated"),
    ("soon", "undated"),
])
def test_undated_is_shown_as_undated(published, shown):
    assert shown_date(published) == shown


def ev(outlet, published, relation=Relation.SUPPORTS, doc_id=1):
    document = Document(title=outlet, text="", outlet=outlet, published=published, id=doc_id)
    return Evidence(document=document, passage="p", start=0, end=1, score=90, relation=relation)


def claim_with(*evidence):
    return Claim(kind=ClaimKind.QUOTE, text="words", start=0, end=5, evidence=list(evidence))


def test_first_seen_is_the_earliest_dated_supporting_or_varying_source():
    claim = claim_with(
        ev("Late", "2026-03-16", doc_id=1),
        ev("Undated", None, doc_id=2),
        ev("Conflicting early", "2026-03-01", Relation.CONFLICTS, doc_id=3),
        ev("Misattributed early", "2026-03-02", Relation.MISATTRIBUTED, doc_id=4),
        ev("Varies", "2026-03-14T19:05:00+00:00", Relation.VARIES, doc_id=5),
        ev("Same day, later hour", "2026-03-14T21:00:00+00:00", doc_id=6),
    )
    assert first_seen(claim) == {"document": claim.evidence[4].document.to_dict(),
                                 "published": "2026-03-14T19:05:00+00:00"}


def test_only_undated_sources_give_no_first_seen():
    assert first_seen(claim_with(ev("Undated", None), ev("Blank", ""))) is None
    assert first_seen(claim_with()) is None


def test_ties_go_to_the_lower_document_id():
    a, b = ev("B", "2026-03-14", doc_id=7), ev("A", "2026-03-14", doc_id=3)
    assert earliest([a, b]) is b
