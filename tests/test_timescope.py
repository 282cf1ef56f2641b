"""Time scope (issue 13 §4): time references resolved against the document's date,
stale evidence (published before the event, or about another period) ranked last,
and the date window. Store tests run on both backends."""

from datetime import date

import pytest

from tests.helpers import number, store_doc
from workbench.match import check_document
from workbench.models import Document, Relation
from workbench.store import Store
from workbench.timescope import find_period, judge, resolve, stale_line


@pytest.mark.parametrize(("text", "published", "start", "end"), [
    ("The plant closed in 2023.", "2026-03-15", "2023-01-01", "2023-12-31"),
    ("Last year the firm lost money.", "2026-03-15", "2025-01-01", "2025-12-31"),
    ("Varosia on Saturday test-fired the Korval.", "2026-03-15", "2026-03-14", "2026-03-14"),
    ("The minister spoke on Sunday.", "2026-03-15", "2026-03-15", "2026-03-15"),  # same day
    ("Prices have risen since March.", "2026-06-02", "2026-03-01", "2026-06-02"),
    ("In November it rained.", "2026-03-15", "2025-11-01", "2025-11-30"),  # the last November
    ("In its first test in November 2025, it flew.", None, "2025-11-01", "2025-11-30"),
    ("It happened on March 14.", "2026-03-16", "2026-03-14", "2026-03-14"),
    ("The vote was two days ago.", "2026-03-15", "2026-03-13", "2026-03-13"),
    ("Output fell last month.", "2026-03-15", "2026-02-01", "2026-02-28"),
    ("Since 2020 the figure has doubled.", "2026-03-15", "2020-01-01", "2026-03-15"),
])
def test_time_references_resolve_against_the_documents_date(text, published, start, end):
    period = find_period(text, published)
    assert period is not None, text
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)


@pytest.mark.parametrize(("text", "published"), [
    ("They may go if asked.", "2026-03-15"),  # "may" the verb
    ("Protesters march on the capital.", "2026-03-15"),
    ("The missile flew 2,000 km.", "2026-03-15"),  # a number, not a year
    ("It was found in 2,000 homes.", "2026-03-15"),
    ("Last year the firm lost money.", None),  # relative, and nothing to resolve it against
    ("On Thursday it was sunny.", None),
])
def test_no_time_reference_is_invented(text, published):
    assert find_period(text, published) is None


def test_resolve_never_uses_today_for_an_undated_document():
    assert resolve("yesterday", None) is None
    assert resolve("in 2023", None).start == date(2023, 1, 1)


def test_judge_another_period_and_published_before():
    claim = find_period("on Saturday", "2026-03-15")
    other = judge(claim, "In November 2025 it carried four warheads.", "2026-03-17")
    assert other["stale"] and other["reason"] == "about another period"
    assert other["evidence"]["start"] == "2025-11-01" and other["claim"]["start"] == "2026-03-14"
    before = judge(claim, "It carries six warheads.", "2026-03-10")
    assert before["stale"] and before["reason"] == "published before the event"
    assert before["evidence"] == {"text": "published", "start": "2026-03-10",
                                  "end": "2026-03-10", "from": "published"}
    assert not judge(claim, "It carries six warheads.", "2026-03-14")["stale"]  # same day
    assert not judge(claim, "It carries six warheads.", None)["stale"]  # undated: unknown
    assert not judge(claim, "On Saturday it carried six.", "2026-03-20")["stale"]
    assert judge(None, "In 2020 it carried six.", "2026-03-20") is None


ARTICLE = ("Title: Korval test\nPublished: 2026-03-15\n\n"
           "Varosia test-fired the Korval on Saturday. The Korval carried six warheads.")
CURRENT = "The Korval carried six warheads on Saturday, officials said."
PREVIEW = "Analysts expect the Korval to carry six warheads."
HISTORY = "In its first test in November 2025, the Korval carried four warheads."


def _warheads(text):
    return number(text, "six warheads" if "six" in text else "four warheads",
                  6 if "six" in text else 4, "warheads", 6 if "six" in text else 4, "count",
                  about="warheads")


@pytest.fixture
def korval(db_target):
    store = Store(db_target)
    body = ARTICLE.split("\n\n", 1)[1]
    article_id = store_doc(store, "articles", Document(
        title="Korval test", text=body, outlet="Ledger", published="2026-03-15"),
        [_warheads(body)])
    for outlet, published, text in (("Wire", "2026-03-14", CURRENT),
                                    ("Preview", "2026-03-10", PREVIEW),
                                    ("History", "2026-03-17", HISTORY),
                                    ("Archive", "2025-01-05", CURRENT.replace(" on Saturday", ""))):
        store_doc(store, "sources", Document(title=f"{outlet} on the Korval", text=text,
                                             outlet=outlet, published=published),
                  [_warheads(text)])
    return store, article_id


def test_stale_evidence_is_marked_and_ranked_after_current(korval):
    store, article_id = korval
    _, [claim] = check_document(store, article_id, sets=["sources"], window_days=0)
    assert claim.time_scope == {"text": "on Saturday", "start": "2026-03-14",
                                "end": "2026-03-14", "from": "lead"}
    by_outlet = {e.document.outlet: e for e in claim.evidence}
    assert not by_outlet["Wire"].stale and by_outlet["Wire"].relation is Relation.SUPPORTS
    assert by_outlet["Preview"].stale
    assert by_outlet["Preview"].time_scope["reason"] == "published before the event"
    assert by_outlet["History"].stale and by_outlet["History"].relation is Relation.CONFLICTS
    assert by_outlet["History"].time_scope["reason"] == "about another period"
    assert claim.evidence[0].document.outlet == "Wire"
    assert all(e.stale for e in claim.evidence[1:])  # current first, then the stale ones
    line = stale_line(by_outlet["History"])
    assert "about another period" in line and "2025-11-01" in line and "2026-03-14" in line
    assert claim.first_seen["document"]["outlet"] == "Wire"  # a preview is not a first report
    assert claim.confirmations == {"independent": 1, "copies": 0}  # nor a confirmation
    as_json = by_outlet["Preview"].to_dict()
    assert as_json["stale"] is True and as_json["time_scope"]["evidence"]["start"] == "2026-03-10"


def test_date_window_keeps_only_evidence_near_the_claims_time(korval):
    store, article_id = korval
    _, [claim] = check_document(store, article_id, sets=["sources"], window_days=7)
    assert {e.document.outlet for e in claim.evidence} == {"Wire", "Preview", "History"}
    _, [claim] = check_document(store, article_id, sets=["sources"], window_days=2)
    assert {e.document.outlet for e in claim.evidence} == {"Wire"}
    _, [claim] = check_document(store, article_id, sets=["sources"], window_days=0)
    assert "Archive" in {e.document.outlet for e in claim.evidence}


def test_window_setting_is_the_default(korval, monkeypatch):
    store, article_id = korval
    monkeypatch.setenv("WORKBENCH_DATE_WINDOW_DAYS", "2")
    _, [claim] = check_document(store, article_id, sets=["sources"])
    assert {e.document.outlet for e in claim.evidence} == {"Wire"}


@pytest.mark.model
def test_demo_history_of_the_korval_is_stale(new_db, nlp_trained):
    from workbench import default_sets, list_documents, open_store, seed_demo

    store = open_store(new_db("timescope-demo"))
    seed_demo(store)
    [article] = list_documents(store, "articles under review")
    _, claims = check_document(store, article.id, sets=default_sets(store))
    warheads = next(c for c in claims if "six" in c.text)
    history = [e for e in warheads.evidence if e.document.outlet == "Strategy Review"]
    assert history and all(e.stale and e.relation is Relation.CONFLICTS for e in history)
    current = [e for e in warheads.evidence if e.relation is Relation.CONFLICTS and not e.stale]
    assert current and warheads.evidence.index(current[0]) < warheads.evidence.index(history[0])
    assert not any(e.stale for c in claims for e in c.evidence if e is not history[0]
                   and e.document.outlet != "Strategy Review")
