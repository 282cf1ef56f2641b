"""Cleaning plain text of page furniture, keeping the headline and the body.

Each line is first judged alone (``furniture.classify``); then the page is read as a
whole:

1. lines that repeat (short ones: every copy; long ones: later copies) are dropped;
2. the headline is the first real line (navigation crumbs of one or two words and
   furniture before it are dropped);
3. between the headline and the first sentence-like paragraph, lines without
   terminal punctuation (bylines, captions, labels) are dropped;
4. the body ends at the first tail marker ("News Feed", "MORE NEWS", "Related",
   "Read more", "Editors' Picks" …) that has less article-like text after it than
   before it;
5. when the page had such a tail, teaser blocks just before it (a headline line
   directly followed by a one- or two-sentence summary) are dropped too.

Texts of more than ``MAX_LINES`` lines are not pasted pages (and judging every line
would take too long): only their whitespace is normalised.

The first date written in a byline or dateline before the tail becomes
``published``. Paragraphs stay separated by blank lines; lines inside a paragraph
stay as they were (whitespace runs collapsed).

It does not remove image captions that end with a full stop, does not detect
furniture inside a sentence, and does not translate or repair text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .fields import find_date
from .furniture import SHORT, Kind, classify, ends_sentence, key

MAX_LINES = 50_000
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")
_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}$")
_WS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(rf"[^\S \n]{_WS}*| {_WS}+")  # any run except a lone plain space


@dataclass(slots=True)
class Cleaned:
    """The result of cleaning one text."""

    title: str | None = None  # the headline line, when one was looked for and found
    paragraphs: list[str] = field(default_factory=list)
    published: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class _Line:
    text: str
    block: int
    key: str  # furniture.key of a short line, "" for a long one
    kind: Kind = Kind.TEXT
    keep: bool = True


def _words(text: str) -> int:
    """Word count, looking at no more than the first 600 characters."""
    return len(text[:600].split())


def _sentence_like(line: _Line) -> bool:
    return ends_sentence(line.text) or _words(line.text) >= 20


def _headline_like(text: str) -> bool:
    """Short, and not ending with a full stop (bar an abbreviation such as 'U.S.')."""
    if len(text) > 300 or _words(text) > 30:
        return False
    return not text.endswith(".") or bool(_ABBREVIATION.search(text))


def _split(text: str) -> list[_Line]:
    lines, block = [], 0
    memo: dict[str, Kind] = {}
    for raw in text.split("\n"):
        stripped = _SPACES.sub(" ", raw).strip()
        if not stripped:
            block += 1
            continue
        k = key(stripped) if len(stripped) <= SHORT else ""
        if (kind := memo.get(stripped)) is None:
            kind = memo[stripped] = classify(stripped, k or None)
        lines.append(_Line(stripped, block, k, kind))
    return lines


def _paragraphs_only(text: str) -> Cleaned:
    """The cheap path for texts too long to be one pasted page: whitespace only."""
    blocks = (_SPACES.sub(" ", b).strip() for b in _BLANK.split(text))
    return Cleaned(paragraphs=[b for b in blocks if b])


def _drop_repeats(lines: list[_Line]) -> None:
    short = [x for x in lines if x.key and x.key.count(" ") < 10 and x.kind is Kind.TEXT]
    counts = Counter(x.key for x in short)
    for line in short:
        if counts[line.key] > 1 and not line.text.startswith(("—", "–", "-")):
            line.kind = Kind.FURNITURE
    seen: set[str] = set()
    for line in lines:
        if line.key and line.key.count(" ") < 10:
            continue
        if line.text in seen:
            line.keep = False
        else:
            seen.add(line.text)


def _find_title(lines: list[_Line]) -> tuple[int | None, int]:
    """(index of the headline or None, index where the body search starts).

    The headline is the first real line of three words or more before the first
    sentence (shorter lines before it are navigation crumbs), else the first real
    line; it is refused when no sentence would be left after it.
    """
    text = [i for i, x in enumerate(lines) if x.kind is Kind.TEXT]
    if not text:
        return None, len(lines)
    first_sentence = next((i for i in text if _sentence_like(lines[i])), len(lines))
    pick = next((i for i in text if i < first_sentence and _words(lines[i].text) >= 3), text[0])
    if not _headline_like(lines[pick].text) or not any(
        _sentence_like(lines[i]) for i in text if i > pick
    ):
        return None, text[0]
    return pick, pick + 1


def _cut_tail(lines: list[_Line], start: int) -> int | None:
    """Index of the tail marker that ends the body, or None."""
    weight = [len(x.text) if x.kind is Kind.TEXT and _sentence_like(x) else 0 for x in lines]
    total, before = sum(weight[start:]), 0
    for i in range(start, len(lines)):
        if lines[i].kind is Kind.TAIL and before > 0 and total - before <= before:
            return i
        before += weight[i]
    return None


def _is_teaser(block: list[_Line]) -> bool:
    head, rest = block[0].text, block[1:]
    return (
        1 <= len(rest) <= 2
        and 3 <= _words(head) <= 20
        and not re.search(r"[.!:;][\"'”’»)\]]*$", head)
        and all(_sentence_like(x) for x in rest)
        and sum(len(x.text) for x in rest) <= 600
    )


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    out: list[list[_Line]] = []
    for line in lines:
        if out and out[-1][-1].block == line.block:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _drop_head(lines: list[_Line]) -> tuple[int | None, int]:
    """Mark what precedes the body as dropped; (headline index, body start)."""
    title_at, start = _find_title(lines)
    for i in range(start):
        if i != title_at:
            lines[i].keep = False
    body = next((i for i in range(start, len(lines))
                 if lines[i].kind is Kind.TEXT and _sentence_like(lines[i])), start)
    for i in range(start, body):
        if not ends_sentence(lines[i].text):
            lines[i].keep = False
    return title_at, body


def _byline_date(lines: list[_Line]) -> str | None:
    for line in lines:
        if line.kind is Kind.FURNITURE and (found := find_date(line.text)):
            return found
    return None


def clean_article(text: str, *, find_title: bool = True) -> Cleaned:
    """Headline (if ``find_title``), body paragraphs and byline date of a pasted page."""
    if text.count("\n") > MAX_LINES:
        return _paragraphs_only(text)
    lines = _split(text)
    _drop_repeats(lines)
    title_at, start = _drop_head(lines) if find_title else (None, 0)
    end = _cut_tail(lines, start)
    body = lines[:end]
    kept = [x for i, x in enumerate(body) if x.keep and x.kind is Kind.TEXT and i != title_at]
    blocks = _blocks(kept)
    if end is not None:
        while len(blocks) > 1 and _is_teaser(blocks[-1]):
            blocks.pop()
    return Cleaned(
        title=lines[title_at].text if title_at is not None else None,
        paragraphs=["\n".join(x.text for x in b) for b in blocks],
        published=_byline_date(body),
    )


def clean_text(text: str) -> str:
    """The text without page furniture: headline first, paragraphs split by blank lines."""
    cleaned = clean_article(text)
    parts = ([cleaned.title] if cleaned.title else []) + cleaned.paragraphs
    return "\n\n".join(parts)
