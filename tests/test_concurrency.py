"""Several reviewers at once, and crashes mid-save: nothing acknowledged is lost.

Short versions of bench/stress_reviews.py (which runs them for 60 s / 20 crashes)."""

import sys

from workbench.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))

import stress_reviews


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
