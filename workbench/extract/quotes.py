"""Direct quotes in a document, with their speaker and attribution cue.

``extract_quotes(doc)`` pairs quotation marks (straight, curly, UK single, guillemets,
German low-high; nested quotes stay inside the outer one), joins a quote split by its
attribution (``"X," he said, "Y."``) and a quote carried over paragraphs, adds
transcript turns and signed blockquotes, and yields ``Claim(kind=QUOTE)`` in document
order. Speakers are resolved by :mod:`speakers` and :mod:`names`; the trained pipeline's
NER only sharpens who counts as a person, so the blank fallback finds the same spans.

When are quoted words a quote? By principle, not by a list of strings:

* Quoted words WITH an attribution cue (a speech verb next to the quote, ``X said:``
  before it, a cue verb earlier in the same sentence, "according to") are a quote when
  they have at least ``MIN_WORDS`` (3) words: a fragment someone is said to have said.
  One or two words are a quote only when they stand as a clause of their own, i.e.
  nothing but the attribution surrounds them (``"Never," she said.`` /
  ``Putin: "Never."``); inside a reported clause (``said it was "too slow"``) they are
  a characterisation, not a checkable quote.
* Quoted words WITHOUT a cue are a quote only when sentence-like: at least 3 words,
  starting with a capital and ending with . ! ? or … inside the marks. Their speaker
  is the previous quote's when that quote is in the same or the previous paragraph
  and nobody else is named in between (news continuation paragraphs), else None.
* Never a quote: words right after a naming word (so-called, dubbed, known as, the
  word/term, the film/book/report ...), and Title-Case words without end punctuation
  (titles of works, names) unless they stand alone with an adjacent attribution.

It does NOT detect indirect speech (``he said that ...`` without marks), judge whether
a quote is accurate, attribute quotes across paragraphs by topic, or handle languages
other than English for cues and titles.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from ..models import Claim, ClaimKind
from . import resolve, speakers
from .antecedents import Reports
from .lexicon import ABBREVIATIONS, NAMING_WORDS
from .names import NameIndex
from .quotemarks import MARKS, scan
from .transcripts import structured_quotes
from .words import Tok, doc_text, tokenize

MIN_WORDS = 3
BEFORE_TOKENS = 40  # how far back in the sentence we look for "X said"
AFTER_TOKENS = 25
MAX_SKIPPED = 2  # non-quote spans ("experts") a before-window may step over: keeps it linear
_SMALL = frozenset("a an the of in on at to for and or but with from by as nor vs via per "
                   "de la le du von van".split())
_TERMINAL = ".!?\u2026"
_TRAILING = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a )]"
_PLACEHOLDER = "\u2063"  # stands for a non-quote span inside an attribution window
_PARAGRAPH = re.compile(r"\n\s*")
_WORDISH = re.compile(r"[^\W\d_][\w'\u2019\-]*")


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _title_case(text: str) -> bool:
    content = [w for w in _WORDISH.findall(text) if w.lower() not in _SMALL]
    return bool(content) and all(w[0].isupper() for w in content)


class _Quotes:
    """Per-document state: tokens, quoted spans, names, the quotes accepted so far."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        self.toks = toks = tokenize(text)
        starts = [t.start for t in toks]
        self.spans = scan(text)
        covered = [False] * len(toks)
        self.open_tok: list[int] = []
        self.close_tok: list[int] = []
        self.by_open: dict[int, int] = {}
        self.by_close: dict[int, int] = {}
        for idx, sp in enumerate(self.spans):
            a, b = bisect.bisect_left(starts, sp.open_pos), bisect.bisect_left(starts, sp.close_pos)
            self.open_tok.append(a)
            self.close_tok.append(b)
            self.by_open[a], self.by_close[b] = idx, idx
            for k in range(a, min(b + 1, len(toks))):
                covered[k] = True
        self.words = [sum(_word_count(text[a:b]) for a, b in sp.parts) for sp in self.spans]
        self.names = NameIndex(doc, text, toks, covered)
        self.paragraphs = [m.start() for m in _PARAGRAPH.finditer(text)]
        self.reports = Reports(toks, covered, self.names, self._boundary, self._paragraph,
                               lambda attr, pos: resolve.speaker(attr, self.names, pos), doc)
        self._bounds: list[bool | None] = [None] * (len(toks) + 1)
        self.accepted: set[int] = set()
        self.prev_sentence_end = 0  # end of the sentence holding the last quote's attribution
        self.masked: set[int] = set()

    # -- windows ----------------------------------------------------------------
    def _boundary(self, idx: int) -> bool:
        """Does a sentence (or paragraph) end between token ``idx - 1`` and ``idx``?"""
        known = self._bounds[idx]
        if known is None:
            known = self._bounds[idx] = self._find_boundary(idx)
        return known

    def _find_boundary(self, idx: int) -> bool:
        if idx <= 0:
            return True
        p, t = self.toks[idx - 1], self.toks[idx]
        if p.end < t.start and "\n" in self.text[p.end:t.start]:
            gap = self.text[p.end:t.start]
            return (gap.count("\n") > 1 or p.text[-1] in ".!?\u2026:;" or p.text in MARKS
                    or not t.text[0].isalnum())
        if p.text in MARKS and idx >= 2 and self.toks[idx - 2].text == "." \
                and self.toks[idx - 2].end == p.start and p.end < t.start and t.cap:
            return True  # '… the people." His lawyers said': a full stop inside the marks
        if p.text in (".", "!", "?", "\u2026"):
            if p.text == "." and idx >= 2:
                q = self.toks[idx - 2]
                if q.end == p.start and (q.lower in ABBREVIATIONS
                                         or (len(q.text) == 1 and q.text.isupper())):
                    return False
            return t.text[0].isupper() or t.text[0].isdigit() or t.text in MARKS
        return False

    def _before(self, si: int) -> list[Tok]:
        out: list[Tok] = []
        k = self.open_tok[si] - 1
        skipped = 0
        while k >= 0 and len(out) < BEFORE_TOKENS:
            if self._boundary(k + 1) and not (out == [] and self.toks[k].text == ":"):
                break  # (a paragraph ending in a colon introduces the quote after it)
            if k in self.by_close:
                sj = self.by_close[k]
                skipped += 1
                if sj in self.accepted or sj in self.masked or skipped > MAX_SKIPPED:
                    break
                o = self.open_tok[sj]
                out.append(Tok(_PLACEHOLDER, self.toks[o].start, self.toks[k].end, _PLACEHOLDER))
                k = o - 1
                continue
            out.append(self.toks[k])
            k -= 1
        out.reverse()
        return out

    def _after(self, si: int) -> tuple[list[Tok], int | None]:
        out: list[Tok] = []
        k = self.close_tok[si] + 1
        while k < len(self.toks) and len(out) < AFTER_TOKENS and not self._boundary(k):
            if k in self.by_open:
                return out, self.by_open[k]
            out.append(self.toks[k])
            k += 1
        return out, None

    # -- judging ----------------------------------------------------------------
    def _naming(self, si: int) -> bool:
        k = self.open_tok[si] - 1
        if k < 0:
            return False
        word = self.toks[k].lower
        known_as = word == "as" and k > 0 and self.toks[k - 1].lower == "known"
        return word in NAMING_WORDS or known_as

    def _clause_start(self, si: int) -> bool:
        a = self.open_tok[si]
        return self._boundary(a) or self.toks[a - 1].text == ":"

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos)

    def _continuation(self, prev: Claim | None, start: int) -> str | None:
        """The previous quote's speaker for an unattributed quote right after it, unless
        someone else is named after the sentence that attributed the previous quote."""
        if prev is None or prev.speaker is None:
            return None
        if self._paragraph(start) - self._paragraph(prev.end) > 1:
            return None
        mentions = self.names.mentions
        i = bisect.bisect_left(mentions, (self.prev_sentence_end, ""))
        while i < len(mentions) and mentions[i][0] < start:
            if mentions[i][1] != prev.speaker:
                return None
            i += 1
        return prev.speaker

    def _judge(self, group: list[int], attr, bwin: list[Tok], tail: bool,
               prev: Claim | None) -> Claim | None:
        parts = [p for si in group for p in self.spans[si].parts]
        raw = [" ".join(self.text[s:e].split()) for s, e in parts]
        words = sum(_word_count(r) for r in raw)
        if not words or self._naming(group[0]):
            return None
        joined = " ".join(raw)
        terminal = joined.rstrip(_TRAILING)[-1:] in _TERMINAL
        # one or two words count only as a clause of their own: nothing else around them
        standalone = (attr is not None and attr.adjacent and not tail
                      and (not bwin or bwin[-1].text == ":" or attr.cue == ":"))
        if _title_case(joined) and not terminal and not standalone:
            return None
        if attr is not None:
            if words < MIN_WORDS and not standalone:
                return None
        elif words < MIN_WORDS or not terminal or not joined[:1].isupper():
            return None
        start, end = parts[0][0], parts[-1][1]
        if attr is None:
            who, cue = self._continuation(prev, start), None
        elif attr.inherit:
            who, cue = (prev.speaker if prev else None), attr.cue
        else:
            who, person = resolve.speaker(attr, self.names, start, self.reports)
            cue = attr.cue
            if who and person and attr.subject:
                self.names.add_mention(attr.subject[0].start, who)
        if joined.endswith(",") and self.text[end - 1] == ",":
            joined, end = joined[:-1], end - 1  # the comma stands for the quote's full stop
        return Claim(ClaimKind.QUOTE, joined, start, end, speaker=who, cue=cue)

    def quotes(self, regions: list[tuple[int, int]]) -> Iterator[Claim]:
        region_starts = [r[0] for r in regions]

        def masked(si: int) -> bool:
            pos = self.spans[si].open_pos
            r = bisect.bisect_right(region_starts, pos) - 1
            return r >= 0 and regions[r][0] <= pos < regions[r][1]

        prev: Claim | None = None
        i = 0
        while i < len(self.spans):
            if masked(i):
                self.masked.add(i)
                i += 1
                continue
            if not self.words[i] or self._naming(i):
                i += 1
                continue
            group = [i]
            win, nxt = self._after(i)
            comma = self.text[self.spans[i].end - 1] == "," or bool(win and win[0].text == ",")
            attr = speakers.after(win, self.text, comma)
            if (attr is not None and nxt is not None and not comma
                    and [t.text for t in win[attr.end:]] == [":"]):
                attr = None  # 'B said: "Q2."' after "Q1." introduces Q2, not Q1
            if (attr is not None and nxt is not None and not masked(nxt)
                    and all(t.text == "," for t in win[attr.end:]) and comma):
                group.append(nxt)
            if attr is None and sum(self.words[g] for g in group) < MIN_WORDS \
                    and not self._clause_start(i):
                i = group[-1] + 1
                continue  # a short phrase inside a sentence, with nothing to attribute it
            bwin = self._before(i)
            tail = False  # do words follow the quote in its sentence (no attribution there)?
            if attr is None:
                attr = speakers.before(bwin, self.text)
                tail = any(t.word for t in win)
                if (attr is not None and attr.person_only
                        and resolve.speaker(attr, self.names, self.spans[i].start)[0] is None):
                    attr = None  # "the result was clear:" introduces nobody's words
            i = group[-1] + 1
            claim = self._judge(group, attr, bwin, tail, prev)
            if claim is not None:
                self.accepted.update(group)
                self.prev_sentence_end = win[-1].end if win else claim.end
                prev = claim
                yield claim


_RESUMED_GAP = 80  # '," she said. "' and a little more: the attribution between two parts


def _join_resumed(text: str, claims: list[Claim]) -> list[Claim]:
    """'"A," she said. "B."' is one statement: the comma says the quoted sentence was
    cut by the attribution, and the next part (unattributed, same paragraph) resumes it."""
    out: list[Claim] = []
    for claim in claims:
        prev = out[-1] if out else None
        if (prev is not None and prev.cue not in (None, "transcript", "blockquote")
                and claim.cue is None and claim.speaker == prev.speaker
                and text[prev.end:prev.end + 1] == ","
                and claim.start - prev.end < _RESUMED_GAP
                and "\n" not in text[prev.end:claim.start]):
            prev.text = f"{prev.text}, {claim.text}"
            prev.end = claim.end
            continue
        out.append(claim)
    return out


def extract_quotes(doc: Doc) -> Iterator[Claim]:
    """Quote claims of ``doc`` in document order (see the module docstring for the rules).

    Does NOT find indirect (unquoted) speech or check a quote against other sources.
    """
    text = doc_text(doc)
    if not text.strip():
        return
    state = _Quotes(doc, text)
    structured = list(structured_quotes(text, state.names))
    regions = sorted((s, e) for _, s, e in structured)
    claims = [c for c, _, _ in structured] + list(state.quotes(regions))
    claims.sort(key=lambda c: (c.start, c.end))
    claims = _join_resumed(text, claims)
    last_end = -1
    for claim in claims:
        if claim.start >= last_end:
            last_end = claim.end
            yield claim
