"""The review card without a browser: merging, citation choices, and the save /
conflict / take theirs / re-apply mine / follow transitions on a real database."""

from __future__ import annotations

import pytest
from helpers import ev, quote, store_doc

from workbench.errors import NotAllowed
from workbench.identity import Identity, add_user, sign_in
from workbench.models import Document, Relation, Status
from workbench.review_card import (
    ReviewCard,
    ReviewFields,
    added_note,
    cite_options,
    cited_labels,
    merge_review,
    set_status_of_many,
)
from workbench.store import Store
from workbench.store import documents as rows
from workbench.verdicts import finalise_review, get_review, history

TEXT = '"We will respond," Ilya Sorn said.'
A = {"title": "A", "passage": "pa"}
B = {"title": "B", "passage": "pb"}
C = {"title": "C", "passage": "pc"}


@pytest.mark.parametrize("base, mine, theirs, expected", [
    # I changed the status, they changed the note: both kept
    (("unreviewed", "", []), ("supported", "", []), ("unreviewed", "asked", []),
     ("supported", "asked", [])),
    # both changed the status: mine wins (I re-apply on top)
    (("unreviewed", "", []), ("contradicted", "", []), ("supported", "x", []),
     ("contradicted", "x", [])),
    # I changed nothing: theirs
    (("supported", "n", [A]), ("supported", "n", [A]), ("misleading", "m", [A, B]),
     ("misleading", "m", [A, B])),
    # cited: union, minus what I removed
    (("supported", "", [A, B]), ("supported", "", [B, C]), ("supported", "", [A, B]),
     ("supported", "", [B, C])),
])
def test_merge_review(base, mine, theirs, expected):
    def fields(t):
        return ReviewFields(t[0], t[1], list(t[2]))
    assert merge_review(fields(base), fields(mine), fields(theirs)) == fields(expected)


def test_cite_options_keep_earlier_citations():
    evidence = [ev(Relation.SUPPORTS), ev(Relation.CONFLICTS, passage="Other.", start=0, end=5)]
    gone = {"title": "Deleted", "outlet": "Gone Times", "passage": "old", "relation": "supports"}
    options = cite_options(evidence, [gone])
    assert list(options) == ["1. supports — Northwire, 2026-03-14",
                             "2. conflicts — Northwire, 2026-03-14",
                             "saved 1. supports — Gone Times"]
    assert options["1. supports — Northwire, 2026-03-14"]["passage"] == "It flew at Mach 10."
    chosen = [options["2. conflicts — Northwire, 2026-03-14"], gone]
    assert cited_labels(options, chosen) == ["2. conflicts — Northwire, 2026-03-14",
                                             "saved 1. supports — Gone Times"]


@pytest.fixture
def desk(db_target):
    """A stored claim and two reviewers' cards on it, both opened before anyone saved."""
    store = Store(db_target)
    doc_id = store_doc(store, "a", Document("A", TEXT, path="a.txt"),
                       [quote(TEXT, "We will respond,", "Ilya Sorn")])
    [claim] = rows.claims_of(store, doc_id)
    return store, claim, ReviewCard.load(store, claim.key), ReviewCard.load(store, claim.key)


def test_a_new_card_shows_the_unreviewed_claim(desk):
    _, claim, ann, _ = desk
    assert ann.base.version == 0 and ann.conflict is None
    assert ann.shown == ReviewFields("unreviewed", "", [])
    assert ann.widget_keys == (f"status_{claim.key}", f"note_{claim.key}", f"cited_{claim.key}")


def test_save_moves_the_base_on(desk):
    store, claim, ann, _ = desk
    assert ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="Ann")
    assert (ann.base.version, ann.base.status, ann.base.reviewer) == (1, Status.SUPPORTED, "Ann")
    assert ann.save(store, claim, ReviewFields("supported", "wire and TV"), reviewer="Ann")
    assert get_review(store, claim.key).version == 2


def test_a_stale_save_keeps_both_sides_and_overwrites_nothing(desk):
    store, claim, ann, ben = desk
    ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="Ann")
    mine = ReviewFields("contradicted", "the date is wrong")
    assert not ben.save(store, claim, mine, reviewer="Ben")
    assert ben.conflict.theirs.reviewer == "Ann" and ben.conflict.mine == mine
    assert ben.shown == mine  # the widgets keep what Ben typed
    stored = get_review(store, claim.key)
    assert (stored.version, stored.note) == (1, "wire")
    assert len(history(store, claim.key)) == 1


def test_take_theirs_drops_mine(desk):
    store, claim, ann, ben = desk
    ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="Ann")
    ben.save(store, claim, ReviewFields("contradicted", "no"), reviewer="Ben")
    ben.take_theirs()
    assert ben.conflict is None and ben.base.version == 1
    assert ben.shown == ReviewFields("supported", "wire", [])
    assert ben.save(store, claim, ReviewFields("supported", "wire, checked"), reviewer="Ben")
    assert get_review(store, claim.key).version == 2


def test_reapply_mine_merges_on_top_of_theirs(desk):
    store, claim, ann, ben = desk
    cited = {"title": "Wire", "passage": "We will respond."}
    ann.save(store, claim, ReviewFields("unreviewed", "asked the ministry", [cited]),
             reviewer="Ann")
    ben.save(store, claim, ReviewFields("supported", ""), reviewer="Ben")  # refused
    assert ben.reapply_mine(store, claim, reviewer="Ben")
    stored = get_review(store, claim.key)
    # Ben changed the status, Ann the note and the citations: both kept.
    assert (stored.version, stored.status, stored.note) == (2, Status.SUPPORTED,
                                                            "asked the ministry")
    assert stored.cited == [cited] and ben.conflict is None


def test_reapply_mine_can_meet_yet_another_save(desk):
    store, claim, ann, ben = desk
    ann.save(store, claim, ReviewFields("supported", "one"), reviewer="Ann")
    ben.save(store, claim, ReviewFields("contradicted", ""), reviewer="Ben")
    ann.save(store, claim, ReviewFields("supported", "two"), reviewer="Ann")
    assert not ben.reapply_mine(store, claim, reviewer="Ben")
    assert ben.conflict.theirs.note == "two" and ben.conflict.mine.status == "contradicted"
    assert get_review(store, claim.key).version == 2


def test_follow_shows_a_newer_version_unless_a_conflict_is_open(desk):
    store, claim, ann, ben = desk
    ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="Ann")
    assert ben.follow(get_review(store, claim.key))
    assert ben.base.version == 1 and not ben.follow(get_review(store, claim.key))
    ann.save(store, claim, ReviewFields("misleading", "wire"), reviewer="Ann")
    ben.save(store, claim, ReviewFields("contradicted", ""), reviewer="Ben")  # refused
    ann.save(store, claim, ReviewFields("misleading", "again"), reviewer="Ann")
    assert not ben.follow(get_review(store, claim.key))  # Ben must choose first
    assert ben.base.version == 1


def test_fields_turn_cited_labels_back_into_citations(desk):
    _, claim, ann, _ = desk
    claim.evidence = [ev(Relation.SUPPORTS)]
    [label] = ann.options(claim)
    fields = ann.fields(claim, "supported", "n", [label])
    assert fields.cited[0]["passage"] == "It flew at Mach 10."


@pytest.mark.parametrize("existing, note, expected", [
    ("", "all supported by the ministry transcript", "all supported by the ministry transcript"),
    ("asked the desk", "transcript", "asked the desk\ntranscript"),
    ("asked the desk\ntranscript", "transcript", "asked the desk\ntranscript"),  # once
    ("asked the desk", "  ", "asked the desk"),
])
def test_added_note_never_erases_a_note(existing, note, expected):
    assert added_note(existing, note) == expected


def test_one_status_for_several_claims(tmp_path):
    store = Store(tmp_path / "w.db")
    text = '"We will respond," Ilya Sorn said. "We are ready," Ana Lee said. "No," Bo Ek said.'
    doc_id = store_doc(store, "a", Document("A", text, path="a.txt"),
                       [quote(text, q, s) for q, s in (("We will respond,", "Ilya Sorn"),
                                                         ("We are ready,", "Ana Lee"),
                                                         ("No,", "Bo Ek"))])
    first, second, third = rows.claims_of(store, doc_id)
    cited = {"title": "T", "passage": "p"}
    ReviewCard.load(store, first.key).save(store, first, ReviewFields("unreviewed", "mine",
                                                                      [cited]))
    result = set_status_of_many(store, [first, second], "supported", "ministry transcript",
                                reviewer="Ann")
    assert result.saved == [first.key, second.key] and result.refused == []
    one, two = get_review(store, first.key), get_review(store, second.key)
    assert (one.status, one.note, one.cited, one.version) == (
        Status.SUPPORTED, "mine\nministry transcript", [cited], 2)
    assert (two.status, two.note, two.reviewer) == (Status.SUPPORTED, "ministry transcript",
                                                    "Ann")
    assert get_review(store, third.key).version == 0


ADA = Identity("sub-ada", "ada@desk.example", "Ada Admin", verified=True)
RAY = Identity("sub-ray", "ray@desk.example", "Ray Reviewer", verified=True)
NOBODY = Identity("sub-no", "no@desk.example", "No Role", verified=True)


def signed_in(store: Store) -> None:
    """Ada (the first to sign in: admin) gives Ray the reviewer role; Nobody has none."""
    sign_in(store, ADA)
    add_user(store, RAY.email, "reviewer", by=ADA)
    sign_in(store, RAY)
    sign_in(store, NOBODY)


def test_a_save_that_changes_nothing_makes_no_version(desk):
    store, claim, ann, _ = desk
    assert ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="Ann")
    assert ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="Ann")
    assert get_review(store, claim.key).version == 1 and len(history(store, claim.key)) == 1


def test_an_unreviewed_claim_saved_as_it_is_gets_no_version(desk):
    # A poll echoing the widgets of a card just left once wrote "unreviewed" version 1s.
    store, claim, ann, _ = desk
    assert ann.save(store, claim, ReviewFields("unreviewed", ""), reviewer="Ann")
    assert get_review(store, claim.key).version == 0 and history(store, claim.key) == []


def test_the_card_saves_as_the_signed_in_person_and_refuses_without_a_role(desk):
    store, claim, ann, ben = desk
    signed_in(store)
    assert ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="typed",
                    identity=RAY)
    assert get_review(store, claim.key).reviewer == "Ray Reviewer"
    ben.follow(get_review(store, claim.key))
    assert not ben.save(store, claim, ReviewFields("contradicted", ""), identity=NOBODY)
    assert "no role" in ben.refused and ben.conflict is None
    assert ben.shown == ReviewFields("supported", "wire", [])  # the widgets go back
    assert get_review(store, claim.key).version == 1


def test_a_finalised_verdict_locks_the_card(desk):
    store, claim, ann, ben = desk
    signed_in(store)
    ann.save(store, claim, ReviewFields("supported", "wire"), identity=RAY)
    ben.follow(get_review(store, claim.key))
    final = finalise_review(store, claim.key, expected_version=1, identity=ADA)
    ann.decided(final)
    assert ann.locked
    # Ben's card still shows version 1: his save meets the newer, locked version.
    assert not ben.save(store, claim, ReviewFields("contradicted", "no"), identity=RAY)
    assert ben.conflict is not None  # stale first: he sees the finalised version
    ben.take_theirs()
    assert ben.locked
    assert not ben.save(store, claim, ReviewFields("contradicted", "no"), identity=RAY)
    assert "finalised" in ben.refused and ben.locked
    assert get_review(store, claim.key).version == 2


def test_following_a_colleague_gives_the_widgets_fresh_keys(desk):
    store, claim, ann, ben = desk
    ann.save(store, claim, ReviewFields("supported", "wire"), reviewer="Ann")
    before = ben.widget_keys
    assert ben.follow(get_review(store, claim.key))
    assert ben.widget_keys != before and ben.widget_keys[0].startswith(f"status_{claim.key}_")


def test_bulk_status_respects_roles_and_locks(db_target):
    store = Store(db_target)
    text = '"We will respond," Ilya Sorn said. "We are ready," Ana Lee said.'
    doc_id = store_doc(store, "a", Document("A", text, path="a.txt"),
                       [quote(text, q, s) for q, s in (("We will respond,", "Ilya Sorn"),
                                                         ("We are ready,", "Ana Lee"))])
    first, second = rows.claims_of(store, doc_id)
    signed_in(store)
    with pytest.raises(NotAllowed):
        set_status_of_many(store, [first, second], "supported", identity=NOBODY)
    assert get_review(store, first.key).version == 0
    ReviewCard.load(store, first.key).save(store, first, ReviewFields("misleading", ""),
                                           identity=RAY)
    finalise_review(store, first.key, expected_version=1, identity=ADA)
    result = set_status_of_many(store, [first, second], "supported", identity=RAY)
    assert (result.saved, result.refused, result.locked) == ([second.key], [], [first.key])
    assert get_review(store, first.key).status == Status.MISLEADING
    assert get_review(store, second.key).reviewer == "Ray Reviewer"


def test_values_set_from_the_card_give_fresh_keys_and_typed_ones_do_not(desk):
    # A poll carries the browser's old values for the old keys: they must not come back.
    store, claim, ann, ben = desk
    typed = ann.widget_keys
    assert ann.save(store, claim, ReviewFields("supported", "wire"), typed=True)
    assert ann.widget_keys == typed  # the widgets already show what was typed
    assert ann.save(store, claim, ReviewFields("contradicted", "wire"))  # a status key
    keyed = ann.widget_keys
    assert keyed != typed
    assert not ben.save(store, claim, ReviewFields("misleading", ""), typed=True)
    before = ben.widget_keys
    ben.take_theirs()
    assert ben.widget_keys != before and ben.shown.status == "contradicted"
    ann.decided(get_review(store, claim.key))
    assert ann.widget_keys != keyed
