"""File names: which suffixes are read, which names are hidden, which member paths are unsafe.

One table of suffixes serves the upload dispatcher, the folder walker and the zip
reader, so they accept and refuse the same files with the same message.

This module does not touch the file system: it judges names only (``folders.py``
checks where a path really leads).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

TEXT_SUFFIXES = {".txt": "txt", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}
TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".json": "claimreview"}  # ClaimReview JSON-LD feeds (sources/factchecks)
ARCHIVE_SUFFIX = ".zip"
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    [*TEXT_SUFFIXES, *TABLE_SUFFIXES, ARCHIVE_SUFFIX]
)
_DRIVE = re.compile(r"[A-Za-z]:")
_SKIPPED_DIRS = {"__MACOSX"}


def suffix(name: str) -> str:
    """'.txt' for 'a/B.TXT'; '' when there is none."""
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def kind(name: str) -> str | None:
    """'txt', 'markdown', 'html', 'csv', 'jsonl', 'claimreview', 'zip' or None for an
    unsupported name."""
    ext = suffix(name)
    if ext == ARCHIVE_SUFFIX:
        return "zip"
    return TEXT_SUFFIXES.get(ext) or TABLE_SUFFIXES.get(ext)


def unsupported_reason(name: str) -> str:
    ext = suffix(name) or "(none)"
    return f"unsupported type {ext} (supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})"


def upload_name(name: str) -> str:
    """The last part of a browser-supplied name ('C:\\\\fakepath\\\\a.txt' -> 'a.txt')."""
    cleaned = name.replace("\x00", "").replace("\\", "/").rstrip("/")
    return cleaned.rsplit("/", 1)[-1].strip() or "upload"


def is_hidden(path: str) -> bool:
    """Hidden files and folders (a part starting with '.') and macOS resource forks."""
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    return any(p.startswith(".") and p not in (".", "..") for p in parts) or bool(
        parts and parts[0] in _SKIPPED_DIRS
    )


def unsafe_member(path: str) -> str | None:
    """Why an archive member's path may not be used, or None when it is a plain relative path."""
    if "\x00" in path:
        return "member name contains a NUL byte"
    norm = path.replace("\\", "/")
    if norm.startswith("/") or _DRIVE.match(norm):
        return "absolute member path"
    if ".." in norm.split("/"):
        return "member path leaves the archive ('..')"
    return None


def member_display(archive: str, member: str) -> str:
    """'archive.zip/dir/file.txt': how a member is named in documents and rejections."""
    parts = [p for p in member.replace("\\", "/").split("/") if p not in ("", ".")]
    return f"{archive}/{'/'.join(parts)}" if parts else archive
