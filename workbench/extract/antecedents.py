"""Who "he", "they" or "the company" stands for: the subject of the latest report clause.

Why: news writes "FAM said it would not contest the fine. 'We accept it,' they said" and
"ANC councillor Nokuthula Mthembu said poorer households would suffer. '…,' she said".
The pronoun points at the subject of the sentence that last reported someone's words,
not at the last name of its gender anywhere ("Thandiwe Mokoena", met a paragraph
earlier) nor at the last organisation named ("World Cup"). A *report clause* is a
speech verb outside quotes with its subject (read with ``speakers.subject_of`` from
the verb back to the sentence start: "X said", "X, the minister, said", "said X").

Agreement decides which report clause a speaker phrase may take:

* he / she: a person of that gender or of unknown gender, or a singular description
  ("one of the victims", "her mother"); never a plural, an organisation, another gender;
* they: an organisation, a plural description ("joint administrators"), coordinated
  subjects ("X and Y"); never a single person;
* the company / the ministry (a generic organisation noun): an organisation.

Backwards, a report clause counts within the quote's paragraph and the one before it,
unless a person who agrees leads a sentence between it and the quote. With no antecedent
at all, a pronoun looks forward to the next sentence ('"…," she said. Councillor Ifeoma
Nwosu added: …' - the name follows the quote).

It does NOT chain pronoun subjects ("He said …" is not an antecedent of itself), resolve
"I"/"we"/"it", or use the dependency parse (the fallback pipeline has none; the same
rules run on both).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import IDX, POS
from spacy.symbols import NOUN
from spacy.tokens import Doc

from .gender import FEMALE, MALE
from .lexicon import (
    BETWEEN_SUBJECT_AND_CUE,
    COPULAS,
    CUE_VERBS,
    DETERMINERS,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
    QUANTIFIERS,
    ROLE_WORDS,
)
from .names import NameIndex
from .words import Tok, possessive

PERSON, ORG, GROUP, ONE = "person", "org", "group", "one"  # what a subject can be
_WINDOW = 40
_POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())
_NOT_IN_SUBJECT = CUE_VERBS | COPULAS | BETWEEN_SUBJECT_AND_CUE
_HEAD_CUT = frozenset("of for at from in with who whose which that".split())


@dataclass(slots=True, frozen=True)
class Report:
    """A report clause: where its subject starts, what it resolved to, and its kind."""

    pos: int
    end: int  # end of the cue verb
    speaker: str
    kind: str  # PERSON, ORG, GROUP (plural), ONE (singular description)
    gender: str | None = None


def _description_kind(words: list[Tok]) -> str:
    """ONE or GROUP for a description: its head is the last word before "of", "at"…"""
    head = words
    for k, t in enumerate(words):
        if t.lower in _HEAD_CUT and k:
            head = words[:k]
            break
    last = head[-1].lower if head else ""
    if last in ("one", "each", "either", "neither"):
        return ONE
    if any(t.lower == "and" for t in head):
        return GROUP
    plural = len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return GROUP if plural else ONE


def _noun_starts(doc: Doc | None) -> set[int]:
    """Character offsets of the tokens spaCy's tagger read as nouns (none untagged)."""
    if doc is None or not len(doc):
        return set()
    rows = doc.to_array([IDX, POS]).tolist()
    return {start for start, pos in rows if pos == NOUN}


def _subject_shaped(np: list[Tok]) -> bool:
    """A noun phrase a report can have as subject: no verb, number or adverb in it, and
    a name, a determiner, a possessive, a quantifier or a role to start it."""
    if any(not t.word or t.text[0].isdigit() or t.lower in _NOT_IN_SUBJECT for t in np):
        return False
    if any(t.lower in _POSSESSIVE_PRONOUNS for t in np[1:]):
        return False  # "X begins her sentencing remarks": a clause, not a subject
    first = np[0]
    return (first.cap or np[-1].cap or first.lower in DETERMINERS or first.lower in QUANTIFIERS
            or possessive(first.text) or first.lower in ROLE_WORDS)


class Reports:
    """The report clauses of one document, found once, on the first pronoun."""

    def __init__(self, toks: list[Tok], covered: list[bool], names: NameIndex,
                 boundary: Callable[[int], bool], paragraph: Callable[[int], int],
                 resolve: Callable, doc: Doc | None = None) -> None:
        self.toks, self.covered, self.names = toks, covered, names
        self.boundary, self.paragraph, self._resolve = boundary, paragraph, resolve
        self.doc = doc  # its tags (trained pipeline) tell the verb "remarks" from the noun
        self._found: list[Report] | None = None
        self._starts: list[int] = []
        self._tok_starts = [t.start for t in toks]

    def _build(self) -> list[Report]:
        from .speakers import Attribution, subject_of

        out: list[Report] = []
        nouns = _noun_starts(self.doc)
        for c, t in enumerate(self.toks):
            if t.lower not in CUE_VERBS or self.covered[c]:
                continue
            k = c
            while k > 0 and c - k < _WINDOW and not self.boundary(k) and not self.covered[k - 1]:
                k -= 1
            e = c + 1  # the window runs on after the verb for "…, said X, the minister."
            while e < len(self.toks) and e - c < 12 and not self.boundary(e) \
                    and not self.covered[e]:
                e += 1
            if t.start in nouns:
                continue  # "her sentencing remarks": the tagger says noun
            win = self.toks[k:e]
            np, appos = subject_of(win, c - k)
            if not np and not appos or (np and not _subject_shaped(np)):
                continue
            if len(np) == 1 and (np[0].lower in PRONOUNS_PERSON or np[0].lower in PRONOUNS_OTHER):
                continue  # a pronoun is an anaphor itself, not an antecedent
            if len(np) == 2 and np[0].lower in DETERMINERS and not np[1].cap:
                continue  # "the company said": an anaphor too
            who, person = self._resolve(Attribution(t.text, np, appos), np[0].start if np
                                        else appos[0].start)
            if not who:
                continue
            named_in_appos = appos and who.split()[-1] in {x.text for x in appos}
            out.append(self._report(appos if named_in_appos or not np else np, who, person,
                                    t.end, in_appos=bool(named_in_appos)))
        return out

    def _report(self, np: list[Tok], who: str, person: bool, end: int,
                in_appos: bool = False) -> Report:
        pos = np[0].start
        if any(t.lower == "and" for t in np) and sum(t.cap for t in np) >= 2:
            return Report(pos, end, who, GROUP)
        labels = self.names.labels(pos, np[-1].end)
        if "ORG" in labels and "PERSON" not in labels and np[-1].cap and not in_appos:
            return Report(pos, end, who, ORG)  # NER knows "Bellmont Stores" is no person
        if (person and self.names.is_person(who)) or ("PERSON" in labels and np[-1].cap):
            return Report(pos, end, who, PERSON, self.names.gender_of(who))
        if np[-1].cap or "ORG" in labels:
            return Report(pos, end, who, ORG)
        if any(t.lower in ROLE_WORDS for t in np) and _description_kind(np) == ONE:
            return Report(pos, end, who, ONE)
        return Report(pos, end, who, _description_kind(np))

    @property
    def found(self) -> list[Report]:
        if self._found is None:
            self._found = self._build()
            self._starts = [r.pos for r in self._found]
        return self._found

    @staticmethod
    def agrees(report: Report, want: str) -> bool:
        """``want``: MALE / FEMALE (he, she), GROUP (they) or ORG (the company)."""
        if want in (MALE, FEMALE):
            return report.kind == ONE or (report.kind == PERSON and report.gender in (None, want))
        if want == GROUP:
            return report.kind in (ORG, GROUP)
        return report.kind == ORG

    def _person_between(self, start: int, end: int, want: str) -> bool:
        """Does a person who agrees with ``want`` lead a sentence in ``[start, end)``?"""
        if want not in (MALE, FEMALE):
            return False
        names = self.names
        i = bisect.bisect_left(names.mentions, (start, ""))
        for at, name in names.mentions[i:]:
            if at >= end:
                return False
            if at in names.leading_positions and names.gender_of(name) in (None, want):
                return True
        return False

    def before(self, pos: int, want: str) -> str | None:
        """The latest report clause before ``pos`` whose subject agrees with ``want``."""
        found = self.found
        floor = self.paragraph(pos) - 1
        i = bisect.bisect_left(self._starts, pos)
        for report in reversed(found[:i]):
            if report.end > pos:
                continue
            if self.paragraph(report.pos) < floor:
                return None
            if self.agrees(report, want):
                return None if self._person_between(report.end, pos, want) else report.speaker
        return None

    def after(self, pos: int, want: str) -> str | None:
        """A pronoun nobody before it can be: the first report clause of the next
        sentence that agrees ('"…," she said. Councillor Ifeoma Nwosu added: …')."""
        found = self.found
        k = bisect.bisect_right(self._tok_starts, pos)
        bounds: list[int] = []
        while k < len(self.toks) and len(bounds) < 2:
            if self.boundary(k):
                bounds.append(self.toks[k].start)
            k += 1
        if not bounds:
            return None
        stop = bounds[1] if len(bounds) > 1 else self.toks[-1].end
        i = bisect.bisect_left(self._starts, bounds[0])
        for report in found[i:]:
            if report.pos >= stop:
                break
            if self.agrees(report, want) and report.kind != ONE:
                return report.speaker
        return None


def wanted(word: str) -> str | None:
    """What a pronoun asks of its antecedent (see ``Reports.agrees``)."""
    return {"he": MALE, "she": FEMALE, "they": GROUP}.get(word)
