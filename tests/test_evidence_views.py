"""Copies folded under their origin, confirmations and first seen, as the card shows them."""

import pytest

from workbench.display.evidence import (
    confirmations_line,
    copies_line,
    first_seen_line,
    fold_copies,
    self_conflict_line,
)
from workbench.models import Claim, ClaimKind, Document, Evidence, Relation


def ev(outlet, group, published=None, origin=False, relation=Relation.SUPPORTS):
    doc = Document(title=outlet, text="", outlet=outlet, published=published, group=group,
                   origin=origin)
    return Evidence(document=doc, passage="p", start=0, end=1, score=90, relation=relation,
                    group=group)


def test_copies_fold_under_the_origin_at_the_first_place_of_their_group():
    copy = ev("Courier", 7, "2026-03-15")
    undated = ev("Gazette", 7)
    origin = ev("Northwire", 7, "2026-03-14", origin=True)
    alone = ev("Science Desk", 11, "2026-03-17", origin=True)
    conflict = ev("Courier", 7, "2026-03-15", relation=Relation.CONFLICTS)
    folded = fold_copies([copy, alone, undated, origin, conflict])
    shown = [(f.evidence.document.outlet, [c.document.outlet for c in f.copies]) for f in folded]
    assert shown == [("Northwire", ["Courier", "Gazette"]), ("Science Desk", []), ("Courier", [])]
    assert copies_line(folded[0]) == (
        r"\+2 copies\: Courier \(2026\-03\-15\), Gazette \(undated\)")
    assert copies_line(folded[1]) is None


def test_without_groups_nothing_folds():
    items = [ev("A", None), ev("B", None)]
    assert [f.evidence for f in fold_copies(items)] == items


def test_an_origin_outside_the_evidence_gives_way_to_the_earliest_dated_copy():
    folded = fold_copies([ev("Gazette", 3), ev("Courier", 3, "2026-03-15")])
    assert folded[0].evidence.document.outlet == "Courier"
    assert copies_line(folded[0]) == r"\+1 copy\: Gazette \(undated\)"


def claim(confirmations=None, first_seen=None):
    return Claim(kind=ClaimKind.QUOTE, text="w", start=0, end=1, confirmations=confirmations,
                 first_seen=first_seen)


@pytest.mark.parametrize(("confirmations", "line"), [
    (None, None),
    ({"independent": 0, "copies": 0}, None),
    ({"independent": 1, "copies": 0}, "**1 independent confirmation**"),
    ({"independent": 2, "copies": 2},
     "**2 independent confirmations** (4 supporting documents, 2 of them copies)"),
    ({"independent": 0, "copies": 1},
     "**0 independent confirmations** (1 supporting document, 1 of them a copy)"),
])
def test_confirmations_line(confirmations, line):
    assert confirmations_line(claim(confirmations)) == line


def test_first_seen_line_escapes_the_outlet():
    seen = {"document": {"outlet": "*Wire* <b>", "title": "t"}, "published": "2026-03-14T10:00"}
    assert first_seen_line(claim(first_seen=seen)) == (
        r"First seen: **\*Wire\* \<b\>**, 2026\-03\-14")
    assert first_seen_line(claim()) is None


def test_self_conflict_line_names_the_source_and_escapes_it():
    item = ev("*Gazette*", 3)
    assert self_conflict_line(item) is None
    item.self_conflict = True
    item.self_conflicts = [{"first": "Mach 10", "second": "3,400 km/h", "kind": "conversion"},
                           {"first": "12 km", "second": "14 km", "kind": "values"}]
    assert self_conflict_line(item) == (
        r":red-badge[self-contradiction] \*Gazette\* contradicts itself\: Mach 10 vs 3,400 "
        r"km/h \(a wrong conversion\); 12 km vs 14 km")


def test_timeline_chart_has_a_dot_per_dated_source_and_counts_the_undated():
    from workbench.display.evidence import timeline_chart

    items = [ev("Wire", 1, "2026-03-14T10:00:00+00:00"), ev("Gazette", 1),
             ev("Flash", 2, "2026-03-15", relation=Relation.CONFLICTS),
             ev("Rail", 3, "2026-03-12", relation=Relation.RELATED)]
    for i, item in enumerate(items):
        item.document.id = i + 1
    c = Claim(kind=ClaimKind.NUMERIC, text="w", start=0, end=1, evidence=items)
    frame, spec, undated = timeline_chart(c)
    assert frame.values.tolist() == [["2026-03-14T10:00:00+00:00", "supports", "Wire"],
                                     ["2026-03-15T00:00:00+00:00", "conflicts", "Flash"]]
    assert undated == 1 and spec["encoding"]["x"]["type"] == "temporal"
    assert timeline_chart(Claim(kind=ClaimKind.NUMERIC, text="w", start=0, end=1)) is None


def test_timeline_svg_escapes_source_names():
    from workbench.reports.timeline import timeline_svg

    item = ev("<script>x</script>", 1, "2026-03-14")
    item.document.id = 1
    svg = timeline_svg(Claim(kind=ClaimKind.QUOTE, text="w", start=0, end=1, evidence=[item]))
    assert svg.startswith("<svg") and "<script" not in svg and "&lt;script&gt;" in svg
