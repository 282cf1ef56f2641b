"""Moving a desk's database to another backend (a laptop's SQLite file to the
team's PostgreSQL, or back): sets, documents, passages, claims, reviews, every
review event, the desk's users and assignments, with their ids, in one
transaction on the target.

The evidence cache is not copied: it is recomputed on first use (its entries are
keyed by the source's corpus version); nor is presence (who had which claim open
a moment ago). The target must be empty, so a copy never merges two desks'
histories.
"""

from __future__ import annotations

from collections.abc import Iterator

from .db import Conn, Store, bump_corpus_version
from .documents import CLAIM_COLUMNS, quoted

BATCH = 5000
TABLES = {  # in the order foreign keys need; "id" first where the table has one
    "sets": ("name", "created_at", "updated_at"),
    "documents": ("id", "source_set", "doc_key", "title", "outlet", "url", "published", "path",
                  "record", "text", "content_hash", "loaded_at"),
    "passages": ("id", "document_id", "start", '"end"', "text"),
    "claims": ("id", "document_id", "passage_id", "key", *map(quoted, CLAIM_COLUMNS)),
    "reviews": ("claim_key", "status", "note", "reviewer", "cited", "claim", "version",
                "updated_at", "finalised_at", "finalised_by"),
    "review_events": ("id", "claim_key", "at", "reviewer", "old_status", "new_status", "note",
                      "cited", "version", "subject", "email", "action"),
    "users": ("id", "subject", "email", "name", "role", "created_at", "last_seen"),
    "assignments": ("claim_key", "assignee", "assigned_by", "assigned_at"),
    "document_groups": ("document_id", "group_id", "content_hash", "signature"),
}
COPIED_META = ("demo_seeded",)


class TargetNotEmpty(ValueError):
    pass


def _batches(conn: Conn, table: str, columns: tuple[str, ...]) -> Iterator[list]:
    order = "id" if columns[0] == "id" else columns[0]
    cur = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
    while rows := cur.fetchmany(BATCH):
        yield [tuple(r) for r in rows]


def copy_database(source: Store, target: Store) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; returns rows per table."""
    counts = {}
    with source.snapshot() as snap, snap.read() as src, target.write() as dst:
        for table in ("sets", "documents", "reviews", "review_events", "users"):
            if dst.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]:
                raise TargetNotEmpty(f"the target database already has {table}: "
                                     "copy into an empty database")
        for table, columns in TABLES.items():
            counts[table] = 0
            for rows in _batches(src, table, columns):
                if table == "passages":
                    dst.insert_passages([r[1:] for r in rows], ids=[r[0] for r in rows])
                else:
                    dst.insert_many(table, columns, rows)
                counts[table] += len(rows)
            if columns[0] == "id":
                dst.reset_ids(table)
        for key in COPIED_META:
            row = src.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
            if row is not None:
                dst.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) "
                            "DO UPDATE SET value=excluded.value", (key, row[0]))
        bump_corpus_version(dst)
    return counts
