"""Rows of near-duplicate groups (issue 13): each document's MinHash signature and
the id of the group it belongs to. The grouping itself is ``workbench.syndication``;
this module only reads and writes the ``document_groups`` table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .db import Conn


@dataclass(slots=True)
class Member:
    """A grouped document as the syndication logic needs it."""

    document_id: int
    group_id: int
    published: str | None


def ungrouped(conn: Conn, limit: int) -> list[tuple[int, str, str]]:
    """(id, text, content hash) of up to ``limit`` documents with no signature, or
    one computed from text that has changed since, oldest id first."""
    return conn.execute(
        "SELECT d.id, d.text, d.content_hash FROM documents d "
        "LEFT JOIN document_groups g ON g.document_id = d.id "
        "WHERE g.document_id IS NULL OR g.content_hash != d.content_hash ORDER BY d.id LIMIT ?",
        (limit,),
    ).fetchall()


def has_ungrouped(conn: Conn) -> bool:
    return conn.execute(
        "SELECT 1 FROM documents d LEFT JOIN document_groups g ON g.document_id = d.id "
        "WHERE g.document_id IS NULL OR g.content_hash != d.content_hash LIMIT 1"
    ).fetchone() is not None


def signatures(conn: Conn) -> Iterator[tuple[int, int, bytes]]:
    """(document id, group id, signature) of every grouped, unchanged document."""
    yield from conn.execute(
        "SELECT g.document_id, g.group_id, g.signature FROM document_groups g "
        "JOIN documents d ON d.id = g.document_id AND d.content_hash = g.content_hash"
    )


def save(conn: Conn, document_id: int, group_id: int, content_hash: str,
         signature: bytes) -> None:
    conn.execute(
        "INSERT INTO document_groups(document_id, group_id, content_hash, signature) "
        "VALUES (?,?,?,?) ON CONFLICT(document_id) DO UPDATE SET group_id=excluded.group_id, "
        "content_hash=excluded.content_hash, signature=excluded.signature",
        (document_id, group_id, content_hash, signature),
    )


def merge(conn: Conn, into: int, others: Iterable[int]) -> None:
    """Relabel the members of ``others`` groups as members of ``into``."""
    others = [g for g in others if g != into]
    if others:
        conn.execute(f"UPDATE document_groups SET group_id=? WHERE group_id IN "
                     f"({','.join('?' * len(others))})", (into, *others))


def members_of_groups_of(conn: Conn, document_ids: Iterable[int]) -> list[Member]:
    """Every member of the groups that the given documents belong to."""
    ids = sorted(set(document_ids))
    if not ids:
        return []
    rows = conn.execute(
        "SELECT g.document_id, g.group_id, d.published FROM document_groups g "
        "JOIN documents d ON d.id = g.document_id WHERE g.group_id IN "
        "(SELECT group_id FROM document_groups WHERE document_id IN "
        f"({','.join('?' * len(ids))}))", ids,
    ).fetchall()
    return [Member(r[0], r[1], r[2]) for r in rows]


def group_ids(conn: Conn, document_ids: Iterable[int]) -> dict[int, int]:
    """Group id of each given document that has one."""
    ids = sorted(set(document_ids))
    if not ids:
        return {}
    return dict(conn.execute(
        "SELECT document_id, group_id FROM document_groups WHERE document_id IN "
        f"({','.join('?' * len(ids))})", ids).fetchall())
