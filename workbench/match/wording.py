"""How two quotes differ: word-level diffs, and whether two speakers are one person;
the words of a text as matching folds and searches them (``fold``, ``query_terms``).

Only wording is compared here, not meaning: "all the objectives" against "every
objective" is shown as a change, and the reviewer judges whether it matters.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"\S+")
_TRIM = re.compile(r"^\W+|\W+$")
_NONWORD = re.compile(r"[^\w]+")
_NONWORD_CHAR = re.compile(r"[^\w]")
TITLES = frozenset(
    "president prime minister defense defence foreign interior minister secretary "
    "general gen. gen dr. dr mr. mr mrs. mrs ms. ms sen. sen senator rep. rep "
    "governor gov. mayor chancellor colonel col. lt. sir lord lady the spokesperson "
    "spokesman spokeswoman chief judge justice professor prof. ambassador".split()
)


def fold(text: str) -> str:
    """Lower case, punctuation to spaces; keeps offsets (same length) for ASCII."""
    return _NONWORD_CHAR.sub(" ", text.lower())


@functools.lru_cache(maxsize=8192)
def _terms(text: str) -> tuple[str, ...]:
    words = [w for w in _NONWORD.split(text.lower()) if len(w) > 2 and w not in STOP_WORDS]
    return tuple(words or [w for w in _NONWORD.split(text.lower()) if w])


def query_terms(text: str) -> list[str]:
    """The words of a text worth searching for (stop words and short words out)."""
    return list(_terms(text))


@dataclass(frozen=True, slots=True)
class Change:
    op: str  # "equal" | "replace" | "delete" | "insert"
    claim: str  # words of the claim
    evidence: str  # words of the evidence


def _norm(word: str) -> str:
    return _TRIM.sub("", word.lower().replace("’", "'"))


def word_diff(claim: str, evidence: str) -> list[Change]:
    """The claim's words against the evidence's, compared case- and
    punctuation-insensitively, shown with their original spelling."""
    a, b = _WORD.findall(claim), _WORD.findall(evidence)
    matcher = difflib.SequenceMatcher(a=[_norm(w) for w in a], b=[_norm(w) for w in b],
                                      autojunk=False)
    return [
        Change(op, " ".join(a[i1:i2]), " ".join(b[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


NEAR_SPELLING = 75.0  # rapidfuzz ratio of two words above which one is a typo of the other


def only_spelling_differs(claim: str, evidence: str) -> bool:
    """Are these the same words, give or take typos and an excerpt's missing ends?
    A word replaced by another, or added or dropped inside the quote, is a change
    of wording a reviewer must see ("will" → "would"); "goverment" is not."""
    changes = word_diff(claim, evidence)
    for i, change in enumerate(changes):
        if change.op == "equal" or _typo(change):
            continue
        if change.op in ("delete", "insert") and i in (0, len(changes) - 1):
            continue  # one quotes more of the statement than the other
        return False
    return True


def _typo(change: Change) -> bool:
    a, b = change.claim.split(), change.evidence.split()
    return change.op == "replace" and len(a) == len(b) and all(
        fuzz.ratio(_norm(x), _norm(y)) >= NEAR_SPELLING for x, y in zip(a, b, strict=True))


def changed_words(claim: str, evidence: str) -> str:
    """A one-line summary of a diff: ``every objective → all the objectives``."""
    parts = []
    for change in word_diff(claim, evidence):
        if change.op == "equal":
            continue
        parts.append(f"{change.claim or '∅'} → {change.evidence or '∅'}")
    return "; ".join(parts)


def name_tokens(name: str | None) -> list[str]:
    if not name:
        return []
    tokens = [_norm(t) for t in name.replace("’s", "").split()]
    return [t for t in tokens if t and t not in TITLES]


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True/False when both names are known, None when either is missing.
    "Zelensky" and "President Volodymyr Zelensky" are the same person."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return None
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long_[-len(short):] == short
