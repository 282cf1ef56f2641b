"""Rows of the live desk: who is assigned which claim, and who has which claim
open right now (presence, with the time last seen so it expires)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .db import Conn, Store


@dataclass(frozen=True, slots=True)
class AssignmentRecord:
    claim_key: str
    assignee: str
    assigned_by: str
    assigned_at: str


def _in(keys: Sequence[str]) -> str:
    return ", ".join("?" * len(keys))


def assign(conn: Conn, claim_keys: Sequence[str], assignee: str, by: str, at: str) -> None:
    conn.executemany(
        "INSERT INTO assignments(claim_key, assignee, assigned_by, assigned_at) VALUES "
        "(?,?,?,?) ON CONFLICT(claim_key) DO UPDATE SET assignee=excluded.assignee, "
        "assigned_by=excluded.assigned_by, assigned_at=excluded.assigned_at",
        [(k, assignee, by, at) for k in claim_keys])


def unassign(conn: Conn, claim_keys: Sequence[str]) -> None:
    for i in range(0, len(claim_keys), 500):
        chunk = list(claim_keys[i:i + 500])
        conn.execute(f"DELETE FROM assignments WHERE claim_key IN ({_in(chunk)})", chunk)


def assignments(store: Store, claim_keys: Sequence[str]) -> dict[str, AssignmentRecord]:
    out: dict[str, AssignmentRecord] = {}
    keys = list(claim_keys)
    with store.read() as conn:
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            for row in conn.execute(
                    "SELECT claim_key, assignee, assigned_by, assigned_at FROM assignments "
                    f"WHERE claim_key IN ({_in(chunk)})", chunk):
                out[row[0]] = AssignmentRecord(*row)
    return out


def touch(conn: Conn, claim_key: str, who: str, name: str, at: float, forget_before: float
          ) -> None:
    """``who`` is on ``claim_key`` now (and on no other claim); old rows go."""
    conn.execute("DELETE FROM presence WHERE (who=? AND claim_key<>?) OR seen_at<?",
                 (who, claim_key, forget_before))
    conn.execute("INSERT INTO presence(claim_key, who, name, seen_at) VALUES (?,?,?,?) "
                 "ON CONFLICT(claim_key, who) DO UPDATE SET name=excluded.name, "
                 "seen_at=excluded.seen_at", (claim_key, who, name, at))


def leave(conn: Conn, who: str) -> None:
    conn.execute("DELETE FROM presence WHERE who=?", (who,))


def present(store: Store, claim_keys: Sequence[str], since: float
            ) -> list[tuple[str, str, str]]:
    """(claim_key, who, name) seen since ``since``, for these claims."""
    keys = list(claim_keys)
    out = []
    with store.read() as conn:
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            out += [tuple(r) for r in conn.execute(
                "SELECT claim_key, who, name FROM presence WHERE seen_at>=? AND "
                f"claim_key IN ({_in(chunk)}) ORDER BY claim_key, name", (since, *chunk))]
    return out
