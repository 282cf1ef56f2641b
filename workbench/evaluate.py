"""Scoring the extractors against hand-annotated gold passages, per beat and overall.

Gold lives in ``tests/gold`` in three collections (``GOLD_SETS``): ``catalogue`` (the
one-sentence constructions written beside the rules), ``news`` (news passages of 3–8
sentences across beats, written and annotated before the extractors saw them; see
``tests/gold/news/GUIDE.md``) and ``heldout`` (news passages never used to tune, scored
only at the end of a piece of work). Each ``*.jsonl`` line is one passage: ``id``,
``text``, ``beat`` and, per extractor, the expected claims. A key that is absent means
"not annotated for that extractor"; ``[]`` means the extractor must yield nothing.
``"furniture": true`` marks page furniture, on which nothing may be extracted.

The passages go through ``extract.analyse_many`` with the given pipeline, i.e. what a
user gets (selective parsing included); the matching rules are in ``scoring``.
This module does NOT tune anything or write files; the CLI decides what to print.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .extract import analyse_many
from .models import ClaimKind
from .nlp import FALLBACK_NAME, Pipeline
from .scoring import Tally, normalise_quote, same_speaker, score_passage
from .settings import PROJECT_ROOT

__all__ = ["DEFAULT_GOLD", "GOLD_SETS", "evaluate", "figure_lines", "load_gold",
           "normalise_quote", "same_speaker", "score_rows"]

DEFAULT_GOLD = PROJECT_ROOT / "tests" / "gold"
GOLD_SETS = {"catalogue": DEFAULT_GOLD, "news": DEFAULT_GOLD / "news",
             "heldout": DEFAULT_GOLD / "heldout", "heldout2": DEFAULT_GOLD / "heldout2"}


def load_gold(gold_dir: Path) -> list[dict]:
    """All passages of the ``*.jsonl`` files in ``gold_dir`` (not its subfolders),
    validated; each row gets ``_file`` (the file's stem) and a ``beat`` (its file's
    stem when the row names none)."""
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
            row.setdefault("beat", path.stem)
            row["_file"] = path.stem
            rows.append(row)
    if not rows:
        raise ValueError(f"no gold passages in {gold_dir}")
    return rows


def score_rows(rows: list[dict], predictions: Iterable[tuple[list, list]], name: str) -> dict:
    """Figures for ``predictions`` (one ``(quotes, numbers)`` pair per row, each a list
    of records with the ``Claim`` fields): overall, per beat, and every failure."""
    overall, beats = Tally(), {}
    failures: list[dict] = []
    for row, (quotes, numbers) in zip(rows, predictions, strict=True):
        beat = beats.setdefault(row["beat"], Tally())
        score_passage(row, quotes, numbers, (overall, beat), failures)
    result = {"pipeline": name, **overall.figures(),
              "by_beat": {b: t.figures() for b, t in sorted(beats.items())},
              "failures": failures}
    return result


def evaluate(pipeline: Pipeline, gold_dir: Path | None = None) -> dict:
    """Scores of the workbench's extractors with ``pipeline`` on every passage of
    ``gold_dir`` (default: the catalogue)."""
    rows = load_gold(Path(gold_dir) if gold_dir is not None else DEFAULT_GOLD)
    analyses = analyse_many([r["text"] for r in rows], pipeline)
    predictions = (([c for c in a.claims if c.kind is ClaimKind.QUOTE],
                    [c for c in a.claims if c.kind is ClaimKind.NUMERIC]) for a in analyses)
    name = pipeline.name if pipeline.trained else FALLBACK_NAME
    return score_rows(rows, predictions, name)


def _line(label: str, f: dict) -> str:
    q, n = f["quotes"], f["numbers"]
    return (f"{label:<12} {f['passages']:>4}  quote P {q['precision']:.3f} R {q['recall']:.3f} "
            f"F1 {q['f1']:.3f} · speaker acc {q['speaker_accuracy']:.3f} F1 "
            f"{q['speaker_f1']:.3f} · value F1 {n['value_f1']:.3f} value+unit F1 "
            f"{n['value_unit_f1']:.3f} SI {n['si_correct']:.3f} qual "
            f"{n['qualifier_accuracy']:.3f} dir {n['direction_accuracy']:.3f} about "
            f"{n['about_accuracy']:.3f} · furniture {f['furniture_claims']}")


def figure_lines(result: dict, *, by_beat: bool = False) -> list[str]:
    """One line of figures overall (and per beat): what ``workbench evaluate`` prints."""
    lines = [_line("all", result)]
    if by_beat:
        lines += [_line(beat, f) for beat, f in result["by_beat"].items()]
    return lines
