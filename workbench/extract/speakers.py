"""Attributions next to a quote: who said it, and the cue as written.

Given the tokens after a quote's closing mark (up to the sentence end or the next
quote) or before its opening mark (from the sentence start), we recognise:
``, X said`` / ``, said X`` / ``, according to X`` / ``X, the minister, said`` /
``X told Reuters`` / ``X wrote on Telegram`` / ``X said in a statement`` / ``X said:``
/ ``X: "..."`` / a cue verb earlier in the sentence (a partial quote) / a participle
(``adding:``) that borrows the subject of the sentence's first cue. The speaker
phrase is then resolved with :class:`NameIndex` (names, pronouns, roles).

It does NOT look inside quoted words (a quote that begins "According to my task" is
never an attribution, because the quote's own tokens are never passed here), parse
clauses with a dependency parser, or attribute quotes across sentences (that is the
caller's continuation rule).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import (
    ABBREVIATIONS,
    BETWEEN_SUBJECT_AND_CUE,
    COPULAS,
    CUE_CHANNELS,
    CUE_PARTICIPLES,
    CUE_VERBS,
    DETERMINERS,
    INVERTIBLE,
    NP_BREAK,
    PARTICLES,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
    QUANTIFIERS,
    ROLE_WORDS,
    WEEKDAYS_MONTHS,
)
from .words import Tok, possessive

_TELL = frozenset({"tell", "tells", "told", "telling"})
_SUBJECT_GLUE = frozenset({"of", "for"})
_OWNERS = frozenset({"its", "their", "his", "her"})
_LOOSE_GLUE = frozenset({"of", "for", "at", "in", "from", "with", "and", "to"})
_POSTMODIFIER = frozenset({"from", "at", "of", "for", "in", "with"})
_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_OTHER
_PARTITIVE = QUANTIFIERS | frozenset({"each", "none", "either", "neither"})


@dataclass(slots=True)
class Attribution:
    cue: str
    subject: list[Tok] = field(default_factory=list)
    appos: list[Tok] = field(default_factory=list)
    adjacent: bool = True  # only punctuation between the quote and the attribution
    end: int = 0  # index in the window just after the attribution
    inherit: bool = False  # a participle with no subject: the sentence's previous speaker
    person_only: bool = False  # "X was blunt:" speaks only if X is a person


def _skip_between(win: list[Tok], j: int) -> int:
    """Skip "also", "later", "on Tuesday" between a subject and its verb."""
    while j < len(win):
        if win[j].lower in BETWEEN_SUBJECT_AND_CUE:
            j += 1
        elif win[j].lower == "on" and j + 1 < len(win) and win[j + 1].lower in WEEKDAYS_MONTHS:
            j += 2
        else:
            return j
    return j


def cue_phrase(win: list[Tok], c: int, text: str) -> tuple[str, int]:
    """The cue as written from the verb at ``c``: "told Reuters", "wrote on Telegram"."""
    n, j = len(win), c + 1
    if win[c].lower in _TELL:
        k = j + (j < n and win[j].lower in DETERMINERS)
        m = k
        if m < n and win[m].cap:
            while m < n and win[m].cap and win[m].word:
                m += 1
        else:
            while (m < n and m - k < 3 and win[m].word and win[m].text.islower()
                   and win[m].lower not in NP_BREAK | DETERMINERS | CUE_VERBS):
                m += 1
        j = m if m > k else j
    for _ in range(2):
        if j + 1 < n and win[j].lower == "on" and win[j + 1].cap \
                and win[j + 1].lower not in WEEKDAYS_MONTHS:
            j += 2
            while j < n and win[j].cap and win[j].word:
                j += 1
        elif j + 1 < n and win[j].lower == "on" and win[j + 1].lower in ("social", "television"):
            j += 3 if j + 2 < n and win[j + 2].lower == "media" else 2
        elif j + 2 < n and win[j].lower == "in" and win[j + 1].lower in DETERMINERS:
            hit = next((m for m in (j + 3, j + 2) if m < n and win[m].lower in CUE_CHANNELS
                        and all(t.text.islower() for t in win[j + 2:m + 1])), None)
            if hit is None:
                break
            j = hit + 1
        else:
            break
    return text[win[c].start:win[j - 1].end], j


def _abbrev_dot(win: list[Tok], k: int) -> bool:
    """Is ``win[k]`` the full stop of "Dr." / "J." rather than a sentence end?"""
    if win[k].text != "." or k == 0 or win[k - 1].end != win[k].start:
        return False
    prev = win[k - 1].text
    return prev.lower() in ABBREVIATIONS or (len(prev) == 1 and prev.isupper())


def _appositive(win: list[Tok], j: int) -> tuple[list[Tok], int]:
    """``, the defense minister,`` starting at the comma ``j``: (words, index after)."""
    n = len(win)
    if not (j + 1 < n and win[j].text == ","):
        return [], j
    k = j + 1
    while k < n and k - j < 12 and (win[k].text not in ",.!?;:" or _abbrev_dot(win, k)):
        k += 1
    if k < n and win[k].text == "," and k > j + 1:
        return win[j + 1:k], k + 1
    name = win[j + 1:k]
    if name and (k == n or win[k].text in ".!?") and all(
            t.cap or t.lower in PARTICLES or _abbrev_dot(win, m) for m, t in
            enumerate(name, j + 1)) and len(name) <= 6:
        return name, k  # "…, said its spokeswoman, Agnieszka Wróblewska."
    return [], j


def _role_ahead(win: list[Tok], j: int) -> bool:
    """Lower-case words leading to a role: "opposition leader", "health minister"."""
    for t in win[j + 1:j + 3]:
        if t.lower in ROLE_WORDS:
            return True
        if not t.word or t.cap or t.lower in NP_BREAK or t.lower in CUE_VERBS:
            return False
    return False


def _name_ahead(win: list[Tok], j: int) -> bool:
    """A possessive or lower-case words (at most three) and then a capitalised name:
    "said co-founder Karthik Rao", "said park ranger Ana Lima", "said its spokeswoman"."""
    for t in win[j:j + 4]:
        if t.cap:
            return True
        if not t.word or t.lower in NP_BREAK or t.lower in CUE_VERBS or t.lower in DETERMINERS:
            return False
    return False


def _np_after(win: list[Tok], i: int, loose: bool = False) -> tuple[list[Tok], list[Tok], int]:
    """Noun phrase after an inverted verb or "according to": "said the minister",
    "said councillor Tariq Hussain", "said Volodymyr Zelensky" (a name ends at the
    first lower-case word after it)."""
    n, j = len(win), i
    det = j < n and win[j].lower in DETERMINERS
    j += det
    first, seen_cap = j, False
    while j < n and j - i < 8:
        t = win[j]
        if _abbrev_dot(win, j):
            j += 1
            continue
        if not t.word or (t.lower in NP_BREAK and not (j == first and t.lower in _OWNERS)) \
                or t.lower in CUE_VERBS:
            break  # ("said its spokeswoman, X" goes on)
        if not t.cap and seen_cap and t.lower not in PARTICLES and t.lower not in ROLE_WORDS \
                and not (t.lower in ("of", "for") and j + 1 < n and win[j + 1].cap):
            break  # ("RAC spokesman Owen Pritchard", "the Chief of Army" go on)
        if not (t.cap or det or loose or t.lower in ROLE_WORDS or _role_ahead(win, j)
                or (not seen_cap and _name_ahead(win, j))):
            break
        seen_cap = seen_cap or t.cap
        j += 1
    words = win[first:j]
    if not words:
        return [], [], i
    if (loose and words[-1].lower in CUE_CHANNELS and j + 1 < n
            and win[j].lower in ("from", "by", "of")):
        return _np_after(win, j + 1, loose=True)  # "a statement from St Mary's Hospital"
    appos, j2 = _appositive(win, j)
    return win[i:j], appos, j2


def _np_shaped(np: list[Tok]) -> bool:
    """Could these words be a subject? A pronoun, a determiner or name start, a role,
    or a short plural ("officials", "local residents"); not "gives bound_only for"."""
    first = np[0]
    if first.cap or first.lower in DETERMINERS or first.lower in ROLE_WORDS or len(np) == 1:
        return True
    if possessive(first.text) or first.lower in QUANTIFIERS:
        return True
    if np[-1].cap and any(t.lower in ROLE_WORDS for t in np[1:]):
        return True  # "opposition leader Samir Nasser", "health minister Anna Berg"
    return len(np) <= 3 and np[-1].lower.endswith("s") and not any(t.lower in NP_BREAK for t in np)


def _subject_forward(win: list[Tok], i: int) -> tuple[list[Tok], int]:
    """Subject before its verb, read forwards: '", the minister said'."""
    n, j = len(win), i
    while j < n and j - i < 8:
        t = win[j]
        if j > i and (t.lower in CUE_VERBS or t.text == ","):
            break
        if _abbrev_dot(win, j):
            j += 1
            continue
        if not t.word or (t.lower in NP_BREAK and t.lower not in _SUBJECT_GLUE):
            break
        if t.lower == "on" and j + 1 < n and win[j + 1].lower in WEEKDAYS_MONTHS:
            break
        j += 1
    np = win[i:j]
    while np and np[-1].lower in BETWEEN_SUBJECT_AND_CUE:
        np = np[:-1]
    return np, j


def _subject_back(win: list[Tok], c: int) -> tuple[list[Tok], list[Tok]]:
    """Subject of the verb at ``c``, read backwards; or after it if inverted."""
    if win[c].lower in INVERTIBLE and (c == 0 or win[c - 1].text == ","):
        np, appos, _ = _np_after(win, c + 1)
        if np and any(t.cap for t in np):
            return np, appos
    j = c - 1
    while j >= 0 and (win[j].lower in BETWEEN_SUBJECT_AND_CUE
                      or (win[j].lower in WEEKDAYS_MONTHS and j > 0 and win[j - 1].lower == "on")):
        j -= 2 if win[j].lower in WEEKDAYS_MONTHS else 1
    appos: list[Tok] = []
    if j >= 0 and win[j].text == ",":
        k = j - 1
        while k >= 0 and j - k < 30 and (win[k].text not in ",.!?;:" or _abbrev_dot(win, k)):
            k -= 1
        if k >= 0 and j - k >= 12 and win[k + 1].lower not in ("who", "whose", "which"):
            return [], []  # a long aside only when it is a relative clause: "X, whose …, said"
        if k < 0 or win[k].text != ",":
            return [], []
        appos, j = win[k + 1:j], k - 1
    end = j + 1
    if j >= 0 and win[j].lower in _PRONOUNS:
        return win[j:end], appos  # "told the court she had asked": a pronoun is the phrase
    while j >= 0 and end - j <= 7:
        t = win[j]
        dot = _abbrev_dot(win, j)
        if not dot and (not t.word or (t.lower in NP_BREAK and t.lower not in _SUBJECT_GLUE)):
            break
        j -= 1
        if t.lower in DETERMINERS:
            break
    if j >= 1 and win[j].lower == "of" and win[j - 1].lower in _PARTITIVE:
        j -= 2  # "one of the victims", "some of the parents": the part speaks
    elif j >= 1 and win[j].lower in _POSTMODIFIER and win[j + 1].lower in DETERMINERS:
        k = j - 1  # "joint liquidators from a Leeds firm": the head is before the phrase
        while k >= 0 and j - k <= 3 and win[k].word and win[k].lower not in NP_BREAK \
                and win[k].lower not in CUE_VERBS:
            k -= 1
        if k < j - 1 and (k < 0 or not win[k].word or win[k].lower in DETERMINERS):
            j = k - (k >= 0 and win[k].lower in DETERMINERS)
    return win[j + 1:end], appos


subject_of = _subject_back  # the report clauses of ``antecedents`` read subjects the same way


def _comma_subject(win: list[Tok], i: int) -> tuple[list[Tok], int]:
    """The subject of '"…," state fire and rescue director Ana Lima said' / '"…," an
    official at the agency said': after a quote that ends in a comma (its sentence goes
    on to say who spoke), any noun phrase of up to 12 words with no verb, clause word or
    punctuation in it, up to a cue verb."""
    j = i
    while j < len(win) and j - i < 12:
        t = win[j]
        if t.lower in CUE_VERBS and j > i:
            return win[i:j], j
        if _abbrev_dot(win, j):
            j += 1
            continue
        if not t.word or t.lower in COPULAS or t.lower in BETWEEN_SUBJECT_AND_CUE or (
                t.lower in NP_BREAK and t.lower not in _LOOSE_GLUE):
            break
        j += 1
    return [], i


def after(win: list[Tok], text: str, comma: bool = False) -> Attribution | None:
    """Attribution right after a closing mark: '," he said' / '," said X' / according to;
    with ``comma`` (the quote ended in one) a longer subject ('," co-founder X said')."""
    n, i = len(win), 0
    if i < n and win[i].text == ",":
        i += 1
    if i >= n:
        return None
    if win[i].lower == "according" and i + 1 < n and win[i + 1].lower == "to":
        np, appos, j = _np_after(win, i + 2, loose=True)
        return Attribution("according to", np, appos, True, j) if np else None
    if win[i].lower in INVERTIBLE:
        np, appos, j = _np_after(win, i + 1)
        if np:
            return Attribution(win[i].text, np, appos, True, j)
    if i + 1 < n and win[i].lower in _PRONOUNS and win[i + 1].lower in CUE_VERBS:
        cue, end = cue_phrase(win, i + 1, text)  # '"…," it said'
        return Attribution(cue, [win[i]], [], True, end)
    np, j = _subject_forward(win, i)
    if comma and (not np or not _np_shaped(np) or j >= n or win[j].lower not in CUE_VERBS):
        loose, k = _comma_subject(win, i)
        if loose:
            np, j = loose, k
    if not np or not _np_shaped(np) and not comma:
        return None
    appos, j = _appositive(win, j)
    if j < n and win[j].text == ",":
        return None
    j = _skip_between(win, j)
    if j < n and win[j].lower in CUE_VERBS:
        cue, end = cue_phrase(win, j, text)
        return Attribution(cue, np, appos, True, end)
    return None


def before(win: list[Tok], text: str) -> Attribution | None:
    """Attribution earlier in the quote's sentence: 'X said: "' / 'X: "' / partial."""
    n = len(win)
    if not n:
        return None
    for k in range(n - 2, -1, -1):
        if win[k].lower == "according" and win[k + 1].lower == "to":
            np, appos, j = _np_after(win, k + 2, loose=True)
            if np:
                tail = win[j:]
                return Attribution("according to", np, appos, all(not t.word for t in tail), j)
    cues = [k for k, t in enumerate(win) if t.lower in CUE_VERBS or t.lower in CUE_PARTICIPLES]
    if not cues:
        if win[-1].text != ":":
            return None
        names = win[:-1]
        if 0 < len(names) <= 6 and all(t.cap or t.text == "." or t.lower in PARTICLES
                                       for t in names):
            return Attribution(":", names, [], True, n)
        # "the coach, Maria Lopes, was emotional:" - the sentence's subject introduces it
        verbs = [k for k, t in enumerate(win) if t.lower in COPULAS]
        if verbs:
            np, appos = _subject_back(win, verbs[0])
            if np or appos:
                return Attribution(":", np, appos, True, n, person_only=True)
        return None
    c = cues[-1]
    cue, end = cue_phrase(win, c, text)
    adjacent = all(t.text in ":,-\u2014" or t.lower == "that" for t in win[end:])
    if win[c].lower in CUE_PARTICIPLES:
        for k in reversed(cues[:-1]):
            if win[k].lower in CUE_VERBS:
                np, appos = _subject_back(win, k)
                if np or appos:
                    return Attribution(cue, np, appos, adjacent, end)
        return Attribution(cue, [], [], adjacent, end, inherit=True)
    np, appos = _subject_back(win, c)
    if not np and not appos:
        return None
    return Attribution(cue, np, appos, adjacent, end)
