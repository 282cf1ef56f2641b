"""Past verdicts as a source set (issue 13 §6): Meedan Check CSV exports and
ClaimReview JSON-LD feeds, read through the normal sources/ingest path, bad rows
named by number while the rest loads, and matched as evidence (both backends)."""

import json

import pytest

from workbench import check_document, ingest_paths, list_documents, open_store, seed_demo
from workbench.models import Document, Rejected, Relation
from workbench.settings import PROJECT_ROOT
from workbench.sources import read_upload

FACTCHECKS = PROJECT_ROOT / "data" / "demo" / "factchecks"
ITEMS = ("Claim,Item page URL,Status,Created by,Submitted at,Social Media Posted at,"
         "Report Published at,Number of media,Tags,My task\n")


def read(name, text):
    return list(read_upload(name, text.encode(), source_set="past"))


def test_meedan_items_export_one_document_per_item():
    items = read("export.csv", ITEMS + (
        'The dam holds 3 million litres.,https://check.example/m/1,False,Ann,'
        '2026-01-02 10:00:00,,2026-01-03 09:00:00,1,"dams, water",x\n'
        'Prices rose 4% in 2025.,https://check.example/m/2,In Progress,Ann,'
        '2026-02-01 08:00:00,,,0,,\n'))
    first, second = items
    assert first.text == "Rated false: The dam holds 3 million litres."
    assert (first.title, first.outlet, first.url, first.published, first.record) == (
        "The dam holds 3 million litres.", "Meedan Check", "https://check.example/m/1",
        "2026-01-03T09:00:00", 1)
    assert second.published == "2026-02-01T08:00:00"  # not published: when it came in
    assert second.text.startswith("Rated in progress: Prices rose")


def test_meedan_bad_rows_are_named_and_the_rest_loads():
    items = read("export.csv", ITEMS + "short row,https://check.example/m/1,False\n"
                 ",https://check.example/m/2,False,Ann,,,,0,,\n"
                 "The dam holds 3 million litres.,https://check.example/m/3,True,Ann,,,,1,,\n")
    assert [(type(i).__name__, i.record if isinstance(i, Document) else i.row)
            for i in items] == [("Rejected", 1), ("Rejected", 2), ("Document", 3)]
    assert "the header has 10" in items[0].reason
    assert items[1].reason == "no claim or fact-check title in this row"


@pytest.mark.parametrize(("header", "row", "text", "outlet"), [
    ("ID,Title,Summary,URL,Language,Report Status,Imported?\n",
     '7,The dam holds 3 million litres.,Records show 2 million.,https://fc.example/7,en,'
     'published,false\n',
     "Rated published: The dam holds 3 million litres.\n\nRecords show 2 million.",
     "Meedan Check"),
    ("Fact-check title,Fact-check summary,Fact-check URL,Tags,Workspace,Updated at,Rating\n",
     'The dam holds 3 million litres.,Records show 2 million.,https://fc.example/7,,'
     'River Desk,2026-01-05,Misleading\n',
     "Rated misleading: The dam holds 3 million litres.\n\nRecords show 2 million.",
     "River Desk"),
])
def test_meedan_fact_check_and_feed_exports(header, row, text, outlet):
    [doc] = read("fact-checks.csv", header + row)
    assert (doc.text, doc.outlet, doc.url) == (text, outlet, "https://fc.example/7")


def test_an_ordinary_csv_is_not_taken_for_a_check_export():
    [doc] = read("articles.csv", "title,text\nA,The dam holds 3 million litres.\n")
    assert doc.text == "The dam holds 3 million litres." and doc.outlet is None


REVIEW = {"@type": "ClaimReview", "url": "https://fc.example/r/1", "datePublished": "2026-03-16",
          "author": {"@type": "Organization", "name": "River Check"},
          "claimReviewed": "The dam holds 3 million litres.",
          "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Jo Bell"},
                           "datePublished": "2026-03-10"},
          "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                           "alternateName": "False"},
          "reviewBody": "The operator's records say 2 million."}


@pytest.mark.parametrize("payload", [
    REVIEW, [REVIEW], {"@context": "https://schema.org", "@graph": [REVIEW]},
    {"@type": "DataFeed", "dataFeedElement": [REVIEW]},
    {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": REVIEW}]},
    {**REVIEW, "@type": ["ClaimReview", "Review"]},
])
def test_claimreview_shapes(payload):
    [doc] = read("feed.json", json.dumps(payload))
    assert doc.text == ("Rated false (1 of 5): The dam holds 3 million litres.\n\n"
                        "Claimed by Jo Bell, 2026-03-10.\n\nThe operator's records say 2 million.")
    assert (doc.outlet, doc.url, doc.published, doc.record) == (
        "River Check", "https://fc.example/r/1", "2026-03-16", 1)


@pytest.mark.parametrize(("text", "reason"), [
    ("{not json", "broken JSON"), ('{"@type": "NewsArticle"}', "no ClaimReview"),
    ("[]", "no ClaimReview"),
])
def test_claimreview_files_that_hold_none(text, reason):
    [rejected] = read("feed.json", text)
    assert isinstance(rejected, Rejected) and reason in rejected.reason


def test_a_claimreview_without_a_claim_is_rejected_by_number():
    items = read("feed.json", json.dumps([REVIEW, {"@type": "ClaimReview"}, REVIEW | {
        "claimReviewed": "Prices rose 4% in 2025."}]))
    assert [getattr(i, "row", None) or i.record for i in items] == [1, 2, 3]
    assert isinstance(items[1], Rejected) and "without claimReviewed" in items[1].reason


@pytest.mark.model
def test_past_verdicts_become_evidence(new_db, nlp_trained):
    store = open_store(new_db("factchecks"))
    seed_demo(store)
    report = ingest_paths(store, [FACTCHECKS], "past verdicts")
    assert len(report.added) == 4
    assert sorted(str(r) for r in report.rejected) == [
        "factchecks/check_workspace_export.csv (row 3): row has 3 fields, the header has 10",
        "factchecks/check_workspace_export.csv (row 4): no claim or fact-check title in this row",
        "factchecks/claimreview_feed.json (row 2): ClaimReview without claimReviewed"]
    [article] = list_documents(store, "articles under review")
    _, claims = check_document(store, article.id, sets=["past verdicts"])
    found = {(c.text[:20], e.relation, e.document.outlet) for c in claims for e in c.evidence
             if e.relation is not Relation.RELATED}
    assert found == {
        ("more than 3,200 kilo", Relation.BOUND_ONLY, "Meedan Check"),  # rated verified
        ("more than 3,200 kilo", Relation.CONFLICTS, "Lenvia FactCheck"),  # rated false
        ("more than 3,200 kilo", Relation.BOUND_ONLY, "Lenvia FactCheck"),  # its Mach 10
        ("six warheads", Relation.CONFLICTS, "Meedan Check"),  # "four", rated false
        ("The launch of the Ko", Relation.SUPPORTS, "Lenvia FactCheck"),  # rated true
    }
    marsh = next(e for c in claims for e in c.evidence if e.relation is Relation.SUPPORTS)
    assert marsh.passage.startswith("Rated true (5 of 5):") and marsh.speaker == "Elena Marsh"
