"""How an extractor's claims are scored against annotated gold: the matching rules.

Shared by ``evaluate`` (the workbench's own extractors) and ``bench/extraction_peers.py``
(quantulum3, textacy), so every figure comes from the same scorer.

Quotes: a predicted quote matches a gold one when their normalised texts (case,
whitespace, quote marks and edge punctuation ignored) reach rapidfuzz ``fuzz.ratio``
>= 90, one-to-one, best pairs first. A speaker is right when both normalise (titles,
articles, possessives dropped) to the same words or one ends with the other on a word
boundary ("Zelensky" ~ "Volodymyr Zelensky"); a null gold speaker needs a null guess.

Numbers: pairs are made twice, one-to-one — by value (``value`` and ``value_max``
within a relative 1e-6) and by value and unit (unit strings equal after ``UNIT_ALIASES``).
SI value, qualifier, direction, dimension and ``about`` are judged on the value+unit
pairs. ``about`` is right when the last word of the guess (plural ``s`` aside) is the
last word of the gold ``about`` or of one of its ``about_alt``.

This module does NOT run any extractor, read files or tune anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from .extract.words import strip_titles

QUOTE_RATIO = 90.0
VALUE_REL = 1e-6
SI_REL = 0.01
_MARKS = re.compile("[\"'`\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]")
_EDGE = " .,;:!?-\u2014\u2013\u2026"
_ARTICLES = ("the", "a", "an")
# Spellings of one unit that annotators and extractors may both use.
UNIT_ALIASES = {"mb": "mbar", "millibar": "mbar", "Mbps": "Mbit/s", "Gbps": "Gbit/s",
                "kbps": "kbit/s", "kph": "km/h", "knots": "kn", "l": "L", "lbs": "lb"}


def normalise_quote(text: str) -> str:
    return " ".join(_MARKS.sub("", text).casefold().split()).strip(_EDGE)


def normalise_speaker(name: str) -> str:
    words = [w for w in re.split(r"[\s.]+", name.casefold()) if w]
    words = [re.sub(r"['\u2019]s$", "", w) for w in words]
    while words and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(strip_titles(words)) if words else ""


def same_speaker(gold: str | None, guess: str | None) -> bool:
    if gold is None or guess is None:
        return gold is None and guess is None
    g, p = normalise_speaker(gold), normalise_speaker(guess)
    return bool(g and p) and (g == p or g.endswith(" " + p) or p.endswith(" " + g))


def close(a: float | None, b: float | None, rel: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(abs(a), abs(b)) or a == b


def same_unit(a: str | None, b: str | None) -> bool:
    return UNIT_ALIASES.get(a or "", a) == UNIT_ALIASES.get(b or "", b)


def _head(phrase: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (phrase or "").casefold())
    if not words:
        return ""
    word = words[-1]
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def same_about(gold: dict, guess: str | None) -> bool:
    head = _head(guess)
    return bool(head) and any(head == _head(g) for g in [gold.get("about"),
                                                        *gold.get("about_alt", [])] if g)


def pairs(gold: Sequence, pred: Sequence, score: Callable[[Any, Any], float | None]):
    """One-to-one matching, best scores first: [(gold index, predicted index)]."""
    scored = [(s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
              if (s := score(g, p)) is not None]
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def quote_score(g: dict, p) -> float | None:
    s = fuzz.ratio(normalise_quote(g["text"]), normalise_quote(p.text))
    return s if s >= QUOTE_RATIO else None


def value_score(g: dict, p) -> float | None:
    ok = close(g.get("value"), p.value, VALUE_REL) and close(g.get("value_max"), p.value_max,
                                                              VALUE_REL)
    return 1.0 if ok else None


def value_unit_score(g: dict, p) -> float | None:
    return value_score(g, p) if same_unit(g.get("unit"), p.unit) else None


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


@dataclass
class Tally:
    """Counts for one group of passages (a beat, a file, or all of them)."""

    passages: int = 0
    q: dict = field(default_factory=lambda: dict.fromkeys(
        ("tp", "fp", "fn", "speaker_ok", "s_tp", "s_fp", "s_fn"), 0))
    n: dict = field(default_factory=lambda: dict.fromkeys(
        ("tp", "fp", "fn", "u_tp", "u_fp", "u_fn", *(f"{k}{n}" for k in (
            "si_ok", "qual_ok", "dir_ok", "dim_ok", "about_ok") for n in ("", "_n"))), 0))
    furniture: int = 0

    def figures(self) -> dict:
        q, n = self.q, self.n
        quotes = prf(q["tp"], q["fp"], q["fn"])
        quotes["speaker_accuracy"] = _share(q["speaker_ok"], q["tp"])
        speaker = prf(q["s_tp"], q["s_fp"], q["s_fn"])
        quotes["speaker_f1"] = speaker["f1"]
        quotes["speaker_precision"], quotes["speaker_recall"] = (speaker["precision"],
                                                                 speaker["recall"])
        value = prf(n["tp"], n["fp"], n["fn"])
        both = prf(n["u_tp"], n["u_fp"], n["u_fn"])
        numbers = {"value_f1": value["f1"], "value_precision": value["precision"],
                   "value_recall": value["recall"], "value_unit_f1": both["f1"],
                   "value_unit_precision": both["precision"], "value_unit_recall": both["recall"],
                   "tp": n["u_tp"], "fp": n["u_fp"], "fn": n["u_fn"]}
        for name, key in (("si_correct", "si_ok"), ("qualifier_accuracy", "qual_ok"),
                          ("direction_accuracy", "dir_ok"), ("dimension_accuracy", "dim_ok"),
                          ("about_accuracy", "about_ok")):
            numbers[name] = _share(n[key], n[key + "_n"])
        return {"passages": self.passages, "quotes": quotes, "numbers": numbers,
                "furniture_claims": self.furniture}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def score_passage(row: dict, quotes: list, numbers: list, tallies: Sequence[Tally],
                  failures: list) -> None:
    """Add one passage's predictions to every tally (overall, its beat, its file)."""
    found: list[tuple[str, int]] = []
    for t in tallies:
        t.passages += 1
    if row.get("furniture"):
        for t in tallies:
            t.furniture += len(quotes) + len(numbers)
        failures += [{"id": row["id"], "extractor": "furniture", "problem": "spurious",
                      "got": c.text} for c in [*quotes, *numbers]]
    if "quotes" in row:
        found += _score_quotes(row, quotes, failures)
    if "numbers" in row:
        found += _score_numbers(row, numbers, failures)
    for t in tallies:
        for name, count in found:
            (t.q if name.startswith("q.") else t.n)[name[2:]] += count


def _score_quotes(row: dict, got: list, failures: list) -> list[tuple[str, int]]:
    gold = row["quotes"]
    matched = pairs(gold, got, quote_score)
    out = [("q.tp", len(matched)), ("q.fp", len(got) - len(matched)),
           ("q.fn", len(gold) - len(matched))]
    for gi, pi in matched:
        g, p = gold[gi], got[pi]
        right = same_speaker(g.get("speaker"), p.speaker)
        out.append(("q.speaker_ok", right))
        if right and g.get("speaker"):
            out.append(("q.s_tp", 1))
        if not right:
            out += [("q.s_fp", p.speaker is not None), ("q.s_fn", g.get("speaker") is not None)]
            failures.append({"id": row["id"], "extractor": "quotes", "problem": "speaker",
                             "expected": g.get("speaker"), "got": p.speaker,
                             "quote": g["text"]})
    done_g, done_p = {gi for gi, _ in matched}, {pi for _, pi in matched}
    failures += [{"id": row["id"], "extractor": "quotes", "problem": "missed", "expected": g}
                 for gi, g in enumerate(gold) if gi not in done_g]
    failures += [{"id": row["id"], "extractor": "quotes", "problem": "spurious",
                  "got": {"text": p.text, "speaker": p.speaker}}
                 for pi, p in enumerate(got) if pi not in done_p]
    return out


_GOLD_KEY = {"si_ok": "si_value", "qual_ok": "qualifier", "dir_ok": "direction",
             "dim_ok": "dimension", "about_ok": "about"}


def brief(p) -> dict:
    return {f: getattr(p, f, None) for f in ("text", "value", "value_max", "unit", "qualifier",
                                             "direction", "si_value", "dimension", "about")}


def _score_numbers(row: dict, got: list, failures: list) -> list[tuple[str, int]]:
    gold = row["numbers"]
    by_value = pairs(gold, got, value_score)
    both = pairs(gold, got, value_unit_score)
    out = [("n.tp", len(by_value)), ("n.fp", len(got) - len(by_value)),
           ("n.fn", len(gold) - len(by_value)), ("n.u_tp", len(both)),
           ("n.u_fp", len(got) - len(both)), ("n.u_fn", len(gold) - len(both))]
    for gi, pi in both:
        g, p = gold[gi], got[pi]
        checks = {"si_ok": close(g.get("si_value"), p.si_value, SI_REL)
                  and ("si_value_max" not in g or close(g["si_value_max"], p.si_value_max,
                                                        SI_REL)),
                  "qual_ok": g.get("qualifier") == p.qualifier,
                  "dir_ok": g.get("direction") == getattr(p, "direction", None),
                  "dim_ok": g.get("dimension") == p.dimension,
                  "about_ok": same_about(g, p.about)}
        # the catalogue of one-sentence cases predates direction: judged where annotated
        checks = {k: v for k, v in checks.items() if _GOLD_KEY[k] in g}
        out += [("n." + k, v) for k, v in checks.items()]
        out += [("n." + k + "_n", 1) for k in checks]
        wrong = [k[:-3] for k, v in checks.items() if not v]
        if wrong:
            failures.append({"id": row["id"], "extractor": "numbers", "problem": ",".join(wrong),
                             "expected": g, "got": brief(p)})
    done_g, done_p = {gi for gi, _ in both}, {pi for _, pi in both}
    failures += [{"id": row["id"], "extractor": "numbers", "problem": "missed", "expected": g}
                 for gi, g in enumerate(gold) if gi not in done_g]
    failures += [{"id": row["id"], "extractor": "numbers", "problem": "spurious", "got": brief(p)}
                 for pi, p in enumerate(got) if pi not in done_p]
    return out
