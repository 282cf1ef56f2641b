"""Who is named in a document: people, their roles and organisations, in text order.

The quote extractor resolves "he said", "the minister said" and "Zelensky said" to
the fullest name the document gives. This module tokenises the text once, finds
capitalised runs outside quoted spans, strips titles ("Defense Minister Rustem
Umerov" -> "Rustem Umerov"), ties roles to names ("the forecaster, Tomasz Nowak,";
"Kate Whitfield, a defence analyst"; "Kremlin spokesman Dmitry Peskov") and indexes
surnames. With NER (trained pipeline) PERSON entities confirm single-word names and
place/nationality entities veto runs; without it capitalised-name heuristics decide.

"he"/"she" resolve to the last person of that gender (see ``gender``), "they" to the
last organisation. It does NOT do coreference beyond that, nor nicknames and
first-name-only mentions.
"""

from __future__ import annotations

import bisect

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
from spacy.tokens import Doc

from . import gender as genders
from .lexicon import (
    ABBREVIATIONS,
    CAP_STOP,
    DETERMINERS,
    INSTITUTIONS,
    NAME_SUFFIXES,
    NP_BREAK,
    PARTICLES,
    PLACE_FIRST,
    ROLE_WORDS,
    TITLES,
)
from .words import Tok, bare, display, is_org, org_head, possessive, role_key, strip_titles

_LOCATIVE = frozenset("in at from near to into across outside inside around towards toward "
                      "via through".split())
_NOT_PERSON = frozenset({"GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT",
                         "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY"})


def _entities(doc: Doc) -> tuple[list[tuple[int, int, str]], bool]:
    """(start_char, end_char, label) of the named entities, and whether NER ran.

    Read through ``to_array``: ``doc.ents`` builds a Span per entity in Python, which
    costs a tenth of a second on a 100 KB document."""
    if not len(doc):
        return [], False
    rows = doc.to_array([ENT_IOB, ENT_TYPE, IDX, LENGTH]).tolist()
    out: list[tuple[int, int, str]] = []
    open_at = -1
    for i, row in enumerate(rows + [[2, 0, 0, 0]]):
        iob = row[0]
        if open_at >= 0 and iob != 1:  # 1 = inside, 2 = outside, 3 = begin
            first, last = rows[open_at], rows[i - 1]
            out.append((first[2], last[2] + last[3], doc.vocab.strings[first[1]]))
            open_at = -1
        if iob == 3:
            open_at = i
    return out, any(row[0] for row in rows)  # 0 = never annotated


class NameIndex:
    """People and organisations named in ``doc`` outside quoted spans, by position."""

    def __init__(self, doc: Doc, text: str, toks: list[Tok], covered: list[bool]) -> None:
        self.text = text  # doc.text, passed in: spaCy rebuilds it token by token on each call
        self.toks = toks
        self.covered = covered
        self._ents, self.has_ner = _entities(doc)
        self._ent_starts = [e[0] for e in self._ents]
        self.mentions: list[tuple[int, str]] = []  # (position, full name), sorted
        self.surnames: dict[str, list[tuple[int, str]]] = {}
        self.roles: dict[str, list[tuple[int, str]]] = {}
        self.orgs: dict[str, list[tuple[int, str]]] = {}
        self.org_mentions: list[tuple[int, str]] = []  # (position, organisation), sorted
        self.gender: dict[str, str] = {}  # full name -> FEMALE / MALE from an honorific or role
        self._first: dict[str, str] = {}  # full name -> first name, for gender_guesser
        self._heard: dict[str, str] = {}  # full name -> gender of the pronoun that followed
        runs = list(self._runs())
        singles = []
        for run in runs:
            kind, words = self._classify(run)
            pos = toks[run[0]].start
            if kind == "org":
                for key in {" ".join(words).lower(), bare(words[-1]).lower(),
                            org_head(words).lower()}:
                    self.orgs.setdefault(key, []).append((pos, " ".join(words)))
                self.org_mentions.append((pos, " ".join(words)))
            elif kind == "person" and len(words) > 1:
                full = " ".join(words)
                self.surnames.setdefault(words[-1].lower(), []).append((pos, full))
                self.mentions.append((pos, full))
                self._tie_roles(run, full)
                self._note_gender(run, full, words)
            elif kind in ("person", "single"):
                singles.append((run, kind, words))
        for run, kind, words in singles:
            full = self._by_surname(words[0], toks[run[0]].start)
            if full or kind == "person":
                self.mentions.append((toks[run[0]].start, full or words[0]))
                self._tie_roles(run, full or words[0])
                self._note_gender(run, full or words[0], words)
        self.mentions.sort()
        self._people = {name for _, name in self.mentions}
        self._leading = {toks[run[0]].start for run in runs if self._leads(run[0])}
        self._genders_from_pronouns()

    # -- building ---------------------------------------------------------------
    def _runs(self):
        toks, n, i = self.toks, len(self.toks), 0
        while i < n:
            if self.covered[i] or not toks[i].cap:
                i += 1
                continue
            run, j = [i], i + 1
            while j < n and not self.covered[j] and not possessive(toks[j - 1].text):
                t, prev = toks[j], toks[j - 1]
                if "\n" in self.text[prev.end:t.start]:
                    break
                if t.cap and t.word:
                    run.append(j)
                elif (t.text == "." and t.start == prev.end
                      and (prev.lower in ABBREVIATIONS or len(prev.text) == 1)):
                    run.append(j)
                elif t.lower in PARTICLES and j + 1 < n and toks[j + 1].cap:
                    run.append(j)
                elif (t.lower in ("of", "for") and prev.lower in INSTITUTIONS and j + 1 < n
                      and toks[j + 1].cap and not self.covered[j + 1]):
                    run.append(j)  # "Ministry of Defence", "Association of Malaysia"
                else:
                    break
                j += 1
            yield run
            i = j

    def _classify(self, run: list[int]) -> tuple[str, list[str]]:
        words = [self.toks[k].text for k in run if self.toks[k].text != "."]
        while words and words[0].lower() in CAP_STOP:
            words.pop(0)
        if not words:
            return "none", []
        words[-1] = bare(words[-1])
        if is_org(words):
            return "org", words
        name = strip_titles(words)
        titled = len(name) < len(words) or self._role_before(run[0])
        labels = self.labels(self.toks[run[0]].start, self.toks[run[-1]].end)
        if any(w.isupper() and len(w) > 1 and w.lower() not in NAME_SUFFIXES for w in name) or \
                not name[-1][:1].isalpha():
            return "none", name
        before = self.toks[run[0] - 1].lower if run[0] > 0 else ""
        if len(name) == 1 and before in _LOCATIVE and not titled:
            return "none", name  # "in Brennik": a place, whatever NER says
        if "PERSON" in labels or titled:
            return "person", name
        if labels & _NOT_PERSON or name[0].lower() in PLACE_FIRST:
            return "none", name
        return ("person" if len(name) > 1 else "single"), name

    def labels(self, start: int, end: int) -> set[str]:
        """NER labels overlapping ``[start, end)`` (empty without NER)."""
        i = max(0, bisect.bisect_right(self._ent_starts, start) - 1)
        out = set()
        while i < len(self._ents) and self._ents[i][0] < end:
            if self._ents[i][1] > start:
                out.add(self._ents[i][2])
            i += 1
        return out

    def _role_before(self, k: int) -> list[str]:
        """Role words right before a name: "Kremlin spokesman", "former mayor"."""
        words: list[str] = []
        j = k - 1
        while j >= 0 and len(words) < 3 and not self.covered[j] and self.toks[j].word:
            t = self.toks[j]
            if t.lower in ROLE_WORDS or (words and t.cap and t.lower not in CAP_STOP):
                words.insert(0, t.lower)
                j -= 1
            else:
                break
        return words if any(w in ROLE_WORDS for w in words) else []

    def _tie_roles(self, run: list[int], full: str) -> None:
        toks, first, last = self.toks, run[0], run[-1]
        pos = toks[first].start
        phrases = [self._role_before(first)]
        titles = [t.lower for t in (toks[k] for k in run) if t.lower.rstrip(".") in TITLES]
        phrases.append(titles)
        if first > 0 and toks[first - 1].text == ",":
            phrases.append(self._phrase_back(first - 2))
        if last + 2 < len(toks) and toks[last + 1].text == ",":
            phrases.append(self._phrase_forward(last + 2))
        for words in phrases:
            for key in role_key(words):
                self.roles.setdefault(key, []).append((pos, full))

    def _phrase_back(self, j: int) -> list[str]:
        words: list[str] = []
        while j >= 0 and len(words) < 6 and self.toks[j].word and not self.covered[j]:
            t = self.toks[j]
            if t.lower in NP_BREAK and t.lower not in ("of", "for"):
                break
            words.insert(0, t.text)
            if t.lower in DETERMINERS:
                return words
            j -= 1
        return words if words and words[-1].islower() else []

    def _phrase_forward(self, j: int) -> list[str]:
        toks = self.toks
        if j >= len(toks) or not (toks[j].lower in DETERMINERS or toks[j].lower in ROLE_WORDS):
            return []
        words: list[str] = []
        while j < len(toks) and len(words) < 6 and toks[j].word and not self.covered[j]:
            if toks[j].lower in NP_BREAK:
                break
            words.append(toks[j].text)
            j += 1
        return words

    def _leads(self, k: int) -> bool:
        """Does the run at token ``k`` open its sentence (titles and roles before it aside)?"""
        j = k
        while j > 0 and (self.toks[j - 1].lower in ROLE_WORDS or self.toks[j - 1].lower in TITLES):
            j -= 1
        if j == 0:
            return True
        prev = self.toks[j - 1]
        return prev.text in ".!?:" or "\n" in self.text[prev.end:self.toks[j].start]

    def _note_gender(self, run: list[int], full: str, name: list[str]) -> None:
        """An honorific or gendered role next to the name decides; else a first name
        that is unambiguous (a later cue may still overrule a guess)."""
        words = [self.toks[k].text for k in run] + self._role_before(run[0])
        last = run[-1]
        if last + 2 < len(self.toks) and self.toks[last + 1].text == ",":
            words += self._phrase_forward(last + 2)
        cue = genders.from_words(words)
        if cue:
            self.gender[full] = cue
        elif len(name) > 1:
            self._first.setdefault(full, name[0])

    def _genders_from_pronouns(self) -> None:
        """A person still of unknown gender takes that of the first "he"/"she" (outside
        quotes) after their mention, before anyone else is named."""
        pronouns = [(t.start, genders.PRONOUN_GENDER[t.lower]) for k, t in enumerate(self.toks)
                    if t.lower in genders.PRONOUN_GENDER and not self.covered[k]]
        if not pronouns:
            return
        starts = [p for p, _ in pronouns]
        for i, (pos, name) in enumerate(self.mentions):
            if name in self.gender or name in self._heard or pos not in self._leading:
                continue  # only the subject of its sentence is what a later "she" points at
            nxt = next((p for p, other in self.mentions[i + 1:] if other != name), len(self.text))
            k = bisect.bisect_right(starts, pos)
            if k < len(pronouns) and pronouns[k][0] < nxt:
                self._heard[name] = pronouns[k][1]

    def gender_of(self, name: str) -> str | None:
        """An honorific or role, else the first name (the list is read only now, when a
        pronoun needs it), else the pronoun the text used after the name."""
        if name in self.gender:
            return self.gender[name]
        guess = genders.from_first_name(self._first[name]) if name in self._first else None
        return guess or self._heard.get(name)

    # -- lookups ----------------------------------------------------------------
    @staticmethod
    def _pick(items: list[tuple[int, str]], pos: int) -> str | None:
        if not items:
            return None
        before = [name for p, name in items if p <= pos]
        return before[-1] if before else items[0][1]

    def _by_surname(self, word: str, pos: int) -> str | None:
        """The full name a later surname (or, failing that, a first name) stands for."""
        found = self._pick(self.surnames.get(bare(word).lower(), []), pos)
        if found:
            return found
        named = self._by_first_name().get(bare(word).lower(), set())
        return next(iter(named)) if len(named) == 1 else None

    def _by_first_name(self) -> dict[str, set[str]]:
        """Full names by their first word, built once the surnames are all known (a long
        transcript asks for it at every single-word name)."""
        size = sum(len(items) for items in self.surnames.values())
        if getattr(self, "_first_names_size", None) != size:
            index: dict[str, set[str]] = {}
            for items in self.surnames.values():
                for _, full in items:
                    index.setdefault(full.split()[0].lower(), set()).add(full)
            self._first_names, self._first_names_size = index, size
        return self._first_names

    def full_name(self, words: list[str], pos: int) -> str:
        """The fullest form of a (title-stripped) name at ``pos``."""
        words = [display(bare(w)) for w in words]
        if len(words) == 1:
            return self._by_surname(words[0], pos) or words[0]
        return " ".join(words)

    def is_person(self, name: str) -> bool:
        """Is ``name`` (a full name) mentioned as a person anywhere in the text?"""
        return name in self._people

    def last_person(self, pos: int, gender: str | None = None) -> str | None:
        """The last person named before ``pos``; with ``gender``, the last one of that
        gender, else the last one whose gender is unknown (never one of the other)."""
        i = bisect.bisect_left(self.mentions, (pos, ""))
        if gender is None:
            return self.mentions[i - 1][1] if i else None
        unknown = []
        for at, name in reversed(self.mentions[:i]):
            known = self.gender_of(name)
            if known == gender:
                return name  # the last one of that gender
            if known is None:
                unknown.append((at, name))
        # of people of unknown gender, the last one who led their sentence ("Judge X said
        # …") rather than one named in passing ("… from X's arrest")
        unknown = [(at, name) for at, name in unknown if " " in name]  # full names only
        leading = [name for at, name in unknown if at in self._leading]
        return leading[0] if leading else (unknown[0][1] if unknown else None)

    def last_leading_person(self, pos: int) -> str | None:
        """The last person before ``pos`` who opened a sentence (an interview's guest)."""
        i = bisect.bisect_left(self.mentions, (pos, ""))
        return next((name for at, name in reversed(self.mentions[:i])
                     if at in self._leading), None)

    def last_organisation(self, pos: int, head: str | None = None) -> str | None:
        """The last organisation named before ``pos`` ("they said" of a company); with
        ``head`` ("ministry"), the last one ending in that word if there is one."""
        i = bisect.bisect_left(self.org_mentions, (pos, ""))
        before = [name for _, name in reversed(self.org_mentions[:i])]
        if head:
            same = [n for n in before if org_head(n.split()).lower() == head]
            if same:
                return same[0]
        return before[0] if before else None

    @property
    def leading_positions(self) -> set[int]:
        """Where a name opens its sentence (titles and roles before it aside)."""
        return self._leading

    def learn_gender(self, name: str, gender: str) -> None:
        """A pronoun was resolved to ``name``: later pronouns must agree with it."""
        if self.gender_of(name) is None:
            self._heard[name] = gender

    def add_mention(self, pos: int, name: str) -> None:
        bisect.insort(self.mentions, (pos, name))
        self._people.add(name)

    def role(self, words: list[str], pos: int) -> str | None:
        for key in role_key(words):
            found = self._pick(self.roles.get(key, []), pos)
            if found:
                return found
        for key in role_key(words):
            found = self._pick(self.orgs.get(key, []), pos)
            if found:
                return found
        return None
