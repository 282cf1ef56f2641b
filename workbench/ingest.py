"""Loading a source set: read, extract and store, one document at a time.

Documents stream from the readers; a small batch is extracted together (bounded,
so memory stays flat) and each document is written in its own transaction, so a
failure affects only that document and an interrupted load can simply be run
again (unchanged documents are skipped by content hash). Unreadable files come
back as ``Rejected`` records, never as exceptions, so the rest of the set still
loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import sources
from .extract import analyse, analyse_many
from .models import Document, Rejected
from .nlp import Pipeline, load_pipeline
from .store import Store
from .store import documents as rows

Progress = Callable[[int, str], None]  # (documents seen so far, current name)


@dataclass(slots=True)
class IngestReport:
    source_set: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)

    @property
    def loaded(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)

    def summary(self) -> str:
        return (f"{self.source_set}: {len(self.added)} added, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected")


def _label(doc: Document) -> str:
    if doc.path and doc.record is not None:
        return f"{doc.path} (row {doc.record})"
    return doc.path or doc.url or doc.title


BATCH_DOCUMENTS = 16  # extracted together: spaCy's network is fastest on full batches
BATCH_CHARS = 1_000_000  # ... but never more text than this held at once


def ingest(
    store: Store,
    items: Iterable[Document | Rejected],
    source_set: str,
    *,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Store every readable document of ``items`` in ``source_set``."""
    source_set = source_set.strip()
    if not source_set:
        raise ValueError("a source set needs a name")
    pipeline = pipeline or load_pipeline()
    report = IngestReport(source_set)
    batch: list[tuple[Document, str]] = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, Rejected):
            report.rejected.append(item)
            if progress:
                progress(n, item.name)
            continue
        label = _label(item)
        if progress:
            progress(n, label)
        item.source_set = source_set
        if _unchanged(store, item, report, label):
            continue
        batch.append((item, label))
        if len(batch) >= BATCH_DOCUMENTS or sum(len(d.text) for d, _ in batch) >= BATCH_CHARS:
            _store_batch(store, batch, source_set, pipeline, report)
            batch = []
    _store_batch(store, batch, source_set, pipeline, report)
    return report


def _unchanged(store, doc, report, label) -> bool:
    with store.read() as conn:
        existing = rows.find_existing(conn, doc.source_set, doc)
    if existing is not None and existing["content_hash"] == doc.content_hash:
        report.unchanged.append(label)
        report.document_ids.append(existing["id"])
        return True
    return False


def _store_batch(store, batch, source_set, pipeline, report) -> None:
    """Extract a batch together, then write each document in its own transaction;
    if extraction fails, each document is extracted alone so only the broken one
    is rejected."""
    try:
        analyses = list(analyse_many([doc.text for doc, _ in batch], pipeline))
    except Exception:
        analyses = [None] * len(batch)
    for (doc, label), analysis in zip(batch, analyses, strict=True):
        try:
            _write(store, doc, source_set, analysis or analyse(doc.text, pipeline), report, label)
        except Exception as exc:  # one broken document must not stop the set
            report.rejected.append(Rejected(doc.path or label, f"could not be processed: {exc}",
                                            doc.record))


def _write(store, doc, source_set, analysis, report, label) -> None:
    with store.write() as conn:  # the set appears with its first document, never empty
        rows.ensure_set(conn, source_set)
        existing = rows.find_existing(conn, source_set, doc)
        if existing is not None and existing["content_hash"] == doc.content_hash:
            report.unchanged.append(label)  # a copy earlier in the same batch
            report.document_ids.append(existing["id"])
            return
        doc_id = rows.write_document(conn, source_set, doc, analysis.passages, analysis.claims,
                                     existing["id"] if existing is not None else None)
    (report.updated if existing is not None else report.added).append(label)
    report.document_ids.append(doc_id)


def ingest_paths(store: Store, paths: Iterable[str | Path], source_set: str, **kw) -> IngestReport:
    """Files, folders and zips on disk (the CLI; the UI's server folders)."""
    def items():
        for path in paths:
            yield from sources.read_path(path, source_set=source_set)
    return ingest(store, items(), source_set, **kw)


def ingest_uploads(
    store: Store, uploads: Iterable[tuple[str, bytes]], source_set: str, **kw
) -> IngestReport:
    """Files uploaded in the browser, zips included."""
    def items():
        for name, data in uploads:
            yield from sources.read_upload(name, data, source_set=source_set)
    return ingest(store, items(), source_set, **kw)
