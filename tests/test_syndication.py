"""Near-duplicate groups at ingest, origins, and independent confirmations (issue 13).

Real ingest into a real SQLite file with the rule-based pipeline; real datasketch."""

import pytest

from workbench.ingest import ingest
from workbench.match import check_document
from workbench.models import Document, Evidence, Relation
from workbench.store import documents as rows
from workbench.store import groups
from workbench.syndication import confirmations, group_documents, signature

WIRE = (
    "DRENNA (Northwire) - The port authority said on Monday that the new container terminal "
    "at Kessel Bay will open in May after four years of building work. The terminal cost "
    "1.2 billion euros and can handle 900,000 containers a year, the authority said in a "
    "statement. Dock workers have threatened to strike over shift patterns, and the union "
    "said talks with the operator had stalled. \"We will not accept twelve-hour shifts on "
    "the cranes,\" union leader Mara Velt told reporters outside the gates. The operator said "
    "it expected an agreement before the opening ceremony, which the transport minister is "
    "due to attend. Shipping lines have already booked most of the first year's capacity."
)
TRIMMED = WIRE[: WIRE.index(" The operator said")]  # a copy with the tail cut
ADDED = WIRE + " Local cafés near the harbour said they hoped the new jobs would bring trade."
OTHER = (
    "Kessel Bay's new container terminal is set to open in May, according to the port "
    "authority. Critics say the terminal cost 1.2 billion euros, far over budget, and that "
    "the harbour's fishermen were never consulted about the dredging of the channel."
)


def doc(path, text, published=None, outlet=None):
    return Document(title=path, text=text, path=path, published=published, outlet=outlet)


def group_ids(store):
    with store.read() as conn:
        return {r[0]: r[1] for r in conn.execute(
            "SELECT d.path, g.group_id FROM documents d JOIN document_groups g "
            "ON g.document_id = d.id")}


def test_copies_group_and_other_stories_do_not(store, rules):
    ingest(store, [doc("wire", WIRE), doc("trimmed", TRIMMED), doc("added", ADDED),
                   doc("other", OTHER)], "s", pipeline=rules)
    ids = group_ids(store)
    assert ids["wire"] == ids["trimmed"] == ids["added"]
    assert ids["other"] != ids["wire"]


@pytest.mark.parametrize(("a", "b", "near"), [
    (WIRE, TRIMMED, True), (WIRE, ADDED, True), (TRIMMED, ADDED, True), (WIRE, OTHER, False),
    ("The bridge is 400 metres long.", "The bridge is 400 metres long and new.", True),
    ("The bridge is 400 metres long.", "The tunnel is 12 km long.", False),
])
def test_containment_table(a, b, near):
    assert (signature(a).containment(signature(b)) >= 0.7) is near


def test_a_text_without_words_groups_with_nothing(store, rules):
    ingest(store, [doc("a", "..."), doc("b", "!!! ???"), doc("c", WIRE)], "s", pipeline=rules)
    ids = group_ids(store)
    assert len(set(ids.values())) == len(ids)


def test_groups_span_sets_and_a_later_load_joins_them(store, rules):
    ingest(store, [doc("wire", WIRE)], "wires", pipeline=rules)
    ingest(store, [doc("copy", ADDED)], "papers", pipeline=rules)
    ids = group_ids(store)
    assert ids["wire"] == ids["copy"]


def test_changed_text_is_regrouped(store, rules):
    ingest(store, [doc("wire", WIRE), doc("copy", ADDED)], "s", pipeline=rules)
    ingest(store, [doc("copy", OTHER)], "s", pipeline=rules)
    ids = group_ids(store)
    assert ids["copy"] != ids["wire"]


def test_databases_made_before_grouping_are_backfilled(store, rules):
    ingest(store, [doc("wire", WIRE), doc("copy", TRIMMED)], "s", pipeline=rules)
    with store.write() as conn:
        conn.execute("DELETE FROM document_groups")
    assert group_documents(store) == 2
    assert group_documents(store) == 0  # nothing left to place
    ids = group_ids(store)
    assert ids["wire"] == ids["copy"]


def test_a_document_bridging_two_groups_merges_them(store, rules):
    first, second = WIRE[:400], WIRE[300:]
    ingest(store, [doc("first", first), doc("second", second)], "s", pipeline=rules)
    assert len(set(group_ids(store).values())) == 2
    ingest(store, [doc("whole", WIRE)], "s", pipeline=rules)
    assert len(set(group_ids(store).values())) == 1


def test_deleting_a_set_drops_its_group_rows(store, rules):
    ingest(store, [doc("wire", WIRE)], "s", pipeline=rules)
    rows.delete_set(store, "s")
    with store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM document_groups").fetchone()[0] == 0
        assert groups.members_of_groups_of(conn, [1]) == []


def test_origin_is_the_earliest_dated_member_and_copies_fold_in_confirmations(store, rules):
    claim_text = "The terminal cost 1.2 billion euros, the port authority said."
    ingest(store, [
        doc("undated copy", ADDED, None, "Gazette"),
        doc("later copy", TRIMMED, "2026-05-03", "Courier"),
        doc("wire", WIRE, "2026-05-02T09:00:00+00:00", "Northwire"),
        doc("other", OTHER, "2026-05-04", "Harbour Post"),
    ], "sources", pipeline=rules)
    report = ingest(store, [doc("article", claim_text, "2026-05-05", "Ledger")], "articles",
                    pipeline=rules)
    article, claims = check_document(store, report.document_ids[0], sets=["sources"])
    [claim] = [c for c in claims if "1.2 billion" in c.text]
    supporting = {e.document.outlet: e for e in claim.evidence if e.relation is Relation.SUPPORTS}
    assert set(supporting) == {"Gazette", "Courier", "Northwire", "Harbour Post"}
    assert supporting["Northwire"].document.origin is True
    assert supporting["Courier"].document.origin is False
    assert supporting["Gazette"].document.origin is False  # undated never comes first
    assert supporting["Gazette"].group == supporting["Northwire"].group
    assert claim.confirmations == {"independent": 2, "copies": 2}
    assert claim.first_seen["document"]["outlet"] == "Northwire"
    assert claim.first_seen["published"] == "2026-05-02T09:00:00+00:00"
    data = claim.to_dict()
    assert data["confirmations"] == {"independent": 2, "copies": 2}
    assert {e["document"]["outlet"]: e["group"] for e in data["evidence"]}["Gazette"] == \
        supporting["Northwire"].group
    assert article.to_dict()["origin"] is True and article.to_dict()["group"] is not None


def ev(doc_id, group, relation=Relation.SUPPORTS):
    return Evidence(document=Document(title="t", text="", id=doc_id), passage="p", start=0,
                    end=1, score=90, relation=relation, group=group)


@pytest.mark.parametrize(("evidence", "article_group", "expected"), [
    ([], None, {"independent": 0, "copies": 0}),
    ([ev(1, 1), ev(2, 1), ev(3, 3)], None, {"independent": 2, "copies": 1}),
    ([ev(1, 1), ev(1, 1)], None, {"independent": 1, "copies": 0}),  # two passages, one doc
    ([ev(1, 1), ev(2, 2, Relation.CONFLICTS)], None, {"independent": 1, "copies": 0}),
    ([ev(1, 9), ev(2, 2)], 9, {"independent": 1, "copies": 1}),  # a copy of the article
])
def test_confirmations_table(evidence, article_group, expected):
    assert confirmations(evidence, article_group=article_group) == expected
