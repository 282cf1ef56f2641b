"""Metadata fields: column/key aliases, ISO dates, and titles made from text.

Shared by every reader so that "headline" means title and "November 22, 2024"
means 2024-11-22 whether it came from a CSV column, a JSON key, a ``Key: value``
header, YAML front matter, an HTML meta tag or a byline.

``make_document`` is the one place a ``Document`` is built, so every reader applies
the same rules (a title is never empty; a text without words is refused).

This module does not read files and does not clean text; it does not guess dates
from free text except through ``find_date`` (bylines and date lines, which must name
a month or use digits with separators; a lone clock time is not a date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..errors import SourceError
from ..models import Document

FIELDS = ("title", "outlet", "url", "published", "text")
ALIASES: dict[str, str] = {
    "title": "title", "headline": "title", "heading": "title",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "sitename": "outlet", "publication": "outlet",
    "url": "url", "link": "url", "href": "url",
    "published": "published", "date": "published", "pubdate": "published",
    "published_at": "published", "publish_date": "published", "datepublished": "published",
    "text": "text", "body": "text", "content": "text", "article": "text",
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?"
DATE_IN_TEXT = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}){_TIME}",
    re.IGNORECASE,
)
_D1 = dt.datetime(2000, 1, 1, 0, 0, 0)
_D2 = dt.datetime(2001, 2, 2, 1, 1, 1)


def canonical_key(key: object) -> str:
    """'Published At ' -> 'published_at': the form aliases are looked up in."""
    return re.sub(r"[\s\-]+", "_", str(key).strip().lower().lstrip("\ufeff"))


def field_for(key: object) -> str | None:
    """Our field name for a column or key, or None."""
    return ALIASES.get(canonical_key(key))


def normalise_date(value: object) -> str | None:
    """ISO 8601 text for a date value: 'YYYY-MM-DD', or a datetime when a time is given.

    Partial dates keep what is known ('2024-11', '2024'); anything unparsable is None.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text or len(text) > 80:
        return None
    if re.fullmatch(r"\d{4}", text):
        return text
    try:
        from dateutil import parser
    except ImportError:  # pragma: no cover - dateutil ships with pandas
        return _iso_only(text)
    try:
        a = parser.parse(text, default=_D1)
        b = parser.parse(text, default=_D2)
    except (ValueError, OverflowError, TypeError):
        return None
    return _known_part(a, b)


def _known_part(a: dt.datetime, b: dt.datetime) -> str | None:
    """What a date string really said: parsed with two different defaults, the parts
    that differ were not in the text."""
    if a.year != b.year:
        return None
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    if (a.hour, a.minute) != (b.hour, b.minute):
        return a.date().isoformat()
    return a.isoformat()


def _iso_only(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def find_date(line: str, *, with_time: bool = False) -> str | None:
    """The first date written in a short line (a byline or dateline), as ISO."""
    match = DATE_IN_TEXT.search(line[:300])
    if not match:
        return None
    iso = normalise_date(match.group(0))
    return iso if with_time or iso is None else iso[:10]


def title_from_text(text: str, limit: int = 120) -> str:
    """A title for a text without one: its first sentence, cut at a word boundary."""
    first = text.strip().split("\n", 1)[0][: limit * 4]
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0] or sentence[:limit]
    return cut.rstrip(",;:-— ") + "…"


def clean_value(value: object, limit: int = 2000) -> str | None:
    """A metadata value as one stripped line of text, or None when blank."""
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text[:limit] or None


_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?:\n|$)")


def has_sentence(text: str) -> bool:
    """True when some line ends with . ! ? or … (closing quotes allowed) or is 20+ words."""
    if _SENTENCE_END.search(text):
        return True
    return any(len(line[:600].split()) >= 20 for line in text.split("\n"))


def make_document(
    name: str,
    text: str,
    meta: Mapping[str, object],
    *,
    source_set: str | None = None,
    record: int | None = None,
    need_sentence: bool = False,
) -> Document:
    """A Document from cleaned text and raw metadata; SourceError if no words are left.

    ``need_sentence`` (pages, not table rows) also refuses a text in which no line ends
    like a sentence or runs to 20 words: menus and link lists are not articles.
    """
    text = text.strip()
    if not _WORD.search(text) or (need_sentence and not has_sentence(text)):
        raise SourceError(name, "no article text after cleaning", record)
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Document(
        title=clean_value(meta.get("title"), 500) or title_from_text(text) or stem,
        text=text,
        outlet=clean_value(meta.get("outlet"), 200),
        url=clean_value(meta.get("url"), 2000),
        published=normalise_date(meta.get("published")),
        source_set=source_set,
        path=name,
        record=record,
    )
