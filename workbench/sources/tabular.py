"""Tables of articles: CSV (one article per row) and JSON Lines (one object per line).

Both map their columns or keys to our fields by name, case-insensitively, with common
aliases (headline -> title, body/content/article -> text, source/publisher/site ->
outlet, link -> url, date/pubdate/published_at -> published); ``columns`` maps a
field to the caller's own column name and wins over the aliases. Rows stream: a bad
row (NUL bytes, a field count that differs from the header, broken JSON, no text)
becomes a ``Rejected`` with its 1-based row number and the other rows still load.
Whole-file problems (no text column, more than ``max_csv_columns`` columns) raise
``SourceError``. A Meedan Check export (known by its header) is read by
``factchecks`` instead, row by row in the same way.

The CSV delimiter is the most frequent of , ; tab | in the header line. This module
does not sniff quoting styles, does not read spreadsheets (.xlsx) or plain .json
arrays, and does not clean text as hard as for pasted pages: furniture lines go, but
no headline is looked for.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from ..errors import SourceError
from ..models import Document, Rejected
from .cleaning import clean_article
from .encoding import normalise
from .factchecks import meedan_document, meedan_layout
from .fields import FIELDS, canonical_key, field_for, make_document
from .limits import ReadOptions

_DELIMITERS = (",", ";", "\t", "|")


def _field_map(names: Iterable[str], columns: dict[str, str] | None, name: str) -> dict[str, str]:
    """Our field -> the source's column/key, from ``columns`` first, then the aliases."""
    by_key = {canonical_key(n): n for n in names}
    mapping: dict[str, str] = {}
    for ours, theirs in (columns or {}).items():
        if ours not in FIELDS:
            raise SourceError(name, f"unknown field {ours!r} in columns "
                                    f"(fields: {', '.join(FIELDS)})")
        if canonical_key(theirs) not in by_key:
            raise SourceError(name, f"no column {theirs!r} for {ours}; found: {_listing(by_key)}")
        mapping[ours] = by_key[canonical_key(theirs)]
    for key, original in by_key.items():
        if (field := field_for(key)) and field not in mapping:
            mapping[field] = original
    return mapping


def _listing(by_key: dict[str, str], limit: int = 20) -> str:
    names = list(by_key.values())
    shown = ", ".join(repr(n[:40]) for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "") or "none"


def _record(name: str, row: int, values: dict[str, object], opts: ReadOptions) -> Document:
    text = values.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SourceError(name, "no article text in this row", row)
    cleaned = clean_article(normalise(text), find_title=False)
    meta = {k: values.get(k) for k in ("title", "outlet", "url", "published")}
    if not meta["published"] and cleaned.published:
        meta["published"] = cleaned.published
    return make_document(name, cleaned.text, meta, source_set=opts.source_set, record=row)


def _guarded(name: str, row: int, values: dict[str, object], opts: ReadOptions,
             ) -> Document | Rejected:
    try:
        return _record(name, row, values, opts)
    except SourceError as exc:
        return Rejected(name, exc.reason, row)


def _delimiter(text: str) -> str:
    first = text[: text.find("\n") if "\n" in text[:1_000_000] else 1_000_000]
    return max(_DELIMITERS, key=lambda d: (first.count(d), d == ","))


def read_csv(name: str, text: str, opts: ReadOptions) -> Iterator[Document | Rejected]:
    """One Document (or Rejected) per data row; row numbers count data rows from 1."""
    limit = opts.limits
    csv.field_size_limit(min(max(limit.file_bytes, 131_072), 2**31 - 1))
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text), strict=False)
    header = _header(name, reader, limit.csv_columns)
    meedan = None if opts.columns else meedan_layout(header)  # issue 13: past verdicts
    mapping = {} if meedan else _field_map(header, opts.columns, name)
    if "text" not in mapping and not meedan:
        raise SourceError(name, "no text column (text, body, content or article); "
                                f"found: {_listing({canonical_key(h): h for h in header})}")
    index = {ours: header.index(theirs) for ours, theirs in mapping.items()}
    produced = False
    for row, cells in _rows(reader):
        if isinstance(cells, csv.Error):
            item: Document | Rejected = Rejected(name, f"unreadable CSV row: {cells}", row)
        elif not any(c.strip() for c in cells):
            continue
        elif len(cells) != len(header):
            item = Rejected(name, f"row has {len(cells)} fields, the header has {len(header)}", row)
        elif any("\x00" in c for c in cells):
            item = Rejected(name, "row contains NUL bytes", row)
        elif meedan:
            item = meedan_document(name, row, dict(zip(header, cells, strict=True)), meedan,
                                   opts)
        else:
            item = _guarded(name, row, {k: cells[i] for k, i in index.items()}, opts)
        produced = True
        yield item
    if not produced:
        yield Rejected(name, "no data rows under the header")


def _header(name: str, reader: Iterator[list[str]], max_columns: int) -> list[str]:
    """The header row, or SourceError saying why there is none to use."""
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise SourceError(name, f"unreadable CSV header: {exc}") from None
    if not header or not any(h.strip() for h in header):
        raise SourceError(name, "no header row")
    if len(header) > max_columns:
        raise SourceError(name, f"{len(header)} columns, more than the limit of "
                                f"{max_columns} (WORKBENCH_MAX_CSV_COLUMNS)")
    return header


def _rows(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """(data row number, cells or the csv.Error that row raised)."""
    row = 0
    while True:
        row += 1
        try:
            yield row, next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield row, exc


def read_jsonl(name: str, text: str, opts: ReadOptions) -> Iterator[Document | Rejected]:
    """One Document (or Rejected) per non-blank line; row numbers are line numbers."""
    records = 0
    for row, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        records += 1
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Rejected(name, f"broken JSON: {str(exc)[:120]}", row)
            continue
        if not isinstance(obj, dict):
            yield Rejected(name, f"not a JSON object but {type(obj).__name__}", row)
            continue
        try:
            mapping = _field_map([str(k) for k in obj], opts.columns, name)
        except SourceError as exc:
            yield Rejected(name, exc.reason, row)
            continue
        if "text" not in mapping:
            found = _listing({canonical_key(k): str(k) for k in obj})
            yield Rejected(name, "no text key (text, body, content or article); "
                                 f"found: {found}", row)
            continue
        values = {ours: obj.get(theirs) for ours, theirs in mapping.items()}
        yield _guarded(name, row, values, opts)
    if not records:
        yield Rejected(name, "no records")
