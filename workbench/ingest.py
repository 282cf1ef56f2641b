"""Loading a source set: read, extract and store, one document at a time.

Documents stream from the readers; a small batch is extracted together (bounded,
so memory stays flat) and each document is written in its own transaction, so a
failure affects only that document and an interrupted load can simply be run
again (unchanged documents are skipped by content hash). Unreadable files come
back as ``Rejected`` records, never as exceptions, so the rest of the set still
loads.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import settings, sources, syndication
from .extract import Analysis, analyse, analyse_many
from .identity import Identity, check_loading
from .models import Document, Rejected
from .nlp import Pipeline, load_pipeline
from .store import Store
from .store import documents as rows

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]  # (documents seen so far, current name)
OnPiece = Callable[[int, int], None]  # (text in the batch, characters extracted so far)
LONG_TEXT = 200_000  # characters: a document this long reports progress inside itself
Batch = list[tuple[Document, str]]  # documents to extract together, with their labels
Extracted = tuple[Batch, list[Analysis] | None]  # None: the batch failed, retry one by one


@dataclass(slots=True)
class IngestReport:
    source_set: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)
    partitions: int = 0  # Dask tasks the load ran as (0: the in-process engine)

    @property
    def loaded(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)

    def summary(self) -> str:
        return (f"{self.source_set}: {len(self.added)} added, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected")


def document_label(doc: Document) -> str:
    """How a load names a document in its report (file, and row of a table)."""
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
    n_process: int = 1,
    identity: Identity | None = None,
) -> IngestReport:
    """Store every readable document of ``items`` in ``source_set``; with
    ``n_process`` > 1, batches are extracted in that many worker processes while
    this one writes, a few batches ahead at most. Loading a source set needs the
    admin role (``identity``), adding an article under review a reviewer's."""
    source_set = source_set.strip()
    if not source_set:
        raise ValueError("a source set needs a name")
    check_loading(store, identity, source_set)
    pipeline = pipeline or load_pipeline()
    report = IngestReport(source_set)
    workers = _Workers(pipeline, n_process) if n_process > 1 else None
    batch: Batch = []
    before: list[int] = []  # per document of the batch: items seen before it
    try:
        for n, item in enumerate(items, start=1):
            if isinstance(item, Rejected):
                report.rejected.append(item)
                if progress:
                    progress(n, item.name)
                continue
            label = document_label(item)
            if progress:  # a long text counts itself in as it is extracted (``_within``)
                progress(n - 1 if len(item.text) >= LONG_TEXT else n, label)
            item.source_set = source_set
            if _unchanged(store, item, report, label):
                continue
            batch.append((item, label))
            before.append(n - 1)
            if len(batch) >= BATCH_DOCUMENTS or sum(len(d.text) for d, _ in batch) >= BATCH_CHARS:
                _extract_then_store(store, batch, source_set, pipeline, report, workers,
                                    _within(progress, before, batch))
                batch, before = [], []
        _extract_then_store(store, batch, source_set, pipeline, report, workers,
                            _within(progress, before, batch))
        for done, analyses in workers.drain() if workers else ():
            _store_batch(store, done, source_set, pipeline, report, analyses)
    finally:
        if workers:
            workers.close()
    syndication.group_documents(store)  # issue 13: near-duplicates of what just loaded
    return report


def _within(progress: Progress | None, before: list[int], batch: Batch) -> OnPiece | None:
    """Progress inside a batch's long documents (``on_piece`` of ``analyse_many``):
    the bar moves through a long transcript instead of standing still on it."""
    if progress is None:
        return None

    def on_piece(i: int, chars: int) -> None:
        doc, label = batch[i]
        if len(doc.text) >= LONG_TEXT and chars < len(doc.text):
            share = chars / len(doc.text)
            progress(before[i] + share, f"{label}: {share:.0%} of its text extracted")
    return on_piece


def _extract_then_store(store: Store, batch: Batch, source_set: str, pipeline: Pipeline,
                        report: IngestReport, workers: _Workers | None,
                        on_piece: OnPiece | None = None) -> None:
    if not batch:
        return
    if workers is None:
        _store_batch(store, batch, source_set, pipeline, report,
                     _analyses(batch, pipeline, on_piece))
        return
    for done, analyses in workers.submit(batch):
        _store_batch(store, done, source_set, pipeline, report, analyses)


def _analyses(batch: Batch, pipeline: Pipeline,
              on_piece: OnPiece | None = None) -> list[Analysis] | None:
    try:
        return list(analyse_many([doc.text for doc, _ in batch], pipeline, on_piece=on_piece))
    except Exception:  # each document is then extracted alone, to reject only the broken one
        log.warning("extracting a batch of %d documents failed; extracting each alone",
                    len(batch), exc_info=True)
        return None


_WORKER_PIPELINE: Pipeline | None = None


def _worker_start(name: str) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = load_pipeline(name)


def _worker_extract(texts: list[str]) -> list[Analysis]:
    return list(analyse_many(texts, _WORKER_PIPELINE))


class _Workers:
    """Extraction in worker processes (each loads the pipeline once), results in
    submission order, at most two batches per worker in flight."""

    def __init__(self, pipeline: Pipeline, n_process: int) -> None:
        self.pool = ProcessPoolExecutor(n_process, initializer=_worker_start,
                                        initargs=(pipeline.name,))
        self.limit = 2 * n_process
        self.pending: deque[tuple[Batch, Future[list[Analysis]]]] = deque()

    def submit(self, batch: Batch) -> Iterator[Extracted]:
        self.pending.append((batch, self.pool.submit(_worker_extract,
                                                     [doc.text for doc, _ in batch])))
        while len(self.pending) > self.limit:
            yield self._next()

    def drain(self) -> Iterator[Extracted]:
        while self.pending:
            yield self._next()

    def _next(self) -> Extracted:
        batch, future = self.pending.popleft()
        try:
            return batch, future.result()
        except Exception:  # the main process retries each document alone (_store_batch)
            log.warning("a worker failed on a batch of %d documents; extracting each alone",
                        len(batch), exc_info=True)
            return batch, None

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _unchanged(store: Store, doc: Document, report: IngestReport, label: str) -> bool:
    with store.read() as conn:
        existing = rows.find_existing(conn, doc.source_set or "", doc)
    if existing is not None and existing.content_hash == doc.content_hash:
        report.unchanged.append(label)
        report.document_ids.append(existing.id)
        return True
    return False


def _store_batch(store: Store, batch: Batch, source_set: str, pipeline: Pipeline,
                 report: IngestReport, analyses: list[Analysis] | None) -> None:
    """Write each document of a batch in its own transaction; without analyses
    (extraction failed), each document is extracted alone so only the broken one
    is rejected."""
    for i, (doc, label) in enumerate(batch):
        try:
            analysis = analyses[i] if analyses is not None else analyse(doc.text, pipeline)
            _write(store, doc, source_set, analysis, report, label)
        except Exception as exc:  # one broken document must not stop the set
            log.info("rejected %s", doc.path or label, exc_info=True)
            report.rejected.append(Rejected(doc.path or label, f"could not be processed: {exc}",
                                            doc.record))


def _write(store: Store, doc: Document, source_set: str, analysis: Analysis,
           report: IngestReport, label: str) -> None:
    with store.write() as conn:  # the set appears with its first document, never empty
        rows.ensure_set(conn, source_set)
        existing = rows.find_existing(conn, source_set, doc)
        if existing is not None and existing.content_hash == doc.content_hash:
            report.unchanged.append(label)  # a copy earlier in the same batch
            report.document_ids.append(existing.id)
            return
        doc_id = rows.write_document(conn, source_set, doc, analysis.passages, analysis.claims,
                                     existing.id if existing is not None else None)
    (report.updated if existing is not None else report.added).append(label)
    report.document_ids.append(doc_id)


def wants_dask(files: int) -> bool:
    """Whether a load of ``files`` files is long enough for the Dask engine
    (``WORKBENCH_DASK_MIN_FILES``; 0 turns it off)."""
    least = int(settings.get("dask_min_files"))
    return least > 0 and files >= least


def ingest_paths(store: Store, paths: Iterable[str | Path], source_set: str, *,
                 pipeline: Pipeline | None = None, progress: Progress | None = None,
                 n_process: int = 1, identity: Identity | None = None) -> IngestReport:
    """Files, folders and zips on disk (the CLI; the UI's server folders)."""
    def items() -> Iterator[Document | Rejected]:
        for path in paths:
            yield from sources.read_path(path, source_set=source_set)
    return ingest(store, items(), source_set, pipeline=pipeline, progress=progress,
                  n_process=n_process, identity=identity)


def ingest_uploads(store: Store, uploads: Iterable[tuple[str, bytes]], source_set: str, *,
                   pipeline: Pipeline | None = None, progress: Progress | None = None,
                   n_process: int = 1, identity: Identity | None = None) -> IngestReport:
    """Files uploaded in the browser, zips included."""
    def items() -> Iterator[Document | Rejected]:
        for name, data in uploads:
            yield from sources.read_upload(name, data, source_set=source_set)
    return ingest(store, items(), source_set, pipeline=pipeline, progress=progress,
                  n_process=n_process, identity=identity)
