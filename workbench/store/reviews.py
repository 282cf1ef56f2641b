"""Review rows: the current state per claim (with a version) and the append-only
event log. The version check and the event insert happen in one ``BEGIN
IMMEDIATE`` transaction, so two reviewers can never both win."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from .db import Store


def current(conn: sqlite3.Connection, claim_key: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM reviews WHERE claim_key=?", (claim_key,)).fetchone()


def many(store: Store, claim_keys: Sequence[str]) -> dict[str, sqlite3.Row]:
    out = {}
    keys = list(claim_keys)
    with store.read() as conn:
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            for row in conn.execute(
                f"SELECT * FROM reviews WHERE claim_key IN ({', '.join('?' * len(chunk))})", chunk
            ):
                out[row["claim_key"]] = row
    return out


def all_rows(store: Store) -> list[sqlite3.Row]:
    with store.read() as conn:
        return conn.execute("SELECT * FROM reviews ORDER BY updated_at").fetchall()


def write(conn: sqlite3.Connection, *, claim_key: str, old_status: str | None, status: str,
          note: str, reviewer: str, cited: list, claim: dict, version: int, at: str) -> None:
    """Upsert the current row and append its event (caller holds the transaction)."""
    cited_json = json.dumps(cited, ensure_ascii=False)
    conn.execute(
        "INSERT INTO reviews(claim_key, status, note, reviewer, cited, claim, version, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(claim_key) DO UPDATE SET status=excluded.status, "
        "note=excluded.note, reviewer=excluded.reviewer, cited=excluded.cited, "
        "claim=excluded.claim, version=excluded.version, updated_at=excluded.updated_at",
        (claim_key, status, note, reviewer, cited_json, json.dumps(claim, ensure_ascii=False),
         version, at),
    )
    conn.execute(
        "INSERT INTO review_events(claim_key, at, reviewer, old_status, new_status, note, cited, "
        "version) VALUES (?,?,?,?,?,?,?,?)",
        (claim_key, at, reviewer, old_status, status, note, cited_json, version),
    )


def events(store: Store, claim_key: str) -> list[sqlite3.Row]:
    with store.read() as conn:
        return conn.execute(
            "SELECT * FROM review_events WHERE claim_key=? ORDER BY id", (claim_key,)
        ).fetchall()
