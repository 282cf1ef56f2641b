"""Reports (issue 13): the article report's three lists, the escaped editor page, its
PDF (which fetches nothing), and ClaimReview JSON-LD validated field by field."""

import http.server
import json
import threading
from typing import ClassVar

import pytest
from helpers import number, quote, store_doc

from workbench import list_documents, open_store, save_review, seed_demo
from workbench.cli import main
from workbench.models import Document, Status
from workbench.reports import article_report
from workbench.reports.claimreview import RATINGS, claim_reviews
from workbench.reports.html import to_html
from workbench.reports.pdf import html_to_pdf
from workbench.store import Store
from workbench.syndication import group_documents

pytestmark = pytest.mark.model
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture(scope="module")
def demo(tmp_path_factory, nlp_trained):
    path = tmp_path_factory.mktemp("reports") / "w.db"
    store = open_store(path)
    seed_demo(store)
    [article] = list_documents(store, "articles under review")
    return path, store, article


def entry_texts(entries):
    return sorted(e.claim.text for e in entries)


def test_lists_of_unsupported_conflicts_and_misattributions(demo):
    _, store, article = demo
    report = article_report(store, article.id)
    assert report.sets == ["demo"]
    assert entry_texts(report.unsupported) == [
        "Our tests are defensive and threaten no one", "The test met every objective we set",
        "more than 3,200 kilometers per hour"]
    assert entry_texts(report.conflicts) == ["more than 3,200 kilometers per hour",
                                             "six warheads"]
    [misattributed] = report.misattributions
    assert misattributed.claim.speaker == "Anton Drevic"
    data = report.to_dict()
    assert [c["text"] for c in data["misattributions"]] == [misattributed.claim.text]
    assert {c["status"] for c in data["claims"]} == {"unreviewed"}
    lines = "\n".join(report.text_lines())
    assert "misattributions (1):" in lines and "Defence Weekly (Ilya Sorn):" in lines
    assert "Strategy Review [stale: about another period]: In its first flight" in lines


def test_claimreview_fields(demo, monkeypatch):
    _, store, article = demo
    monkeypatch.setenv("WORKBENCH_DESK_NAME", "Ledger Checks")
    claims = {c.claim.text: c.claim for c in article_report(store, article.id).entries}
    drevic = claims["Our tests are defensive and threaten no one"]
    warheads = claims["six warheads"]
    speed = claims["more than 3,200 kilometers per hour"]
    save_review(store, drevic, status="misattributed", note="Sorn said it.", expected_version=0)
    save_review(store, warheads, status="supported", expected_version=0)
    save_review(store, speed, status="needs follow-up", expected_version=0)  # not a verdict
    reviews = {r["claimReviewed"]: r for r in claim_reviews(store)}
    assert set(reviews) == {drevic.text, warheads.text}
    for r in reviews.values():
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert r["author"] == {"@type": "Organization", "name": "Ledger Checks"}
        assert r["url"] == article.url
        assert len(r["datePublished"]) == 10
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and item["datePublished"] == "2026-03-15"
        assert item["appearance"]["url"] == article.url
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["bestRating"] == 5
        assert rating["worstRating"] == 1 and 1 <= rating["ratingValue"] <= 5
    assert reviews[drevic.text]["itemReviewed"]["author"] == {"@type": "Person",
                                                               "name": "Anton Drevic"}
    assert reviews[drevic.text]["reviewRating"]["alternateName"] == "Misattributed"
    assert reviews[drevic.text]["reviewBody"] == "Sorn said it."
    assert reviews[warheads.text]["itemReviewed"]["author"] == {"@type": "Organization",
                                                                 "name": "The Daily Ledger"}
    assert reviews[warheads.text]["reviewRating"]["ratingValue"] == 5


def test_every_verdict_has_a_rating():
    verdicts = set(Status) - {Status.UNREVIEWED, Status.NEEDS_FOLLOW_UP}
    assert set(RATINGS) == verdicts


def test_cli_report_html_pdf_and_claimreview(demo, tmp_path, capsys):
    path, _, article = demo
    html, pdf, jsonld = tmp_path / "r.html", tmp_path / "r.pdf", tmp_path / "cr.json"
    code = main(["--db", str(path), "report", str(article.id), "--html", str(html),
                 "--pdf", str(pdf)])
    out = capsys.readouterr().out
    assert code == 0 and "no supporting evidence (3):" in out and "conflicts (2):" in out
    assert "<svg" in html.read_text() and pdf.read_bytes().startswith(b"%PDF-")
    assert "stale: Strategy Review (about another period)" in html.read_text()
    assert "time of the claim: on Saturday (2026-03-14)" in html.read_text()
    assert main(["--db", str(path), "report", str(article.id), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["conflicts"]) == 2
    assert main(["--db", str(path), "export", "--claimreview", str(jsonld)]) == 0
    assert all(r["@type"] == "ClaimReview" for r in json.loads(jsonld.read_text()))
    assert main(["--db", str(path), "report", "no-such-thing"]) == 2
    assert main(["--db", str(path), "export"]) == 2


def hostile_store(tmp_path):
    store = Store(tmp_path / "h.db")
    text = f'"{HOSTILE} we said," Ann Lee said. It costs 40 km.'
    source = f'"{HOSTILE} we said," Bob Ray said. It costs 90 km.'
    store_doc(store, "src", Document(HOSTILE, source, outlet=HOSTILE, path="s.txt",
                                     url="javascript:alert(3)", published="2026-01-02"),
              [quote(source, f"{HOSTILE} we said,", "Bob Ray"),
               number(source, "90 km", 90, "km", 90000, "length")])
    doc_id = store_doc(store, "articles", Document(HOSTILE, text, path="a.txt",
                                                   url="javascript:alert(4)"),
                       [quote(text, f"{HOSTILE} we said,", "Ann Lee"),
                        number(text, "40 km", 40, "km", 40000, "length")])
    group_documents(store)
    return store, doc_id


def test_the_editor_page_escapes_everything(tmp_path):
    store, doc_id = hostile_store(tmp_path)
    report = article_report(store, doc_id, sets=["src"])
    claim = report.entries[0].claim
    save_review(store, claim, status="misattributed", note=HOSTILE, reviewer=HOSTILE,
                cited=[{"title": HOSTILE, "outlet": HOSTILE, "url": "javascript:alert(5)",
                        "published": None, "passage": HOSTILE, "relation": HOSTILE}],
                expected_version=0)
    page = to_html(article_report(store, doc_id, sets=["src"]))
    assert "<script" not in page and "<img" not in page and "javascript:" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "undated" in page  # the cited source has no date


class Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        Recorder.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_pdf_fetches_nothing():
    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        page = (f'<html><head><link rel="stylesheet" href="{url}/s.css"></head><body>'
                f'<img src="{url}/i.png"><p>hello</p></body></html>')
        assert html_to_pdf(page).startswith(b"%PDF-")
    finally:
        server.shutdown()
        server.server_close()
    assert Recorder.hits == []
