"""Databases for the tests on either backend: fresh ones and copies.

SQLite: files under the test's temporary folder. PostgreSQL: databases on the
session's cluster (``conftest.pg_cluster`` sets ``CLUSTER``), a copy being
``CREATE DATABASE … TEMPLATE``.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
from pathlib import Path

from workbench.store import postgres
from workbench.store.db import database_name, is_postgres

CLUSTER = None  # the session's workbench.pgcluster.Cluster, when testing PostgreSQL
_NUMBER = itertools.count(1)


def backend() -> str:
    return os.environ.get("WORKBENCH_TEST_BACKEND", "sqlite")


def _name(name: str) -> str:
    return f"t{next(_NUMBER)}_{''.join(c for c in name if c.isalnum())[:30]}"


def fresh(folder: Path, name: str = "w") -> str:
    """An empty database's target: a file in ``folder``, or a new PostgreSQL database."""
    if backend() == "postgres":
        if CLUSTER is None:
            raise RuntimeError("the pg_cluster fixture is not running")
        return CLUSTER.create_database(_name(name))
    return str(Path(folder) / f"{name}.db")


def clone(source: str | Path, folder: Path, name: str = "copy") -> str:
    """A copy of the database at ``source`` (which nobody may be writing)."""
    if is_postgres(source):
        postgres.close_pools()  # a template database must have no open connections
        return CLUSTER.create_database(_name(name), template=database_name(source))
    target = Path(folder) / f"{name}.db"
    with contextlib.closing(sqlite3.connect(source)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return str(target)
