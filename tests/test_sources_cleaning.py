"""Cleaning pasted pages: furniture goes, the headline and the body paragraphs stay.

The pages below were written for these tests in the styles of several kinds of news
site (a live-news site with a news feed and newsletter box, a wire service, a public
broadcaster, a blog); none is a copied article.
"""

from __future__ import annotations

import time

import pytest

from workbench.sources import clean_text
from workbench.sources.cleaning import clean_article
from workbench.sources.fields import find_date, normalise_date
from workbench.sources.furniture import Kind, classify

NEWS_SITE_BODY = [
    "Energy Minister Taras Hlib has asked partners for mobile gas turbines to protect the "
    "grid, according to a ministry statement on March 3.",
    "The request follows a week of strikes on substations in the Kharkiv and Sumy regions "
    "that left 400,000 homes without power.",
    "\u201cEvery turbine we receive keeps a hospital running through the night,\u201d Hlib "
    "said on Telegram.",
    "Engineers say a turbine can be installed in under ten days, compared with months for a "
    "rebuilt substation.",
    "The ministry did not say how many units it had requested.",
]
NEWS_SITE_PAGE = "\n".join([
    "Skip to content",
    "Edit post",
    "",
    "Ukraine asks partners for mobile gas turbines after grid attacks",
    "",
    "by Olena Marchenko March 3, 2025 4:41 PM 2 min read",
    "Repair crews at a damaged substation in Kharkiv Oblast on March 1 (Energy Ministry / X)",
    "This audio is created with AI assistance",
    "",
    "\n\n".join(NEWS_SITE_BODY),
    "",
    "Grid operator warns of rolling blackouts in the east",
    "The national grid operator said scheduled outages could return to three eastern "
    "regions this week.",
    "",
    "News Feed",
    "",
    "6:12 PM",
    "",
    "Will the grid survive another winter?",
    "",
    "Our energy reporter looks at the repairs, the imports and the generators that kept "
    "the lights on last year, and at what could change this time.",
    "MORE NEWS",
    "",
    "Editors' Picks",
    "",
    "Enter your email to subscribe",
    "Please, enter correct email address",
    "Subscribe",
    "* indicates required",
    "Subscribe",
    "* indicates required",
    "Energy Week with Olena Marchenko",
    "* indicates required",
    "Successfuly subscribed",
    "Thank you for signing up for this newsletter. We\u2019ve sent you a confirmation email.",
])

WIRE_BODY = [
    "LONDON, March 5 (Wire) - The city council voted 9 to 2 on Tuesday to build a "
    "1.2-kilometre flood barrier along the east bank of the river.",
    "\"We cannot keep asking families to sandbag their homes every winter,\" council leader "
    "Maria Okafor said.",
    "The barrier is expected to cost about 14 million euros and to be finished by 2027.",
]
WIRE_PAGE = "\n".join([
    "Menu", "Search", "World",
    "Flood barrier approved after three-year fight",
    "By Jane Doe | Wire Service",
    "Updated 3 hours ago",
    "Share this article",
    "Follow us on X",
    "", WIRE_BODY[0], "", "Advertisement", "", WIRE_BODY[1], "",
    "Read more: River levels hit record high across the region", "",
    WIRE_BODY[2], "",
    "Sign up for our newsletter",
    "We use cookies to improve your experience on our site. By continuing, you accept our "
    "cookie policy.",
    "Accept all cookies",
    "\u00a9 2024 Wire Service. All rights reserved.",
])

BROADCASTER_BODY = [
    "Waiting lists at the region's hospitals fell by 4 percent in December, the health "
    "board said on Monday.",
    "Officials credited a new weekend clinic scheme that saw 3,100 patients in its first "
    "month.",
]
BROADCASTER_PAGE = "\n".join([
    "Health",
    "Hospital waiting lists fall for the first time in two years",
    "Published 12 January 2025",
    "5 min read",
    "Listen to this article",
    "Image: A nurse walks down a ward (Photo: Jo Bloggs/Agency)",
    "", BROADCASTER_BODY[0], "", BROADCASTER_BODY[1], "",
    "Related",
    "Nurses vote on pay offer",
    "Union members will vote next week on a 5 percent offer from the government.",
    "Doctors warn of winter pressures",
    "Senior doctors said emergency departments were already full.",
    "Share on Facebook",
    "Share on WhatsApp",
])


@pytest.mark.parametrize("page, title, body, published", [
    (NEWS_SITE_PAGE, "Ukraine asks partners for mobile gas turbines after grid attacks",
     NEWS_SITE_BODY, "2025-03-03"),
    (WIRE_PAGE, "Flood barrier approved after three-year fight", WIRE_BODY, None),
    (BROADCASTER_PAGE, "Hospital waiting lists fall for the first time in two years",
     BROADCASTER_BODY, "2025-01-12"),
], ids=["news-site", "wire", "broadcaster"])
def test_pages_keep_headline_and_exact_body(page, title, body, published):
    cleaned = clean_article(page)
    assert cleaned.title == title
    assert cleaned.paragraphs == body
    assert cleaned.published == published


def test_clean_text_puts_the_headline_first_and_separates_paragraphs():
    text = clean_text(NEWS_SITE_PAGE)
    assert text.split("\n\n") == [
        "Ukraine asks partners for mobile gas turbines after grid attacks", *NEWS_SITE_BODY]
    assert clean_text(text) == text  # cleaning clean text changes nothing


@pytest.mark.parametrize("page, title, paragraphs", [
    ("The committee met for six hours on Thursday and agreed a budget for the coming year, "
     "the chair said.\n\nIt now goes to a full vote.", None, 2),
    ("Short first paragraph.\n\nSecond paragraph of the note.", None, 2),
    ("Title here\n\nBody sentence one.", "Title here", 1),
    ("Home\nNews\nLocal\nLibrary reopens after roof repair\n\nThe library reopened on Monday.",
     "Library reopens after roof repair", 1),
    ("How will the vote go?\n\nPollsters say it is too close to call.",
     "How will the vote go?", 1),
    ("Lone line without a full stop", None, 1),
], ids=["no-headline", "short-first-sentence", "two-word-title", "crumbs", "question-title",
        "one-line"])
def test_headline_detection(page, title, paragraphs):
    cleaned = clean_article(page)
    assert cleaned.title == title
    assert len(cleaned.paragraphs) == paragraphs


def test_a_marker_with_more_article_after_it_is_not_a_tail():
    page = ("Council delays tram decision\n\nThe council put off its tram vote.\n\nRelated\n\n"
            + "\n\n".join(f"Paragraph {i} of the story goes on at some length about costs."
                          for i in range(5)))
    cleaned = clean_article(page)
    assert len(cleaned.paragraphs) == 6


def test_repeated_short_lines_go_but_attribution_lines_stay():
    page = ("Two quotes from one minister\n\n\u201cWe will rebuild.\u201d\n\u2014 Maria Okafor\n\n"
            "Click to share\nClick to share\n\n\u201cWe will not wait.\u201d\n\u2014 Maria Okafor")
    cleaned = clean_article(page)
    assert cleaned.paragraphs == ["\u201cWe will rebuild.\u201d\n\u2014 Maria Okafor",
                                  "\u201cWe will not wait.\u201d\n\u2014 Maria Okafor"]


def test_long_repeated_paragraph_is_kept_once():
    para = "The same long paragraph appears twice because the page repeated its pull quote."
    cleaned = clean_article(f"Headline of the piece\n\n{para}\n\nMiddle text.\n\n{para}")
    assert cleaned.paragraphs == [para, "Middle text."]


@pytest.mark.parametrize("line, kind", [
    ("Skip to content", Kind.FURNITURE),
    ("Edit post", Kind.FURNITURE),
    ("by Sonya Example November 23, 2024 12:14 AM 1 min read", Kind.FURNITURE),
    ("By Jane Doe | Wire Service", Kind.FURNITURE),
    ("By Jane Doe and John Roe", Kind.FURNITURE),
    ("This audio is created with AI assistance", Kind.FURNITURE),
    ("5:04 PM", Kind.FURNITURE),
    ("17:45", Kind.FURNITURE),
    ("11.30 am GMT", Kind.FURNITURE),
    ("Updated 3 hours ago", Kind.FURNITURE),
    ("Last updated: Nov. 22, 2024", Kind.FURNITURE),
    ("Published 12 January 2025", Kind.FURNITURE),
    ("Friday, November 22, 2024", Kind.FURNITURE),
    ("2024-11-22", Kind.FURNITURE),
    ("Share this article", Kind.FURNITURE),
    ("Share on Facebook", Kind.FURNITURE),
    ("Follow us on X", Kind.FURNITURE),
    ("Facebook Twitter LinkedIn Email", Kind.FURNITURE),
    ("Advertisement", Kind.FURNITURE),
    ("Story continues below advertisement", Kind.FURNITURE),
    ("Read more: River levels hit record high", Kind.FURNITURE),
    ("Sign up for our newsletter", Kind.FURNITURE),
    ("Enter your email to subscribe", Kind.FURNITURE),
    ("Please, enter correct email address", Kind.FURNITURE),
    ("* indicates required", Kind.FURNITURE),
    ("Successfuly subscribed", Kind.FURNITURE),
    ("Thank you for signing up for this newsletter. We\u2019ve sent you a confirmation email.",
     Kind.FURNITURE),
    ("We use cookies to personalise content and ads. Accept all or manage preferences.",
     Kind.FURNITURE),
    ("\u00a9 2024 Example Media Ltd", Kind.FURNITURE),
    ("All rights reserved.", Kind.FURNITURE),
    ("Home > World > Europe", Kind.FURNITURE),
    ("Photo: Jo Bloggs / Agency", Kind.FURNITURE),
    ("A crane lifts a beam at the site on May 2 (Jo Bloggs / Agency)", Kind.FURNITURE),
    ("12 comments", Kind.FURNITURE),
    ("Analysis \u00b7 Defence desk \u00b7 16 March 2026", Kind.FURNITURE),
    ("EXCLUSIVE", Kind.FURNITURE),
    ("News Feed", Kind.TAIL),
    ("MORE NEWS", Kind.TAIL),
    ("Editors' Picks", Kind.TAIL),
    ("Editors\u2019 picks", Kind.TAIL),
    ("Read more", Kind.TAIL),
    ("Related articles", Kind.TAIL),
    ("More from Business", Kind.TAIL),
    ("You may also like", Kind.TAIL),
    # negative cases: body lines that merely start like furniture
    ("By the end of the year, prices had risen 3%.", Kind.TEXT),
    ("Share prices fell 4% on Monday after the announcement.", Kind.TEXT),
    ("Follow the money, the prosecutor told the jury.", Kind.TEXT),
    ("Published in 1990, the report was ignored for decades.", Kind.TEXT),
    ("He read more than 40 books in prison.", Kind.TEXT),
    ("Subscribers to the service rose to 2 million last year.", Kind.TEXT),
    ("Volunteers handed out cookies at the polling station.", Kind.TEXT),
    ("The bridge collapsed at 5:04 PM, officials said.", Kind.TEXT),
    ("Register to vote by Friday, officials urged.", Kind.TEXT),
    ("\u2014 Maria Okafor", Kind.TEXT),
    ("Ukraine asks partners for mobile gas turbines after grid attacks", Kind.TEXT),
    ("Related research was published in 2019 by the same team.", Kind.TEXT),
    ("Home owners face higher bills this winter.", Kind.TEXT),
    ("The photo (taken in 2019) shows the old bridge.", Kind.TEXT),
])
def test_line_classifier(line, kind):
    assert classify(line) is kind


@pytest.mark.parametrize("line, expected", [
    ("by Sonya Example November 23, 2024 12:14 AM 1 min read", "2024-11-23"),
    ("By Jane Doe, 22 Nov 2024", "2024-11-22"),
    ("Published Nov. 22, 2024 12:14 AM", "2024-11-22"),
    ("Updated 2024-11-22T10:00:00Z", "2024-11-22"),
    ("5:04 PM", None),
    ("By Jane Doe | Wire Service", None),
])
def test_byline_dates(line, expected):
    assert find_date(line) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-11-22", "2024-11-22"),
    ("November 22, 2024", "2024-11-22"),
    ("22 Nov 2024", "2024-11-22"),
    ("Nov. 22, 2024 12:14 AM", "2024-11-22T00:14:00"),
    ("2024-11-22T10:00:00+02:00", "2024-11-22T10:00:00+02:00"),
    ("November 2024", "2024-11"),
    ("2024", "2024"),
    ("yesterday", None),
    ("", None),
    (None, None),
    ("x" * 500, None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


ADVERSARIAL = [
    "a" * 100_000, "(" * 100_000, "*" * 100_000, "by " + "A " * 50_000, "# " * 50_000 + "x",
    "[" * 100_000, "1:00 " * 20_000, "cookie " * 15_000, "-" * 100_000, "Share on " * 11_000,
    "by A" + " x" * 50_000 + ".", "Home > " * 15_000, "Updated 1" * 11_000,
    ("x (" + "a/" * 40) * 1_000, "\u201c" * 100_000, " \t" * 50_000 + "x",
    "\n".join("Subscribe" for _ in range(10_000)), "min read " * 12_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_adversarial_100kb_strings_are_fast(text):
    start = time.perf_counter()
    clean_text(text)
    for line in text.split("\n")[:5]:
        classify(line[:300])
    assert time.perf_counter() - start < 1.0
