"""Money beyond the sign: minor units ("18 sen", "1.95p", "50 cents") and rates
("RM79 a month", "$3 a gallon", "$12,000 per capita").

Why: a market report says "rose 18 sen to RM4.50" and "down 1.95p"; both are amounts
of a currency the reader knows from the rest of the story. A minor unit is written in
its major unit (18 sen = 0.18 MYR) and takes the currency the text names last before
it among those that have that minor unit (cents in an Australian story are AUD cents),
else its usual one. A rate keeps its per-part in the unit ("MYR/month"), so money is
only ever compared with money of the same currency and the same per-part.

It does NOT convert between currencies, guess a currency the text never signals, or
read "a share" prices' dividends as anything but a per-share amount.
"""

from __future__ import annotations

import bisect
import re

from .units import CURRENCIES, MINOR_UNITS, PER_PARTS, PREFIXES, WORDS

_S = r"[ \t\u00a0]"
_MINOR = re.compile(rf"(?P<g>p)(?![A-Za-z0-9])|{_S}{{0,2}}(?P<w>pence|penny|sen|cents|cent|"
                    r"kopecks|kopeks|paise)(?![A-Za-z])")
_PER = re.compile(rf"{_S}{{1,3}}(?:a|an|per|each|every){_S}{{1,3}}(?P<p>"
                  + "|".join(sorted(PER_PARTS, key=len, reverse=True))
                  + rf")(?![A-Za-z])(?!{_S}{{1,3}}(?:ago|earlier|later|before|after)\b)", re.I)
_SIGNS = sorted((p for p in PREFIXES if len(p) > 1 or not p.isalpha()), key=len, reverse=True)
_MENTION = re.compile("|".join(re.escape(p) if not p.isalpha() else rf"\b{p}(?=[ ]?\d|\b)"
                               for p in _SIGNS)
                      + r"|\b(?i:" + "|".join(sorted({w for w, c in WORDS.items()
                                                       if c in CURRENCIES}, key=len, reverse=True))
                      + r")\b")


def minor_unit(text: str, end: int) -> re.Match[str] | None:
    """"p", "pence", "sen", "cents", "kopecks" right after a figure ending at ``end``."""
    return _MINOR.match(text, end)


class CurrencyContext:
    """Where the text names which currency, for the minor units that follow."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._at: list[int] = []
        self._codes: list[str] = []
        self._read = False  # read on first use: most texts have no minor unit at all

    def _scan(self) -> None:
        self._read = True
        for m in _MENTION.finditer(self._text):
            word = m.group()
            code = PREFIXES.get(word) or WORDS.get(word.lower())
            if code in CURRENCIES:
                self._at.append(m.start())
                self._codes.append(code)

    def major(self, minor: str, pos: int) -> str:
        """The major currency of ``minor`` at ``pos``: the last one named before it that
        has this minor unit, else the first named after, else the usual one."""
        if not self._read:
            self._scan()
        choices = MINOR_UNITS[minor.lower()]
        k = bisect.bisect_left(self._at, pos)
        for code in reversed(self._codes[:k]):
            if code in choices:
                return code
        return next((c for c in self._codes[k:] if c in choices), choices[0])


def per_part(text: str, end: int) -> tuple[str, int] | None:
    """("month", end) for "a month" / "per month" / "per capita" after a money figure."""
    m = _PER.match(text, end)
    if m is None:
        return None
    return PER_PARTS[m.group("p").lower()], m.end()
