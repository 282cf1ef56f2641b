"""Ingest benchmark: words per second of the full ingest against raw ``nlp.pipe``.

    python bench/ingest.py --words 50000 --json

Writes synthetic articles (``bench/corpus.py``) as ``.txt`` files with a metadata
header into a folder, then, each in a fresh subprocess so memory is measured per
run: (1) ``workbench.ingest_paths`` into a new database (read, clean, extract,
store, index) with the default (trained) pipeline, and (2) ``nlp.pipe`` of the
same pipeline over the same article texts, doing nothing with the docs. Both with
1 and 2 processes (``--processes``); the ingest gets ``n_process`` only if
``workbench.ingest`` accepts it, else that run is reported as unsupported.
Pipeline loading is outside the timings. The figures go to the last line of
stdout as one JSON object (the fastest ingest run on top, every run in ``runs``;
``peak_rss_mb`` is the ingest's, summed over its processes). Ratios divide by the
*faster* of raw ``nlp.pipe``'s runs (``raw_best``).

    python bench/ingest.py --words 200000 --engine dask --workers 1,2 --json

adds the Dask engine (``workbench.distributed.ingest_dask``) on a LocalCluster of
1 and 2 worker processes, same texts, a new database each: the cluster is started
and every worker has loaded the pipeline before the clock starts; the timing is
listing, partitions, extraction on the workers and the client's bulk writes.
``peak_rss_mb_per_worker`` is each worker process's own peak (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.corpus import generate

INGEST_SET = "bench-ingest"


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--words", type=int, default=50_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--processes", default="1,2", help="comma-separated n_process values")
    p.add_argument("--workdir", help="folder for the articles and databases "
                                     "(default bench/out/ingest-<words>)")
    p.add_argument("--json", action="store_true", help="(figures always end stdout as JSON)")
    p.add_argument("--out", help="also write the JSON line to this file")
    p.add_argument("--engine", choices=("inprocess", "dask"), default="inprocess",
                   help="dask: also measure the Dask engine with --workers")
    p.add_argument("--workers", default="1,2", help="comma-separated Dask worker counts")
    p.add_argument("--worker", choices=("raw", "ingest", "dask"), help=argparse.SUPPRESS)
    p.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def write_articles(folder: Path, words: int, seed: int) -> tuple[int, int]:
    """Articles totalling at least ``words`` words as .txt files; (files, words)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    corpus = generate(words // 12 + 1000, seed=seed, quote_claims=5, numeric_claims=5)
    n = total = 0
    for doc in corpus.documents():
        if total >= words:
            break
        header = f"Title: {doc.title}\nOutlet: {doc.outlet}\nPublished: {doc.published}\n\n"
        (folder / f"{doc.index:06d}.txt").write_text(header + doc.text + "\n", encoding="utf-8")
        n, total = n + 1, total + doc.words
    return n, total


def _texts(folder: Path) -> list[str]:
    """The article bodies, as ingest will see them (header stripped)."""
    return [p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in sorted(folder.glob("*.txt"))]


class _NoRss:
    """The client's own peak (ru_maxrss): sampling the process tree every 50 ms
    costs the client real CPU once a cluster's processes and threads are in it."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    @property
    def peak_mb(self) -> float:
        import resource
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def dask_worker(args) -> dict:
    """One Dask run: a LocalCluster of ``--n-process`` workers, warmed up first."""
    from workbench.distributed import dask_client, ingest_dask
    from workbench.distributed.worker import PipelinePlugin, settings_env, worker_stats
    from workbench.nlp import load_pipeline
    from workbench.store import Store

    workdir = Path(args.workdir)
    src = workdir / "articles"
    words = sum(len(t.split()) for t in _texts(src))
    db = workdir / f"dask-{args.n_process}.db"
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    store = Store(db)
    model = load_pipeline().name
    with dask_client(None, args.n_process) as client, _NoRss() as rss:
        client.wait_for_workers(args.n_process)
        client.register_plugin(PipelinePlugin(model, settings_env()))  # loads it now
        before = client.run(worker_stats)
        cpu = time.process_time()  # this process, every thread (scheduler included)
        started = time.perf_counter()
        report = ingest_dask(store, [src], INGEST_SET, client=client, model=model)
        elapsed = time.perf_counter() - started
        after = client.run(worker_stats)
        stats = list(after.values())
        worker_cpu = sum(after[w]["cpu_s"] - before[w]["cpu_s"] for w in after if w in before)
    return {"workers": args.n_process, "words": words, "seconds": round(elapsed, 2),
            "words_per_s": round(words / elapsed), "documents": report.loaded,
            "client_cpu_s": round(time.process_time() - cpu, 2),
            "worker_cpu_s": round(worker_cpu, 2),
            "rejected": len(report.rejected), "partitions": report.partitions,
            "peak_rss_mb_per_worker": [s["peak_rss_mb"] for s in stats],
            "pipeline_loads_per_worker": [len(s["loads"]) for s in stats],
            "peak_rss_mb_all": rss.peak_mb, "db_mb": common.db_size_mb(db),
            "pipeline": model}


def worker(args) -> dict:
    """One measured run, in its own process."""
    if args.worker == "dask":
        return dask_worker(args)
    from workbench.nlp import load_pipeline
    workdir = Path(args.workdir)
    src = workdir / "articles"
    pipeline = load_pipeline()
    texts = _texts(src)
    words = sum(len(t.split()) for t in texts)
    with common.PeakRss() as rss:
        cpu = common.cpu_seconds()
        if args.worker == "raw":
            started = time.perf_counter()
            for _ in pipeline.nlp.pipe(texts, n_process=args.n_process):
                pass
            elapsed = time.perf_counter() - started
            extra = {}
        else:
            ingest_mod = importlib.import_module("workbench.ingest")
            from workbench.store import Store
            db = workdir / f"ingest-{args.n_process}.db"
            for old in db.parent.glob(db.name + "*"):
                old.unlink()
            store = Store(db)
            kw = {"pipeline": pipeline}
            if args.n_process > 1:
                if "n_process" not in inspect.signature(ingest_mod.ingest).parameters:
                    return {"n_process": args.n_process, "supported": False}
                kw["n_process"] = args.n_process
            from workbench.extract import analyse  # warm up: pint registry, lexicons
            analyse(texts[0], pipeline)
            started = time.perf_counter()
            report = ingest_mod.ingest_paths(store, [src], INGEST_SET, **kw)
            elapsed = time.perf_counter() - started
            extra = {"documents": report.loaded, "rejected": len(report.rejected),
                     "db_mb": common.db_size_mb(db)}
    return {"n_process": args.n_process, "supported": True, "words": words,
            "seconds": round(elapsed, 2), "words_per_s": round(words / elapsed),
            "cpu_s": round(common.cpu_seconds() - cpu, 2),
            "peak_rss_mb": rss.peak_mb, "pipeline": pipeline.name, **extra}


def run_worker(args, kind: str, n_process: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", kind, "--n-process", str(n_process),
           "--workdir", str(args.workdir)]
    common.log(f"  {kind} with {n_process} process(es)")
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        common.log(done.stderr[-3000:])
        return {"n_process": n_process, "supported": True, "error": done.stderr[-500:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> dict:
    args = parse(argv)
    if args.worker:
        common.emit(worker(args))
        return {}
    args.workdir = Path(args.workdir or common.OUT / f"ingest-{args.words}")
    files, words = write_articles(args.workdir / "articles", args.words, args.seed)
    common.log(f"{files} articles, {words:,} words in {args.workdir / 'articles'}")
    runs = []
    for n in (int(x) for x in args.processes.split(",")):
        runs.append({"n_process": n, "ingest": run_worker(args, "ingest", n),
                     "raw_nlp_pipe": run_worker(args, "raw", n)})
    raws = [r["raw_nlp_pipe"] for r in runs if r["raw_nlp_pipe"].get("words_per_s")]
    raw_best = max(raws, key=lambda r: r["words_per_s"]) if raws else {}
    base = raw_best.get("words_per_s")
    for r in runs:  # against the faster raw run, not the one with the same processes
        for run in (r["ingest"], r["raw_nlp_pipe"]):
            if run.get("cpu_s"):
                run["words_per_cpu_s"] = round(run["words"] / run["cpu_s"])
        speed = r["ingest"].get("words_per_s")
        r["ratio"] = round(speed / base, 3) if speed and base else None
    measured = [r for r in runs if r["ratio"] is not None]
    best = max(measured, key=lambda r: r["ingest"]["words_per_s"]) if measured else runs[0]
    result = {
        "words": words, "articles": files,
        "words_per_s": best["ingest"].get("words_per_s"),
        "raw_nlp_pipe_words_per_s": base,
        "raw_best": {"n_process": raw_best.get("n_process"), "words_per_s": base},
        "ratio": best["ratio"], "n_process": best["n_process"],
        "peak_rss_mb": max((r["ingest"].get("peak_rss_mb") or 0) for r in runs),
        "raw_nlp_pipe_peak_rss_mb": max((r["raw_nlp_pipe"].get("peak_rss_mb") or 0)
                                        for r in runs),
        "pipeline": best["ingest"].get("pipeline"),
        "runs": runs,
    }
    result["targets_met"] = {"ratio_ge_2": (result["ratio"] or 0) >= 2,
                             "peak_rss_le_2gb": result["peak_rss_mb"] <= 2048}
    if args.engine == "dask":
        result["dask"] = _dask_runs(args, base)
        result["targets_met"].update(_dask_targets(result["dask"]))
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    common.emit(result, args.out)
    return result


def _dask_runs(args, base) -> dict:
    runs = {}
    for n in (int(x) for x in args.workers.split(",")):
        run = run_worker(args, "dask", n)
        if run.get("words_per_s"):  # CPU time: less sensitive to a busy shared machine
            run["words_per_cpu_s"] = round(
                run["words"] / max(0.01, run["client_cpu_s"] + run["worker_cpu_s"]))
        if run.get("words_per_s") and base:
            run["ratio_to_raw_best"] = round(run["words_per_s"] / base, 3)
        runs[str(n)] = run
    one, two = runs.get("1", {}).get("words_per_s"), runs.get("2", {}).get("words_per_s")
    if one and two:
        runs["ratio_2_to_1"] = round(two / one, 3)
    return runs


def _dask_targets(dask: dict) -> dict:
    two = dask.get("2", {})
    peaks = [p for run in dask.values() if isinstance(run, dict)
             for p in run.get("peak_rss_mb_per_worker", [])]
    return {"dask_2_ge_1_8x_dask_1": (dask.get("ratio_2_to_1") or 0) >= 1.8,
            "dask_2_ge_3x_raw_best": (two.get("ratio_to_raw_best") or 0) >= 3,
            "peak_rss_le_1gb_per_worker": bool(peaks) and max(peaks) <= 1024}


if __name__ == "__main__":
    main()
