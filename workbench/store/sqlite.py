"""The embedded backend: one SQLite file.

One short-lived connection per operation (never one shared across Streamlit's
threads), WAL mode so readers never block the writer, a busy timeout so writers
queue instead of failing, ``BEGIN IMMEDIATE`` for every write (so a review's
version check and its write can never interleave with another's), and
``synchronous=FULL`` so an acknowledged review survives a crash. Full text is
FTS5 (``unicode61 remove_diacritics 2``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .db import Conn, Snapshot, Store, sqlite_path


def fts_phrase(term: str) -> str:
    """One term as an FTS5 string literal: double quotes doubled, nothing else
    interpreted (AND, NEAR, *, ^, : and parentheses are just text inside it)."""
    return '"' + term.replace('"', '""') + '"'


class SQLiteConn(Conn):
    dialect = "sqlite"

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw

    def execute(self, sql: str, args: Sequence = ()) -> Any:
        return self.raw.execute(sql, tuple(args))

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        self.raw.executemany(sql, rows)

    def insert_returning_ids(self, table: str, columns: Sequence[str],
                             rows: Sequence[Sequence]) -> list[int]:
        sql = (f"INSERT INTO {table}({', '.join(columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        ids: list[int] = []
        for row in rows:  # lastrowid per row: SQLite inserts are in-process calls
            rowid = self.raw.execute(sql, tuple(row)).lastrowid
            assert rowid is not None  # an INSERT always sets it
            ids.append(rowid)
        return ids

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
        self.raw.executemany(f"INSERT INTO {table}({', '.join(columns)}) "
                             f"VALUES ({', '.join('?' * len(columns))})", rows)

    def insert_passages(self, rows: Sequence[tuple[int, int, int, str]],
                        ids: Sequence[int] | None = None) -> list[int]:
        # The FTS5 table follows by trigger (passages_ai).
        columns = ("document_id", "start", '"end"', "text")
        if ids is None:
            return self.insert_returning_ids("passages", columns, rows)
        self.insert_many("passages", ("id", *columns),
                         [(i, *r) for i, r in zip(ids, rows, strict=True)])
        return list(ids)

    def word_postings(self, word: str) -> str | None:
        row = self.raw.execute(
            "SELECT group_concat(rowid) FROM passages_fts WHERE passages_fts MATCH ?",
            (fts_phrase(word),)).fetchone()
        return row[0] if row else None

    def group_concat(self, expr: str, *, distinct: bool = False) -> str:
        return f"GROUP_CONCAT({'DISTINCT ' if distinct else ''}{expr})"

    def unindexed(self, column: str) -> str:
        return "+" + column


class SQLiteStore(Store):
    """A handle on one database file; it opens a connection per operation."""

    def __init__(self, target: str | Path) -> None:
        self.target = sqlite_path(target)
        Path(self.target).parent.mkdir(parents=True, exist_ok=True)
        from .migrate import migrate
        self.migrated = migrate(self)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.target, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        return conn

    @contextlib.contextmanager
    def read(self) -> Iterator[SQLiteConn]:
        conn = self._connect()
        try:
            yield SQLiteConn(conn)
        finally:
            conn.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[SQLiteConn]:
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield SQLiteConn(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        # A deferred transaction: in WAL mode it never blocks writers.
        with self.read() as conn:
            conn.execute("BEGIN")
            try:
                yield Snapshot(conn)
            finally:
                conn.execute("ROLLBACK")  # nothing was written

    def checkpoint(self) -> None:
        """Fold the WAL into the main file, so the file alone is a whole copy."""
        with self.read() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def integrity_ok(self) -> bool:
        with self.read() as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
