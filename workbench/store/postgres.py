"""The team backend: PostgreSQL 15+ through psycopg 3 and a connection pool.

Reads run on autocommit connections; ``write()`` is one transaction at READ
COMMITTED, and a review's version check is made safe by a transaction-scoped
advisory lock on its claim key (``lock_review``), which also covers a claim's
first review, when there is no row yet to lock with ``FOR UPDATE``. Snapshots
are REPEATABLE READ, READ ONLY. Passages and claims go in with ``COPY``.

Full text: each passage's words, tokenised in Python exactly as SQLite's FTS5
``unicode61 remove_diacritics 2`` tokeniser does (``tokens``), are stored as a
``tsvector`` under a GIN index; a word's passages are ``tsv @@ 'word'::tsquery``.
Using the same tokens on both backends is what gives both the same candidates.
Text columns that are sorted on use the "C" collation, as SQLite compares bytes.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from .db import Conn, Snapshot, Store
from .tokens import tsquery_literal, tsvector_literal

POOL_MAX = 10
MAX_LEXEME_BYTES = 2000  # PostgreSQL refuses lexemes of 2 kB and more


class Row:
    """A result row readable by position and by column name (like sqlite3.Row)."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence, index: dict[str, int]) -> None:
        self._values, self._index = values, index

    def __getitem__(self, key: str | int) -> Any:
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: psycopg.Cursor) -> Callable[[Sequence], Row]:
    index = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


@functools.lru_cache(maxsize=1024)
def _placeholders(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (no SQL here holds a literal ``?``)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresConn(Conn):
    dialect = "postgres"
    rowid = "seq"

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw

    def execute(self, sql: str, args: Sequence = ()) -> Any:
        return self.raw.execute(_placeholders(sql), tuple(args))

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(_placeholders(sql), rows)

    def script(self, sql: str) -> None:
        """Several statements, no parameters (a migration)."""
        self.raw.execute(sql)

    def new_ids(self, table: str, n: int) -> list[int]:
        if n == 0:
            return []
        rows = self.raw.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            (table, n)).fetchall()
        return [r[0] for r in rows]

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
        with self.raw.cursor() as cur, \
                cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def insert_returning_ids(self, table: str, columns: Sequence[str],
                             rows: Sequence[Sequence]) -> list[int]:
        rows = list(rows)
        ids = self.new_ids(table, len(rows))
        self.insert_many(table, ("id", *columns), [(i, *r) for i, r in zip(ids, rows, strict=True)])
        return ids

    def insert_passages(self, rows: Sequence[tuple[int, int, int, str]],
                        ids: Sequence[int] | None = None) -> list[int]:
        with_tsv = [(*r, tsvector_literal(r[3], MAX_LEXEME_BYTES)) for r in rows]
        columns = ("document_id", "start", '"end"', "text", "tsv")
        if ids is None:
            return self.insert_returning_ids("passages", columns, with_tsv)
        self.insert_many("passages", ("id", *columns),
                         [(i, *r) for i, r in zip(ids, with_tsv, strict=True)])
        return list(ids)

    def reset_ids(self, table: str) -> None:
        self.raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                         f"GREATEST((SELECT max(id) FROM {table}), 1))")

    def word_postings(self, word: str) -> str | None:
        query = tsquery_literal(word)
        if not query:
            return None
        row = self.raw.execute(
            "SELECT string_agg(id::text, ',') FROM passages WHERE tsv @@ %s::tsquery",
            (query,)).fetchone()
        return row[0] if row else None

    def lock_review(self, claim_key: str) -> None:
        self.raw.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (claim_key,))

    def group_concat(self, expr: str, *, distinct: bool = False) -> str:
        if distinct:
            return f"string_agg(DISTINCT CAST({expr} AS TEXT), ',')"
        return f"string_agg(CAST({expr} AS TEXT), ',')"


_POOLS: dict[tuple[int, str], ConnectionPool] = {}
_POOLS_LOCK = threading.Lock()


def pool_for(url: str) -> ConnectionPool:
    """One pool per database URL and process (a forked child opens its own)."""
    key = (os.getpid(), url)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None or pool.closed:
            pool = ConnectionPool(url, min_size=1, max_size=POOL_MAX, open=False, kwargs={
                "autocommit": True, "row_factory": _row_factory})
            pool.open(wait=True, timeout=15)
            _POOLS[key] = pool
        return pool


def close_pools() -> None:
    """Close every pool of this process (tests, and before copying a database)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()


class PostgresStore(Store):
    """A handle on one PostgreSQL database through a shared connection pool."""

    def __init__(self, target: str | Path) -> None:
        self.target = str(target)
        from .migrate import migrate
        self.migrated = migrate(self)

    @property
    def _pool(self) -> ConnectionPool:
        return pool_for(self.target)

    @contextlib.contextmanager
    def read(self) -> Iterator[PostgresConn]:
        with self._pool.connection() as raw:
            yield PostgresConn(raw)

    @contextlib.contextmanager
    def write(self) -> Iterator[PostgresConn]:
        with self._pool.connection() as raw, raw.transaction():
            yield PostgresConn(raw)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        with self._pool.connection() as raw, raw.transaction():
            raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield Snapshot(PostgresConn(raw))

    def integrity_ok(self) -> bool:
        """PostgreSQL checks its own pages; this only checks the database answers."""
        with self.read() as conn:
            return conn.execute("SELECT count(*) FROM passages").fetchone()[0] >= 0

    def close(self) -> None:
        with _POOLS_LOCK:
            pool = _POOLS.pop((os.getpid(), self.target), None)
        if pool is not None:
            pool.close()
