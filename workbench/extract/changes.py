"""Which way a figure moves: "rose 18 sen", "down 1.95p", "fell from 208 to 193".

Why: "shares fell 3%" and "shares rose 3%" are opposite claims with the same number;
a numeric claim carries ``direction`` ("up" / "down") when the sentence presents the
figure as the size or an end of a change. Read from the words right around the figure
(a change verb, adverb or noun a few words before it, "N% higher", "a 5% rise"), and
inherited along "from A to B" and "rose 18 sen to RM4.50". "up to" is a bound, never a
change; "set up 12 camps" and "shot down 12 drones" are phrasal verbs, not changes.

It does NOT read a change stated only in another sentence, nor decide whether a change
is good or bad; a temperature change ("3C warmer") is also told here from a level.
"""

from __future__ import annotations

import re

UP = frozenset(
    "rose rise rises rising risen climbed climb climbs climbing jumped jump jumps jumping surged "
    "surge surges soared soar soars gained gain gains increased increase increases increasing "
    "grew grow grows growing grown advanced advance rallied rally added raised raise raises "
    "hiked hike expanded widened boosted up higher spiked rebounded doubled tripled "
    "growth upturn upswing".split())
DOWN = frozenset(
    "fell fall falls falling fallen dropped drop drops dropping declined decline declines "
    "declining slipped slip slips slid sank sink tumbled tumble plunged plunge plummeted "
    "decreased decrease decreases lowered lower reduced reduce reduction cut cuts shed sheds "
    "shrank shrink shrinks shrunk eased ease retreated dipped dip slumped slump narrowed down "
    "trimmed slashed lost loses lose losing halved contracted contraction downturn".split())
_MONEY_NEUTRAL = frozenset("lost lose loses losing gained gain gains added loss raised raise "
                           "raises "
                           "raising".split())
_SKIP = frozenset(
    "by to from of a an the its their his her some another further nearly almost about around "
    "roughly sharply slightly steeply marginally just only more than over some fully "
    "respectively again overall".split())
_PHRASAL = frozenset(
    "set sets pick picked picks signed sign took take takes made make makes put puts ended end "
    "ends wound shut broke break brought bring stepped backed turned called gave give keep kept "
    "locked rounded shot shoot knocked handed closed scaled tracked hunted cracked".split())
_STOP = frozenset("and but while which who whereas when after before as".split())
_AFTER = re.compile(r"[ \t\u00a0]{0,3}(?P<w>higher|lower|up|down|rise|increase|jump|gain|"
                    r"growth|hike|surge|rally|fall|drop|decline|decrease|cut|slump|reduction|"
                    r"dip|loss)\b", re.I)
_AFTER_UP = frozenset("higher up rise increase jump gain growth hike surge rally".split())
_LINK = re.compile(r"[ \t\u00a0]{1,3}(?:to|from|and)[ \t\u00a0]{1,3}(?:about |around |some )?$")
_WORD = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
_TEMP_AFTER = re.compile(r"[ \t\u00a0]{0,3}(?:(?:degrees?|deg)[ \t\u00a0]{1,3})?(?:warmer|cooler|"
                         r"colder|hotter|higher|lower|above|below|rise|increase|drop|fall|"
                         r"more|less)\b", re.I)


def _words_before(text: str, start: int) -> list[str]:
    window = text[max(0, start - 70):start]
    cut = max(window.rfind(c) for c in ".;!?\n")
    return _WORD.findall(window[cut + 1:] if cut >= 0 else window)


def direction(text: str, start: int, end: int, *, qualifier: str | None, money: bool,
              prev_end: int | None = None, prev_direction: str | None = None) -> str | None:
    """"up", "down" or None for the figure at ``text[start:end]`` (qualifier included)."""
    if qualifier == "up to":
        return None
    if prev_direction and prev_end is not None and _LINK.fullmatch(text, prev_end, start):
        return prev_direction  # "rose 18 sen to RM4.50", "fell from 208 to 193"
    after = _AFTER.match(text, end)
    if after and not (money and after.group("w").lower() == "loss"):
        return "up" if after.group("w").lower() in _AFTER_UP else "down"
    words = _words_before(text, start)
    others = 0
    for i in range(len(words) - 1, -1, -1):
        word = words[i].lower()
        if word in UP or word in DOWN:
            if money and word in _MONEY_NEUTRAL:
                return None
            if word in ("up", "down") and i > 0 and words[i - 1].lower() in _PHRASAL:
                return None
            return "up" if word in UP else "down"
        if word in _SKIP:
            continue
        if word in _STOP or not word[0].isalpha() or others >= 2:
            return None
        others += 1
    return None


def is_temperature_change(text: str, start: int, end: int, moved: str | None) -> bool:
    """"3C warmer than usual", "rose by 5F", "a 1.5C rise": a difference, not a level
    ("rose to 35C" is a level)."""
    if _TEMP_AFTER.match(text, end):
        return True
    before = _words_before(text, start)
    return bool(moved) and bool(before) and before[-1].lower() not in ("to", "at", "of")
