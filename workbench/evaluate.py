"""Scoring the extractors against the hand-annotated gold passages.

Every ``*.jsonl`` file of the gold folder (default ``PROJECT_ROOT/tests/gold``) holds one
passage per line: ``id``, ``text`` and, per extractor, the expected claims. A key that
is absent means "not annotated for that extractor"; a key present as ``[]`` means the
extractor must yield nothing. ``"furniture": true`` marks page furniture (bylines,
clock times, share buttons), on which no extractor may yield anything.

Annotation conventions for quotes: ``text`` is the words between the marks as written
(inner marks kept; parts of a split or multi-paragraph quote joined by one space);
``speaker`` is the fullest name the passage gives, without titles ("Rustem Umerov"),
an organisation as named ("Northwind Airways"), an unnamed source as described
("the rail operator"), or null; ``cue`` is the attribution as written (not scored).

Matching: a predicted quote matches a gold one when their normalised texts (case,
whitespace, quote marks and edge punctuation ignored) reach rapidfuzz ``fuzz.ratio``
>= 90, one-to-one, best pairs first. A speaker is right when both normalise (titles,
articles, possessives dropped) to the same words or one ends with the other on a word
boundary ("Zelensky" ~ "Volodymyr Zelensky"); a null gold speaker needs a null guess.
A predicted number matches when unit, value and value_max agree (relative 1e-6).

This module does NOT tune anything, cache results, or write files; the CLI decides
what to print. The numeric part is skipped, with a note, while
``workbench.extract.quantities`` cannot be imported.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .extract.quotes import extract_quotes
from .extract.words import strip_titles
from .models import Claim
from .nlp import FALLBACK_NAME
from .settings import PROJECT_ROOT

DEFAULT_GOLD = PROJECT_ROOT / "tests" / "gold"
QUOTE_RATIO = 90.0
VALUE_REL = 1e-6
SI_REL = 0.01
_MARKS = re.compile("[\"'`\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]")
_EDGE = " .,;:!?-\u2014\u2013\u2026"
_ARTICLES = ("the", "a", "an")


def load_gold(gold_dir: Path) -> list[dict]:
    """All passages of the ``*.jsonl`` files in ``gold_dir``, validated."""
    rows: list[dict] = []
    seen: set[str] = set()
    for path in sorted(Path(gold_dir).glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: not JSON ({exc})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "id" not in row:
                raise ValueError(f"{where}: needs an 'id' and a 'text'")
            if row["id"] in seen:
                raise ValueError(f"{where}: duplicate id {row['id']!r}")
            for key in ("quotes", "numbers"):
                if key in row and not isinstance(row[key], list):
                    raise ValueError(f"{where}: {key!r} must be a list")
            seen.add(row["id"])
            rows.append(row)
    if not rows:
        raise ValueError(f"no gold passages in {gold_dir}")
    return rows


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


def _close(a: float | None, b: float | None, rel: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(abs(a), abs(b)) or a == b


def _pairs(gold: list, pred: list, score: Callable[[Any, Any], float | None]):
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


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def _quote_score(g: dict, p: Claim) -> float | None:
    s = fuzz.ratio(normalise_quote(g["text"]), normalise_quote(p.text))
    return s if s >= QUOTE_RATIO else None


def _number_score(g: dict, p: Claim) -> float | None:
    ok = (g.get("unit") == p.unit and _close(g.get("value"), p.value, VALUE_REL)
          and _close(g.get("value_max"), p.value_max, VALUE_REL))
    return 1.0 if ok else None


def _pipeline(pipeline_nlp) -> tuple[Any, str]:
    if hasattr(pipeline_nlp, "nlp"):
        return pipeline_nlp.nlp, pipeline_nlp.name
    nlp = pipeline_nlp
    if "ner" in nlp.pipe_names or "parser" in nlp.pipe_names:
        return nlp, f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}"
    return nlp, FALLBACK_NAME


def _quantities() -> tuple[Callable | None, str | None]:
    try:
        module = importlib.import_module("workbench.extract.quantities")
        return module.extract_quantities, None
    except (ImportError, AttributeError) as exc:
        return None, f"numeric part skipped: workbench.extract.quantities unavailable ({exc})"


def _brief(claim: Claim, fields: Iterable[str]) -> dict:
    return {f: getattr(claim, f) for f in fields}


def evaluate(pipeline_nlp, gold_dir: Path | None = None) -> dict:
    """Quote and number scores of ``pipeline_nlp`` (a spaCy ``Language`` or a
    ``workbench.nlp.Pipeline``) on every gold passage, with per-case failures."""
    nlp, name = _pipeline(pipeline_nlp)
    rows = load_gold(Path(gold_dir) if gold_dir is not None else DEFAULT_GOLD)
    quantities, note = _quantities()
    q = {"tp": 0, "fp": 0, "fn": 0, "speaker_ok": 0, "cue_ok": 0, "cue_n": 0}
    n = {"tp": 0, "fp": 0, "fn": 0, "si_ok": 0, "qual_ok": 0}
    furniture = {"quote": 0, "numeric": 0}
    failures: list[dict] = []
    number_fields = ("text", "value", "value_max", "unit", "qualifier", "si_value")
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        got_q = list(extract_quotes(doc))
        got_n = list(quantities(doc)) if quantities else []
        if row.get("furniture"):
            furniture["quote"] += len(got_q)
            furniture["numeric"] += len(got_n)
            failures += [{"id": row["id"], "extractor": "furniture", "problem": "spurious",
                          "expected": None, "got": _brief(c, ("kind", "text"))}
                         for c in got_q + got_n]
        if "quotes" in row:
            gold = row["quotes"]
            pairs = _pairs(gold, got_q, _quote_score)
            q["tp"] += len(pairs)
            q["fp"] += len(got_q) - len(pairs)
            q["fn"] += len(gold) - len(pairs)
            for gi, pi in pairs:
                g, p = gold[gi], got_q[pi]
                if same_speaker(g.get("speaker"), p.speaker):
                    q["speaker_ok"] += 1
                else:
                    failures.append({"id": row["id"], "extractor": "quotes", "problem": "speaker",
                                     "expected": g.get("speaker"), "got": p.speaker,
                                     "quote": g["text"]})
                if g.get("cue") is not None:
                    q["cue_n"] += 1
                    q["cue_ok"] += (p.cue or "").casefold() == g["cue"].casefold()
            matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
            failures += [{"id": row["id"], "extractor": "quotes", "problem": "missed",
                          "expected": g, "got": None}
                         for gi, g in enumerate(gold) if gi not in matched_g]
            failures += [{"id": row["id"], "extractor": "quotes", "problem": "spurious",
                          "expected": None, "got": _brief(p, ("text", "speaker", "cue"))}
                         for pi, p in enumerate(got_q) if pi not in matched_p]
        if "numbers" in row and quantities:
            gold = row["numbers"]
            pairs = _pairs(gold, got_n, _number_score)
            n["tp"] += len(pairs)
            n["fp"] += len(got_n) - len(pairs)
            n["fn"] += len(gold) - len(pairs)
            for gi, pi in pairs:
                g, p = gold[gi], got_n[pi]
                si_ok = _close(g.get("si_value"), p.si_value, SI_REL)
                qual_ok = g.get("qualifier") == p.qualifier
                n["si_ok"] += si_ok
                n["qual_ok"] += qual_ok
                if not (si_ok and qual_ok):
                    failures.append({"id": row["id"], "extractor": "numbers",
                                     "problem": "si_value" if not si_ok else "qualifier",
                                     "expected": g, "got": _brief(p, number_fields)})
            matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
            failures += [{"id": row["id"], "extractor": "numbers", "problem": "missed",
                          "expected": g, "got": None}
                         for gi, g in enumerate(gold) if gi not in matched_g]
            failures += [{"id": row["id"], "extractor": "numbers", "problem": "spurious",
                          "expected": None, "got": _brief(p, number_fields)}
                         for pi, p in enumerate(got_n) if pi not in matched_p]
    quotes = _prf(q["tp"], q["fp"], q["fn"])
    quotes["speaker_accuracy"] = round(q["speaker_ok"] / q["tp"], 4) if q["tp"] else 1.0
    quotes["cue_accuracy"] = round(q["cue_ok"] / q["cue_n"], 4) if q["cue_n"] else 1.0
    quotes["passages"] = sum("quotes" in r for r in rows)
    if quantities:
        numbers = _prf(n["tp"], n["fp"], n["fn"])
        numbers["si_correct"] = round(n["si_ok"] / n["tp"], 4) if n["tp"] else 1.0
        numbers["qualifier_accuracy"] = round(n["qual_ok"] / n["tp"], 4) if n["tp"] else 1.0
        numbers["passages"] = sum("numbers" in r for r in rows)
    else:
        numbers = {"skipped": note}
    return {
        "pipeline": name,
        "passages": len(rows),
        "quotes": quotes,
        "numbers": numbers,
        "furniture_claims": furniture["quote"] + furniture["numeric"],
        "furniture_quote_claims": furniture["quote"],
        "furniture_number_claims": furniture["numeric"],
        "furniture_passages": sum(bool(r.get("furniture")) for r in rows),
        "notes": [note] if note else [],
        "failures": failures,
    }
