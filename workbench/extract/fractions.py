"""Shares written as fractions and ratios: "two-thirds of voters", "one in five adults",
"3 in 10", "nine out of 10 patients", "half of the homes".

Why: "two-thirds of patients" and "67% of patients" are the same claim; a fraction is a
numeric claim with unit ``fraction`` whose SI value is a percentage, so it compares with
percentages. ``about`` is the noun the share is of ("of the voters" → "voters").

It does NOT read fractions of a unit ("half an hour", "a quarter of a mile": those are
quantities, see ``numbers``), odds ("3-1 favourites") or slashes ("1/3").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .numbers import SMALL, TENS

_S = r"[ \t\u00a0]"
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
          "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "tenth": 10,
          "tenths": 10}
_COUNT = "a|one|two|three|four|five|seven|nine"
_SHARE = re.compile(
    rf"(?<![\w-])(?P<n>{_COUNT})?(?:{_S}{{1,2}}|-)?(?P<d>half|halves|thirds?|quarters?|fourths?|"
    rf"fifths?|sixth|tenths?)(?:{_S}{{1,3}}of)(?={_S})(?!{_S}{{1,3}}(?:a|an){_S})", re.I)
_NUMBER = r"\d{1,3}|" + "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_RATIO = re.compile(
    rf"(?<![\w-])(?P<a>{_NUMBER}){_S}{{1,3}}(?:in|out{_S}{{1,3}}of)(?:{_S}{{1,3}}every)?"
    rf"{_S}{{1,3}}(?P<b>{_NUMBER})(?![\w%.,]\d|%|{_S}{{0,2}}(?:per|percent|million|billion))",
    re.I)
_NOUN = re.compile(rf"{_S}{{1,3}}(?:(?:the|all|its|their|our){_S}{{1,3}})?"
                   rf"(?P<w>[a-z][a-z'-]*)")


class Share(NamedTuple):
    start: int
    end: int
    value: float  # the fraction, 0..1
    about: str | None


def _int(word: str) -> int:
    low = word.lower()
    if low.isdigit():
        return int(low)
    return 1 if low in ("a", "one") else SMALL.get(low, TENS.get(low, 0))


def _about(text: str, end: int) -> str | None:
    m = _NOUN.match(text, end)
    if m is None:
        return None
    word = m.group("w")
    return None if word in ("of", "in", "the", "a", "an") else word


def shares(text: str) -> Iterator[Share]:
    """Fractions and "N in M" ratios in document order."""
    for m in _SHARE.finditer(text):
        n = _int(m.group("n")) if m.group("n") else 1
        if m.group("d").lower() in ("half", "halves") and n == 2:
            continue
        value = n / _PARTS[m.group("d").lower()]
        if 0 < value <= 1:
            yield Share(m.start(), m.end(), value, _about(text, m.end()))
    for m in _RATIO.finditer(text):
        a, b = _int(m.group("a")), _int(m.group("b"))
        if 0 < a < b:
            yield Share(m.start(), m.end(), a / b, _about(text, m.end()))
