"""The backend interface: a ``Store`` and the connections it hands out.

``Store(target)`` opens SQLite for a file path or ``sqlite:///`` URL and
PostgreSQL for a ``postgresql://`` URL; both migrate the schema on opening
(``migrate``). Callers only ever see ``read()``, ``write()`` and ``snapshot()``,
each yielding a ``Conn``: one SQL text (``?`` placeholders, ANSI SQL both
engines accept) runs on either, and the few places where the engines differ
(full-text postings, bulk inserts, review locks, a couple of functions) are
methods of the connection. No SQL lives outside ``store/``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def sqlite_path(target: str | Path) -> str:
    """A file path from a bare path or a ``sqlite:///`` URL."""
    value = str(target)
    return value[len("sqlite:///"):] if value.startswith("sqlite:///") else value


def database_name(url: str) -> str:
    """The database a ``postgresql://`` URL names."""
    from psycopg.conninfo import conninfo_to_dict
    return str(conninfo_to_dict(url).get("dbname") or "")


def redacted(target: str | Path) -> str:
    """The target with any password replaced, for display and logs."""
    from urllib.parse import urlsplit, urlunsplit
    value = str(target)
    if not is_postgres(value):
        return value
    parts = urlsplit(value)
    if parts.password is None:
        return value
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class Conn:
    """One connection inside ``read()``/``write()``/``snapshot()``: the SQL
    both engines share goes through ``execute``; what differs is a method."""

    dialect = ""

    def execute(self, sql: str, args: Sequence = ()) -> Any:  # the driver's cursor
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        raise NotImplementedError

    def script(self, sql: str) -> None:
        """Several statements, no parameters (a migration; PostgreSQL only)."""
        raise NotImplementedError

    def insert_returning_ids(self, table: str, columns: Sequence[str],
                             rows: Sequence[Sequence]) -> list[int]:
        """Insert ``rows`` (bulk where the engine can) and return their new ids."""
        raise NotImplementedError

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
        raise NotImplementedError

    def insert_passages(self, rows: Sequence[tuple[int, int, int, str]],
                        ids: Sequence[int] | None = None) -> list[int]:
        """Insert ``(document_id, start, end, text)`` rows into ``passages`` and
        its full-text index (with these ``ids``, or new ones); returns the ids."""
        raise NotImplementedError

    def reset_ids(self, table: str) -> None:
        """After rows were inserted with explicit ids: new ids continue above them."""

    def word_postings(self, word: str) -> str | None:
        """Comma-joined ids of the passages holding ``word`` as the full-text
        index tokenises it (a word it splits must appear as all its parts)."""
        raise NotImplementedError

    def lock_review(self, claim_key: str) -> None:
        """Serialise writers of one claim's review until the transaction ends."""

    def group_concat(self, expr: str, *, distinct: bool = False) -> str:
        """SQL joining ``expr`` over a group with commas."""
        raise NotImplementedError

    rowid = "rowid"  # a column that orders a table's rows by insertion

    def unindexed(self, column: str) -> str:
        """``column`` written so the planner will not pick its index (SQLite's
        unary ``+``); PostgreSQL's planner needs no such hint."""
        return column


class Store:
    """A handle on one database; it hands out a connection per operation.
    ``Store(target)`` returns the SQLite or the PostgreSQL implementation."""

    target: str
    migrated: list[int]  # migrations applied when this handle opened the database

    def __new__(cls, target: str | Path) -> Store:
        if cls is Store:
            if is_postgres(target):
                from .postgres import PostgresStore as cls
            else:
                from .sqlite import SQLiteStore as cls
        return super().__new__(cls)

    def __repr__(self) -> str:
        return f"Store({redacted(self.target)!r})"

    @property
    def path(self) -> str:  # older name of the target
        return self.target

    def read(self) -> contextlib.AbstractContextManager[Conn]:
        raise NotImplementedError

    def write(self) -> contextlib.AbstractContextManager[Conn]:
        """A write transaction, committed on success, rolled back on any
        exception, so a failed step never leaves half its rows."""
        raise NotImplementedError

    def snapshot(self) -> contextlib.AbstractContextManager[Snapshot]:
        """A read-only view of one moment: every ``read()`` inside shares one
        transaction, so a reader making several queries never sees a save land
        between them."""
        raise NotImplementedError

    def integrity_ok(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        """Release pooled connections (PostgreSQL); a later call reopens them."""

    def get_meta(self, key: str) -> str | None:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    def corpus_version(self) -> int:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key='corpus_version'").fetchone()
        return int(row[0])

    def schema_version(self) -> int:
        from .migrate import applied
        with self.read() as conn:
            return max(applied(conn), default=0)


class Snapshot:
    """Stands in for a ``Store`` inside ``Store.snapshot()`` for readers."""

    def __init__(self, conn: Conn) -> None:
        self._conn = conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Conn]:
        yield self._conn


def bump_corpus_version(conn: Conn) -> None:
    """Called in every transaction that changes documents: cached evidence keyed
    by the old version is then recomputed."""
    conn.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='corpus_version'"
    )


def integrity_ok(store: Store) -> bool:
    return store.integrity_ok()
