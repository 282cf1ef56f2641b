"""Page furniture inside a text: tickers, link lists and bylines hold no claims.

Why: a saved page keeps its market ticker ("FTSE 100 8,231.45 ▲ 0.42%"), its "Most
read" and "Related stories" lists and its byline block, and their figures are no
article's claims. Such blocks are read by their shape, not their words: three or more
consecutive short lines (a line break between each) none of which ends a sentence
(. ! ? or a closing quote mark after one) — prose paragraphs end sentences; headline
lists, tickers and "By X / Sun 12 Jan / Share" blocks do not. Bulleted lines ("•",
"-", "*") are kept: a key-facts box lists real figures.

It does NOT recognise furniture written as sentences ("You have 3 free articles
remaining this month."), nor a block of fewer than three lines.
"""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]*")
SHORT = 90  # characters: a headline, a ticker row or a byline, not a paragraph
MIN_LINES = 3
_ENDS = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s*$")
_BULLET = re.compile(r"\s*[\u2022\u25cf\u25aa*\-\u2013]\s")


def _short_unended(line: str) -> bool:
    stripped = line.strip()
    return (0 < len(stripped) <= SHORT and not _ENDS.search(stripped)
            and not _BULLET.match(line))


def blocks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each furniture block of ``text``, in order."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue  # a blank line between rows does not end the block
        if _short_unended(line):
            run.append(m.span())
            continue
        if len(run) >= MIN_LINES:
            out.append((run[0][0], run[-1][1]))
        run = []
    if len(run) >= MIN_LINES:
        out.append((run[0][0], run[-1][1]))
    return out
