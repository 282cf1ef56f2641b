"""What the bench scripts share: measuring (percentiles, peak memory of a process
tree), printing the JSON last line, and loading a synthetic corpus into the
project's own store.

``build_index`` writes documents through ``workbench.store.documents.write_document``
(many documents per transaction) with passages and claims from the project's
extractors on the rule-based pipeline (``mode="rules"``), optionally with the
extraction spread over worker processes. It does not time anything itself beyond
what it returns, and it never changes the store's schema.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .corpus import BenchDoc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BENCH_SET = "bench"


def percentile(values: Iterable[float], p: float) -> float | None:
    data = sorted(values)
    if not data:
        return None
    if len(data) == 1:
        return data[0]
    k = (len(data) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its waited-for children:
    less sensitive than wall time to other load on a shared machine."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    kids = [int(k) for k in f.read().split()]
                out.extend(kids)
                todo.extend(kids)
        except OSError:
            continue
    return out


class PeakRss:
    """Samples the summed RSS of this process and its children every ``every``
    seconds; ``peak_mb`` is the largest sum seen (or ru_maxrss if larger)."""

    def __init__(self, every: float = 0.05):
        self.every, self.peak_kb = every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            total = _rss_kb(me) + sum(_rss_kb(p) for p in _descendants(me))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def checkpoint(self) -> float:
        """The peak so far, in MB (the sampler keeps running)."""
        return self.peak_mb

    @property
    def peak_mb(self) -> float:
        self_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(max(self.peak_kb, self_max) / 1024, 1)


def emit(result: dict, out: str | Path | None = None) -> None:
    """The figures as one JSON object on the last line of stdout (and to ``out``)."""
    line = json.dumps(result, sort_keys=False)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(line + "\n")
    sys.stdout.flush()
    print(line, flush=True)


def log(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


def doc_path(index: int) -> str:
    return f"bench/{index:07d}.txt"


def to_document(doc: BenchDoc, source_set: str | None = None):
    from workbench.models import Document
    path = "bench/article.txt" if doc.index < 0 else doc_path(doc.index)
    return Document(title=doc.title, text=doc.text, outlet=doc.outlet, published=doc.published,
                    source_set=source_set, path=path)


def db_size_mb(path: str | Path) -> float:
    total = sum(p.stat().st_size for p in Path(path).parent.glob(Path(path).name + "*")
                if p.is_file())
    return round(total / 2**20, 1)


def rules_pipeline():
    from workbench.nlp import FALLBACK_NAME, Pipeline, rule_based_pipeline
    return Pipeline(nlp=rule_based_pipeline(), name=FALLBACK_NAME, trained=False)


_WORKER_PIPELINE = None


def _analyse_batch(texts: list[str]):
    global _WORKER_PIPELINE
    from workbench.extract import analyse_many
    if _WORKER_PIPELINE is None:
        _WORKER_PIPELINE = rules_pipeline()
    return list(analyse_many(texts, _WORKER_PIPELINE))


def _analysed(docs: Iterator[BenchDoc], batch: int, workers: int):
    """``(doc, analysis)`` pairs, extracted in this process or in ``workers``."""
    def batches():
        chunk = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) == batch:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    if workers <= 1:
        for chunk in batches():
            yield from zip(chunk, _analyse_batch([d.text for d in chunk]), strict=True)
        return
    with ProcessPoolExecutor(workers) as pool:
        pending = []
        for chunk in batches():
            pending.append((chunk, pool.submit(_analyse_batch, [d.text for d in chunk])))
            if len(pending) > 2 * workers:  # bounded: memory stays flat
                done, fut = pending.pop(0)
                yield from zip(done, fut.result(), strict=True)
        for done, fut in pending:
            yield from zip(done, fut.result(), strict=True)


def build_index(store, docs: Iterator[BenchDoc], *, source_set: str = BENCH_SET,
                batch: int = 100, workers: int = 1, progress_every: int = 0) -> dict[int, int]:
    """Store every document with its passages and claims (rule-based extraction);
    returns ``{document index: database id}``."""
    from workbench.store import documents as rows
    ids: dict[int, int] = {}
    with store.write() as conn:
        rows.ensure_set(conn, source_set)
    started, n_sent = time.perf_counter(), 0
    pairs = _analysed(docs, batch, workers)
    while True:
        chunk = [p for _, p in zip(range(batch), pairs, strict=False)]
        if not chunk:
            break
        with store.write() as conn:
            for doc, analysis in chunk:
                ids[doc.index] = rows.write_document(conn, source_set, to_document(doc, source_set),
                                                     analysis.passages, analysis.claims)
                n_sent += len(doc.spans)
        if progress_every and len(ids) // batch % progress_every == 0:
            rate = n_sent / (time.perf_counter() - started)
            log(f"  indexed {len(ids)} documents, {n_sent} sentences ({rate:,.0f}/s)")
    return ids
