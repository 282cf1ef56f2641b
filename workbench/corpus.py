"""The corpus as a fact-checker sees it: articles under review, the sets to match
them against, and the demo set seeded on first start."""

from __future__ import annotations

from pathlib import Path

from . import settings
from .identity import Identity, Role, check
from .ingest import IngestReport, ingest, ingest_paths
from .match import check_document
from .models import Document
from .nlp import Pipeline
from .sources import read_article
from .store import Store
from .store import documents as rows

DEMO_DIR = settings.PROJECT_ROOT / "data" / "demo"


def open_store(path: str | Path | None = None) -> Store:
    """The database named by ``path``, else by the ``db`` setting."""
    return Store(path or settings.db_path())


def add_article(store: Store, article: Document, *, pipeline: Pipeline | None = None,
                identity: Identity | None = None) -> Document:
    """Store an article pasted or uploaded for review (extracted like any source)
    in the articles set, and return it with its id. Its claims' evidence in the
    default sets is found now, as part of adding it, so opening it is instant. Needs
    the reviewer role (``identity``)."""
    name = str(settings.get("articles_set"))
    report = ingest(store, [article], name, pipeline=pipeline, identity=identity)
    if not report.document_ids:
        raise ValueError("; ".join(str(r) for r in report.rejected) or "nothing to store")
    doc_id = report.document_ids[-1]
    stored, _ = check_document(store, doc_id, sets=default_sets(store))
    return stored


def delete_set(store: Store, name: str, *, identity: Identity | None = None) -> int:
    """Delete a source set and its documents (admins only); returns how many went."""
    check(store, identity, Role.admin, f"deleting the set {name!r}")
    return rows.delete_set(store, name)


def default_sets(store: Store) -> list[str]:
    """Every set but the articles under review: what claims are matched against."""
    articles = str(settings.get("articles_set"))
    return [s.name for s in rows.list_sets(store) if s.name != articles]


def seed_demo(store: Store, demo_dir: Path = DEMO_DIR) -> IngestReport | None:
    """Load the demo sources and article on the first start of a database; None
    if it was seeded before or already holds sets (a user who deleted the demo
    does not get it back)."""
    if rows.list_sets(store) or store.get_meta("demo_seeded"):
        return None
    report = ingest_paths(store, [demo_dir / "sources"], str(settings.get("demo_set")))
    for path in sorted((demo_dir / "article").glob("*")):
        add_article(store, read_article(path.name, path.read_bytes()))
    store.set_meta("demo_seeded", "1")
    return report
