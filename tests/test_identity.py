"""Sign-in and roles in the library (issue 11 §2), on the backend under test: a
request outside one's role is refused by the function that does the work."""

import pytest
from helpers import quote, store_doc

import workbench
from workbench import desk
from workbench.errors import Locked, NotAllowed, StaleReview
from workbench.identity import (
    Identity,
    Role,
    add_user,
    identity_from_claims,
    list_users,
    remove_user,
    set_role,
    sign_in,
)
from workbench.models import Document, Status
from workbench.store import Store
from workbench.store import documents as rows
from workbench.verdicts import finalise_review, get_review, history, reopen_review, save_review

TEXT = '"We will respond," Ilya Sorn said.'
ADA = Identity("sub-ada", "ada@desk.example", "Ada Admin", verified=True)
EVE = Identity("sub-eve", "eve@desk.example", "Eve Editor", verified=True)
RAY = Identity("sub-ray", "ray@desk.example", "Ray Reviewer", verified=True)


@pytest.fixture
def desk_store(db_target):
    """A desk whose first sign-in (Ada) made her admin; Eve is editor, Ray reviewer."""
    store = Store(db_target)
    doc_id = store_doc(store, "a", Document("A", TEXT, path="a.txt"),
                       [quote(TEXT, "We will respond,", "Ilya Sorn")])
    [claim] = rows.claims_of(store, doc_id)
    assert sign_in(store, ADA).role is Role.admin
    add_user(store, EVE.email, "editor", by=ADA)
    assert sign_in(store, EVE).role is Role.editor  # linked by her verified e-mail
    assert sign_in(store, RAY).role is None  # unknown: no role until an admin gives one
    ray = next(u for u in list_users(store) if u.email == RAY.email)
    set_role(store, ray.id, "reviewer", by=ADA)
    return store, claim


def test_first_sign_in_of_an_empty_desk_is_admin_then_no_role(db_target):
    store = Store(db_target)
    assert sign_in(store, RAY).role is Role.admin
    assert sign_in(store, EVE).role is None
    assert sign_in(store, RAY).role is Role.admin  # the same person again: same row
    assert [u.email for u in list_users(store)] == [EVE.email, RAY.email]


def test_identity_from_token_claims():
    who = identity_from_claims({"sub": "x1", "email": "A@B.org", "name": " A ",
                                "email_verified": True, "is_logged_in": True})
    assert who == Identity("x1", "a@b.org", "A", True)
    assert not identity_from_claims({"sub": "x2", "email": "c@d.org"}).verified
    with pytest.raises(ValueError):
        identity_from_claims({"email": "no-subject@x.org"})


def test_an_unverified_email_does_not_take_a_role_given_to_that_email(db_target):
    store = Store(db_target)
    sign_in(store, ADA)
    add_user(store, "boss@desk.example", "editor", by=ADA)
    impostor = Identity("sub-imp", "boss@desk.example", "Not Boss", verified=False)
    assert sign_in(store, impostor).role is None
    assert {u.email: u.role for u in list_users(store)}["boss@desk.example"] is Role.editor


def test_every_event_carries_the_identity_and_typed_names_stay(desk_store):
    store, c = desk_store
    save_review(store, c, status="supported", reviewer="typed ana", expected_version=0)
    save_review(store, c, status="misquoted", reviewer="ignored when signed in",
                expected_version=1, identity=RAY)
    events = history(store, c.key)
    assert [(e.reviewer, e.subject, e.email) for e in events] == [
        ("typed ana", "", ""), ("Ray Reviewer", RAY.subject, RAY.email)]
    assert get_review(store, c.key).reviewer == "Ray Reviewer"


def test_an_editor_finalises_then_no_one_saves_until_reopened(desk_store):
    store, c = desk_store
    save_review(store, c, status="supported", expected_version=0, identity=RAY)
    with pytest.raises(NotAllowed, match="editor"):
        finalise_review(store, c.key, expected_version=1, identity=RAY)
    final = finalise_review(store, c.key, expected_version=1, identity=EVE)
    assert final.final and final.finalised_by == "Eve Editor" and final.version == 2
    for who in (RAY, EVE):
        with pytest.raises(Locked) as info:
            save_review(store, c, status="contradicted", expected_version=2, identity=who)
        assert info.value.current.finalised_by == "Eve Editor"
    assert get_review(store, c.key).status is Status.SUPPORTED
    with pytest.raises(NotAllowed):
        reopen_review(store, c.key, expected_version=2, identity=RAY)
    with pytest.raises(StaleReview):
        reopen_review(store, c.key, expected_version=1, identity=EVE)
    assert not reopen_review(store, c.key, expected_version=2, identity=EVE).final
    save_review(store, c, status="contradicted", expected_version=3, identity=RAY)
    assert [(e.action, e.email, e.new_status) for e in history(store, c.key)] == [
        ("save", RAY.email, "supported"), ("finalise", EVE.email, "supported"),
        ("reopen", EVE.email, "supported"), ("save", RAY.email, "contradicted")]


def test_an_unreviewed_claim_cannot_be_finalised(desk_store):
    store, c = desk_store
    with pytest.raises(workbench.NotFound):
        finalise_review(store, c.key, expected_version=0, identity=EVE)


def test_someone_without_a_role_cannot_save(desk_store):
    store, c = desk_store
    stranger = Identity("sub-who", "who@else.example")
    with pytest.raises(NotAllowed, match="no role"):
        save_review(store, c, status="supported", expected_version=0, identity=stranger)
    sign_in(store, stranger)  # signed in, but no role yet
    with pytest.raises(NotAllowed, match="no role"):
        save_review(store, c, status="supported", expected_version=0, identity=stranger)
    remove_user(store, RAY.email, by=ADA)  # a removed user's next save is refused
    with pytest.raises(NotAllowed):
        save_review(store, c, status="supported", expected_version=0, identity=RAY)
    assert get_review(store, c.key).version == 0


def test_only_admins_load_and_delete_source_sets(desk_store):
    store, _ = desk_store
    pipeline = workbench.load_pipeline("none-such")  # rules: fast
    doc = Document("B", "It flew at 3,000 km/h.", path="b.txt")
    for who in (RAY, EVE):
        with pytest.raises(NotAllowed, match="admin"):
            workbench.ingest(store, [doc], "wires", pipeline=pipeline, identity=who)
        with pytest.raises(NotAllowed, match="admin"):
            workbench.delete_set(store, "a", identity=who)
    assert [s.name for s in workbench.list_sets(store)] == ["a"]
    # an article under review is any reviewer's to add
    workbench.ingest(store, [doc], str(workbench.settings.get("articles_set")),
                     pipeline=pipeline, identity=RAY)
    workbench.ingest(store, [doc], "wires", pipeline=pipeline, identity=ADA)
    assert workbench.delete_set(store, "wires", identity=ADA) == 1


def test_only_admins_manage_roles_and_one_admin_always_stays(desk_store):
    store, _ = desk_store
    with pytest.raises(NotAllowed):
        add_user(store, "new@desk.example", "admin", by=EVE)
    with pytest.raises(NotAllowed):
        remove_user(store, RAY.email, by=EVE)
    with pytest.raises(ValueError, match="only admin"):
        add_user(store, ADA.email, "reviewer", by=ADA)
    ray = next(u for u in list_users(store) if u.email == RAY.email)
    set_role(store, ray.id, "admin", by=ADA)
    add_user(store, ADA.email, "reviewer", by=RAY)  # now Ray is the admin
    assert {u.email: u.role.name for u in list_users(store)} == {
        ADA.email: "reviewer", EVE.email: "editor", RAY.email: "admin"}


def test_editors_assign_claims_and_my_claims_filters(desk_store):
    store, c = desk_store
    with pytest.raises(NotAllowed):
        desk.assign(store, [c.key], RAY.email, identity=RAY)
    assert desk.assign(store, [c.key, c.key], RAY.email.upper(), identity=EVE) == 1
    assigned = desk.assignments(store, [c.key, "other"])
    assert assigned[c.key].assignee == RAY.email and assigned[c.key].assigned_by == EVE.email
    assert desk.mine([c.key, "other"], assigned, RAY.email) == [c.key]
    assert desk.mine([c.key], assigned, EVE.email) == []
    desk.assign(store, [c.key], None, identity=EVE)
    assert desk.assignments(store, [c.key]) == {}


def test_presence_expires_and_follows_the_claim_one_has_open(desk_store):
    store, c = desk_store
    desk.touch(store, c.key, RAY.email, "Ray", at=1000.0)
    desk.touch(store, c.key, EVE.email, "Eve", at=1004.0)
    assert desk.present(store, [c.key], at=1005.0) == {c.key: ["Eve", "Ray"]}
    assert desk.present(store, [c.key], at=1005.0, exclude=EVE.email) == {c.key: ["Ray"]}
    assert desk.present(store, [c.key], at=1000.0 + desk.PRESENCE_SECONDS + 1) == {
        c.key: ["Eve"]}
    desk.touch(store, "elsewhere", EVE.email, "Eve", at=1006.0)  # she moved on
    assert desk.present(store, [c.key, "elsewhere"], at=1007.0) == {
        c.key: ["Ray"], "elsewhere": ["Eve"]}
    desk.leave(store, RAY.email)
    assert desk.present(store, [c.key], at=1007.0) == {}


def test_versions_poll_what_changed(desk_store):
    store, c = desk_store
    assert workbench.verdicts.versions(store, [c.key]) == {c.key: 0}
    save_review(store, c, status="supported", expected_version=0, identity=RAY)
    assert workbench.verdicts.versions(store, [c.key]) == {c.key: 1}


def test_desk_views_show_identities_presence_and_assignments(desk_store):
    store, c = desk_store
    from workbench import desk_views, display
    save_review(store, c, status="supported", reviewer="typed", expected_version=0)
    save_review(store, c, status="supported", expected_version=1, identity=RAY)
    finalise_review(store, c.key, expected_version=2, identity=EVE)
    table = desk_views.history_table(history(store, c.key))
    assert table[["reviewer", "e-mail", "action"]].values.tolist() == [
        ["typed", "", "saved"], ["Ray Reviewer", RAY.email, "saved"],
        ["Eve Editor", EVE.email, "finalised"]]
    assert desk_views.who_changed(history(store, c.key)) == (
        "By typed (not signed in), Ray Reviewer (ray@desk.example), "
        "Eve Editor (eve@desk.example)")
    assert desk_views.final_line(get_review(store, c.key)).startswith(
        "Final: finalised by Eve Editor")
    desk.assign(store, [c.key], RAY.email, identity=EVE)
    desk.touch(store, c.key, EVE.email, "Eve Editor")
    frame = desk_views.with_desk_columns(
        display.claims_table([c], {}), desk.present(store, [c.key]),
        desk.assignments(store, [c.key]))
    assert frame[["on it now", "assigned to"]].values.tolist() == [["Eve Editor", RAY.email]]
