"""Ingest on Dask: the client lists and partitions, workers extract, the client writes.

    ingest_dask(store, paths, "wires")                       a LocalCluster, 2 workers
    ingest_dask(store, paths, "wires", scheduler="tcp://host:8786")   the user's cluster

Only the client writes to the database, in one transaction per partition
(``store.documents.write_many``), so content hashes keep a load idempotent and a
re-run skips what is stored: the workers are told, per partition, the content
hashes already stored under its documents' paths and do not extract those
again. A few partitions per worker are in flight at once, so memory stays flat
however large the archive. A worker killed mid-task loses only that task, which
Dask's scheduler runs again elsewhere (its ``allowed-failures``); a partition
that fails for good is reported file by file as rejected, like any unreadable
file, and the rest of the set still loads.
"""

from __future__ import annotations

import contextlib
import sys
import types
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from distributed import Client, LocalCluster

from .. import settings
from ..extract import analyse
from ..identity import Identity, check_loading
from ..ingest import IngestReport, document_label
from ..models import Rejected
from ..nlp import load_pipeline
from ..store import Store, documents
from ..store.documents import write_many
from .batches import Extracted, from_batches
from .listing import PARTITION_UNITS, Partition, Unit, list_units, partition
from .worker import PipelinePlugin, extract_partition, settings_env

# (partitions done, partitions in all, what the last one held)
PartitionProgress = Callable[[int, int, str], None]
IN_FLIGHT_PER_WORKER = 3


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new LocalCluster of
    ``workers`` single-threaded processes (spaCy holds the GIL) on this machine."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # The scheduler's HTTP server (health, dashboard) on loopback, any free port.
    with _plain_main(), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                     dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster) as client:
        yield client


@contextlib.contextmanager
def _plain_main() -> Iterator[None]:
    """Worker processes are spawned, and a spawned process first re-runs the
    parent's ``__main__`` module: under Streamlit (or AppTest) that is the app
    script, which would seed and render the app in every worker. While the
    cluster lives (workers restarted by their nanny are spawned then too),
    ``__main__`` is an empty module; Streamlit sets its own again on each rerun."""
    real = sys.modules.get("__main__")
    stub = types.ModuleType("__main__")  # no __file__, no __spec__: nothing to re-run
    sys.modules["__main__"] = stub
    try:
        yield
    finally:
        if sys.modules.get("__main__") is stub and real is not None:
            sys.modules["__main__"] = real


def ingest_dask(
    store: Store,
    paths: Iterable[str | Path],
    source_set: str,
    *,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    model: str | None = None,
    progress: PartitionProgress | None = None,
    partition_units: int | None = None,
    identity: Identity | None = None,
) -> IngestReport:
    """Load files, folders and zips into ``source_set`` on a Dask cluster (``client``,
    else the one at ``scheduler``, else a LocalCluster of ``workers`` processes; both
    default to the ``dask_scheduler`` and ``dask_workers`` settings);
    ``partition_units`` files or zip members make one task (default: enough tasks
    for a few per worker, at most ``PARTITION_UNITS`` files each). Admins only, as
    any load of a source set (``identity``)."""
    source_set = source_set.strip()
    if not source_set:
        raise ValueError("a source set needs a name")
    check_loading(store, identity, source_set)
    model = model or load_pipeline().name
    report = IngestReport(source_set)
    units: list[Unit] = []
    for item in list_units(paths, members=partition_units or PARTITION_UNITS):
        if isinstance(item, Rejected):
            report.rejected.append(item)
        else:
            units.append(item)
    scheduler = scheduler if scheduler is not None else str(settings.get("dask_scheduler"))
    workers = workers or int(settings.get("dask_workers"))
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(scheduler, workers))
        size = partition_units or _partition_size(units, client)
        parts = partition(units, max_units=size)
        report.partitions = len(parts)
        _run(client, store, parts, source_set, model, report, progress)
    return report


def _partition_size(units: list[Unit], client: Client) -> int:
    """Files per task: four tasks per worker at least (so a slow one is not the
    whole load), at most ``PARTITION_UNITS``."""
    weight = sum(len(u.members) if u.members is not None else 1 for u in units)
    workers = max(1, len(client.scheduler_info()["workers"]))
    return max(1, min(PARTITION_UNITS, -(-weight // (4 * workers))))


def _run(client: Client, store: Store, parts: list[Partition], source_set: str, model: str,
         report: IngestReport, progress: PartitionProgress | None) -> None:
    """Keep a few partitions per worker in flight; write their results in
    partition order (file order, as in-process), so which of two identical
    documents is stored and which is reported unchanged does not depend on
    which worker was faster."""
    client.register_plugin(PipelinePlugin(model, settings_env()))
    run = uuid.uuid4().hex[:8]
    pending = iter(parts)
    in_flight: deque = deque()

    def submit() -> None:
        part = next(pending, None)
        if part is not None:
            in_flight.append((part, client.submit(
                extract_partition, part.units, source_set, _known(store, source_set, part),
                model, key=f"workbench-ingest-{run}-{part.index}", pure=False)))

    width = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
    for _ in range(width):
        submit()
    if progress:
        progress(0, len(parts), "")
    done = 0
    try:
        while in_flight:
            part, future = in_flight.popleft()
            try:
                items, rejected = from_batches(future.result(), source_set)
            except Exception as exc:  # the task failed for good (e.g. KilledWorker)
                report.rejected += [Rejected(u.name, "could not be processed on the cluster: "
                                                     f"{type(exc).__name__}: {str(exc)[:200]}")
                                    for u in part.units]
            else:
                report.rejected += rejected
                _write(store, source_set, items, report)
            future.release()
            submit()
            done += 1
            if progress:
                progress(done, len(parts), part.label)
    finally:
        for _, future in in_flight:  # interrupted: nothing left running for nobody
            future.cancel()


def _known(store: Store, source_set: str, part: Partition) -> dict[str, str]:
    """Document key -> content hash stored for the paths this partition reads."""
    return documents.hashes_by_path(store, source_set, [u.name for u in part.units])


def _write(store: Store, source_set: str, items: list[Extracted], report: IngestReport) -> None:
    """One transaction for the partition; if it fails, one per document, so only
    the broken one is rejected."""
    ok = [e for e in items if e.error is None]
    for e in items:
        if e.error is not None:
            report.rejected.append(Rejected(e.document.path or document_label(e.document),
                                            e.error, e.document.record))
    try:
        _record(store, source_set, ok, report)
    except Exception:
        for e in ok:
            try:
                _record(store, source_set, [e], report)
            except Exception as exc:
                report.rejected.append(Rejected(e.document.path or document_label(e.document),
                                                f"could not be processed: {exc}",
                                                e.document.record))


def _record(store: Store, source_set: str, items: list[Extracted], report: IngestReport) -> None:
    entries = [(e.document, e.analysis.passages if e.analysis else None,
                e.analysis.claims if e.analysis else None) for e in items]
    outcomes = write_many(store, source_set, entries)
    for e, (status, doc_id) in zip(items, outcomes, strict=True):
        if status == "missing":  # stored when listed, changed since: extract it here
            e.analysis = analyse(e.document.text, load_pipeline())
            _record(store, source_set, [e], report)
            continue
        getattr(report, status).append(document_label(e.document))
        if doc_id is not None:
            report.document_ids.append(doc_id)
