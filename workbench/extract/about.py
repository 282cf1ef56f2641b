"""Two corrections to what a figure is about, applied after ``subjects`` has chosen.

Why: the annotators (and a reader) name the measured thing. An age is about the age
("a 34-year-old driver": the figure is his age, not the driver); a change noun the
number modifies is about what changed ("a 23% jump in net profit" is about net profit,
"a rise of 12% in drug deaths" about deaths), not about the "jump" or the "rise".

It does NOT change any other ``about``, nor look beyond the figure's own sentence.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# nouns that only say that something moved: the thing that moved follows "in" / "of"
CHANGE_NOUNS = frozenset(
    "jump jumps rise rises increase increases fall falls drop drops decline declines gain "
    "gains slump slumps surge surges cut cuts growth hike hikes climb climbs dip dips plunge "
    "plunges reduction reductions decrease decreases rebound slide tumble boost".split())
_SPAN = 120  # how far after the change noun "in X" may come ("a rise of 12% in deaths")
_IN = re.compile(r"[ \t]+(?:of[ \t]+[^.;:\n]{1,30}?[ \t]+)?in[ \t]+"
                 r"(?:(?:the|its|their|his|her|a|an)[ \t]+)?(?P<np>[A-Za-z][\w'’-]*"
                 r"(?:[ \t]+[A-Za-z][\w'’-]*){0,3})")
_OF = re.compile(r"[ \t]+of[ \t]+(?:(?:the|its|their|his|her)[ \t]+)?(?P<np>[A-Za-z][\w'’-]*"
                 r"(?:[ \t]+[A-Za-z][\w'’-]*){0,3})")


def _noun_phrase(words: str) -> str | None:
    """The words up to the first function word or number: "net profit to RM1.37 billion"
    -> "net profit"."""
    out = []
    for word in words.split():
        low = word.lower()
        if low in STOP_WORDS or not word[0].isalpha():
            break
        out.append(low)
    return " ".join(out) or None


def refine(text: str, start: int, end: int, about: str | None, dimension: str) -> str | None:
    """``about`` for the figure at ``start:end``, corrected for ages and change nouns."""
    if dimension == "age":
        return "age"
    if not about:  # "a 14% jump in profit" with no parse to say so
        after = re.match(r"[ \t]+([a-z]+)\b", text[end:end + 20])
        about = after.group(1) if after and after.group(1) in CHANGE_NOUNS else about
    if not about or about.split()[-1] not in CHANGE_NOUNS:
        return about
    head = about.split()[-1]
    lo = max(0, start - 60)
    for m in re.finditer(rf"\b{head}\b", text[lo:end + _SPAN], re.I):
        at = lo + m.end()
        found = _IN.match(text, at) or (_OF.match(text, at) if at <= start else None)
        if found and not re.match(r"\d", found.group("np")):
            noun = _noun_phrase(found.group("np"))
            if noun and noun.split()[-1] not in CHANGE_NOUNS:
                return noun
    return about
