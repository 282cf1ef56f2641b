"""Records shared by every station of the flow: documents, claims, evidence, reviews.

Plain dataclasses, no behaviour beyond small derived values, so every module
(readers, extractors, store, matcher, UI) can pass them around without importing
each other. ``to_dict`` gives the JSON field names that scripts rely on.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class ClaimKind(StrEnum):
    QUOTE = "quote"
    NUMERIC = "numeric"
    STATEMENT = "statement"  # a check-worthy sentence (workbench.statements), not stored


class Relation(StrEnum):
    """How a passage of another source bears on a claim."""

    SUPPORTS = "supports"  # same words and speaker / same value within tolerance
    VARIES = "varies"  # quote wording differs
    MISATTRIBUTED = "misattributed"  # same words, another speaker
    BOUND_ONLY = "bound_only"  # the claim's "more than"/"up to" holds, magnitudes differ
    CONFLICTS = "conflicts"  # incompatible value
    RELATED = "related"  # on the subject, nothing comparable


class Status(StrEnum):
    """A reviewer's verdict on a claim."""

    UNREVIEWED = "unreviewed"
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    MISQUOTED = "misquoted"
    MISATTRIBUTED = "misattributed"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"
    NEEDS_FOLLOW_UP = "needs follow-up"


_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=16)  # matching asks for the article's hash once per claim
def content_hash(text: str) -> str:
    """Hash of the text with Unicode and whitespace normalised: the same article
    saved twice (other line endings, a BOM, NFC vs NFD) hashes the same."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """One article or transcript, cleaned of page furniture."""

    title: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date (or datetime) string
    source_set: str | None = None
    path: str | None = None  # file name / member path it was read from
    record: int | None = None  # 1-based row of a .csv/.jsonl file, else None
    id: int | None = None  # database id once stored
    group: int | None = None  # near-duplicate group (issue 13), set when evidence is weighed
    origin: bool | None = None  # the group's earliest member

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "source_set": self.source_set,
            "path": self.path,
            "record": self.record,
            "group": self.group,
            "origin": self.origin,
        }


@dataclass(slots=True)
class Rejected:
    """A file (or a row/member of one) that could not be read, and why."""

    name: str
    reason: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"{self.name} (row {self.row})" if self.row is not None else self.name
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Passage:
    """A sentence (or transcript turn) of a document, the unit of evidence."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Claim:
    """A checkable statement found in a text: a direct quote or a numeric claim.

    Offsets are character offsets into the document text. For a quote, ``text`` is
    the quoted words without the marks (parts of a split quote joined by a space)
    and start/end cover them; for a numeric claim, ``text`` is the surface span
    ("more than 3,200 kilometers per hour") and start/end cover it.
    """

    kind: ClaimKind
    text: str
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    si_value: float | None = None
    si_value_max: float | None = None
    si_unit: str | None = None
    dimension: str | None = None
    about: str | None = None
    direction: str | None = None  # "up" / "down": the figure is the size or an end of a change
    id: int | None = None
    key: str | None = None  # stable across re-extraction; reviews hang on it
    evidence: list[Evidence] = field(default_factory=list)
    confirmations: dict | None = None  # {"independent": N, "copies": M} (workbench.syndication)
    first_seen: dict | None = None  # {"document": ..., "published": ...} (workbench.provenance)
    time_scope: dict | None = None  # {text, start, end, from} the claim speaks of (timescope)
    checkworthy: dict | None = None  # statements: {score, features} (workbench.statements)

    @property
    def si_mid(self) -> float | None:
        if self.si_value is None:
            return None
        if self.si_value_max is None:
            return self.si_value
        return (self.si_value + self.si_value_max) / 2

    def to_dict(self) -> dict:
        """The public JSON of a claim (the internal review ``key`` left out)."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "key"}
        out["kind"] = str(self.kind)
        out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


@dataclass(slots=True)
class Evidence:
    """A passage of another document bearing on a claim.

    ``start``/``end`` locate the matched words in the evidence document's text;
    ``passage_start`` is where the passage itself starts, so a UI can highlight
    ``passage[start - passage_start:end - passage_start]``. ``ratio`` is the
    evidence value over the claim value (midpoints of ranges).
    """

    document: Document
    passage: str
    start: int
    end: int
    score: float
    relation: Relation
    passage_start: int = 0
    speaker: str | None = None
    quote: str | None = None
    si_value: float | None = None
    si_value_max: float | None = None
    ratio: float | None = None
    passage_id: int | None = None
    group: int | None = None  # the evidence document's near-duplicate group
    self_conflict: bool = False  # its document contradicts itself (workbench.consistency)
    self_conflicts: list[dict] = field(default_factory=list)  # the disagreeing pairs
    stale: bool = False  # published before the claim's event, or about another period
    time_scope: dict | None = None  # {claim, evidence, stale, reason} (workbench.timescope)
    why: dict | None = None  # why it ranks here: words, scores, conversion (match.explain)

    def to_dict(self) -> dict:
        return {
            "document": self.document.to_dict(),
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 1),
            "relation": str(self.relation),
            "speaker": self.speaker,
            "si_value": self.si_value,
            "si_value_max": self.si_value_max,
            "ratio": None if self.ratio is None else round(self.ratio, 4),
            "group": self.group,
            "self_conflict": self.self_conflict,
            "self_conflicts": self.self_conflicts,
            "stale": self.stale,
            "time_scope": self.time_scope,
            "why": self.why,
        }
