"""Time scope (issue 13 §4): when a claim happened, and whether evidence is about that time.

A sentence's time reference ("in 2023", "last year", "on Thursday", "since March",
"in November 2025") is found by a few patterns and resolved by ``dateparser``
against the date of the document it is in, into a ``Period`` of whole days. A
claim's period is its own sentence's, else its article's lead's (the event the
article reports), marked ``from: "lead"``. Evidence is **stale** when its own
sentence is about a period that does not overlap the claim's ("about another
period"), or, having no time reference of its own, when its document was
published before the claim's period began ("published before the event").
Undated evidence without a reference in its sentence is never stale: nothing
says when it speaks of. Relative references in undated documents are not
resolved (there is nothing to resolve them against). Only English is read.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

from .models import Claim, Document, Evidence, Relation
from .provenance import date_key

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
           "November|December")
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR = r"(?:19|20)\d{2}"
# Ordered: the longer, more precise forms first. Month names are matched with their
# capital ("March", not "march"), and "May" only before a day or a year, or after a
# preposition, so the verb is not read as a month.
_PATTERNS = (
    rf"\b(?i:on\s+)?(?:{_DAYS},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})"
    rf"(?:,?\s+{_YEAR})?\b",
    rf"\b(?i:on\s+)?(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*{_YEAR})?\b(?![,.]?\d)",
    rf"\b(?i:since|in|during|until|by|from|last|early|late|mid-|throughout)\s*"
    rf"(?i:early\s+|late\s+)?(?:{_MONTHS})(?:\s+{_YEAR})?\b",
    rf"\b(?:{_MONTHS})\s+{_YEAR}\b",
    rf"\b(?i:since|in|during|until|by|throughout|of)\s+{_YEAR}\b(?![,.]?\d)",
    rf"\b(?i:on|last|this|since)\s+(?:{_DAYS})\b",
    r"(?i:\b(?:since\s+)?(?:last|this)\s+(?:year|month|week)\b)",
    r"(?i:\b(?:yesterday|today|earlier\s+today)\b)",
    r"(?i:\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago\b)",
)
_FINDER = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
_LEADING = re.compile(r"^(?:since|in|during|until|by|from|throughout|of|on|early|late|mid-"
                      r"|earlier)\s*", re.IGNORECASE)
_WEEKDAY = re.compile(rf"^(?:on\s+|last\s+|this\s+|since\s+)?({_DAYS})$", re.IGNORECASE)
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b")


@dataclass(frozen=True, slots=True)
class Period:
    """A span of whole days a text speaks of; ``since`` periods run to the document's date."""

    text: str  # the words, as written: "last year"
    start: date
    end: date  # inclusive
    source: str = "sentence"  # "sentence", "lead" or "published"

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "from": self.source}


@functools.lru_cache(maxsize=64)
def _parser(reference: date | None) -> DateDataParser:
    """A parser reading relative words against one reference date (dateparser
    takes the base per parser, not per call); without one, only text with a year
    is read, so the base is never today."""
    base = datetime.combine(reference or date(2000, 1, 1), datetime.min.time())
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past",
                                                      "RELATIVE_BASE": base})


def _span(day: date, period: str) -> tuple[date, date]:
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return date(day.year, day.month, 1), date(day.year, day.month, last)
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    return day, day


def resolve(text: str, reference: date | None) -> Period | None:
    """The period a time expression names, read against ``reference`` (the
    document's date); None when it cannot be read, or is relative and there is no
    reference. "since March" runs from March to the reference."""
    words = " ".join(text.split())
    if reference is None and not _HAS_YEAR.search(words):
        return None
    if reference is not None and (weekday := _WEEKDAY.match(words)):
        # the last such day on or before the reference ("on Sunday" in a Sunday paper)
        wanted = list(calendar.day_name).index(weekday.group(1).capitalize())
        day = reference - timedelta(days=(reference.weekday() - wanted) % 7)
        start, end = day, day
    else:
        core = _LEADING.sub("", words).strip()
        data = _parser(reference).get_date_data(core) if core else None
        if data is None or data.date_obj is None:
            return None
        start, end = _span(data.date_obj.date(), data.period or "day")
    if words.lower().startswith("since") and reference is not None:
        end = max(end, reference)
    return Period(words, start, end)


def find_period(text: str, published: str | None, *, source: str = "sentence") -> Period | None:
    """The first time reference of a sentence, resolved against its document's date."""
    moment = date_key(published)
    reference = moment.date() if moment else None
    for match in _FINDER.finditer(text or ""):
        period = resolve(match.group(), reference)
        if period is not None:
            return Period(period.text, period.start, period.end, source)
    return None


def published_period(published: str | None) -> Period | None:
    moment = date_key(published)
    if moment is None:
        return None
    return Period("published", moment.date(), moment.date(), "published")


STALE_BEFORE = "published before the event"
STALE_OTHER = "about another period"


def judge(claim: Period | None, passage: str, published: str | None) -> dict | None:
    """``{claim, evidence, stale, reason}`` for one evidence passage (None when the
    claim has no period): its own sentence's period, else its document's date."""
    if claim is None:
        return None
    own = find_period(passage, published)
    if own is not None:
        stale = not own.overlaps(claim)
        return {"claim": claim.to_dict(), "evidence": own.to_dict(), "stale": stale,
                "reason": STALE_OTHER if stale else None}
    day = published_period(published)
    stale = day is not None and day.end < claim.start
    return {"claim": claim.to_dict(), "evidence": day.to_dict() if day else None,
            "stale": stale, "reason": STALE_BEFORE if stale else None}


def claim_period(context: str, lead: str, article: Document) -> Period | None:
    """The claim's own sentence's period, else the one its article's lead names."""
    return (find_period(context, article.published)
            or find_period(lead, article.published, source="lead"))


def in_window(ev: Evidence, around: Period | None, days: int) -> bool:
    """Whether the evidence document's date is within ``days`` of the claim's period
    (undated documents, and any document when there is no window, are kept)."""
    moment = date_key(ev.document.published)
    if days <= 0 or around is None or moment is None:
        return True
    day = moment.date()
    return around.start - timedelta(days=days) <= day <= around.end + timedelta(days=days)


def mark(evidence: list[Evidence], period: Period | None) -> None:
    """Set ``stale`` and ``time_scope`` on evidence, against the claim's period."""
    for ev in evidence:
        ev.time_scope = judge(period, ev.passage, ev.document.published)
        ev.stale = bool(ev.time_scope and ev.time_scope["stale"])


def annotate(article: Document, claims: list[Claim], contexts: dict[int, str], lead: str,
             *, window_days: int = 0) -> None:
    """Give each claim its ``time_scope`` and each evidence item ``stale`` and
    ``time_scope``; drop evidence outside the date window; current evidence first,
    stale after it, within comparable and merely related evidence alike."""
    fallback = published_period(article.published)
    for claim in claims:
        period = claim_period(contexts.get(claim.id or 0, ""), lead, article)
        claim.time_scope = period.to_dict() if period else None
        around = period or fallback
        kept = [ev for ev in claim.evidence if in_window(ev, around, window_days)]
        mark(kept, period)
        kept.sort(key=lambda e: (e.relation is Relation.RELATED, e.stale))  # stable
        claim.evidence = kept


def stale_line(ev: Evidence) -> str | None:
    """``stale: about another period — in November 2025 (2025-11-01 – 2025-11-30);
    the claim: on Saturday (2026-03-14, from the article's lead)``."""
    scope = ev.time_scope
    if not scope or not scope["stale"]:
        return None
    claim, other = scope["claim"], scope["evidence"]
    where = " (from the article's lead)" if claim["from"] == "lead" else ""
    theirs = ("published " + other["start"] if other["from"] == "published"
              else f"{other['text']} ({label(other)})")
    return (f"stale, {scope['reason']}: {theirs}; "
            f"the claim: {claim['text']} ({label(claim)}){where}")


def label(d: dict) -> str:
    """``2026-03-14`` for one day, ``2025-11-01 – 2025-11-30`` for a span."""
    return d["start"] if d["start"] == d["end"] else f"{d['start']} – {d['end']}"
