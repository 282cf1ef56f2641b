"""Past verdicts as sources (issue 13 §6): Meedan Check CSV exports and ClaimReview feeds.

Each fact-check becomes one Document whose text states the claim, who made it and
the verdict, so a desk moving tools keeps its verdicts and the matcher finds them
like any passage (the claim's quotes and numbers are extracted at ingest).

Meedan Check CSV exports are recognised by their header, with the column names
Check itself writes (``meedan/check-api``): the workspace's item list (``Claim``,
``Item page URL``, ``Status``, ``Created by``, ``Submitted at``, ``Report Published
at``; tags, counts and annotation columns are not read), the fact-check list
(``Title``, ``Summary``, ``URL``, ``Language``, ``Report Status``) and a shared
feed's fact-checks (``Fact-check title``, ``Fact-check summary``, ``Fact-check
URL``, ``Workspace``, ``Updated at``, ``Rating``). ClaimReview JSON-LD
(a ``.json`` file) may be one object, a list, an ``@graph`` or a schema.org
``DataFeed`` of ``dataFeedElement``s; each ``ClaimReview`` is a record, numbered
from 1 in document order, and one without ``claimReviewed`` is rejected by number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import SourceError
from ..models import Document, Rejected
from .encoding import normalise
from .fields import canonical_key, clean_value, make_document
from .limits import ReadOptions

MEEDAN_OUTLET = "Meedan Check"
# layout -> (our field -> Check's column, canonical), the columns that identify it first
LAYOUTS: dict[str, dict[str, str]] = {
    "items": {"claim": "claim", "url": "item_page_url", "verdict": "status",
              "published": "report_published_at", "submitted": "submitted_at"},
    "feed": {"title": "fact_check_title", "summary": "fact_check_summary",
             "url": "fact_check_url", "verdict": "rating", "published": "updated_at",
             "outlet": "workspace"},
    "fact_checks": {"title": "title", "summary": "summary", "verdict": "report_status",
                    "url": "url", "language": "language"},
}
_IDENTIFY = {"items": ("claim", "item_page_url", "status"),
             "feed": ("fact_check_title", "fact_check_summary"),
             "fact_checks": ("title", "summary", "report_status")}


def meedan_layout(header: list[str]) -> str | None:
    """Which Meedan Check export a CSV header is, or None for any other CSV."""
    keys = {canonical_key(h) for h in header}
    for layout, needed in _IDENTIFY.items():
        if all(k in keys for k in needed):
            return layout
    return None


def meedan_document(name: str, row: int, cells: dict[str, str], layout: str,
                    opts: ReadOptions) -> Document | Rejected:
    """One exported Check item or fact-check as a Document (Rejected when it holds
    neither a claim nor a fact-check text)."""
    by_key = {canonical_key(k): v for k, v in cells.items()}
    get = {ours: clean_value(by_key.get(theirs)) for ours, theirs in LAYOUTS[layout].items()}
    statement = get.get("claim") or get.get("title")
    if not statement:
        return Rejected(name, "no claim or fact-check title in this row", row)
    lines = [_rated(get.get("verdict"), statement)]
    if summary := get.get("summary"):
        lines.append(summary)
    meta = {"title": statement, "outlet": get.get("outlet") or MEEDAN_OUTLET,
            "url": get.get("url"), "published": get.get("published") or get.get("submitted")}
    return _document(name, "\n\n".join(lines), meta, opts, row)


def read_claimreview(name: str, text: str, opts: ReadOptions) -> Iterator[Document | Rejected]:
    """One Document (or Rejected) per ClaimReview in a JSON-LD file."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SourceError(name, f"broken JSON: {str(exc)[:120]}") from None
    reviews = list(_claim_reviews(data))
    if not reviews:
        raise SourceError(name, "no ClaimReview in this JSON (schema.org ClaimReview JSON-LD)")
    for number, review in enumerate(reviews, start=1):
        yield _review_document(name, number, review, opts)


def _claim_reviews(node: object, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _claim_reviews(item, depth + 1)
    elif isinstance(node, dict):
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "ClaimReview" in kinds:
            yield node
            return
        for key in ("@graph", "dataFeedElement", "item", "itemListElement"):
            if key in node:
                yield from _claim_reviews(node[key], depth + 1)


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return clean_value(value.get("name"))
    return clean_value(value)


def _review_document(name: str, number: int, review: dict, opts: ReadOptions
                     ) -> Document | Rejected:
    claim = clean_value(review.get("claimReviewed"))
    if not claim:
        return Rejected(name, "ClaimReview without claimReviewed", number)
    item: dict = review["itemReviewed"] if isinstance(review.get("itemReviewed"), dict) else {}
    rating: dict = review["reviewRating"] if isinstance(review.get("reviewRating"), dict) else {}
    verdict = clean_value(rating.get("alternateName"))
    value, best = clean_value(rating.get("ratingValue")), clean_value(rating.get("bestRating"))
    scale = f"{value} of {best}" if value and best else value
    shown = f"{verdict} ({scale})" if verdict and scale else verdict or scale
    lines = [_rated(shown, claim)]
    claimant, when = _name(item.get("author")), clean_value(item.get("datePublished"))
    if claimant or when:
        lines.append("Claimed by " + ", ".join(x for x in (claimant, when) if x) + ".")
    if body := clean_value(review.get("reviewBody"), 20000):
        lines.append(body)
    meta = {"title": clean_value(review.get("name") or review.get("headline")) or claim,
            "outlet": _name(review.get("author")), "url": review.get("url"),
            "published": review.get("datePublished")}
    return _document(name, "\n\n".join(lines), meta, opts, number)


def _rated(verdict: str | None, statement: str) -> str:
    """The verdict in the claim's own sentence, so the passage that matches shows it:
    ``Rated false: The Korval carried four warheads.`` (lower case, and the
    fact-checker left to the outlet, so no capitalised word is taken for another
    subject than the claim's)."""
    return f"Rated {verdict.lower()}: {statement}" if verdict else f"Claim: {statement}"


def _document(name: str, text: str, meta: dict, opts: ReadOptions, row: int
              ) -> Document | Rejected:
    try:
        return make_document(name, normalise(text), meta, source_set=opts.source_set,
                             record=row)
    except SourceError as exc:
        return Rejected(name, exc.reason, row)
