"""Plain-text and Markdown articles: metadata header, front matter, light markup removal.

``.txt`` may open with a ``Key: value`` block (Title, Outlet, URL, Published, Source,
Date, Author … ending at the first blank line); it counts as a header only when every
line of that block is a known key. ``.md`` may open with YAML front matter (read with
PyYAML's safe loader, libyaml's when installed; only scalar values are used; deep
nesting or broken YAML drops the block). Markdown syntax is removed lightly:
heading marks, emphasis, links (their text stays), images (dropped), list bullets,
block-quote marks (the quoted words stay, as does a "— Name" line under them).

This module does not render Markdown (no HTML, no tables laid out, nested emphasis
may keep a stray mark) and does not decode bytes: it receives text.
"""

from __future__ import annotations

import re

from ..models import Document
from .cleaning import clean_article
from .fields import canonical_key, field_for, make_document

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)")
_HEADER_KEYS = {"author", "by", "byline", "authors"}
_FRONT = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_INLINE = (
    (re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)"), ""),  # images
    (re.compile(r"!\[[^\[\]\n]{0,500}\]\[[^\[\]\n]{0,200}\]"), ""),
    (re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)"), r"\1"),  # links
    (re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,200}\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]{1,2000})>"), r"\1"),
    (re.compile(r"`([^`\n]{1,500})`"), r"\1"),
    (re.compile(r"\*\*([^*\n]{1,500})\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__([^_\n]{1,500})__(?!\w)"), r"\1"),
    (re.compile(r"\*([^*\s][^*\n]{0,500}?)(?<=\S)\*"), r"\1"),
    (re.compile(r"(?<!\w)_([^_\s][^_\n]{0,500}?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~([^~\n]{1,500})~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),
)
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+(.*?)[ \t#]*")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_RULE = re.compile(r" {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})")
_REFDEF = re.compile(r" {0,3}\[[^\[\]\n]{1,200}\]:[ \t]*\S.*")
_QUOTE = re.compile(r" {0,3}(?:> ?)+")
_BULLET = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_FENCE = re.compile(r" {0,3}(?:```|~~~).*")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The ``Key: value`` header of a .txt (our field names) and the rest of the text."""
    stripped = text.lstrip("\n")
    head, sep, _ = stripped[:20_000].partition("\n\n")
    lines = head.strip("\n").split("\n")
    if (not sep and len(stripped) > 20_000) or len(lines) > 30:
        return {}, text
    meta: dict[str, str] = {}
    for line in lines:
        match = _HEADER_LINE.fullmatch(line.strip())
        if not match:
            return {}, text
        key, value = canonical_key(match.group(1)), match.group(2).strip()
        if field_for(key) in (None, "text") and key not in _HEADER_KEYS:
            return {}, text
        if (name := field_for(key)) and name not in meta:
            meta[name] = value
    return meta, stripped[len(head) + len(sep):] if sep else ""


def read_txt(name: str, text: str, *, source_set: str | None = None) -> Document:
    """A plain-text article; SourceError if nothing readable is left after cleaning."""
    meta, body = split_header(text)
    cleaned = clean_article(body, find_title="title" not in meta)
    paragraphs = cleaned.paragraphs
    if "title" in meta and paragraphs and _same(paragraphs[0], meta["title"]):
        paragraphs = paragraphs[1:]
    meta.setdefault("title", cleaned.title or "")
    meta.setdefault("published", cleaned.published or "")
    return make_document(name, "\n\n".join(paragraphs), meta, source_set=source_set,
                         need_sentence=True)


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def front_matter(text: str) -> tuple[dict[str, object], str]:
    """YAML front matter (our field names, scalar values only) and the rest of the text."""
    match = _FRONT.match(text[:20_000]) if text.startswith("---") else None
    if not match:
        return {}, text
    rest, block = text[match.end():], match.group(1)
    try:
        import yaml

        loader = getattr(yaml, "CSafeLoader", None)  # libyaml: fast, and bounds nesting
        if loader is None and sum(block.count(c) for c in "[{") > 200:
            return {}, rest  # the pure-Python parser crawls through deep nesting
        data = yaml.load(block, Loader=loader or yaml.SafeLoader)
    except Exception:  # broken YAML (or absurd nesting): drop the block, keep the article
        return {}, rest
    if not isinstance(data, dict):
        return {}, rest
    meta: dict[str, object] = {}
    for key, value in data.items():
        name = field_for(key)
        if name and name != "text" and name not in meta and not isinstance(value, (dict, list)):
            meta[name] = value
    return meta, rest


def strip_markdown(text: str) -> tuple[str | None, str]:
    """(first heading if it opens the text, the text with Markdown syntax removed)."""
    out: list[str] = []
    title = None
    lines = text.split("\n")
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _FENCE.fullmatch(line) or _REFDEF.fullmatch(line) or _RULE.fullmatch(line):
            out.append("")
            continue
        if i and lines[i - 1].strip() and _SETEXT.fullmatch(line):
            continue
        heading = _HEADING.fullmatch(line) if len(line) <= 500 else None
        if heading or (line.strip() and len(line) <= 500 and _SETEXT.fullmatch(nxt)):
            line = heading.group(1) if heading else line.strip()
            if title is None and not any(x.strip() for x in out):
                title = _inline(line)
                out.append("")
                continue
        line = _unprefix(_BULLET, _unprefix(_QUOTE, line))
        out.append(_inline(line))
    return title, "\n".join(out)


def _unprefix(pattern: re.Pattern[str], line: str) -> str:
    match = pattern.match(line)
    return line[match.end():] if match else line


def _inline(line: str) -> str:
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return line


def read_markdown(name: str, text: str, *, source_set: str | None = None) -> Document:
    """A Markdown article; SourceError if nothing readable is left after cleaning."""
    meta, body = front_matter(text)
    heading, plain = strip_markdown(body)
    if heading and "title" not in meta:
        meta["title"] = heading
    elif heading and not _same(heading, str(meta["title"])):
        plain = f"{heading}\n\n{plain}"  # a heading other than the title is content
    cleaned = clean_article(plain, find_title="title" not in meta)
    meta.setdefault("title", cleaned.title or "")
    meta.setdefault("published", cleaned.published or "")
    return make_document(name, cleaned.text, meta, source_set=source_set,
                         need_sentence=True)
