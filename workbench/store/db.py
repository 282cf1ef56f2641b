"""The SQLite database: schema, migrations and connections.

One short-lived connection per operation (never one shared across Streamlit's
threads), WAL mode so readers never block the writer, a busy timeout so writers
queue instead of failing, ``BEGIN IMMEDIATE`` for every write, and
``synchronous=FULL`` so an acknowledged review survives a crash. This module does
not know what the rows mean; the sibling modules do.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS sets (
    name TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source_set TEXT NOT NULL REFERENCES sets(name) ON DELETE CASCADE,
    doc_key TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT, url TEXT, published TEXT, path TEXT, record INTEGER,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    UNIQUE (source_set, doc_key)
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    text, content='passages', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id INTEGER REFERENCES passages(id) ON DELETE SET NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    speaker TEXT, cue TEXT,
    value REAL, value_max REAL, unit TEXT, qualifier TEXT,
    si_value REAL, si_value_max REAL, si_unit TEXT, dimension TEXT, about TEXT,
    direction TEXT
);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document_id);
CREATE INDEX IF NOT EXISTS claims_passage ON claims(passage_id);
CREATE INDEX IF NOT EXISTS claims_dimension ON claims(kind, dimension, si_unit);
CREATE INDEX IF NOT EXISTS claims_key ON claims(key);
CREATE TABLE IF NOT EXISTS evidence_cache (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    signature TEXT NOT NULL,
    payload TEXT NOT NULL,
    cached_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (claim_id, signature)
);
CREATE TABLE IF NOT EXISTS reviews (
    claim_key TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    cited TEXT NOT NULL DEFAULT '[]',
    claim TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS review_events (
    id INTEGER PRIMARY KEY,
    claim_key TEXT NOT NULL,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    old_status TEXT, new_status TEXT NOT NULL,
    note TEXT NOT NULL, cited TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS review_events_claim ON review_events(claim_key, id);
-- issue 13: near-duplicate groups (syndication). One row per grouped document: its
-- MinHash signature, the content hash it was computed from, and its group's id.
CREATE TABLE IF NOT EXISTS document_groups (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    signature BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS document_groups_group ON document_groups(group_id);
"""


class Store:
    """A handle on one database file; it opens a connection per operation."""

    def __init__(self, path: str | Path):
        self.path = str(path)  # a file: each operation opens its own connection to it
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect()
        try:  # executescript commits as it goes; every statement is idempotent
            conn.executescript(SCHEMA)
            columns = {r[1] for r in conn.execute("PRAGMA table_info(claims)")}
            if "direction" not in columns:  # databases made before changes had a direction
                conn.execute("ALTER TABLE claims ADD COLUMN direction TEXT")
            conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('corpus_version', '0')")
            # Tells this database from another created later at the same path (caches).
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('corpus_id', ?)",
                         (uuid.uuid4().hex,))
        finally:
            conn.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        return conn

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: ``BEGIN IMMEDIATE``, committed on success, rolled
        back on any exception, so a failed step never leaves half its rows."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def get_meta(self, key: str) -> str | None:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """A read-only view of one moment: every ``read()`` inside shares one
        deferred transaction (in WAL mode it never blocks writers), so a reader
        making several queries never sees a save land between them."""
        with self.read() as conn:
            conn.execute("BEGIN")
            try:
                yield Snapshot(conn)
            finally:
                conn.execute("ROLLBACK")  # nothing was written

    def corpus_version(self) -> int:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key='corpus_version'").fetchone()
        return int(row[0])


class Snapshot:
    """Stands in for a ``Store`` inside ``Store.snapshot()`` for readers."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        yield self._conn


def bump_corpus_version(conn: sqlite3.Connection) -> None:
    """Called in every transaction that changes documents: cached evidence keyed
    by the old version is then recomputed."""
    conn.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='corpus_version'"
    )


def integrity_ok(store: Store) -> bool:
    with store.read() as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
