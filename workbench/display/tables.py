"""Tables the pages show, as pandas DataFrames with fixed columns (``st.dataframe`` renders
cells as plain text, so nothing here is escaped).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from ..models import Claim, Rejected, Status

if TYPE_CHECKING:
    from ..ingest import IngestReport
from .labels import best_score, evidence_summary, speaker_or_value
from .values import date_part, format_time


def claims_table(claims: Sequence[Claim], reviews: dict) -> pd.DataFrame:
    """One row per claim, indexed by claim key, in the order given."""
    rows = [{
        "kind": str(c.kind), "claim": c.text, "speaker or value": speaker_or_value(c),
        "best score": best_score(c), "evidence": evidence_summary(c),
        "status": str(reviews[c.key].status) if c.key in reviews else str(Status.UNREVIEWED),
    } for c in claims]
    columns = ["kind", "claim", "speaker or value", "status", "best score", "evidence"]
    return pd.DataFrame(rows, columns=columns, index=pd.Index([c.key for c in claims], name="key"))


def sets_table(summaries: Iterable) -> pd.DataFrame:
    return pd.DataFrame([{
        "name": s.name, "documents": s.documents, "outlets": ", ".join(s.outlets),
        "first published": date_part(s.first_published),
        "last published": date_part(s.last_published), "updated": format_time(s.updated_at),
    } for s in summaries], columns=["name", "documents", "outlets", "first published",
                                    "last published", "updated"])


def rejected_table(rejected: Iterable[Rejected]) -> pd.DataFrame:
    return pd.DataFrame([{"name": r.name, "row": r.row, "reason": r.reason} for r in rejected],
                        columns=["name", "row", "reason"]).astype({"row": "Int64"})


def history_table(events: Iterable) -> pd.DataFrame:
    return pd.DataFrame([{
        "when": format_time(e.at), "reviewer": e.reviewer, "from": e.old_status or "",
        "to": e.new_status, "note": e.note, "cited": len(e.cited), "version": e.version,
    } for e in events], columns=["when", "reviewer", "from", "to", "note", "cited", "version"])


def report_table(report: IngestReport) -> pd.DataFrame:
    """What a load did to each document: added, updated or unchanged."""
    rows = [{"document": name, "outcome": outcome}
            for outcome in ("added", "updated", "unchanged")
            for name in getattr(report, outcome)]
    return pd.DataFrame(rows, columns=["document", "outcome"])
