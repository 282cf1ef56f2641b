"""A numbered-migrations runner: a schema change is one module in
``migrations/`` named ``mNNNN_what.py`` with its SQL for SQLite and for
PostgreSQL. Applied numbers are rows of ``schema_migrations``; each pending
migration runs, with its row, in one transaction, so a failed change leaves the
database at the previous version. Opening a ``Store`` migrates; so does
``python -m workbench migrate``.

Why not alembic: two dialects whose full-text parts share nothing (FTS5 virtual
tables and triggers against ``tsvector`` + GIN) would be raw SQL in alembic too,
the schema is nine tables, and SQLAlchemy would be a dependency only for this.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from . import migrations
from .db import Conn, Store

LEGACY_VERSION = 1  # databases made before this runner: meta.schema_version = 1


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    sqlite: str
    postgres: str


def available() -> list[Migration]:
    """Every migration module, in number order."""
    found = []
    for info in pkgutil.iter_modules(migrations.__path__):
        if not (info.name.startswith("m") and info.name[1:5].isdigit()):
            continue
        module = importlib.import_module(f"{migrations.__name__}.{info.name}")
        found.append(Migration(int(info.name[1:5]), info.name[6:], module.SQLITE,
                               module.POSTGRES))
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return found


def latest() -> int:
    return available()[-1].number


def applied(conn: Conn) -> set[int]:
    """Migration numbers this (opened, hence migrated) database has applied."""
    return {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}


def _statements(script: str) -> list[str]:
    """A SQLite script split into whole statements (triggers hold ``;``)."""
    out, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n\t;"):
                out.append(pending.strip())
            pending = ""
    return out


def _run(conn: Conn, script: str) -> None:
    if conn.dialect == "postgres":
        conn.script(script)
    else:
        for statement in _statements(script):
            conn.execute(statement)


def _up_to_date(store: Store) -> bool:
    """True when nothing is pending, found without taking the write lock (so
    opening a database never queues behind a long ingest in another process)."""
    try:
        with store.read() as conn:
            if applied(conn) != {m.number for m in available()}:
                return False
            keys = {r[0] for r in conn.execute(
                "SELECT key FROM meta WHERE key IN ('corpus_version', 'corpus_id')")}
            return len(keys) == 2
    except Exception:  # no schema_migrations table yet (either engine's error)
        return False


def migrate(store: Store) -> list[int]:
    """Apply pending migrations; returns the numbers applied (none: up to date)."""
    if _up_to_date(store):
        return []
    done_now = []
    with store.write() as conn:
        if conn.dialect == "postgres":  # one migrating process at a time
            conn.execute("SELECT pg_advisory_xact_lock(7411)")
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = applied(conn)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        if not done and _legacy_version(conn) >= LEGACY_VERSION:
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (LEGACY_VERSION, "initial (made before migrations)", stamp))
            done = {LEGACY_VERSION}
        for m in available():
            if m.number in done:
                continue
            _run(conn, m.postgres if conn.dialect == "postgres" else m.sqlite)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (m.number, m.name, stamp))
            done_now.append(m.number)
        _seed_meta(conn, max(done | set(done_now)))
    return done_now


def _legacy_version(conn: Conn) -> int:
    if conn.dialect == "postgres":
        exists = conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
    else:
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def _seed_meta(conn: Conn, version: int) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (str(version),))
    conn.execute("INSERT INTO meta(key, value) VALUES ('corpus_version', '0') "
                 "ON CONFLICT(key) DO NOTHING")
    # Tells this database from another created later at the same place (caches).
    conn.execute("INSERT INTO meta(key, value) VALUES ('corpus_id', ?) "
                 "ON CONFLICT(key) DO NOTHING", (uuid.uuid4().hex,))
