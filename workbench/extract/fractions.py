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
    value: float  # the fraction, 0..1 (or, for a vague amount, the smallest it can be)
    about: str | None
    qualifier: str | None = None
    vague: bool = False


# "hundreds of homes": the smallest number the plural can mean, at least.
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
          "tens of thousands": 20000, "hundreds of thousands": 200000, "millions": 2e6,
          "tens of millions": 2e7, "hundreds of millions": 2e8, "billions": 2e9}
_FEW = {"hundred": 200, "thousand": 2000, "million": 2e6, "dozen": 24}
_VAGUE_RE = re.compile(
    r"(?<![\w-])(?:(?P<p>" + "|".join(sorted(_VAGUE, key=len, reverse=True)).replace(" ", _S + "+")
    + rf")|(?P<few>a{_S}+few|several){_S}+(?P<f>hundred|thousand|million|dozen))"
    rf"(?:{_S}+of)?(?={_S})", re.I)


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


def vague_amounts(text: str) -> Iterator[Share]:
    """"hundreds of homes" (at least 200), "a few thousand people" (about 2,000)."""
    for m in _VAGUE_RE.finditer(text):
        if m.group("p"):
            key = re.sub(r"\s+", " ", m.group("p").lower())
            yield Share(m.start(), m.end(), float(_VAGUE[key]), _about(text, m.end()),
                        "at least", vague=True)
        else:
            yield Share(m.start(), m.end(), float(_FEW[m.group("f").lower()]),
                        _about(text, m.end()), "about", vague=True)


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
