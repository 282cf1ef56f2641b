"""Reviews: saved at once, versioned, never silently overwritten, all logged."""

import pytest
from helpers import quote, store_doc

from workbench.errors import StaleReview
from workbench.models import Document, Status
from workbench.store import Store
from workbench.store import documents as rows
from workbench.verdicts import get_review, history, reviews_for, save_review

TEXT = '"We will respond," Ilya Sorn said.'


@pytest.fixture
def claim(db_target):
    store = Store(db_target)
    doc_id = store_doc(store, "a", Document("A", TEXT, path="a.txt"),
                       [quote(TEXT, "We will respond,", "Ilya Sorn")])
    [claim] = rows.claims_of(store, doc_id)
    return store, claim


def test_unreviewed_by_default(claim):
    store, c = claim
    review = get_review(store, c.key)
    assert (review.status, review.version) == (Status.UNREVIEWED, 0)


def test_save_then_reload_shows_it(claim):
    store, c = claim
    save_review(store, c, status="contradicted", note="see wire", reviewer="ana",
                cited=[{"title": "W"}], expected_version=0)
    review = reviews_for(store, [c.key])[c.key]
    assert (review.status, review.note, review.reviewer, review.version) == (
        Status.CONTRADICTED, "see wire", "ana", 1)
    assert review.cited == [{"title": "W"}]
    assert review.claim["text"] == "We will respond,"


def test_stale_save_is_refused_and_shows_the_other_change(claim):
    store, c = claim
    save_review(store, c, status="supported", reviewer="ana", expected_version=0)
    with pytest.raises(StaleReview) as info:
        save_review(store, c, status="misquoted", reviewer="ben", expected_version=0)
    assert info.value.current.reviewer == "ana"
    assert info.value.current.status is Status.SUPPORTED
    assert get_review(store, c.key).status is Status.SUPPORTED  # ben's write did not land
    save_review(store, c, status="misquoted", reviewer="ben", expected_version=1)  # merged
    assert get_review(store, c.key).version == 2


def test_every_change_is_an_event(claim):
    store, c = claim
    save_review(store, c, status="supported", reviewer="ana", expected_version=0)
    save_review(store, c, status="needs follow-up", note="call them", reviewer="ben",
                expected_version=1)
    events = history(store, c.key)
    assert [(e.old_status, e.new_status, e.reviewer) for e in events] == [
        (None, "supported", "ana"), ("supported", "needs follow-up", "ben")]


def test_review_survives_reextraction_of_its_document(claim):
    store, c = claim
    save_review(store, c, status="supported", reviewer="ana", expected_version=0)
    new_text = "Intro line. " + TEXT
    doc_id = store_doc(store, "a", Document("A", new_text, path="a.txt"),
                       [quote(new_text, "We will respond,", "Ilya Sorn")])
    [again] = rows.claims_of(store, doc_id)
    assert again.key == c.key and again.start != c.start
    assert get_review(store, again.key).status is Status.SUPPORTED


def test_unknown_status_is_refused(claim):
    store, c = claim
    with pytest.raises(ValueError):
        save_review(store, c, status="probably fine", expected_version=0)


def test_two_first_reviews_at_once_one_wins_one_is_told(db_target):
    """The case a row lock cannot cover: no review row exists yet. Eight rounds
    of two threads saving version 0 of the same claim at the same moment."""
    import threading

    store = Store(db_target)
    text = " ".join(f'"Words {i}," Ana Lee said.' for i in range(8))
    doc_id = store_doc(store, "a", Document("A", text, path="a.txt"),
                       [quote(text, f"Words {i},", "Ana Lee") for i in range(8)])
    for c in rows.claims_of(store, doc_id):
        barrier, outcomes = threading.Barrier(2), []

        def save(name, c=c, barrier=barrier, outcomes=outcomes):
            barrier.wait()
            try:
                save_review(store, c, status="supported", note=name, reviewer=name,
                            expected_version=0)
                outcomes.append("saved")
            except StaleReview:
                outcomes.append("stale")

        threads = [threading.Thread(target=save, args=(n,)) for n in ("ana", "ben")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["saved", "stale"]
        assert [e.version for e in history(store, c.key)] == [1]
