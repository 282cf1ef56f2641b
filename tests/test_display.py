"""What the pages show (workbench.display): escaping, highlighting, tables and labels,
as tables of cases."""

from __future__ import annotations

import re
import time

import pytest
from helpers import ev, quote_claim, speed_claim
from hypothesis import given
from hypothesis import strategies as st

from workbench import display
from workbench.ingest import IngestReport
from workbench.models import Document, Evidence, Rejected, Relation, Status
from workbench.review_card import ReviewFields
from workbench.store.documents import SetSummary
from workbench.verdicts import Review, ReviewEvent

SPECIAL = set("\\`*_[]{}()#+-.!|<>~$:&=\"'")
HOSTILE = [
    "<script>alert(1)</script>",
    "](javascript:alert(1))",
    "[click](javascript:alert(1))",
    "$x$ and $$y$$",
    ":red[x]",
    ":orange-background[x]",
    "**bold** _it_ ~~gone~~",
    "# heading",
    "1. list item",
    "> a quote",
    "    indented code",
    "a\\b\\",
    '<img src=x onerror="alert(1)">',
    "|a|b|\n|-|-|",
    "&lt;b&gt;",
    ":smile: :material/home:",
    "www.example.com http://evil.example/(x)",
    "line one\n\nline two\n===",
    "`code` ```fence```",
    "{: .class}",
]


def unescaped_specials(markdown: str) -> list[str]:
    """Special characters not preceded by a backslash escape."""
    found, i = [], 0
    while i < len(markdown):
        if markdown[i] == "\\":
            i += 2
            continue
        if markdown[i] in SPECIAL:
            found.append(markdown[i])
        i += 1
    return found


def unescape(markdown: str) -> str:
    out, i = [], 0
    while i < len(markdown):
        if markdown[i] == "\\" and i + 1 < len(markdown):
            i += 1
        out.append(markdown[i])
        i += 1
    return "".join(out)


def split_directive(markdown: str, colour: str = "orange") -> tuple[str, str, str]:
    """(before, inside, after) of the one ``:colour-background[...]`` directive, the
    inside ending at the first unescaped ``]``."""
    opener = f":{colour}-background["
    at = markdown.index(opener)
    i = at + len(opener)
    while markdown[i] != "]":
        i += 2 if markdown[i] == "\\" else 1
    return markdown[:at], markdown[at + len(opener):i], markdown[i + 1:]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_leaves_no_live_markup(text):
    escaped = display.md_escape(text)
    assert unescaped_specials(escaped) == []
    assert unescape(escaped) == re.sub(r"\s+", " ", text)
    assert "\n" not in escaped


@pytest.mark.parametrize("text, expected", [
    ("a.b", r"a\.b"),
    ("$5", r"\$5"),
    ("<b>", r"\<b\>"),
    (":red[x]", r"\:red\[x\]"),
    ("a\n\n  b", "a b"),
    (None, ""),
    ("", ""),
    ("plain words", "plain words"),
])
def test_md_escape_golden(text, expected):
    assert display.md_escape(text) == expected


@pytest.mark.parametrize("text, start, end, expected", [
    ("He said hello.", 8, 13, r"He said :orange-background[hello]\."),
    ("abc", 0, 3, ":orange-background[abc]"),
    ("a ]x[ b", 2, 5, r"a :orange-background[\]x\[] b"),
    ("abc", 2, 2, "abc"),  # empty span: no directive
    ("abc", 5, 9, "abc"),  # out of range: clamped to nothing
    ("one two", 3, 7, "one :orange-background[two]"),  # the span's own space kept outside
    ("a  ", 1, 3, "a "),  # whitespace only
])
def test_highlight_golden(text, start, end, expected):
    assert display.highlight(text, start, end) == expected


@pytest.mark.parametrize("hostile", HOSTILE)
def test_highlight_cannot_be_closed_early(hostile):
    text = f"before {hostile} after"
    markdown = display.highlight(text, 7, 7 + len(hostile))
    before, inside, after = split_directive(markdown)
    assert unescape(inside) == " ".join(hostile.split())
    assert unescaped_specials(before + inside + after) == []


@given(st.text(max_size=60), st.integers(-5, 70), st.integers(-5, 70))
def test_highlight_escapes_any_text(text, start, end):
    markdown = display.highlight(text, start, end)
    if ":orange-background[" in markdown:
        before, inside, after = split_directive(markdown)
        markdown = before + inside + after
    assert unescaped_specials(markdown) == []


def test_escaping_is_linear_on_adversarial_input():
    text = ("[](" * 20000 + "\\" * 20000 + "$" * 20000)[:100_000]
    began = time.perf_counter()
    display.highlight(text, 10, 90_000)
    assert time.perf_counter() - began < 1.0


@pytest.mark.parametrize("text, start, end, expected", [
    ("a\nbb cc\nd", 2, 4, ("bb cc", 0, 2)),
    ("one line", 4, 8, ("one line", 4, 8)),
    ("x\n\ny z", 5, 6, ("y z", 2, 3)),
])
def test_paragraph_around(text, start, end, expected):
    assert display.paragraph_around(text, start, end) == expected


@pytest.mark.parametrize("value, unit, value_max, qualifier, expected", [
    (3200.0, "km/h", None, "more than", "more than 3,200 km/h"),
    (10.0, "Mach", None, None, "Mach 10"),
    (12.5, "%", None, "about", "about 12.5%"),
    (5000.0, "km", 6000.0, None, "5,000–6,000 km"),
    (6.0, None, None, None, "6"),
    (3.43, "km/s", None, None, "3.43 km/s"),
    (0.25, "m", None, None, "0.25 m"),
])
def test_claim_value(value, unit, value_max, qualifier, expected):
    claim = speed_claim(value=value, unit=unit, value_max=value_max, qualifier=qualifier)
    assert display.claim_value(claim) == expected


@pytest.mark.parametrize("relations, expected", [
    ([Relation.SUPPORTS, Relation.CONFLICTS, Relation.SUPPORTS], "2 supports · 1 conflicts"),
    ([Relation.RELATED, Relation.BOUND_ONLY], "1 bound only · 1 related"),
    ([], "no evidence"),
])
def test_evidence_summary(relations, expected):
    claim = speed_claim(evidence=[ev(r) for r in relations])
    assert display.evidence_summary(claim) == expected


@pytest.mark.parametrize("si_value, si_max, ratio, expected", [
    (3430.0, None, 3.8588, "12,348 km/h vs claimed more than 3,200 km/h — 3.9× higher"),
    (555.556, None, 0.625, "2,000 km/h vs claimed more than 3,200 km/h — 38% lower"),
    (888.889, None, 1.0, "3,200 km/h vs claimed more than 3,200 km/h — same value"),
    (100.0, None, 0.1125, "360 km/h vs claimed more than 3,200 km/h — 8.9× lower"),
    (800.0, 1000.0, None, "2,880–3,600 km/h vs claimed more than 3,200 km/h"),
])
def test_describe_value(si_value, si_max, ratio, expected):
    evidence = ev(Relation.BOUND_ONLY, si_value=si_value, si_value_max=si_max, ratio=ratio)
    assert display.describe_value(speed_claim(), evidence) == expected


@pytest.mark.parametrize("claim_kw, evidence_kw", [
    ({}, {}),  # evidence has no value
    ({"si_value": None}, {"si_value": 3.0}),
])
def test_describe_value_needs_both_values(claim_kw, evidence_kw):
    evidence = ev(Relation.RELATED, **evidence_kw)
    assert display.describe_value(speed_claim(**claim_kw), evidence) is None


def test_describe_value_in_si_when_units_do_not_scale():
    claim = speed_claim(value=0.0, unit="°C", si_value=273.15, si_unit="K",
                        dimension="temperature", qualifier=None)
    assert display.describe_value(claim, ev(Relation.CONFLICTS, si_value=283.15)).startswith(
        "283 K vs claimed 0 °C")


@pytest.mark.parametrize("ratio, expected", [
    (3.8588, "3.9× higher"), (0.25, "4.0× lower"), (1.083, "8% higher"), (0.917, "8% lower"),
    (1.002, "same value"), (None, ""), (0, ""), (2.0, "2.0× higher"),
])
def test_ratio_text(ratio, expected):
    assert display.ratio_text(ratio) == expected


@pytest.mark.parametrize("claim, evidence, expected", [
    ("The test met every objective we set", "The test met all the objectives we had set",
     "The test met :red[~~every objective~~] :green[**all the objectives**] we "
     ":green[**had**] set"),
    ("same words.", "Same words", r"Same words"),
    ("a ]x", "a :red[y]", r"a :red[~~\]x~~] :green[**\:red\[y\]**]"),
])
def test_diff_markdown(claim, evidence, expected):
    assert display.diff_markdown(claim, evidence) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://wire.example/a", "https://wire.example/a"),
    ("HTTP://x.example/(1)", "HTTP://x.example/%281%29"),
    ("https://x.example/a b<c>", "https://x.example/a%20b%3Cc%3E"),
    ("https://x.example/$x$", "https://x.example/%24x%24"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//evil.example", None),
    ("", None),
    (None, None),
])
def test_safe_url(url, expected):
    assert display.safe_url(url) == expected


@pytest.mark.parametrize("label, url, expected", [
    ("Wire [1]", "https://wire.example/a", r"[Wire \[1\]](https://wire.example/a)"),
    ("Evil", "javascript:alert(1)", "Evil"),
    ("No link", None, "No link"),
])
def test_link_markdown(label, url, expected):
    assert display.link_markdown(label, url) == expected


def test_claims_table():
    claims = [speed_claim(evidence=[ev(Relation.BOUND_ONLY, 80.0), ev(Relation.RELATED, 99.0)]),
              quote_claim(speaker=None)]
    reviews = {"k1": Review("k1", Status.CONTRADICTED, version=1)}
    table = display.claims_table(claims, reviews)
    assert list(table.columns) == ["kind", "claim", "speaker or value", "status", "best score",
                                   "evidence"]
    assert list(table.index) == ["k1", "k2"]
    assert table.loc["k1"].to_dict() == {
        "kind": "numeric", "claim": "more than 3,200 kilometers per hour",
        "speaker or value": "more than 3,200 km/h", "best score": 80.0,
        "evidence": "1 bound only · 1 related", "status": "contradicted"}
    assert table.loc["k2", "speaker or value"] == "(speaker unknown)"
    assert table.loc["k2", "status"] == "unreviewed"
    assert table.loc["k2", "evidence"] == "no evidence"


def test_unique_labels():
    labels = {1: "Wire — A (demo)", 2: "Wire — A (demo)", 3: "Other", 4: "Wire — A (demo)"}
    assert display.unique_labels(labels) == {1: "Wire — A (demo)", 2: "Wire — A (demo) (2)",
                                           3: "Other", 4: "Wire — A (demo) (3)"}


@pytest.mark.parametrize("text, expected", [
    ("short", "quote · “short” — Petra Vance"),
    ("word " * 40, None),
])
def test_claim_label(text, expected):
    label = display.claim_label(quote_claim(text=text))
    if expected:
        assert label == expected
    else:
        assert len(label) == 90 and label.endswith("…")
    assert display.claim_label(quote_claim(text="short"), 3) == "3. quote · “short” — Petra Vance"


def test_evidence_header_and_passage_escape_documents():
    evil = Document(title="[x](javascript:alert(1))", text="", outlet="<b>Outlet</b>",
                    url="javascript:alert(1)", published="2026-03-14T19:05:00+00:00")
    evidence = Evidence(evil, "Say $x$ <script>", 4, 7, 92.4, Relation.SUPPORTS)
    header = display.evidence_header(evidence)
    assert header.startswith(":green-badge[supports] **")
    assert "javascript:alert" not in header and "2026\\-03\\-14 ·" in header
    assert header.endswith("score 92")
    assert display.evidence_passage(evidence) == (
        r"Say :orange-background[\$x\$] \<script\>")
    related = Evidence(evil, "All of it", 0, 9, 50.0, Relation.RELATED)
    assert display.evidence_passage(related) == "All of it"


@pytest.mark.parametrize("claim, evidence, expected", [
    (quote_claim(), ev(Relation.VARIES, passage="The test met all the objectives we had set",
                       start=0, end=42, speaker="Petra Vance"),
     ["Wording: The test met :red[~~every objective~~] :green[**all the objectives**] we "
      ":green[**had**] set", "Speaker here: Petra Vance"]),
    (quote_claim(speaker="Anton Drevic"),
     ev(Relation.MISATTRIBUTED, speaker="Ilya <Sorn>"),
     [r"Speaker in the article: **Anton Drevic** · here: **Ilya \<Sorn\>**"]),
    (speed_claim(), ev(Relation.BOUND_ONLY, si_value=3430.0, ratio=3.8588),
     [r"12,348 km/h vs claimed more than 3,200 km/h — 3\.9× higher"]),
    (speed_claim(), ev(Relation.RELATED), []),
])
def test_evidence_findings(claim, evidence, expected):
    assert display.evidence_findings(claim, evidence) == expected


@pytest.mark.parametrize("claim, expected", [
    (quote_claim(cue="wrote on Telegram"), "**Speaker:** Petra Vance · **Cue:** wrote on Telegram"),
    (quote_claim(speaker=None, cue=None), "**Speaker:** unknown"),
    (speed_claim(), r"**Value:** more than 3,200 km/h \(\= 889 m/s\) · **About:** missile"),
])
def test_claim_details(claim, expected):
    assert display.claim_details(claim) == expected


def test_conflict_message_escapes_both_sides():
    theirs = Review("k", Status.SUPPORTED, note="$$ <b>", reviewer="[Eve](javascript:x)",
                    version=3, updated_at="2026-03-15T10:00:00+00:00")
    message = display.conflict_message(theirs, ReviewFields("contradicted", ":red[no]"))
    assert r"**\[Eve\]\(javascript\:x\)**" in message
    assert r"\$\$ \<b\>" in message and r"\:red\[no\]" in message
    assert "version 3" in message and "**contradicted**" in message


def test_sets_table():
    summary = SetSummary("demo", 11, ["Northwire", "<b>Flash</b>"], "2026-03-12",
                         "2026-03-17T19:05:00+00:00", "2026-03-18T08:00:00+00:00")
    assert display.sets_table([summary]).to_dict("records") == [{
        "name": "demo", "documents": 11, "outlets": "Northwire, <b>Flash</b>",
        "first published": "2026-03-12", "last published": "2026-03-17",
        "updated": "2026-03-18 08:00 UTC"}]
    assert list(display.sets_table([]).columns)[:2] == ["name", "documents"]


def test_report_table():
    report = IngestReport("s", added=["a.txt"], updated=["b.csv (row 2)"], unchanged=["c.md"])
    assert display.report_table(report).values.tolist() == [
        ["a.txt", "added"], ["b.csv (row 2)", "updated"], ["c.md", "unchanged"]]


def test_tables_have_fixed_columns():
    assert list(display.rejected_table([]).columns) == ["name", "row", "reason"]
    rejected = display.rejected_table([Rejected("a.csv", "bad row", 3),
                                       Rejected("b.exe", "binary")])
    assert rejected.to_dict("records")[0] == {"name": "a.csv", "row": 3, "reason": "bad row"}
    assert rejected["row"].isna().tolist() == [False, True]
    cited = [{"title": "A", "passage": "pa"}]
    event = ReviewEvent("2026-03-15T10:04:59+00:00", "Ann", None, "supported", "ok", cited, 1)
    assert display.history_table([event]).to_dict("records") == [{
        "when": "2026-03-15 10:04 UTC", "reviewer": "Ann", "from": "", "to": "supported",
        "note": "ok", "cited": 1, "version": 1}]


@pytest.mark.parametrize("stamp, expected", [
    ("2026-03-15T10:04:59+00:00", "2026-03-15 10:04 UTC"),
    ("2026-03-15T10:04:59+02:00", "2026-03-15 10:04+02:00"),
    ("2026-03-15T10:04:59", "2026-03-15 10:04"),
    ("yesterday", "yesterday"),
    (None, ""),
])
def test_format_time(stamp, expected):
    assert display.format_time(stamp) == expected


def test_progress_fraction_never_finishes_early_nor_goes_back():
    values = [display.progress_fraction(n, 5) for n in range(0, 30)]
    assert values == sorted(values)
    assert all(0 <= v < 1 for v in values)
    assert display.progress_fraction(3, 0) == 0.0
