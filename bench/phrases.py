"""Phrase builders for the synthetic corpus: quotes that can be re-worded, and
quantities written the many ways newsrooms write them.

A quote is two clauses of slots, each slot a ``(word, synonym, droppable)``
triple, so a variant can swap words (changed words, another translation), drop
words or reorder the clauses and still be known to derive from the original.
A quantity is a value in a unit; ``convert`` and ``fmt`` re-state it in another
unit (Mach, km/h, mph, km/s...) rounded as a reporter would. This module draws
only from the RNG it is given and keeps no state.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass

from . import vocab

Slot = tuple[str, str, bool]  # (word, synonym, droppable)


class Rng(random.Random):
    """``random.Random`` with a cheaper ``choice`` (one float per draw): the
    generator makes tens of millions of draws at 1M sentences."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randrange(self, start, stop=None):
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))

MACH_MPS = 343.0
TO_SI = {"km/h": 1 / 3.6, "mph": 0.44704, "Mach": MACH_MPS, "km/s": 1000.0, "m/s": 1.0,
         "km": 1000.0, "mi": 1609.344, "mm": 0.001, "%": 1.0, "USD": 1.0, "EUR": 1.0,
         "°C": 1.0, None: 1.0}
SI_UNIT = {"speed": "m/s", "length": "m", "percent": "%", "money": None, "count": "count",
           "temperature": "K"}


@dataclass(frozen=True, slots=True)
class Quote:
    first: tuple[Slot, ...]
    join: str
    second: tuple[Slot, ...]

    def slots(self) -> list[tuple[int, int]]:
        return [(c, i) for c, clause in enumerate((self.first, self.second))
                for i in range(len(clause))]

    def render(self, *, swap=frozenset(), drop=frozenset(), reorder: bool = False) -> str:
        parts = []
        for c, clause in enumerate((self.first, self.second)):
            words = [syn if (c, i) in swap else word
                     for i, (word, syn, _) in enumerate(clause) if (c, i) not in drop]
            parts.append(" ".join(words))
        if reorder:
            parts.reverse()
        text = parts[0] + self.join + parts[1]
        return text[0].upper() + text[1:]

    def swappable(self) -> list[tuple[int, int]]:
        clauses = (self.first, self.second)
        return [(c, i) for c, i in self.slots() if clauses[c][i][0] != clauses[c][i][1]]

    def droppable(self) -> list[tuple[int, int]]:
        clauses = (self.first, self.second)
        return [(c, i) for c, i in self.slots() if clauses[c][i][2]]


@functools.cache
def _slots(pairs: tuple, droppable: bool) -> tuple[Slot, ...]:
    return tuple((word, syn, droppable) for word, syn in pairs)


def _pick(rng: random.Random, pairs, droppable: bool = False) -> Slot:
    return rng.choice(_slots(pairs, droppable))


def clause(rng: random.Random) -> tuple[Slot, ...]:
    subject, modal = _pick(rng, vocab.Q_SUBJECTS), _pick(rng, vocab.Q_MODALS)
    verb, noun = _pick(rng, vocab.Q_VERBS), _pick(rng, vocab.Q_NOUNS)
    det = rng.choice((("the", "our", False), ("our", "the", False), ("all the", "all our", False)))
    form = rng.randrange(3)
    if form == 0:
        (prep, prep2), (noun2, noun3) = rng.choice(vocab.Q_PREPS), rng.choice(vocab.Q_NOUNS)
        return (subject, modal, verb, det, _pick(rng, vocab.Q_ADJS, True), noun,
                (f"{prep} the {noun2}", f"{prep2} our {noun3}", True))
    if form == 1:
        return (subject, modal, verb, det, noun, _pick(rng, vocab.Q_TAILS, True))
    return (subject, modal, verb, det, _pick(rng, vocab.Q_ADJS, True), noun,
            _pick(rng, vocab.Q_TAILS, True))


def quote(rng: random.Random) -> Quote:
    return Quote(clause(rng), rng.choice(vocab.Q_JOINS), clause(rng))


def typos(rng: random.Random, text: str, n: int = 2) -> str:
    """``n`` keyboard slips in words of five letters or more."""
    words = text.split(" ")
    long_ = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    for i in rng.sample(long_, min(n, len(long_))):
        w, k = words[i], rng.randrange(1, len(words[i]) - 2)
        op = rng.randrange(3)
        if op == 0:
            w = w[:k] + w[k + 1] + w[k] + w[k + 2:]  # swap two letters
        elif op == 1:
            w = w[:k] + w[k + 1:]  # drop a letter
        else:
            w = w[:k] + w[k] + w[k:]  # double a letter
        words[i] = w
    return " ".join(words)


def name(rng: random.Random, syllables: int = 2) -> str:
    s = vocab.SYLLABLES
    out = rng.choice(s) + rng.choice(s)
    return (out + rng.choice(s) if syllables == 3 else out).capitalize()


def person(rng: random.Random) -> str:
    return f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}"


@dataclass(frozen=True, slots=True)
class QKind:
    """A kind of figure: what it is about, its dimension, how it is phrased."""

    subject: str
    about: str
    dimension: str
    unit: str | None
    lo: float
    hi: float
    units: tuple[str | None, ...]
    phrase: str  # "{name}" is the proper noun
    verbs: tuple[str, ...]


QKINDS = (
    QKind("defence", "missile", "speed", "km/h", 2000, 12000,
          ("km/h", "mph", "Mach", "km/s", "m/s"), "the {name} missile",
          ("can fly at", "reached speeds of", "travels at", "flew at")),
    QKind("defence", "drone", "speed", "km/h", 120, 600, ("km/h", "mph", "m/s"),
          "the {name} drone", ("can fly at", "cruises at", "reached")),
    QKind("defence", "missile", "length", "km", 300, 5500, ("km", "mi"),
          "the {name} missile", ("has a range of", "can hit targets at a distance of")),
    QKind("defence", "warheads", "count", None, 2, 12, (None,), "the {name} missile",
          ("carries", "can carry")),
    QKind("weather", "storm", "speed", "km/h", 90, 240, ("km/h", "mph", "m/s"),
          "Storm {name}", ("brought gusts of", "produced winds of", "hit the coast with winds of")),
    QKind("weather", "temperatures", "temperature", "°C", 28, 46, ("°C",),
          "temperatures in {name}", ("reached", "climbed to", "peaked at")),
    QKind("weather", "rainfall", "length", "mm", 40, 300, ("mm",), "rainfall in {name}",
          ("reached", "totalled")),
    QKind("economy", "train", "speed", "km/h", 200, 420, ("km/h", "mph"),
          "the {name} express train", ("runs at", "reaches", "travels at")),
    QKind("economy", "inflation", "percent", "%", 1.5, 14, ("%",), "inflation in {name}",
          ("rose to", "reached", "stood at")),
    QKind("economy", "bridge", "money", "USD", 0.3e9, 9e9, ("USD",), "the {name} bridge",
          ("will cost", "cost")),
    QKind("elections", "turnout", "percent", "%", 35, 85, ("%",), "turnout in {name}",
          ("reached", "was", "stood at")),
    QKind("elections", "votes", "count", None, 20000, 900000, (None,), "the {name} party",
          ("won", "received")),
    QKind("health", "cases", "count", None, 200, 20000, (None,), "the {name} district",
          ("recorded", "reported")),
    QKind("health", "vaccination", "percent", "%", 40, 95, ("%",),
          "vaccination coverage in {name}", ("reached", "rose to")),
    QKind("sport", "race", "length", "km", 5, 250, ("km", "mi"), "the {name} stage",
          ("covers", "runs over")),
    QKind("sport", "spectators", "count", None, 5000, 90000, (None,), "the {name} stadium",
          ("holds", "can seat")),
    QKind("sport", "transfer", "money", "EUR", 5e6, 150e6, ("EUR",), "the {name} transfer",
          ("was worth", "cost")),
)
QUALIFIERS = ("", "", "", "more than ", "up to ", "about ", "nearly ", "at least ")


def to_si(value: float, unit: str | None) -> float:
    return value + 273.15 if unit == "°C" else value * TO_SI[unit]


def convert(si: float, unit: str | None) -> float:
    """An SI value re-stated in ``unit``, rounded as a reporter would."""
    return rounded(si - 273.15 if unit == "°C" else si / TO_SI[unit], unit)


def rounded(value: float, unit: str | None) -> float:
    if unit is None and value < 100:
        return float(round(value))
    if unit in {"Mach", "km/s", "%"} or value < 10:
        return round(value, 1)
    if unit in {"USD", "EUR"}:
        step = 1e8 if value >= 1e9 else 1e6
        return round(value / step) * step
    digits = len(str(int(value)))
    step = 10 ** max(0, digits - 3 if digits > 4 else digits - 2)
    return float(round(value / step) * step)


def _num(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}" if value >= 10 else f"{value:g}"


def fmt(rng: random.Random, value: float, unit: str | None, about: str) -> str:
    """``value`` in ``unit`` as written in a news story."""
    n = _num(value)
    if unit == "Mach":
        return f"Mach {value:g}"
    if unit in {"USD", "EUR"}:
        sign = "$" if unit == "USD" else "€"
        if value >= 1e9:
            b = f"{value / 1e9:g}"
            return rng.choice((f"{sign}{b} billion", f"{sign}{b}bn",
                               f"{b} billion {'dollars' if unit == 'USD' else 'euros'}"))
        return f"{sign}{value / 1e6:g} million"
    if unit is None:
        rng.random()  # the draw a one-form choice makes: keeps every seed's corpus as it was
        return f"{n} {about}"
    return rng.choice(_FORMS[unit]).format(n)


_FORMS = {
    "km/h": ("{} km/h", "{} kilometres per hour", "{} kilometers per hour", "{} kph"),
    "mph": ("{} mph", "{} miles per hour"), "km/s": ("{} km/s", "{} kilometres per second"),
    "m/s": ("{} metres per second", "{} m/s"), "km": ("{} km", "{} kilometres"),
    "mi": ("{} miles",), "mm": ("{} mm", "{} millimetres"),
    "%": ("{}%", "{} per cent", "{} percent"), "°C": ("{}°C", "{} degrees Celsius"),
}
