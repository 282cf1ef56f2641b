"""Rows for the self-contradiction check (issue 13): the numeric claims stored for a
few documents, each with the first characters of text after it (to see a value
followed by its conversion in brackets). Reads only; the check is
``workbench.consistency``."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Claim
from .db import Conn
from .documents import row_to_claim

TAIL = 16  # characters after a value read to find "(" before a conversion


def numeric_claims_of(conn: Conn, document_ids: Iterable[int]
                      ) -> dict[int, list[tuple[Claim, str]]]:
    """document id → its numeric claims in text order, each with the text after it."""
    ids = sorted(set(document_ids))
    out: dict[int, list[tuple[Claim, str]]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = conn.execute(
        f'SELECT c.*, substr(d.text, c."end" + 1, {TAIL}) AS tail FROM claims c '
        "JOIN documents d ON d.id = c.document_id WHERE c.kind = 'numeric' AND "
        f"c.document_id IN ({','.join('?' * len(ids))}) ORDER BY c.document_id, c.start", ids,
    ).fetchall()
    for row in rows:
        out[row["document_id"]].append((row_to_claim(row), row["tail"] or ""))
    return out
