"""Tokens and name-shaped words: the small vocabulary the speaker code shares.

One regex tokeniser (words with inner apostrophes/hyphens/dots, runs of three or more
quote marks as one token, any other character alone) and pure helpers on words:
possessives, title stripping, organisation heads, role keys.

It does NOT know about documents, quotes or spaCy: see names.py and speakers.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import DETERMINERS, INSTITUTIONS, NAME_SUFFIXES, NP_BREAK, TITLES
from .quotemarks import MARK_RUN

_TOKEN = re.compile(r"\w+(?:['\u2019.\-]\w+)*|" + MARK_RUN.pattern + r"|\S")


class Tok(NamedTuple):
    """A word or a punctuation character with its offsets (a tuple: cheap to make)."""

    text: str
    start: int
    end: int
    lower: str

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        """A capitalised word, or a name with a lower-case Arabic article ("al-Haddad")."""
        t = self.text
        return (t[0].isupper() and t[0].isalpha()) or (
            t[:3] in ("al-", "el-") and t[3:4].isupper())


def doc_text(doc) -> str:
    """The text of a spaCy ``Doc``. spaCy rebuilds ``doc.text`` token by token on
    each call; the selective parse keeps the text it started from in ``user_data``."""
    return doc.user_data.get("text") or doc.text


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    add, new = out.append, tuple.__new__  # the fast path of Tok(...): this runs per token
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        add(new(Tok, (word, start, end, word.lower())))
    return out


def bare(word: str) -> str:
    """``word`` without a possessive ending ("Zelensky's" -> "Zelensky")."""
    if word[-2:].lower() in ("'s", "\u2019s"):
        return word[:-2]
    return word.rstrip("'\u2019")


def possessive(word: str) -> bool:
    return word[-2:].lower() in ("'s", "\u2019s")


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading titles: ["Defense", "Minister", "Rustem", "Umerov"] -> the name."""
    words = [w for w in words if w not in (".", ",")]
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in TITLES:
            cut = i + 1
    while cut < len(words) - 2 and words[cut].lower() in ("of", "for", "the"):
        cut += 2 if words[cut].lower() != "the" else 1
    rest = words[cut:]
    if not rest or all(w.lower().rstrip(".") in NAME_SUFFIXES for w in rest):
        return words
    return rest


def display(word: str) -> str:
    """"UMEROV" -> "Umerov" (transcript labels); acronyms ("RAC", "NHS") and other
    words unchanged."""
    return word.capitalize() if len(word) > 4 and word.isupper() else word


def org_head(words: list[str]) -> str:
    """The institution word of a name: "Ministry" of "Ministry of Defence", else the last."""
    for i, w in enumerate(words[1:], 1):
        if w.lower() in ("of", "for") and bare(words[i - 1]).lower() in INSTITUTIONS:
            return bare(words[i - 1])
    return bare(words[-1]) if words else ""


def is_org(words: list[str]) -> bool:
    return bool(words) and org_head(words).lower() in INSTITUTIONS


def role_key(words: list[str]) -> list[str]:
    """Lookup keys for a role phrase: the words after any possessive, then the head."""
    words = [w.lower() for w in words if w.lower() not in DETERMINERS]
    for i, w in enumerate(words):
        if w in NP_BREAK:  # "spokesperson for the ministry" -> "spokesperson"
            words = words[:i]
            break
    pos = [i for i, w in enumerate(words) if possessive(w)]
    if pos:
        words = words[pos[-1] + 1:]
    return [" ".join(words), words[-1]] if words else []
