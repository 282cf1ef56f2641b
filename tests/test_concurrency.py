"""Several reviewers at once, and crashes mid-save: nothing acknowledged is lost.

Short versions of bench/stress_reviews.py (which runs them for 60 s / 20 crashes)."""

import sys

from workbench.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))

import desk
import stress_reviews
from ledger import lost_updates

from workbench.store import Store


def test_eight_concurrent_reviewers_lose_nothing(new_db):
    figures = stress_reviews.stress(new_db("s"), seconds=3, threads=4, processes=4)
    assert figures["acknowledged_saves"] > 20
    assert figures["lost_updates"] == 0
    assert figures["events"] == figures["acknowledged_saves"]
    assert figures["unhandled_errors"] == 0
    assert figures["conflicts_reported"] > 0  # the same 5 claims: conflicts must happen
    assert figures["integrity_ok"]


def test_kill_9_mid_burst_keeps_every_acknowledged_save(new_db):
    figures = stress_reviews.crash(new_db("c"), runs=3)
    assert figures["runs_missing_acknowledged_save"] == 0
    assert figures["integrity_ok"]


def test_the_lost_update_count_sees_an_acknowledged_save_missing(new_db):
    db = new_db("l")
    claims = stress_reviews.make_claims(db, n=1)
    from workbench.verdicts import save_review
    review = save_review(Store(db), claims[0], status="supported", note="kept",
                         expected_version=0)
    told = (claims[0].key, review.version, "supported", "kept")
    assert lost_updates(Store(db), [told])["lost_updates"] == 0
    assert lost_updates(Store(db), [told, told])["versions_acknowledged_twice"] == 1
    ghost = (claims[0].key, 2, "misleading", "never written")
    assert lost_updates(Store(db), [told, ghost])["acknowledged_missing_from_log"] == 1


def test_a_short_desk_run_loses_nothing(new_db):
    figures = desk.run(new_db("d"), seconds=2, reviewers=3, think=0.02, poll=0.2, claims=3)
    assert figures["acknowledged_saves"] > 5
    assert (figures["lost_updates"], figures["unhandled_errors"]) == (0, 0)
    assert figures["versions_seen_by_watcher"] > 0
