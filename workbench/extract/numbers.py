"""Number mentions in raw text, and the tests that tell a figure from a non-figure.

Why: quantities must be found the same way with or without a trained pipeline, so
numbers are read from the characters, not from tokens: digits with thousands
separators ("3,200", "12 200" with a space, thin or no-break space) and decimals, a sign,
multipliers ("2.5 million", "3bn", "40k"), "and a half", spelled-out numbers
("twenty-five", "two hundred and fifty", "a dozen", "a million") and fractions of
a unit ("a quarter of an", "half a"). Every pattern is linear: literal alternations
and character classes that do not overlap their separators, with bounded repeats.

The predicates below say when a number is furniture rather than a figure: clock
times, dates, list numbering, phone numbers, identifiers ("No. 12-345", "Su-34",
"ISBN ...", "Resolution 2231"), years standing alone.

What it does NOT do: decide units, qualifiers or subjects (``quantities`` does);
read Roman numerals, fractions such as "two-thirds" or "1/2", European decimal
commas ("2,5"), or numerals longer than 18 characters (identifiers, not figures).
A space between digit groups is taken as a thousands separator, so "12 300-kg bombs"
reads as 12,300 kg, never as twelve bombs of 300 kg.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

_THIN = "\u00a0\u202f\u2009"
# Letters a currency may be glued to a figure with ("RM23.50", "EUR50m", "Rs400", "Y590bn").
GLUED_CURRENCY = re.compile(
    r"(?<![A-Za-z0-9])(?:RM|Rs|Rp|R|Y|kr|zł|[A-Z]{3})(?=\d)")
_DIGITS = re.compile(
    rf"(?<![\w.,:/])(?P<sign>[-\u2212](?=\d))?"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?!\d)(?:\.\d+)?|\d{{1,3}}(?:[ {_THIN}]\d{{3}})+(?!\d)"
    r"(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![.,:/]?\d)"
    r"(?:(?P<scale>[ \u00a0]?(?i:million|billion|trillion|thousand|crore|lakh)|"
    r"[ \u00a0]?(?:bn|mn|mln|tn|trn)|[kK])(?![A-Za-z]))?"
)
_DIGITS_AT = re.compile(_DIGITS.pattern.replace(r"(?<![\w.,:/])", "", 1))
SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
          "trillion": 10**12, "dozen": 12}
LETTER_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6,
                  "m": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12,
                  "tn": 10**12, "trn": 10**12, "crore": 10**7, "lakh": 10**5}
_WORD = "(?:" + "|".join(sorted([*SMALL, *TENS, *SCALES], key=len, reverse=True)) + ")"
_WORDS = re.compile(
    rf"(?<![\w-])(?i:(?:an?[ \t]{{1,3}}(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"{_WORD}(?:(?:[ \t]{{1,3}}and[ \t]{{1,3}}|[ \t\u00a0-]{{1,3}}){_WORD})*)(?!\w)"
)
_FRACTION = re.compile(
    r"(?<![\w-])(?i:(?P<n>a|one|three)[ \t]{1,3})?(?P<f>(?i:quarters?|half))[ \t]{1,3}"
    r"(?i:of[ \t]{1,3})?(?i:an?)(?=[ \t])"
)
_AND_HALF = re.compile(r"[ \t]{1,3}and[ \t]{1,3}a[ \t]{1,3}half(?!\w)", re.I)
_WORD_PIECE = re.compile(r"[A-Za-z]+")


class Number(NamedTuple):
    """One number mention: ``text[start:end]`` has value ``value``.

    ``base`` is the numeral before any multiplier (``scale``); ``spelled`` is true for
    words; ``plain`` for digits written without separator, decimal or multiplier (the
    shape of a year); ``fraction`` for "a quarter of an"/"half a" (a unit must follow).
    """

    start: int
    end: int
    value: float
    base: float
    scale: int = 1
    spelled: bool = False
    plain: bool = False
    fraction: bool = False
    words: int = 1


_SEPARATORS = re.compile(rf"[, {_THIN}]")


def _digit_matches(text: str) -> Iterator[re.Match[str]]:
    """Digit runs in order, including those glued to a currency's letters ("RM23.50"),
    which the plain pattern skips (it never starts inside a word)."""
    glued = [g.end() for g in GLUED_CURRENCY.finditer(text)]
    found = [m for m in (_DIGITS_AT.match(text, pos) for pos in glued) if m]
    if not found:
        yield from _DIGITS.finditer(text)
        return
    plain = list(_DIGITS.finditer(text))
    starts = {m.start() for m in plain}
    yield from sorted(plain + [m for m in found if m.start() not in starts],
                      key=lambda m: m.start())


def _digit_numbers(text: str) -> Iterator[Number]:
    for m in _digit_matches(text):
        sign, raw, scale_word = m.group("sign", "num", "scale")
        if len(raw) > 18 or (raw[0] == "0" and len(raw) > 1 and raw[1] != "."):
            continue  # identifiers, phone numbers, codes: not figures
        start, end = m.span()
        plain = raw.isdigit() and not scale_word and not sign
        half = _AND_HALF.match(text, end) if text.startswith(" and", end) else None
        if plain and not half:  # the common case, kept cheap
            yield Number(start, end, float(raw), float(raw), plain=True)
            continue
        base = Decimal(_SEPARATORS.sub("", raw)) * (-1 if sign else 1)
        if half:
            base, end, plain = base + Decimal("0.5"), half.end(), False
        scale = LETTER_SCALES.get(scale_word.strip().lower(), 1) if scale_word else 1
        yield Number(start, end, float(base * scale), float(base), scale, plain=plain)


def _parse_words(pieces: list[re.Match[str]]) -> Iterator[tuple[int, int, int, int]]:
    """Split a run of number words into valid numbers: (first, last, value, scale)."""
    first, total, cur, prev, scale = 0, 0, 0, None, 1
    i = 0
    while i < len(pieces):
        word = pieces[i].group().lower()
        kind = ("a" if word in ("a", "an") else "and" if word == "and" else
                "unit" if word in SMALL and SMALL[word] < 10 else
                "teen" if word in SMALL else "tens" if word in TENS else word)
        ok = {
            "a": prev is None,
            "and": prev in ("hundred", "scale") and i + 1 < len(pieces),
            "unit": prev in (None, "tens", "hundred", "scale", "and"),
            "teen": prev in (None, "hundred", "scale", "and"),
            "tens": prev in (None, "hundred", "scale", "and"),
            "hundred": prev in ("unit", "teen", "a") and cur % 100 != 0,
            "dozen": prev in ("unit", "a", "tens"),
        }.get(kind, prev in ("unit", "teen", "tens", "hundred", "a", "dozen"))
        if not ok:
            if prev is not None and prev not in ("a", "and"):
                yield first, i - 1 - (prev == "and"), total + cur, scale
            first, total, cur, prev, scale = i, 0, 0, None, 1
            if kind in ("unit", "teen", "tens", "a"):
                continue  # re-read this word as the start of a new number
            i += 1
            first = i
            continue
        if kind == "a":
            cur = 1
        elif kind in ("unit", "teen", "tens"):
            cur += SMALL.get(word, TENS.get(word, 0))
        elif kind == "hundred":
            cur = (cur - cur % 100) + (cur % 100) * 100
        elif kind == "dozen":
            cur *= 12
        elif kind != "and":
            total, cur, scale = total + cur * SCALES[word], 0, SCALES[word]
        prev = "scale" if kind in ("thousand", "million", "billion", "trillion") else kind
        i += 1
    if prev is not None and prev not in ("a", "and"):
        yield first, len(pieces) - 1, total + cur, scale


def _word_numbers(text: str) -> Iterator[Number]:
    for m in _WORDS.finditer(text):
        pieces = list(_WORD_PIECE.finditer(text, m.start(), m.end()))
        for first, last, value, scale in _parse_words(pieces):
            start, end = pieces[first].start(), pieces[last].end()
            base = Decimal(value)
            half = _AND_HALF.match(text, end)
            if half:
                base, end = base + Decimal("0.5"), half.end()
            base_value = float(base) / scale if scale > 12 else float(base)
            yield Number(start, end, float(base), base_value, scale if scale > 12 else 1,
                         spelled=True, words=last - first + 1)


def _fractions(text: str) -> Iterator[Number]:
    for m in _FRACTION.finditer(text):
        f = 0.5 if m.group("f").lower() == "half" else 0.25
        n = 3 if (m.group("n") or "").lower() == "three" else 1
        if n == 3 and f == 0.5:
            continue
        yield Number(m.start(), m.end(), n * f, n * f, spelled=True, fraction=True)


def scan(text: str) -> list[Number]:
    """Number mentions in document order, without overlaps (longest first at a start)."""
    found = list(_digit_numbers(text))
    others = [*_word_numbers(text), *_fractions(text)]
    if not others:
        return found
    found = sorted(found + others, key=lambda n: (n.start, -n.end))
    out: list[Number] = []
    for number in found:
        if not out or number.start >= out[-1].end:
            out.append(number)
    return out


# ---- what is not a figure --------------------------------------------------------------
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?[ \t\u00a0]{{1,3}}$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t\u00a0]{{1,3}}(?:of[ \t]{{1,3}})?(?:{MONTHS})\b")
_CLOCK_AFTER = re.compile(
    r"[ \t\u00a0]?(?:[aApP]\.?[mM]\b\.?|o'clock|o’clock|(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST"
    r"|PDT|MSK|EET|EEST)\b|hrs?\b(?=[ \t]{1,3}(?:GMT|UTC|local)))")
_LIST_AFTER = re.compile(r"[.)][ \t]")
_PHONE = re.compile(
    r"\+\d[\d \u00a0().-]{6,18}\d|\(\d{2,5}\)[ \u00a0]?\d{3,4}[ \u00a0.-]?\d{3,4}"
    r"|(?<!\d)\d{3}[.-]\d{3}[.-]\d{4}(?!\d)"
)
# Words after which a number names or rates something rather than measuring it.
ID_NOUNS = frozenset(
    "article articles resolution resolutions section sections chapter clause paragraph "
    "flight flights route bus case bill amendment page pages pp p room gate platform "
    "terminal highway interstate phase stage category grade version v model type series "
    "block unit lot item exhibit annex appendix figure fig table division district ward "
    "precinct code zone channel runway building apartment floor pier season episode volume "
    "vol issue no nos number level tier class protocol regulation directive act magnitude "
    "isbn issn doi".split()
)
def phone_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of phone numbers (at least seven digits in a phone shape)."""
    return [m.span() for m in _PHONE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 7]


def is_clock(text: str, n: Number) -> bool:
    return bool(_CLOCK_AFTER.match(text, n.end))


def is_date(text: str, n: Number) -> bool:
    """A day of the month written next to a month name ("Nov. 21", "22 November")."""
    if not (n.plain and 1 <= n.value <= 31):
        return False
    return bool((n.start > 1 and (text[n.start - 2].isalpha() or text[n.start - 2] == "."))
                and _MONTH_BEFORE.search(text, max(0, n.start - 12), n.start)
                or _MONTH_AFTER.match(text, n.end))


def is_year(n: Number) -> bool:
    return n.plain and n.end - n.start == 4 and 1000 <= n.value <= 2100


def is_list_number(text: str, n: Number) -> bool:
    """"1." or "2)" opening a line."""
    if not (n.plain and n.value < 1000 and _LIST_AFTER.match(text, n.end)):
        return False
    i = n.start
    while i > 0 and n.start - i < 8 and text[i - 1] in " \t(":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def is_identifier(text: str, n: Number) -> bool:
    """Part of a name or code: "Su-34", "COVID-19", "No. 12", "Resolution 2231"."""
    before = text[max(0, n.start - 2):n.start]
    if len(before) == 2 and before[1] in "-\u2010\u2011" and before[0].isalnum():
        return True
    if before[-1:] in ("#", "№"):
        return True
    word, _ = word_before(text, n.start, dot=True)
    return word is not None and word.lower() in ID_NOUNS


_SPACE_CHARS = " \t\u00a0\u202f\u2009"


def char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not a space ("" at the start)."""
    i = pos
    while i > 0 and pos - i < 3 and text[i - 1] in _SPACE_CHARS:
        i -= 1
    return text[i - 1] if i > 0 else ""


def char_after(text: str, pos: int) -> str:
    """The first character from ``pos`` on that is not a space ("" at the end)."""
    i = pos
    while i < len(text) and i - pos < 3 and text[i] in _SPACE_CHARS:
        i += 1
    return text[i] if i < len(text) else ""


def word_before(text: str, pos: int, dot: bool = False) -> tuple[str | None, int]:
    """The word right before ``pos`` with only spaces between (and, with ``dot``, an
    abbreviation point: "No. 5"), and where it starts; (None, pos) when there is none."""
    i = pos
    while i > 0 and pos - i < 3 and text[i - 1] in _SPACE_CHARS:
        i -= 1
    if dot and i > 0 and text[i - 1] == ".":
        i -= 1
    j = i
    while j > 0 and i - j < 30 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    word = text[j:i]
    if not word or not word[0].isalpha() or (j > 0 and text[j - 1] in "._") or i - j >= 30:
        return None, pos
    return word, j
