"""Quotes without quotation marks: transcript turns and attributed blockquotes.

A transcript turn is a line ``NAME: words`` whose label is a person (``UMEROV:``,
``Jane Smith:``, ``MR. SMITH:``) or a role label: mapped by the text (``Q = Lena Park``),
``A:`` is the person the piece named before the interview, ``Q:`` nobody, and a role
(``INTERVIEWER:``, ``PRESENTER:``) is its own speaker ("interviewer"). A markdown blockquote
(``> words`` lines) is a quote when a ``— Name`` / ``-- Name`` line closes it.

A capitalised label opening the text with no second turn after it is a dateline
(``PUTRAJAYA: The Dewan Rakyat…``), not a speaker. It does NOT treat page-furniture
labels (``Photo:``, ``Updated:``, ``EDITOR'S NOTE:``)
as speakers, accept a one-word Title-case label unless that surname is named in the
text, or keep a blockquote that nobody signs (it may be a pull quote or a note).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Claim, ClaimKind
from .lexicon import CAP_STOP, PLACE_FIRST
from .names import NameIndex
from .quotemarks import MARKS
from .words import display, is_org, strip_titles

_LINE = re.compile(r"[^\n]+")
_MAP = re.compile(r"\b([A-Z]{1,12}) ?= ?([A-Z][\w.'\u2019\-]*(?: [A-Z][\w.'\u2019\-]*){0,4})")
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_DASHES = ("\u2014", "\u2013", "--", "\u2015", "- ", "~")
ROLE_LABELS = frozenset({
    "Q", "A", "QUESTION", "ANSWER", "INTERVIEWER", "HOST", "MODERATOR", "REPORTER",
    "JOURNALIST", "PRESENTER", "ANCHOR", "AUDIENCE", "AUDIENCE MEMBER", "CALLER", "GUEST",
    "UNIDENTIFIED", "UNIDENTIFIED MALE", "UNIDENTIFIED FEMALE", "VOICE", "CROWD",
    "INTERPRETER", "TRANSLATOR", "NARRATOR", "SPEAKER", "PANELIST", "PANELLIST",
})
# Role labels that name nobody: the question is the publication's, the voice unknown.
ANONYMOUS_ROLES = frozenset({"Q", "QUESTION", "UNIDENTIFIED", "UNIDENTIFIED MALE",
                             "UNIDENTIFIED FEMALE", "VOICE", "CROWD", "AUDIENCE"})
LABEL_STOP = frozenset("""
url link outlet author authors byline dateline headline lead standfirst keywords
note notes update updates updated correction photo photos image video audio source sources
credit credits caption read more tel phone telephone fax email e-mail web website published
posted by tags topics related warning disclaimer summary analysis opinion latest live
timeline context background claim verdict rating file share follow subscribe advertisement
contact address location date time title subject from to cc re watch listen breaking
exclusive key takeaways highlights editor editor's editors see also reporting editing
jump skip menu search page section chapter part figure table map chart step news
score scorer scorers result results match report forecast weather traffic team final
top full half opening closing hours ingredients method directions recipe serves prep
cook total tip tips pros cons specs cast crew starring venue tickets fixtures standings
lineup line-up odds price prices index quick facts fact points point lesson goal goals
""".split())


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text)]


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _labelled(line: str) -> bool:
    """Does the line start like ``Label: ...`` (a header, a turn, a caption)?"""
    idx = line.find(":", 0, 48)
    return idx > 0 and line[idx + 1:idx + 2].isspace() and len(line[:idx].split()) <= 4


def _signature(line: str) -> str | None:
    """The name part of a ``— Name, role`` line, else None (``---`` is a rule)."""
    if not line.startswith(_DASHES):
        return None
    rest = line.lstrip("\u2014\u2013\u2015-~ ")
    return rest if rest[:1].isalpha() else None


def turn_label(line: str) -> tuple[str, int] | None:
    """("LABEL", offset of the words) for a ``LABEL: words`` line, else None."""
    idx = line.find(":", 0, 48)
    if idx <= 0 or not line[idx + 1:idx + 2].isspace():
        return None
    label, rest = line[:idx].strip(), line[idx + 1:].lstrip()
    if not label or not rest or rest[0] in MARKS or not any(c.isalpha() for c in rest):
        return None
    return label, len(line) - len(rest)


_PAREN = re.compile(r"^([^()]+?)\s*\(([^()]+)\)$")


def _split_label(label: str, mapping: dict[str, str]) -> tuple[str, str | None]:
    """``PRESENTER (Nadia Rahman)`` / ``AOIFE KEARNEY (presenter)``: the part that names
    the speaker; the role is tied to that name in ``mapping`` for the later turns."""
    m = _PAREN.match(label)
    if not m:
        return label, None
    outer, inner = m.group(1).strip(), m.group(2).strip()
    if outer.upper() in ROLE_LABELS:
        mapping[outer.upper()] = named = " ".join(strip_titles(inner.split()))
        return inner, named
    if inner.upper() in ROLE_LABELS:
        mapping[inner.upper()] = " ".join(strip_titles([display(w) for w in outer.split()]))
    return outer, None


def _answerer(text: str, names: NameIndex, pos: int) -> str | None:
    """Who answers an ``A:`` turn: the signature closing the interview ("— Dr Fatima
    Al-Mansouri, energy researcher"), else the person who led a sentence before it."""
    for m in _LINE.finditer(text, pos):
        signed = _signature(m.group().strip())
        if signed:
            words = re.split(r"[,(;]", signed, maxsplit=1)[0].split()
            if words and len(words) <= 6 and all(w[0].isupper() for w in words):
                return names.full_name(strip_titles(words), m.start())
    return names.last_leading_person(pos) or names.last_person(pos)


def _speaker(label: str, names: NameIndex, mapping: dict[str, str], pos: int):
    """(is a turn?, speaker) for a transcript label; a role label is the name the text
    ties to it ("PRESENTER (Ines Mora):", "presenter Ines Mora"), else the role."""
    label, named = _split_label(label, mapping)
    if named:
        return True, named
    words = label.split()
    if not 1 <= len(words) <= 4:
        return False, None
    if not all(w.strip(".'\u2019-").replace("'", "").replace("\u2019", "").isalpha()
               for w in words):
        return False, None
    role = label.upper().rstrip(".")
    if role in ROLE_LABELS:
        if role in mapping:
            return True, mapping[role] or None
        if role in ("A", "ANSWER"):  # the person the piece introduced; one per piece
            mapping[role] = _answerer(names.text, names, pos) or ""
            return True, mapping[role] or None
        if role in ANONYMOUS_ROLES:
            return True, None
        return True, names.role([role.lower()], pos) or role.lower()  # "presenter Ana Cruz"
    if any(w.lower().strip(".") in LABEL_STOP for w in words):
        return False, None
    caps = all(w.isupper() for w in words)
    if not caps and not all(w[0].isupper() for w in words):
        return False, None
    name = strip_titles([display(w.rstrip(".")) for w in words])
    if is_org(name) or name[0].lower() in PLACE_FIRST or words[0].lower() in CAP_STOP:
        return False, None
    titled = len(name) < len(words)
    full = names.full_name(name, pos)
    known = full != " ".join(name) or names.is_person(full)
    labels = names.labels(pos, pos + len(label))
    if not titled and not known and labels & _PLACES and "PERSON" not in labels:
        return False, None  # "LONDON:" with NER
    if caps or titled or known:
        return True, full
    # a Title-case label: with NER it must be a PERSON; without, two or more words
    if names.has_ner:
        return ("PERSON" in labels), (full if "PERSON" in labels else None)
    return len(name) > 1, (full if len(name) > 1 else None)


def _label_map(text: str, names: NameIndex) -> dict[str, str]:
    found = {}
    for m in _MAP.finditer(text):
        words = strip_titles(m.group(2).rstrip(".").split())
        found[m.group(1)] = names.full_name(words, m.start())
    return found


def _blockquote(text: str, lines: list[tuple[int, int]], i: int, names: NameIndex):
    """(claim or None, region end, next line index) for the blockquote starting at ``i``."""
    parts, j = [], i
    while j < len(lines) and text[lines[j][0]:lines[j][1]].lstrip().startswith(">"):
        s, e = lines[j]
        s = text.index(">", s)
        while s < e and text[s] in "> \t":
            s += 1
        parts.append(_content(text, s, e))
        j += 1
    sign = None
    if parts and _signature(text[parts[-1][0]:parts[-1][1]]):
        sign = parts.pop()
    elif j < len(lines) and text[lines[j - 1][1]:lines[j][0]].count("\n") <= 2:
        s, e = _content(text, *lines[j])
        if _signature(text[s:e]):
            sign, j = (s, e), j + 1
    parts = [p for p in parts if p[1] > p[0]]
    if sign is None or not parts:
        return None, lines[j - 1][1], j
    s, e = parts[0][0], parts[-1][1]
    if text[s] in MARKS and text[e - 1] in MARKS and e - s > 2:
        parts[0] = (s + 1, parts[0][1])
        parts[-1] = (parts[-1][0], e - 1)
        s, e = s + 1, e - 1
    signed = _signature(text[sign[0]:sign[1]]) or ""
    who = re.split(r"[,(;]", signed, maxsplit=1)[0].strip()
    words = who.split()
    if words and len(words) <= 6 and all(w[0].isupper() for w in words):
        who = names.full_name(strip_titles(words), s)
    quote = " ".join(" ".join(text[a:b].split()) for a, b in parts)
    claim = Claim(ClaimKind.QUOTE, quote, s, e, speaker=who or None, cue="blockquote")
    return claim, sign[1], j


def _more_turns(text: str, lines: list[tuple[int, int]], names: NameIndex) -> bool:
    """Is there a second labelled turn after the first line (a real transcript)?"""
    for s, e in lines[1:]:
        found = turn_label(text[s:e])
        if found and _speaker(found[0], names, {}, s)[0]:
            return True
    return False


def structured_quotes(text: str, names: NameIndex) -> Iterator[tuple[Claim, int, int]]:
    """(claim, region start, region end) for transcript turns and signed blockquotes."""
    lines = _lines(text)
    mapping: dict[str, str] | None = None
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if line.lstrip().startswith(">"):
            claim, region_end, i = _blockquote(text, lines, i, names)
            if claim:
                yield claim, s, region_end
            continue
        found = turn_label(line)
        if found is None:
            i += 1
            continue
        if mapping is None:
            mapping = _label_map(text, names)
        is_turn, who = _speaker(found[0], names, mapping, s)
        if is_turn and i == 0 and found[0].isupper() and not _more_turns(text, lines, names):
            is_turn = False  # "PUTRAJAYA: The Dewan Rakyat…": a dateline, not a transcript
        if not is_turn:
            i += 1
            continue
        k = i + 1
        while (k < len(lines) and text[lines[k - 1][1]:lines[k][0]].count("\n") == 1
               and not _labelled(text[lines[k][0]:lines[k][1]])
               and not text[lines[k][0]:lines[k][1]].lstrip().startswith(">")):
            k += 1
        start, end = _content(text, s + found[1], lines[k - 1][1])
        words = " ".join(text[start:end].split())
        if who:
            names.add_mention(s, who)
        yield Claim(ClaimKind.QUOTE, words, start, end, speaker=who, cue="transcript"), s, end
        i = k
