"""Shared fixtures: the spaCy pipelines (loaded once), and databases of the backend
under test (``WORKBENCH_TEST_BACKEND``: sqlite, the default, or postgres).

Record builders (documents, claims, evidence) are plain functions in ``helpers.py``;
the browser's server and Chromium are in ``browser_support.py``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import dbs
import pytest

from workbench.nlp import Pipeline, load_pipeline, rule_based_pipeline
from workbench.store import Store, postgres
from workbench.store.cluster import Cluster


@pytest.fixture(scope="session")
def nlp_trained():
    """The trained English pipeline; `make test` installs it, so CI runs these."""
    pipeline = load_pipeline("en_core_web_sm")
    if not pipeline.trained:
        pytest.fail("the trained spaCy pipeline is not installed: run `make test`")
    return pipeline.nlp


@pytest.fixture(scope="session")
def nlp_blank():
    """The rule-based fallback used when no trained pipeline is installed."""
    return rule_based_pipeline()


# -- databases: every test's store is SQLite, or with WORKBENCH_TEST_BACKEND=postgres a
# fresh database on a real PostgreSQL cluster started for the session ------------------

BACKEND = os.environ.get("WORKBENCH_TEST_BACKEND", "sqlite")
if BACKEND not in {"sqlite", "postgres"}:
    raise pytest.UsageError(f"WORKBENCH_TEST_BACKEND={BACKEND!r}: sqlite or postgres")


def pytest_report_header(config):
    return f"database backend: {BACKEND} (WORKBENCH_TEST_BACKEND)"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="SQLite-specific (files, WAL, crash durability)")
    for item in items:
        if BACKEND == "postgres" and "sqlite_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster on a Unix socket in a temporary folder
    (short, for the socket path's length limit); stopped and removed after."""
    root = Path(tempfile.mkdtemp(prefix="wbpg-"))
    cluster = Cluster(root).start(fast=True, max_connections=400)
    dbs.CLUSTER = cluster
    try:
        yield cluster
    finally:
        dbs.CLUSTER = None
        postgres.close_pools()
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def new_db(request, tmp_path_factory):
    """``new_db(name)``: the target (path or URL) of a new, empty database of the
    backend under test."""
    if BACKEND == "postgres":
        request.getfixturevalue("pg_cluster")
    return lambda name="w": dbs.fresh(tmp_path_factory.mktemp(name), name)


@pytest.fixture
def db_target(new_db) -> str:
    """One empty database of the backend under test (path or URL)."""
    return new_db("w")


@pytest.fixture(autouse=True)
def _release_pools():
    """Pooled connections of the test's databases go when the test ends."""
    yield
    if BACKEND == "postgres":
        postgres.close_pools()


@pytest.fixture(scope="session")
def rules() -> Pipeline:
    """The rule-based fallback as the ingest takes it (a ``Pipeline``)."""
    return Pipeline(rule_based_pipeline(), "rules", trained=False)


@pytest.fixture
def store(db_target: str) -> Store:
    """An empty database of the backend under test, the test's own."""
    return Store(db_target)
