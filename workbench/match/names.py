"""What a figure is about, by name: the named things of its sentence and its document.

Why: sentences about two storms, companies, players or missiles look alike ("X made
landfall with winds of 155 mph"), so wording and units alone offer one storm's
figures for another's. A figure is about the names its sentence gives as subjects;
a sentence that names none ("It made landfall with 155 mph winds") is about its
document's main subject, the names of its title and lead. A figure is about
something else when both sides name different things: it is about a name the
claim's side never gives (claim sentence, article title and lead), and its own
side (its sentence and title; for a nameless sentence also the lead) never gives a
name the claim is about (the claim sentence's subjects, else the article's).

Names are read from stored text by capitalisation, the same for both pipelines
(entity labels are not stored): runs of capitalised words ("Hurricane Milton",
"Northgate Motors", "Lena Ortiz"); titles and kinds ("President", "Hurricane") are
dropped, so "Hurricane Milton" and "Milton" are one name while "Northgate Motors"
and "Bexley Motors" are two (one name is another when all its words are among the
other's). Names after a preposition or in an attribution ("near Siesta Key,
Florida", "according to officials in Drenna", "the agency said") are context, not
subjects. Not done: telling a place from a company (no labels), pronouns beyond
the document's main subject, names written in lower case, an article that itself
names the other storm in its title or lead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

Name = frozenset  # the lower-cased words of one name, titles and kinds dropped

LEAD_CHARS = 400  # a document's lead: the passages that start in its first characters
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|[.!?;:\"“”‘()\n•*#/|–—-]|,")
_POSSESSIVE = re.compile(r"[’']s?$")
_STARTS = frozenset('.!?;:"“”‘\n•*#')
_OPENERS = frozenset("“‘•*#:")
TITLES = frozenset(
    "mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister "
    "secretary general gen lt col colonel major maj captain capt sgt sergeant admiral "
    "commander chief executive ceo chair chairman chairwoman director governor gov senator "
    "sen rep representative mayor judge justice king queen prince princess pope coach "
    "manager spokesperson spokesman spokeswoman defence defense foreign interior finance "
    "ministry department office agency hurricane typhoon cyclone storm tropical super "
    "depression exclusive breaking update live watch read analysis opinion".split())
NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "tomorrow".split())
CONTEXT_BEFORE = frozenset(
    "in at near from to on off across over into onto outside inside for against with "
    "toward towards via through of by past between around beyond within".split())
REPORTING = frozenset(
    "said says told tells added adds wrote writes noted notes warned warns explained "
    "according announced reported stated".split())


@dataclass(frozen=True, slots=True)
class Names:
    """The names of a text: those a figure there is about, and all it mentions."""

    subjects: tuple[Name, ...]
    known: tuple[Name, ...]


@dataclass(slots=True)
class _Run:
    words: list[str]
    initial: bool  # starts a sentence, where any word is capitalised
    context: bool


def _runs(text: str) -> list[_Run]:
    """Runs of capitalised words, each marked as sentence-initial and as context."""
    runs: list[_Run] = []
    run: _Run | None = None
    start, attribution, after_context = True, False, False
    prev = prev2 = ""
    for match in _TOKEN.finditer(text):
        tok = match.group()
        low = tok.lower()
        if tok[0].isupper() and low not in STOP_WORDS and low not in NOT_NAMES:
            if run is None:
                before = prev2 if prev == "the" else prev
                context = attribution or before in CONTEXT_BEFORE or prev in REPORTING \
                    or (prev == "," and after_context)  # "said Tomas Ferreira", not "the"
                run = _Run([], start, context)
                runs.append(run)
            run.words.append(_POSSESSIVE.sub("", tok))
            start = False
        else:
            if run is not None and low in REPORTING:
                run.context = True  # "the National Hurricane Center said"
            after_context = tok == "," and run is not None and run.context
            run = None
            if low == "according":
                attribution = True
            if tok in ".!?\n":
                start, attribution = True, False
            elif tok in _OPENERS or (tok == '"' and text[match.end():match.end() + 1].isalpha()):
                start = True  # the first word of a quote, a bullet or a heading
            elif tok not in _STARTS:
                start = False
        prev2, prev = prev, low
    return runs


def _name_words(runs: list[_Run]) -> frozenset[str]:
    return frozenset(w.lower() for r in runs if len(r.words) > 1 or not r.initial
                     for w in r.words)


@functools.lru_cache(maxsize=4096)
def _vocabulary(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a text's names (outside a lone sentence-initial word), and the
    words it writes in lower case."""
    return _name_words(_runs(text)), frozenset(re.findall(r"\b[^\W\d_A-Z]+\b", text))


def _stem(word: str) -> str:
    """One spelling for a name and its plural or demonym: "Varosian" and "Varosia",
    "Hawks" and "Hawk", "Koreans" and "Korea"."""
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    return word[:-1] if len(word) > 4 and word.endswith("an") else word


def _key(run: _Run) -> Name:
    return frozenset(_stem(w.lower()) for w in run.words
                     if w.lower() not in TITLES and len(w) > 1)


@functools.lru_cache(maxsize=8192)
def names_in(text: str, around: str = "") -> Names:
    """The names of ``text``; ``around`` (the document it sits in) says which
    sentence-initial words are names ("Ortiz" after "Lena Ortiz"): one that is a
    name elsewhere, or is shaped like one and never written in lower case."""
    runs = _runs(text)
    vocab, lower = _vocabulary(around) if around else (frozenset(), frozenset())
    own = _name_words(runs)
    subjects, known = [], []
    for run in runs:
        if run.initial and len(run.words) == 1:
            low = run.words[0].lower()
            if low not in own and low not in vocab and (
                    low in lower or low.endswith(("s", "ly", "ing", "ed")) or len(low) < 3
                    or re.search(rf"\b{re.escape(low)}\b", text)):
                continue  # "Officials said", "Speed is only half of the story"
        key = _key(run)
        if key:
            known.append(key)
            if not run.context:
                subjects.append(key)
    return Names(tuple(dict.fromkeys(subjects)), tuple(dict.fromkeys(known)))


@functools.lru_cache(maxsize=4096)
def document_names(title: str, lead: str) -> Names:
    """A document's main subject: the names of its title and lead. In a Title Case
    title only the words its lead also capitalises count."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", title) if w.lower() not in STOP_WORDS]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
        capitalised = {w for w in re.findall(r"[^\W\d_][\w’'-]*", lead) if w[0].isupper()}
        title = " ".join(w if w.strip(".,:;!?'\"") in capitalised else w.lower()
                         for w in title.split())
    heading, opening = names_in(title, lead), names_in(lead, title)
    return Names(tuple(dict.fromkeys(heading.subjects + opening.subjects)),
                 tuple(dict.fromkeys(heading.known + opening.known)))


def lead_of(text: str) -> str:
    """The opening of a text: its first ``LEAD_CHARS`` characters, to a sentence end."""
    end = re.search(r"[.!?](?:\s|$)", text[LEAD_CHARS:])
    return text[:LEAD_CHARS + end.end()] if end else text


def same_name(a: Name, b: Name) -> bool:
    """One name is the other when all the words of the shorter are in the longer
    ("Milton" and "Hurricane Milton"; "Varosia" and "Varosian"), not "X Motors"
    and "Y Motors"."""
    return a <= b or b <= a


def mentioned(name: Name, names: Iterable[Name]) -> bool:
    return any(same_name(name, other) for other in names)


@dataclass(frozen=True, slots=True)
class ClaimSubject:
    """What a claim is about (its sentence's subjects, else its article's main
    subject) and every name of its sentence, article title and lead."""

    subjects: tuple[Name, ...]
    near: tuple[Name, ...]
    own: bool  # the subjects are the sentence's own, not its article's

    @classmethod
    def of(cls, sentence: str, title: str, text: str) -> ClaimSubject:
        main = document_names(title, lead_of(text))
        own = names_in(sentence, text)
        return cls(own.subjects or main.subjects, own.known + main.known, bool(own.subjects))

    def elsewhere(self, title: str, sentence: str, lead: Callable[[], str]) -> bool:
        """Whether a figure in ``sentence`` (of a document with this title; ``lead``
        gives its opening) is about another named thing: it is about a name this
        claim's side never gives, and its side never gives a name this claim is
        about. A sentence that names its own subject is judged with its title; one
        that names none with its document's main subject, the title and the lead."""
        if not self.subjects:
            return False
        heading = document_names(title, "")
        own = names_in(sentence, title)
        theirs, known = own.subjects, own.known + heading.known
        if not theirs:
            main = document_names(title, lead())
            theirs, known = main.subjects, own.known + main.known
        return any(not mentioned(n, self.near) for n in theirs) and any(
            not mentioned(n, known) for n in self.subjects)
