"""One-line labels for selectboxes, badges and counts (plain text; escape before Markdown)."""

from __future__ import annotations

import re
from collections import Counter

from ..models import Claim, ClaimKind, Document, Evidence, Relation
from .values import claim_value, date_part

_SPACE = re.compile(r"\s+")

RELATION_ORDER = tuple(Relation)
RELATION_COLOURS = {
    Relation.SUPPORTS: "green", Relation.VARIES: "orange", Relation.MISATTRIBUTED: "red",
    Relation.BOUND_ONLY: "violet", Relation.CONFLICTS: "red", Relation.RELATED: "gray",
}


def speaker_or_value(claim: Claim) -> str:
    if claim.kind is ClaimKind.QUOTE:
        return claim.speaker or "(speaker unknown)"
    return claim_value(claim)


def relation_label(relation: Relation | str) -> str:
    return str(relation).replace("_", " ")


def evidence_summary(claim: Claim) -> str:
    """``2 supports · 1 conflicts``: evidence counted per relation, strongest first."""
    counts = Counter(e.relation for e in claim.evidence)
    parts = [f"{counts[r]} {relation_label(r)}" for r in RELATION_ORDER if counts[r]]
    return " · ".join(parts) or "no evidence"


def best_score(claim: Claim) -> float | None:
    """Highest score of the evidence that bears on the claim (``related`` aside)."""
    scores = [e.score for e in claim.evidence if e.relation is not Relation.RELATED]
    return round(max(scores), 1) if scores else None


def claim_label(claim: Claim, number: int | None = None, width: int = 90) -> str:
    """One line for a selectbox: (row number,) kind, the words, who or how much."""
    text = f"{claim.kind} · “{claim.text}” — {speaker_or_value(claim)}"
    text = text if number is None else f"{number}. {text}"
    text = _SPACE.sub(" ", text)
    return text if len(text) <= width else text[: width - 1] + "…"


def document_label(doc: Document) -> str:
    return f"{doc.title} — {doc.outlet or 'unknown outlet'} ({doc.source_set})"


def unique_labels(labels: dict) -> dict:
    """The same labels, with `` (2)``, `` (3)``… added to repeats: a selectbox tells its
    options apart by label."""
    seen: Counter = Counter()
    out = {}
    for key, label in labels.items():
        seen[label] += 1
        out[key] = label if seen[label] == 1 else f"{label} ({seen[label]})"
    return out


def evidence_label(index: int, evidence: Evidence) -> str:
    doc = evidence.document
    where = ", ".join(x for x in (doc.outlet or doc.title, date_part(doc.published)) if x)
    return f"{index}. {relation_label(evidence.relation)} — {where}"


def progress_fraction(done: float, expected: int) -> float:
    """Progress for a load whose document count is only estimated (zips, CSV rows):
    never 1.0 before the end, never going backwards."""
    if expected <= 0:
        return 0.0
    if done < expected:
        return done / expected * 0.9
    return min(0.99, 0.9 + 0.09 * (1 - expected / done))


def partition_progress(done: int, total: int, label: str) -> str:
    """The text under a progress bar over Dask partitions (CLI and Sources page)."""
    if not done:
        return f"0 of {total} partitions written"
    return f"{done} of {total} partitions written · {label}"
