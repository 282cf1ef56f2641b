"""Sentence templates of the synthetic corpus: attributed quotes, figures with
their source, and plain news sentences, per subject.

Each function draws only from the RNG it is given, in a fixed order, so a seed
always gives the same sentence (``bench/corpus.py`` relies on it). Nothing here
knows which sentences are planted.
"""

from __future__ import annotations

import random

from . import vocab
from .phrases import person


def cap(text: str) -> str:
    return text[0].upper() + text[1:]


def attributed(rng: random.Random, said: str, speaker: str, role: str,
                full: bool = False) -> str:
    """A quote with its attribution. ``full``: always the full name (a planted
    variant's surname alone would refer back to whoever of that name the
    document named before, which the generator does not control)."""
    cue, last = rng.choice(vocab.CUES), speaker.split()[-1]
    form = rng.randrange(4)
    if form == 1 and full:
        form = 0
    if form == 0:
        return f'"{said}," {speaker} {cue}.'
    if form == 1:
        return f'"{said}," {last} {cue}.'
    if form == 2:
        return f'{cap(role)} {speaker} {cue}: "{said}."'
    return f'"{said}," said {speaker}, the {role.lower()}.'


def figure(rng, kind, phrase: str, qual: str, quantity: str) -> str:
    verb, org = rng.choice(kind.verbs), rng.choice(vocab.SUBJECTS[kind.subject]["orgs"])
    form = rng.randrange(3)
    if form == 0:
        return f"{cap(phrase)} {verb} {qual}{quantity}, {org} said."
    if form == 1:
        return f"According to {org}, {phrase} {verb} {qual}{quantity}."
    day = f"{rng.choice(vocab.MONTHS)} {rng.randint(1, 28)}"
    return f"{cap(org)} said on {day} that {phrase} {verb} {qual}{quantity}."


def plain(rng: random.Random, w: dict, place: str) -> str:
    c = rng.choice
    form = rng.randrange(6)
    if form == 0:
        return (f"{c(vocab.WHEN)}, {c(w['orgs'])} {c(w['verbs'])} the {c(w['adjs'])} "
                f"{c(w['nouns'])} in {place}.")
    if form == 1:
        return (f"{cap(c(w['roles']))} {person(rng)} said the {c(w['nouns'])} {c(w['verbs'])} the "
                f"{c(vocab.GENERAL_NOUNS)} of {place}.")
    if form == 2:
        return (f"{cap(c(w['orgs']))} {c(vocab.GENERAL_VERBS)} the {c(vocab.GENERAL_NOUNS)} "
                f"on the {c(w['nouns'])} after the {c(w['adjs'])} {c(w['nouns'])} near {place}.")
    if form == 3:
        return (f"Residents of {place} said the {c(w['nouns'])} and the {c(w['nouns'])} had "
                f"{c(w['verbs'])} the {c(vocab.GENERAL_NOUNS)}.")
    if form == 4:
        return (f"The {c(vocab.GENERAL_NOUNS)} on the {c(w['adjs'])} {c(w['nouns'])} is expected "
                f"in {c(vocab.MONTHS)}, {c(w['orgs'])} said.")
    role = c(w["roles"]).lower()
    role = ("an " if role[0] in "aeiou" else "a ") + role
    return (f"{person(rng)}, {role}, {c(vocab.GENERAL_VERBS)} the "
            f"{c(vocab.GENERAL_NOUNS)}, saying the {c(w['nouns'])} had {c(w['verbs'])} the "
            f"{c(w['adjs'])} {c(w['nouns'])}.")
