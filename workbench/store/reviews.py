"""Review rows: the current state per claim (with a version) and the append-only
event log. The version check and the event insert happen in one write
transaction that holds the claim's lock (SQLite: ``BEGIN IMMEDIATE``;
PostgreSQL: an advisory lock on the claim key), so two reviewers can never both
win. Rows leave as ``ReviewRecord`` and ``EventRecord``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from .db import Conn, Store

_REVIEW = ("claim_key, status, note, reviewer, cited, claim, version, updated_at, "
           "finalised_at, finalised_by")
_EVENT = ("id, claim_key, at, reviewer, old_status, new_status, note, cited, version, "
          "subject, email, action")


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """The stored current review; ``cited`` and ``claim`` are JSON text."""
    claim_key: str
    status: str
    note: str
    reviewer: str
    cited: str
    claim: str
    version: int
    updated_at: str
    finalised_at: str | None = None  # set: the verdict is locked
    finalised_by: str = ""


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One accepted save, as appended to the event log."""
    id: int
    claim_key: str
    at: str
    reviewer: str
    old_status: str | None
    new_status: str
    note: str
    cited: str
    version: int
    subject: str = ""  # the signed-in identity; empty for a typed name
    email: str = ""
    action: str = "save"  # save, finalise or reopen


def current(conn: Conn, claim_key: str) -> ReviewRecord | None:
    """The claim's review inside a write transaction, locked until it ends."""
    conn.lock_review(claim_key)
    row = conn.execute(f"SELECT {_REVIEW} FROM reviews WHERE claim_key=?",
                       (claim_key,)).fetchone()
    return None if row is None else ReviewRecord(*row)


def many(store: Store, claim_keys: Sequence[str]) -> dict[str, ReviewRecord]:
    out = {}
    keys = list(claim_keys)
    with store.read() as conn:
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            for row in conn.execute(
                f"SELECT {_REVIEW} FROM reviews WHERE claim_key IN "
                f"({', '.join('?' * len(chunk))})", chunk
            ):
                out[row[0]] = ReviewRecord(*row)
    return out


def all_rows(store: Store) -> list[ReviewRecord]:
    with store.read() as conn:
        return [ReviewRecord(*r) for r in conn.execute(
            f"SELECT {_REVIEW} FROM reviews ORDER BY updated_at, claim_key")]


def write(conn: Conn, *, claim_key: str, old_status: str | None, status: str,
          note: str, reviewer: str, cited: list, claim: dict, version: int, at: str,
          subject: str = "", email: str = "", action: str = "save",
          finalised_at: str | None = None, finalised_by: str = "") -> None:
    """Upsert the current row and append its event (caller holds the transaction)."""
    cited_json = json.dumps(cited, ensure_ascii=False)
    conn.execute(
        "INSERT INTO reviews(claim_key, status, note, reviewer, cited, claim, version, updated_at, "
        "finalised_at, finalised_by) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(claim_key) DO "
        "UPDATE SET status=excluded.status, note=excluded.note, reviewer=excluded.reviewer, "
        "cited=excluded.cited, claim=excluded.claim, version=excluded.version, "
        "updated_at=excluded.updated_at, finalised_at=excluded.finalised_at, "
        "finalised_by=excluded.finalised_by",
        (claim_key, status, note, reviewer, cited_json, json.dumps(claim, ensure_ascii=False),
         version, at, finalised_at, finalised_by),
    )
    conn.execute(
        "INSERT INTO review_events(claim_key, at, reviewer, old_status, new_status, note, cited, "
        "version, subject, email, action) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (claim_key, at, reviewer, old_status, status, note, cited_json, version, subject, email,
         action),
    )


def versions(store: Store, claim_keys: Sequence[str]) -> dict[str, int]:
    """The current version of each reviewed claim: what a live page polls (cheap)."""
    keys = list(claim_keys)
    if not keys:
        return {}
    with store.read() as conn:
        return {k: v for k, v in conn.execute(
            f"SELECT claim_key, version FROM reviews WHERE claim_key IN "
            f"({', '.join('?' * len(keys))})", keys)}


def events(store: Store, claim_key: str) -> list[EventRecord]:
    with store.read() as conn:
        return [EventRecord(*r) for r in conn.execute(
            f"SELECT {_EVENT} FROM review_events WHERE claim_key=? ORDER BY id", (claim_key,))]


def all_events(store: Store) -> list[EventRecord]:
    """Every event of every claim, oldest first (for copying a desk's history)."""
    with store.read() as conn:
        return [EventRecord(*r) for r in conn.execute(
            f"SELECT {_EVENT} FROM review_events ORDER BY id")]
