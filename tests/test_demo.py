"""The demo, end to end: every finding the demo data was written to show.

Runs the real readers, the trained pipeline and the matcher over data/demo."""

import pytest

from workbench import check_document, default_sets, list_documents, list_sets, open_store, seed_demo
from workbench.models import ClaimKind, Relation

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def demo(new_db, nlp_trained):
    store = open_store(new_db("demo"))
    report = seed_demo(store)
    assert report.rejected == []
    [article] = list_documents(store, "articles under review")
    article, claims = check_document(store, article.id, sets=default_sets(store))
    return store, article, claims


def relations(claim):
    return {(e.document.outlet, e.relation) for e in claim.evidence}


def find(claims, kind, needle):
    matches = [c for c in claims if c.kind is kind and needle in c.text]
    assert matches, f"no {kind} claim containing {needle!r} in {[c.text for c in claims]}"
    return matches[0]


def test_demo_set_is_listed_with_its_documents(demo):
    store, _, _ = demo
    sets = {s.name: s for s in list_sets(store)}
    assert sets["demo"].documents == 14
    assert "Rail Today" in sets["demo"].outlets
    assert sets["demo"].first_published.startswith("2026-03-12")


def test_speed_is_a_bound_only_and_conflicts_with_the_tabloid(demo):
    _, _, claims = demo
    speed = find(claims, ClaimKind.NUMERIC, "3,200")
    assert speed.qualifier == "more than" and speed.dimension == "speed"
    rel = relations(speed)
    for outlet in ("Northwire", "Defence Weekly", "The Global Post", "Science Desk",
                   "Regional Herald"):
        assert (outlet, Relation.BOUND_ONLY) in rel, outlet
    assert ("The Evening Flash", Relation.CONFLICTS) in rel
    assert not any(e.document.outlet == "Rail Today" for e in speed.evidence)
    bound = [e for e in speed.evidence if e.relation is Relation.BOUND_ONLY]
    assert all(3.5 < e.ratio < 4.2 for e in bound)


def test_range_and_warheads(demo):
    _, _, claims = demo
    range_ = find(claims, ClaimKind.NUMERIC, "5,500")
    assert ("Science Desk", Relation.SUPPORTS) in relations(range_)
    warheads = relations(find(claims, ClaimKind.NUMERIC, "six"))
    assert ("Northwire", Relation.SUPPORTS) in warheads
    assert ("The Evening Flash", Relation.CONFLICTS) in warheads
    assert not any(outlet == "Rail Today" for outlet, _ in warheads)


def test_quotes_support_vary_and_misattribute(demo):
    _, _, claims = demo
    marsh = find(claims, ClaimKind.QUOTE, "reckless escalation")
    assert marsh.speaker == "Elena Marsh"
    assert ("Northwire", Relation.SUPPORTS) in relations(marsh)
    assert ("Baltic Monitor", Relation.VARIES) in relations(marsh)
    drevic = find(claims, ClaimKind.QUOTE, "threaten no one")
    assert drevic.speaker == "Anton Drevic"
    misattributed = [e for e in drevic.evidence if e.relation is Relation.MISATTRIBUTED]
    assert misattributed and all("Sorn" in e.speaker for e in misattributed)
    vance = find(claims, ClaimKind.QUOTE, "every objective")
    assert ("The Global Post", Relation.VARIES) in relations(vance)


def test_page_furniture_yields_no_claims(demo):
    _, article, claims = demo
    assert "min read" not in article.text and "Enter your email" not in article.text
    assert not any("min read" in c.text for c in claims)


def test_one_item_per_passage_and_related_items_after_the_comparable_ones(demo):
    _, _, claims = demo
    speed = find(claims, ClaimKind.NUMERIC, "3,200")
    passages = [(e.document.id, e.passage_id) for e in speed.evidence]
    assert len(passages) == len(set(passages))
    kinds = [e.relation is Relation.RELATED for e in speed.evidence]
    assert True in kinds and False in kinds  # both kinds, so the order below is tested
    first_related = kinds.index(True)
    assert all(kinds[first_related:]), kinds
    places = {(e.group, e.relation) for e in speed.evidence[:first_related]}
    assert len(places) <= 10  # copies of a story count once; the cap is tested below
    assert ("Northwire", Relation.BOUND_ONLY) in relations(speed)


def test_the_evidence_cap_keeps_the_strongest_comparable_items(demo, monkeypatch):
    store, article, claims = demo
    monkeypatch.setenv("WORKBENCH_MAX_EVIDENCE", "3")
    _, capped = check_document(store, article.id, sets=default_sets(store))
    speed = find(capped, ClaimKind.NUMERIC, "3,200")
    comparable = [e for e in speed.evidence if e.relation is not Relation.RELATED]
    assert len({(e.group, e.relation) for e in comparable}) == 3  # three places, copies kept
    assert all(e.relation is Relation.RELATED for e in speed.evidence[len(comparable):])
    uncapped = find(claims, ClaimKind.NUMERIC, "3,200").evidence
    assert len({(e.group, e.relation) for e in uncapped if e.relation is not Relation.RELATED}) > 3
    assert [e.passage_id for e in comparable] == [e.passage_id for e in uncapped[:len(comparable)]]


def test_evidence_for_other_sets_is_cached_separately(demo):
    store, article, _ = demo
    _, only_rail = check_document(store, article.id, sets=["nothing such"])
    assert all(c.evidence == [] for c in only_rail)
    _, again = check_document(store, article.id, sets=default_sets(store))
    assert any(c.evidence for c in again)


def test_wire_copies_are_one_confirmation_first_seen_at_the_wire(demo):
    """Issue 13: the Harbour Courier and the undated Lakeside Gazette republish Northwire."""
    _, article, claims = demo
    assert article.origin is True
    warheads = find(claims, ClaimKind.NUMERIC, "six")
    by_outlet = {e.document.outlet: e for e in warheads.evidence
                 if e.relation is Relation.SUPPORTS}
    assert set(by_outlet) == {"Northwire", "Channel 7 News", "The Harbour Courier",
                              "Lakeside Gazette"}
    assert by_outlet["Northwire"].group == by_outlet["The Harbour Courier"].group == \
        by_outlet["Lakeside Gazette"].group != by_outlet["Channel 7 News"].group
    assert [o for o, e in by_outlet.items() if not e.document.origin] == sorted(
        ["The Harbour Courier", "Lakeside Gazette"], key=list(by_outlet).index)
    assert warheads.confirmations == {"independent": 2, "copies": 2}
    assert warheads.first_seen["document"]["outlet"] == "Northwire"
    assert by_outlet["Lakeside Gazette"].document.published is None
    speed = find(claims, ClaimKind.NUMERIC, "3,200")
    assert speed.confirmations == {"independent": 0, "copies": 0} and speed.first_seen is None


def test_the_gazette_contradicts_itself_and_says_so_on_every_item(demo):
    """Issue 13: "5,500 km (2,400 miles)" is a wrong conversion; nothing else is flagged."""
    _, _, claims = demo
    flagged = {(e.document.outlet, tuple(p["second"] for p in e.self_conflicts))
               for c in claims for e in c.evidence if e.self_conflict}
    assert flagged == {("Lakeside Gazette", ("2,400 miles",))}
    gazette = [e for c in claims for e in c.evidence if e.document.outlet == "Lakeside Gazette"]
    assert gazette and all(e.self_conflict for e in gazette)
    assert gazette[0].to_dict()["self_conflicts"] == [
        {"first": "5,500 km", "second": "2,400 miles", "kind": "conversion"}]
