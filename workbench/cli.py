"""The command line: the same functions as the app, no UI.

Exit codes: 0 when everything worked, 1 when some input was rejected (each file
named on stderr with the reason), 2 on misuse (argparse's own code).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import psycopg

from . import cli_users, settings
from .corpus import add_article, default_sets, open_store, seed_demo
from .errors import WorkbenchError
from .export import export_rows, to_csv, to_json
from .extract import analyse
from .ingest import IngestReport, ingest_paths
from .match import check_document
from .models import Rejected, Status
from .nlp import load_pipeline
from .sources import read_article, read_path


def _settings_epilog() -> str:
    lines = ["settings (environment variables):"]
    lines += [f"  {s.env_var:<28} {s.help} (default: {s.default})" for s in settings.SETTINGS]
    return "\n".join(lines)

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workbench", description="Check quotes and numbers against sources.",
        epilog=_settings_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database: a file, sqlite:///path or postgresql://… "
                        "(default: $WORKBENCH_DB or the embedded one)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="load files, folders or zips into a source set")
    p.add_argument("paths", nargs="+")
    p.add_argument("--set", required=True, dest="source_set", help="name of the source set")
    p.add_argument("--processes", type=int, default=1,
                   help="processes extracting claims (each loads the spaCy pipeline)")
    p.add_argument("--engine", choices=("inprocess", "dask"), default="inprocess",
                   help="inprocess (default, small loads) or dask (a cluster of workers)")
    p.add_argument("--scheduler", help="dask: address of a running scheduler, e.g. "
                                       "tcp://HOST:8786 (default: $WORKBENCH_DASK_SCHEDULER, "
                                       "else a LocalCluster here)")
    p.add_argument("--workers", type=int,
                   help="dask: worker processes of the LocalCluster, each loading the "
                        "pipeline once (default: $WORKBENCH_DASK_WORKERS)")

    p = sub.add_parser("extract", help="print the claims of documents (no database)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("check", help="extract an article's claims and match them")
    p.add_argument("article")
    p.add_argument("--set", action="append", dest="sets", help="set to match against (repeat)")
    p.add_argument("--sources", nargs="+", help="paths to load into a set first")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("export", help="write reviewed claims to CSV (or .json)")
    p.add_argument("--out", help="CSV file (JSON when it ends in .json)")
    p.add_argument("--claimreview", metavar="FILE",
                   help="also (or only) write the verdicts as schema.org ClaimReview JSON-LD")
    p.add_argument("--all", action="store_true", help="include unreviewed claims")
    p.add_argument("--set", dest="source_set")
    p.add_argument("--status", action="append", choices=[str(s) for s in Status])

    p = sub.add_parser("evaluate", help="score the extractors on the annotated gold passages")
    p.add_argument("--gold", action="append", choices=["catalogue", "news", "heldout", "heldout2"],
                   help="which gold collection (repeat; default catalogue and news; "
                        "heldout only at the end of a piece of work)")
    p.add_argument("--by-beat", action="store_true", help="also print the figures per beat")
    p.add_argument("--json-out", help="also write the figures to this file")

    p = sub.add_parser("report", help="an article's unsupported claims, conflicts and "
                                      "misattributions; the editor report as HTML/PDF")
    p.add_argument("article", help="document id, or an article file (added if new)")
    p.add_argument("--set", action="append", dest="sets", help="set to match against (repeat)")
    p.add_argument("--html", metavar="FILE", help="write the editor report page")
    p.add_argument("--pdf", metavar="FILE", help="write the editor report as PDF")
    p.add_argument("--json", action="store_true", help="print JSON")

    sub.add_parser("seed-demo", help="load the demo set into an empty database")
    sub.add_parser("sets", help="list source sets")
    sub.add_parser("migrate", help="bring the database's schema up to date (opening does too)")

    p = sub.add_parser("cluster", help="start (or --stop) a local PostgreSQL cluster in a "
                       "folder and print the URL of its workbench database (team mode)")
    p.add_argument("--dir", default="data/postgres", help="the cluster's folder")
    p.add_argument("--database", default="workbench")
    p.add_argument("--stop", action="store_true")

    p = sub.add_parser("copy", help="copy a whole database (reviews and their history "
                       "included) into an empty one, e.g. SQLite to PostgreSQL")
    p.add_argument("--from", required=True, dest="source", help="path, sqlite:/// or postgresql://")
    p.add_argument("--to", required=True, dest="target", help="path, sqlite:/// or postgresql://")
    cli_users.add_parser(sub)
    for command in sub.choices.values():  # also after the subcommand: `check a.txt --db x.db`
        command.add_argument("--db", default=argparse.SUPPRESS,  # keeps a --db given before
                             help="the database, as above")
    return parser

def _warn_fallback() -> None:
    warning = load_pipeline().warning
    if warning:
        print(f"warning: {warning}", file=sys.stderr)

def _report_rejected(rejected: list[Rejected]) -> int:
    for item in rejected:
        print(f"rejected: {item}", file=sys.stderr)
    return 1 if rejected else 0

def cmd_ingest(args: argparse.Namespace) -> int:
    _warn_fallback()
    if args.engine == "dask":
        report = _ingest_dask(args)
    else:
        report = ingest_paths(open_store(args.db), args.paths, args.source_set,
                              n_process=max(1, args.processes))
    print(report.summary())
    return _report_rejected(report.rejected)

def _ingest_dask(args: argparse.Namespace) -> IngestReport:
    """The Dask engine, with a progress bar over partitions on stderr."""
    from tqdm import tqdm

    from .distributed import ingest_dask

    with tqdm(total=0, unit="partition", file=sys.stderr, mininterval=0.5) as bar:
        def progress(done: int, total: int, label: str) -> None:
            bar.total = total
            bar.update(done - bar.n)
            bar.set_postfix_str(label[-40:], refresh=True)
        return ingest_dask(open_store(args.db), args.paths, args.source_set,
                           scheduler=args.scheduler,
                           workers=max(1, args.workers) if args.workers else None,
                           progress=progress)

def cmd_extract(args: argparse.Namespace) -> int:
    _warn_fallback()
    out: list[dict[str, Any]] = []
    rejected: list[Rejected] = []
    for path in args.paths:
        for item in read_path(path):
            if isinstance(item, Rejected):
                rejected.append(item)
                continue
            claims = analyse(item.text).claims
            out.append({"document": item.to_dict(), "claims": [c.to_dict() for c in claims]})
    if args.json:
        print(json.dumps({"documents": out}, ensure_ascii=False, indent=2))
    else:
        for entry in out:
            print(f"# {entry['document']['title']}")
            for c in entry["claims"]:
                print(f"  {_describe(c)}")
    return _report_rejected(rejected)

def _describe(c: dict) -> str:
    if c["kind"] == "quote":
        return f"quote  “{c['text']}” — {c['speaker'] or '?'} ({c['cue'] or 'no cue'})"
    return f"number {c['text']} → {c['si_value']} {c['si_unit']} ({c['dimension']})"

def cmd_check(args: argparse.Namespace) -> int:
    _warn_fallback()
    store = open_store(args.db)
    rejected: list[Rejected] = []
    sets = args.sets
    if args.sources:
        name = (sets or ["sources"])[0]
        report = ingest_paths(store, args.sources, name)
        rejected += report.rejected
        sets = sorted(set(sets or []) | {name})
    path = Path(args.article)
    added = add_article(store, read_article(path.name, path.read_bytes()))
    if added.id is None:
        raise WorkbenchError(f"{path.name} could not be stored")
    article, claims = check_document(store, added.id, sets=sets or default_sets(store))
    from .statements import statements_of

    statements = statements_of(store, article, claims)
    if args.json:
        print(json.dumps({"article": article.to_dict(), "claims": [c.to_dict() for c in claims],
                          "statements": [s.to_dict() for s in statements]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"# {article.title}")
        for c in claims:
            print(f"  {_describe(c.to_dict())}")
            for e in c.evidence[:3]:
                source = e.document.outlet or e.document.title
                print(f"      {e.relation:<13} {e.score:5.1f}  {source}")
        for s in statements:
            print(f"  statement ({(s.checkworthy or {}).get('score', 0.0):.1f}) {s.text}")
    return _report_rejected(rejected)

def cmd_export(args: argparse.Namespace) -> int:
    if not (args.out or args.claimreview):
        print("error: give --out FILE, --claimreview FILE or both", file=sys.stderr)
        return 2
    if args.out:
        rows = export_rows(open_store(args.db), include_all=args.all,
                           source_set=args.source_set, status=args.status)
        text = to_json(rows) if args.out.endswith(".json") else to_csv(rows)
        Path(args.out).write_text(text, encoding="utf-8", newline="")
        print(f"{len(rows)} claims written to {args.out}")
    if args.claimreview:
        from .reports.claimreview import claim_reviews, to_jsonld

        reviews = claim_reviews(open_store(args.db), source_set=args.source_set)
        Path(args.claimreview).write_text(to_jsonld(reviews), encoding="utf-8")
        print(f"{len(reviews)} ClaimReviews written to {args.claimreview}")
    return 0

def cmd_report(args: argparse.Namespace) -> int:
    from .reports import article_report
    from .reports.html import to_html

    store = open_store(args.db)
    path = Path(args.article)
    stored_id: int | None = None
    if path.is_file():
        stored_id = add_article(store, read_article(path.name, path.read_bytes())).id
    elif args.article.isdigit():
        stored_id = int(args.article)
    if stored_id is None:
        raise ValueError(f"{args.article}: neither a file nor a document id")
    doc_id = stored_id
    report = article_report(store, doc_id, sets=args.sets)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.text_lines()))
    page = to_html(report) if args.html or args.pdf else ""
    if args.html:
        Path(args.html).write_text(page, encoding="utf-8")
    if args.pdf:
        from .reports.pdf import html_to_pdf

        Path(args.pdf).write_bytes(html_to_pdf(page))
    return 0

def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import GOLD_SETS, evaluate, figure_lines
    from .nlp import Pipeline, rule_based_pipeline

    trained = load_pipeline()
    pipelines = {"trained": trained if trained.trained else None,
                 "fallback": Pipeline(rule_based_pipeline(), "rules", trained=False)}
    names = args.gold or ["catalogue", "news"]
    figures: dict = {}
    for gold in names:
        for label, pipeline in pipelines.items():
            if pipeline is None:
                print(f"{gold} / {label}: no trained pipeline installed")
                continue
            result = evaluate(pipeline, GOLD_SETS[gold])
            figures.setdefault(gold, {})[label] = result
            print(f"== {gold} / {label} ({result['pipeline']}): {result['passages']} passages")
            for line in figure_lines(result, by_beat=args.by_beat):
                print("  " + line)
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0

def cmd_seed_demo(args: argparse.Namespace) -> int:
    _warn_fallback()
    report = seed_demo(open_store(args.db))
    print(report.summary() if report else "database already holds sets: nothing seeded")
    return _report_rejected(report.rejected) if report else 0

def cmd_sets(args: argparse.Namespace) -> int:
    from .store.documents import list_sets

    for s in list_sets(open_store(args.db)):
        span = f"{s.first_published or '?'} … {s.last_published or '?'}"
        print(f"{s.name}\t{s.documents} documents\t{span}\t{', '.join(s.outlets)}")
    return 0

def cmd_migrate(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    applied = ", ".join(map(str, store.migrated)) or "none (up to date)"
    print(f"{store!r}: schema version {store.schema_version()}; applied now: {applied}")
    return 0

def cmd_copy(args: argparse.Namespace) -> int:
    from .store import Store
    from .store.copy import copy_database
    from .store.db import is_postgres, sqlite_path

    if not is_postgres(args.source) and not Path(sqlite_path(args.source)).is_file():
        raise FileNotFoundError(f"no database file at {sqlite_path(args.source)!r} "
                                "(sqlite:///a.db is relative, sqlite:////srv/a.db absolute)")
    source, target = Store(args.source), Store(args.target)
    counts = copy_database(source, target)
    print(f"copied {source!r} to {target!r}: "
          + ", ".join(f"{n} {table}" for table, n in counts.items()))
    return 0

def cmd_cluster(args: argparse.Namespace) -> int:
    from .store.cluster import Cluster

    cluster = Cluster(Path(args.dir).resolve())
    if args.stop:
        cluster.stop()
        print(f"stopped the cluster in {cluster.root}", file=sys.stderr)
        return 0
    url = cluster.start().ensure_database(args.database)
    print(f"PostgreSQL running in {cluster.root} (Unix socket only)", file=sys.stderr)
    print(url)
    return 0

COMMANDS = {"ingest": cmd_ingest, "extract": cmd_extract, "check": cmd_check,
            "export": cmd_export, "evaluate": cmd_evaluate, "report": cmd_report,
            "seed-demo": cmd_seed_demo, "sets": cmd_sets, "migrate": cmd_migrate,
            "copy": cmd_copy, "cluster": cmd_cluster, "users": cli_users.cmd_users}

def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.db:
        os.environ[settings.SETTINGS[0].env_var] = args.db
    try:
        return COMMANDS[args.command](args)
    except (WorkbenchError, OSError, ValueError, psycopg.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
