"""Each format's reader (txt, md, html, csv, jsonl): metadata, text, aliases, rows."""

from __future__ import annotations

import json

import pytest

import workbench.sources as sources
from workbench.models import Document, Rejected
from workbench.sources import SUPPORTED_SUFFIXES, read_upload

BODY = ("The city council voted 9 to 2 on Tuesday to build a 1.2-kilometre flood barrier "
        "along the east bank of the river.")
QUOTE = ("\u201cWe cannot keep asking families to sandbag their homes every winter,\u201d said "
         "council leader Maria Okafor.")


def one(name: str, data: bytes | str, **kw) -> Document | Rejected:
    items = list(read_upload(name, data.encode() if isinstance(data, str) else data, **kw))
    assert len(items) == 1, items
    return items[0]


def test_public_surface_is_exactly_the_contract():
    assert set(sources.__all__) == {"read_upload", "read_path", "resolve_server_folder",
                                    "read_article", "clean_text", "count_files",
                                    "SUPPORTED_SUFFIXES"}
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".csv", ".jsonl", ".ndjson",
            ".zip", ".json"} == SUPPORTED_SUFFIXES  # .json: ClaimReview feeds


# --- plain text ----------------------------------------------------------------------

@pytest.mark.parametrize("text, title, outlet, url, published", [
    (f"Title: Flood barrier approved\nOutlet: River Gazette\nURL: https://g.example/a\n"
     f"Published: November 22, 2024\n\n{BODY}", "Flood barrier approved", "River Gazette",
     "https://g.example/a", "2024-11-22"),
    (f"headline: Barrier vote\nSOURCE: Wire\nDate: 22 Nov 2024 14:05\nAuthor: J. Doe\n\n{BODY}",
     "Barrier vote", "Wire", None, "2024-11-22T14:05:00"),
    (f"Title: Same as the first line\n\nSame as the first line\n\n{BODY}",
     "Same as the first line", None, None, None),
    # not headers: an unknown key anywhere in the block makes it ordinary text
    (f"Note: this is not a header\n\n{BODY}", "Note: this is not a header", None, None, None),
    (f"Title: Mixed block\nMood: happy\n\n{BODY}", "Title: Mixed block", None, None, None),
], ids=["full-header", "aliases", "title-repeated", "unknown-key", "one-unknown-key"])
def test_txt_header_block(text, title, outlet, url, published):
    doc = one("story.txt", text)
    assert isinstance(doc, Document)
    assert (doc.title, doc.text) == (title, BODY)
    assert (doc.outlet, doc.url, doc.published) == (outlet, url, published)
    assert (doc.path, doc.record) == ("story.txt", None)


def test_txt_without_header_takes_title_and_byline_date():
    doc = one("page.txt", f"Skip to content\nFlood barrier approved\nBy Jane Doe, 22 Nov 2024\n\n"
                          f"{BODY}\n\n{QUOTE}\n\nAdvertisement\n")
    assert doc.title == "Flood barrier approved"
    assert doc.text == f"{BODY}\n\n{QUOTE}"
    assert doc.published == "2024-11-22"


def test_source_set_is_passed_through():
    assert one("a.txt", f"Headline here\n\n{BODY}", source_set="wires").source_set == "wires"


# --- markdown ------------------------------------------------------------------------

MARKDOWN = f"""---
title: Flood barrier approved
date: 2024-11-22
outlet: River Gazette
url: https://g.example/barrier
tags: [council, river]
---
# A different heading

The council voted **9 to 2** on [Tuesday](https://g.example/tue) to build it. ![map](m.png)

> {QUOTE}

\u2014 Maria Okafor

## What happens next

- Work starts in *spring*.
- The snake_case_name and 2 * 3 * 4 stay as they are.
"""


def test_markdown_front_matter_and_light_stripping():
    doc = one("barrier.md", MARKDOWN)
    assert (doc.title, doc.outlet, doc.url, doc.published) == (
        "Flood barrier approved", "River Gazette", "https://g.example/barrier", "2024-11-22")
    assert doc.text.split("\n\n") == [
        "A different heading",
        "The council voted 9 to 2 on Tuesday to build it.",
        QUOTE,
        "\u2014 Maria Okafor",
        "What happens next",
        "Work starts in spring.\nThe snake_case_name and 2 * 3 * 4 stay as they are.",
    ]


@pytest.mark.parametrize("text, title", [
    (f"# Heading title\n\n{BODY}", "Heading title"),
    (f"Setext title\n============\n\n{BODY}", "Setext title"),
    (f"---\ntitle: [not, a, string]\n---\n# From heading\n\n{BODY}", "From heading"),
    (f"---\nbroken: [yaml\n---\n# After broken YAML\n\n{BODY}", "After broken YAML"),
], ids=["atx", "setext", "non-scalar-front-matter", "broken-yaml"])
def test_markdown_titles(text, title):
    doc = one("a.markdown", text)
    assert doc.title == title and doc.text == BODY


# --- HTML ----------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Council approves flood barrier | River Gazette</title>
<meta property="og:title" content="Council approves flood barrier">
<meta property="og:site_name" content="River Gazette">
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<link rel="canonical" href="https://g.example/news/barrier">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "LD headline"}}</script>
<style>body {{ color: red; }}</style>
<script>var tracking = "SCRIPT-TEXT";</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/news">NAV-LINK</a></nav>
<article>
<h1>Council approves flood barrier</h1>
<p class="byline">By Jane Doe | River Gazette</p>
<p>{BODY}</p>
<p>{QUOTE}</p>
<div class="newsletter"><h3>Sign up for our newsletter</h3><p>Enter your email to subscribe</p>
<form><input type="email"><button>Subscribe</button></form></div>
<p>The barrier is expected to cost about 14 million euros and to be finished by 2027,
according to the council's engineering department.</p>
<p>Opponents argued that the money would be better spent on upstream wetlands.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">RELATED-HEADLINE river record</a>
</li></ul></aside>
<footer><p>&copy; 2024 River Gazette. All rights reserved. FOOTER-TEXT</p></footer>
</body></html>"""


def test_html_article_text_and_metadata():
    doc = one("barrier.html", PAGE)
    assert doc.title == "Council approves flood barrier"
    assert doc.outlet == "River Gazette"
    assert doc.url == "https://g.example/news/barrier"
    assert doc.published == "2024-03-05T09:30:00+00:00"
    assert doc.text.startswith(BODY)
    assert QUOTE in doc.text and "upstream wetlands" in doc.text
    for junk in ("SCRIPT-TEXT", "NAV-LINK", "RELATED-HEADLINE", "FOOTER-TEXT", "cookies",
                 "newsletter", "Enter your email", "LD headline", "color: red", "Jane Doe"):
        assert junk not in doc.text, junk


def test_html_fallback_when_the_extractor_finds_nothing():
    page = (f"<div class='share-box'>Share on Facebook</div><nav>NAV</nav>"
            f"<p>{BODY}</p><footer>FOOTER</footer>")
    doc = one("short.htm", page)
    assert doc.text == BODY


@pytest.mark.parametrize("page", [
    "<html><head><script>alert(1)</script></head><body><script>run()</script></body></html>",
    "<html><body><nav>Home News Sport</nav><footer>Footer</footer></body></html>",
], ids=["script-only", "chrome-only"])
def test_html_without_article_is_rejected(page):
    item = one("empty.html", page)
    assert isinstance(item, Rejected) and item.reason.startswith("no article text")


# --- CSV and JSON Lines --------------------------------------------------------------

CSV = (
    "Headline,Body,Publisher,Link,PubDate,Extra\n"
    f'Barrier approved,"{BODY}",River Gazette,https://g.example/1,"Nov. 22, 2024",x\n'
    "No text,,Gazette,https://g.example/2,2024-11-23,y\n"
    "Ragged,row\n"
    f'Second story,"{QUOTE}",Wire,https://w.example/3,2024-11-24,z\n'
)


def test_csv_rows_with_aliases_and_row_numbers():
    items = list(read_upload("stories.csv", CSV.encode(), source_set="s"))
    kinds = [(type(x).__name__, x.record if isinstance(x, Document) else x.row) for x in items]
    assert kinds == [("Document", 1), ("Rejected", 2), ("Rejected", 3), ("Document", 4)]
    first = items[0]
    assert (first.title, first.text, first.outlet, first.url, first.published, first.path) == (
        "Barrier approved", BODY, "River Gazette", "https://g.example/1", "2024-11-22",
        "stories.csv")
    assert "fields" in items[2].reason and items[2].name == "stories.csv"


def test_csv_columns_mapping_wins_over_aliases():
    data = f"Summary,Story,Kicker\nShort summary.,{BODY.replace(',', '')},Kick\n".encode()
    doc = one("m.csv", data, columns={"text": "story", "title": "Kicker"})
    assert doc.text == BODY.replace(",", "") and doc.title == "Kick"


@pytest.mark.parametrize("data, columns, reason", [
    (b"title,author\nA,B\n", None, "no text column"),
    (b"title,author\nA,B\n", {"text": "nope"}, "no column 'nope'"),
    (b"title,text\nA,B\n", {"body": "text"}, "unknown field"),
    (b"title,text\n", None, "no data rows"),
], ids=["no-text", "mapped-missing", "unknown-field", "header-only"])
def test_csv_whole_file_rejections(data, columns, reason):
    item = one("bad.csv", data, columns=columns)
    assert isinstance(item, Rejected) and reason in item.reason and item.row is None


def test_csv_no_text_column_names_the_columns_found():
    item = one("bad.csv", b"title,author,when\nA,B,C\n")
    assert "'title'" in item.reason and "'author'" in item.reason and "'when'" in item.reason


def test_csv_column_limit(monkeypatch):
    monkeypatch.setenv("WORKBENCH_MAX_CSV_COLUMNS", "3")
    item = one("wide.csv", b"title,text,a,b\n1,2,3,4\n")
    assert isinstance(item, Rejected) and "4 columns" in item.reason


@pytest.mark.parametrize("name", ["s.jsonl", "s.ndjson"])
def test_jsonl_lines(name):
    lines = [json.dumps({"headline": "One", "content": BODY, "date": "2024-11-22"}), "",
             "{broken", json.dumps(["not", "an", "object"]),
             json.dumps({"title": "Two", "article": QUOTE, "site": "Wire", "link": "u"})]
    items = list(read_upload(name, "\n".join(lines).encode()))
    assert [(type(x).__name__, x.record if isinstance(x, Document) else x.row)
            for x in items] == [("Document", 1), ("Rejected", 3), ("Rejected", 4),
                                ("Document", 5)]
    assert (items[-1].title, items[-1].outlet, items[-1].url) == ("Two", "Wire", "u")
    assert items[0].published == "2024-11-22"


def test_count_files_counts_what_a_folder_holds(tmp_path):
    assert sources.count_files(None) == 0
    (tmp_path / "a").mkdir()
    for name in ("one.txt", "a/two.md", "a/three.csv"):
        (tmp_path / name).write_text("x")
    assert sources.count_files(tmp_path) == 3
