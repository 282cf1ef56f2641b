"""The front door for bytes: pick the reader by suffix, and turn every failure into Rejected.

``read_source`` is the one dispatcher used for uploads, files on disk, folder entries
and archive members alike, so a member of a zip is read exactly like the same file
uploaded alone. It is also the boundary that keeps exceptions in: a ``SourceError``
becomes a ``Rejected`` with its name and row, and any other exception (a bug, a
library tripping on odd input, RecursionError, MemoryError) becomes a ``Rejected``
naming the file rather than stopping the batch.

This module does not walk folders (``folders.py``), does not open archives itself
(``archive.py``) and does not parse any format.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import SourceError
from ..models import Document, Rejected
from .archive import read_zip
from .encoding import decode, normalise
from .factchecks import read_claimreview
from .filenames import kind, unsupported_reason, upload_name
from .htmlpage import read_html
from .limits import Budget, ReadOptions
from .tabular import read_csv, read_jsonl
from .textfiles import read_markdown, read_txt

_LOOKS_HTML = re.compile(r"\s*(?:<!doctype html|<html|<head|<body)", re.IGNORECASE)


def read_source(name: str, source: bytes | Path, opts: ReadOptions, budget: Budget,
                depth: int = 0) -> Iterator[Document | Rejected]:
    """Documents and rejections of one file (bytes, or a path on disk); never raises."""
    try:
        for item in _dispatch(name, source, opts, budget, depth):
            yield _within_length(item, opts)
    except SourceError as exc:
        yield Rejected(exc.name, exc.reason, exc.row)
    except Exception as exc:  # the last line of defence: one bad file must not stop a batch
        yield Rejected(name, f"could not be read ({type(exc).__name__}: {str(exc)[:200]})")


def _within_length(item: Document | Rejected, opts: ReadOptions) -> Document | Rejected:
    if isinstance(item, Document):
        try:
            opts.limits.check_document(item.path or item.title, len(item.text), item.record)
        except SourceError as exc:
            return Rejected(exc.name, exc.reason, exc.row)
    return item


def _dispatch(name: str, source: bytes | Path, opts: ReadOptions, budget: Budget,
              depth: int) -> Iterator[Document | Rejected]:
    what = kind(name)
    if what is None:
        yield Rejected(name, unsupported_reason(name))
        return
    if what == "zip":
        def member(display: str, data: bytes, level: int) -> Iterator[Document | Rejected]:
            return read_source(display, data, opts, budget, level)

        yield from read_zip(name, source, opts, budget, depth, member)
        return
    data = source if isinstance(source, bytes) else _read_file(name, source, opts, budget)
    opts.limits.check_file(name, len(data))
    if what == "csv":
        yield from read_csv(name, decode(data, name, tabular=True), opts)
    elif what == "jsonl":
        yield from read_jsonl(name, decode(data, name, tabular=True), opts)
    elif what == "claimreview":
        yield from read_claimreview(name, decode(data, name, tabular=True), opts)
    else:
        yield _article(what, name, decode(data, name), opts.source_set)


def _read_file(name: str, path: Path, opts: ReadOptions, budget: Budget) -> bytes:
    """A file's bytes, refused before reading when it is over the size or total limit."""
    size = path.stat().st_size
    opts.limits.check_file(name, size)
    budget.spend_bytes(name, size)
    with open(path, "rb") as fh:
        return fh.read(opts.limits.file_bytes + 1)


def _article(what: str, name: str, text: str, source_set: str | None) -> Document:
    if what == "txt" and _LOOKS_HTML.match(text[:1000]):
        what = "html"
    if what == "html":
        return read_html(name, text, source_set=source_set)
    if what == "markdown":
        return read_markdown(name, text, source_set=source_set)
    return read_txt(name, text, source_set=source_set)


def read_upload(name: str, data: bytes, *, source_set: str | None = None,
                columns: dict[str, str] | None = None) -> Iterator[Document | Rejected]:
    """Documents of one uploaded file (a zip yields its members'); failures as Rejected."""
    opts = ReadOptions(source_set=source_set, columns=columns)
    name = upload_name(str(name))
    if isinstance(data, str):
        data = data.encode("utf-8")
    if kind(name) == "zip" and len(data) > opts.limits.total_bytes:
        yield Rejected(name, "archive is larger than the limit (WORKBENCH_MAX_TOTAL_MB)")
        return
    yield from read_source(name, bytes(data), opts, Budget(opts.limits))


def read_article(name: str, data: bytes | str) -> Document:
    """One article (txt, md or html) pasted or uploaded for review; SourceError if unreadable."""
    opts = ReadOptions()
    name = upload_name(name)
    what = kind(name) or "txt"
    if what not in ("txt", "markdown", "html"):
        raise SourceError(name, "an article for review must be .txt, .md or .html")
    size = len(data.encode("utf-8", "replace")) if isinstance(data, str) else len(data)
    opts.limits.check_file(name, size)
    try:
        text = normalise(data) if isinstance(data, str) else decode(data, name)
        if not text.strip():
            raise SourceError(name, "empty file")
        return _article(what, name, text, None)
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(name, f"could not be read ({type(exc).__name__}: {exc})") from exc
