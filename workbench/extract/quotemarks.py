"""Pairing quotation marks in one linear pass over the text.

Why: a regex that matches "anything between two quote marks" either backtracks badly
on hostile input or pairs the wrong marks (apostrophes, "the '90s", nested quotes). We
visit each mark once (``re.finditer`` over one character class), decide from its two
neighbours whether it opens, closes or is an apostrophe, and pair openers with closers
of the same family on a small bounded stack. A paragraph that ends inside a quote
continues it when the next paragraph reopens with the same mark (news style), and
otherwise drops the unclosed opener.

This module does NOT decide whether quoted words are a quote (names, titles and scare
quotes also come out as spans), find speakers, or read transcripts and blockquotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_MARK_CLASS = "[\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]"
# A run of three or more marks is decoration, never an opener or closer; matching it as
# one event keeps hostile input (100 KB of quote marks) to a handful of events.
MARK_RUN = re.compile(_MARK_CLASS + "{3,}")
_EVENTS = re.compile(_MARK_CLASS + "{3,}|" + _MARK_CLASS + "|\n")
FAMILY = {
    '"': "d", "\u201c": "d", "\u201d": "d", "\u201e": "d",
    "'": "s", "\u2018": "s", "\u2019": "s", "\u201a": "s",
    "\u00ab": "g", "\u00bb": "g", "\u2039": "h", "\u203a": "h",
}
MARKS = frozenset(FAMILY)
_MIRROR = {"\u00ab": "\u00bb", "\u00bb": "\u00ab", "\u2039": "\u203a", "\u203a": "\u2039"}
_OPEN_PREV = set("([{<\u2014\u2013-/:;") | set("\u201c\u2018\u00ab\u2039\u201e\u201a")
_CLOSE_NEXT = set(".,;:!?)]}>\u2026\u2014\u2013-/") | MARKS
_TERMINAL = set(".!?\u2026:\"'\u201d\u2019\u00bb\u203a\u201c")
_REOPENERS = "\u201c\u201e\u2018\u201a\u00ab\u00bb"  # marks that may reopen a quote
_ELISIONS = ("em ", "tis ", "twas ", "cause ", "til ", "bout ", "n ")
MAX_DEPTH = 6  # deeper nesting is treated as plain text
_LOOK = 200  # how far we look for the neighbours of a line break


@dataclass(slots=True)
class Span:
    """An outermost quoted span: content ranges between the marks (one per paragraph)."""

    open_pos: int
    close_pos: int
    mark: str
    parts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0] if self.parts else self.open_pos + 1

    @property
    def end(self) -> int:
        return self.parts[-1][1] if self.parts else self.close_pos


@dataclass(slots=True)
class _Open:
    mark: str
    fam: str
    pos: int
    content_start: int
    parts: list[tuple[int, int]] = field(default_factory=list)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


_STRONG_CLOSE = re.compile("[,.!?;:\u2026][\u2019']|\n[ \t]*\n")


class _LaterClose:
    """Is there an unambiguous closing single mark (",'") later in the same paragraph?

    Built on first use with one linear pass, then answered by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.hits: list[tuple[int, bool]] | None = None

    def __call__(self, i: int) -> bool:
        if self.hits is None:
            self.hits = [(m.start(), m.group()[0] != "\n")
                         for m in _STRONG_CLOSE.finditer(self.text)]
        k = bisect.bisect_right(self.hits, (i, True))
        return k < len(self.hits) and self.hits[k][1]


def _role(ch: str, prev: str, nxt: str, stack: list[_Open], text: str, i: int,
          later_close: _LaterClose) -> str:
    """'open', 'close' or '' (apostrophe / stray mark) for the mark ``ch`` at ``i``."""
    fam = FAMILY[ch]
    after_space = not prev or prev.isspace()
    before_space = not nxt or nxt.isspace()
    open_ctx = (after_space or prev in _OPEN_PREV) and not before_space
    close_ctx = not after_space and (before_space or nxt in _CLOSE_NEXT)
    inner = None
    for o in reversed(stack):
        if o.fam == fam:
            inner = o
            break
    if fam == "s":
        if prev.isalnum() and nxt.isalnum():
            return ""  # don't, Ukraine's
        if not prev.isalnum() and (nxt.isdigit() or text.startswith(_ELISIONS, i + 1)):
            return ""  # the '90s, 'em
        if ch == "\u201a":
            return "open" if open_ctx else ""
        if close_ctx and inner is not None:
            if prev in "sS" and nxt == " " and text[i + 2:i + 3].islower() and later_close(i):
                return ""  # "the farmers' trust,'": a plural possessive, the quote closes later
            return "close"
        if open_ctx and ch != "\u2019" and (nxt.isalpha() or nxt in MARKS):
            return "open"
        return ""
    if fam in "gh":
        if inner is not None and _MIRROR[inner.mark] == ch:
            return "close"
        if ch in "\u00ab\u2039" or open_ctx:
            return "open"
        return ""
    if ch == "\u201e":
        return "open" if not nxt.isspace() else ""
    if ch == "\u201c":
        if inner is not None and close_ctx and (inner.mark == "\u201e" or not open_ctx):
            return "close"
        return "open" if nxt and not nxt.isspace() else ""
    if ch == "\u201d":
        if inner is not None and (close_ctx or not open_ctx):
            return "close"
        return "open" if open_ctx else ""
    # straight double quote: by context, ties broken by the stack
    if close_ctx and not open_ctx:
        return "close" if inner is not None else ""
    if open_ctx and not close_ctx:
        return "open"
    if open_ctx and close_ctx:
        return "close" if stack and stack[-1].mark == '"' else "open"
    return ""


def _line_break(text: str, i: int, stack: list[_Open]) -> tuple[bool, int]:
    """At the newline ``i`` inside an open quote: (is it a paragraph end?, reopening mark)."""
    j, low = i - 1, max(-1, i - _LOOK)
    while j > low and text[j] in " \t\r":
        j -= 1
    prev = text[j] if j > low else ""
    k, high, blank = i + 1, min(len(text), i + _LOOK), False
    while k < high and text[k].isspace():
        blank = blank or text[k] == "\n"
        k += 1
    nxt = text[k] if k < high else ""
    ends = blank or not prev or prev in _TERMINAL or (nxt and not nxt.isalnum())
    if not ends:
        return False, -1  # a hard-wrapped line inside the quote
    outer = stack[0].mark
    same = nxt == outer or (FAMILY.get(nxt) == FAMILY[outer] and nxt in _REOPENERS)
    return True, (k if same else -1)


def scan(text: str) -> list[Span]:
    """Outermost quoted spans of ``text`` in document order (linear in its length)."""
    spans: list[Span] = []
    stack: list[_Open] = []
    skip = -1
    n = len(text)
    later_close = _LaterClose(text)
    for m in _EVENTS.finditer(text):
        i = m.start()
        ch = text[i]
        if i == skip or m.end() - i > 2:
            continue
        if ch == "\n":
            if not stack or i < skip:
                continue
            ends, reopen = _line_break(text, i, stack)
            if not ends:
                continue
            if reopen < 0:
                stack.clear()
                continue
            outer = stack[0]
            part = _trimmed(text, outer.content_start, i)
            if part:
                outer.parts.append(part)
            outer.content_start = reopen + 1
            del stack[1:]
            skip = reopen
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < n else ""
        role = _role(ch, prev, nxt, stack, text, i, later_close)
        if role == "open":
            if len(stack) < MAX_DEPTH:
                stack.append(_Open(ch, FAMILY[ch], i, i + 1))
        elif role == "close":
            fam = FAMILY[ch]
            while stack and stack[-1].fam != fam:
                stack.pop()
            opened = stack.pop()
            if stack:
                continue  # an inner quote: part of the outer one's words
            part = _trimmed(text, opened.content_start, i)
            parts = opened.parts + ([part] if part else [])
            if parts:
                spans.append(Span(opened.pos, i, opened.mark, parts))
    return spans
