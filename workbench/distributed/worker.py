"""What runs on a Dask worker: the pipeline, loaded once per worker process, and
the task that reads, cleans and extracts one partition.

The spaCy pipeline is never pickled: ``PipelinePlugin`` (registered by the
client) loads it by name when a worker starts, into a per-process cache that
every task then reads, and copies the client's ``WORKBENCH_*`` settings into the
worker's environment so reading limits and extraction settings agree with the
client's. A worker that is killed and restarted by its nanny loads it again;
nothing else does. The task touches no database.
"""

from __future__ import annotations

import os
import resource
from dataclasses import replace
from pathlib import Path

from distributed import Worker
from distributed.diagnostics.plugin import WorkerPlugin

from ..extract import analyse, analyse_many
from ..models import Rejected
from ..nlp import Pipeline, load_pipeline
from ..sources.limits import Budget, ReadOptions
from ..sources.readers import read_source
from ..store.documents import document_key
from .batches import Batches, Extracted, to_batches
from .listing import Unit

BATCH_DOCUMENTS = 16  # texts through spaCy together, as in-process

_PIPELINES: dict[str, Pipeline] = {}
LOADS: list[str] = []  # names loaded in this process, in order (one per worker start)


def worker_pipeline(name: str) -> Pipeline:
    """The pipeline ``name``, loaded the first time this process asks for it."""
    if name not in _PIPELINES:
        _PIPELINES[name] = load_pipeline(name)
        LOADS.append(name)
    return _PIPELINES[name]


def settings_env() -> dict[str, str]:
    """The client's workbench settings, for the workers (the database is not theirs)."""
    return {k: v for k, v in os.environ.items()
            if k.startswith("WORKBENCH_") and k != "WORKBENCH_DB"}


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (and when a restarted one does)."""

    name = "workbench-pipeline"
    idempotent = True

    def __init__(self, model: str, env: dict[str, str]) -> None:
        self.model, self.env = model, env
        self.name = f"workbench-pipeline-{model}"  # another model is another plugin

    def setup(self, worker: Worker) -> None:
        os.environ.update(self.env)
        worker_pipeline(self.model)


def worker_stats() -> dict:
    """This worker process: pid, peak and current resident memory (MB), CPU
    seconds so far, the pipelines it loaded."""
    import psutil

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"pid": os.getpid(), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "rss_mb": round(psutil.Process().memory_info().rss / 2**20, 1),
            "loads": list(LOADS)}


def extract_partition(units: tuple[Unit, ...], source_set: str, known: dict[str, str],
                      model: str) -> Batches:
    """Read every unit, extract the documents not already stored with the same
    content (``known``: document key -> content hash), return the batches."""
    pipeline = worker_pipeline(model)
    base = ReadOptions(source_set=source_set)
    items: list[Extracted] = []
    rejected: list[Rejected] = []
    for unit in units:
        opts = base if unit.members is None else replace(base, members=frozenset(unit.members))
        for item in read_source(unit.name, Path(unit.path), opts, Budget(opts.limits)):
            if isinstance(item, Rejected):
                rejected.append(item)
            else:
                item.source_set = source_set
                items.append(Extracted(item, None))
    todo = [e for e in items if known.get(document_key(e.document)) != e.document.content_hash]
    for start in range(0, len(todo), BATCH_DOCUMENTS):
        _extract([e for e in todo[start:start + BATCH_DOCUMENTS]], pipeline)
    return to_batches(items, rejected)


def _extract(group: list[Extracted], pipeline: Pipeline) -> None:
    """Extract a group together; if that fails, each alone, so only the broken
    document carries an error."""
    try:
        for e, analysis in zip(group, analyse_many([e.document.text for e in group], pipeline),
                               strict=True):
            e.analysis = analysis
        return
    except Exception:
        pass
    for e in group:
        try:
            e.analysis = analyse(e.document.text, pipeline)
        except Exception as exc:  # one broken document must not stop the partition
            e.analysis, e.error = None, f"could not be processed: {exc}"
