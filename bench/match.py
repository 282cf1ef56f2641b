"""Matching benchmark: index a synthetic corpus, then find the planted variants of
each claim through ``workbench.match.find_evidence`` and by brute force.

    python bench/match.py --sentences 100000 --json

Builds (or, with ``--reuse``, re-opens) an index through the project's own store,
with passages and claims from the project's extractors on the rule-based pipeline
(``"index_pipeline": "rules"``), stores a synthetic article stating every claim,
and times ``find_evidence`` per claim. Brute force, in the same run: rapidfuzz
``cdist`` of each quote (folded, ``partial_ratio``, as in ``match/quotes.py``)
against every sentence, and for figures a scan of every stored quantity of the
claim's dimension scored as ``match/numbers.py`` scores them; on a sample of the
claims when the corpus is large (``"bruteforce_sampled": true``). Decoys (a
claim's sentence shape about another named thing) offered in the top 5 are
counted (``decoys_in_top5``, target 0). ``--cold-process N`` also times the
claims N at a time, each group in a fresh process (``bench/cold.py``);
``--texts DIR`` measures on a folder of your own documents (``bench/texts.py``). The figures go
to the last line of stdout as one JSON object; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bruteforce, common
from bench.corpus import generate

KS = (1, 5)


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sentences", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--quote-claims", type=int, default=100)
    p.add_argument("--numeric-claims", type=int, default=100)
    p.add_argument("--db", help="database file (default bench/out/match-<N>-s<seed>.db) or a "
                   "postgresql:// URL of an empty database (or one built earlier, --reuse)")
    p.add_argument("--reuse", action="store_true", help="re-open an index built earlier")
    p.add_argument("--workers", type=int, default=2, help="processes extracting at index time")
    p.add_argument("--bruteforce-sample", type=int, default=None,
                   help="claims of each kind brute-forced (default: all up to 100k sentences, "
                        "else 50)")
    p.add_argument("--cold-process", type=int, default=0, metavar="N",
                   help="also time the claims N at a time, each group in a fresh process")
    p.add_argument("--texts", metavar="DIR",
                   help="index a folder of your own documents instead (see bench/texts.py)")
    p.add_argument("--index-pipeline", choices=("rules", "trained"), default="rules",
                   help="--texts: the pipeline extracting your documents")
    p.add_argument("--json", action="store_true", help="(figures always end stdout as JSON)")
    p.add_argument("--out", help="also write the JSON line to this file")
    return p.parse_args(argv)


def open_index(args, corpus):
    """The store and ``{document index: id}``, building the index unless reused."""
    from workbench.store import Store
    from workbench.store.db import is_postgres
    if args.db and is_postgres(args.db):
        return _open_postgres(args, corpus)
    db = Path(args.db or common.OUT / f"match-{args.sentences}-s{args.seed}.db")
    meta_path = db.with_name(db.name + ".json")
    if args.reuse and db.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        store = Store(db)
        with store.read() as conn:
            ids = {int(r["path"][6:13]): r["id"] for r in conn.execute(
                "SELECT id, path FROM documents WHERE source_set=?", (common.BENCH_SET,))}
        return store, ids, {**meta, "reused": True}
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    store = Store(db)
    return _build(args, corpus, store, str(db), meta_path, lambda: common.db_size_mb(db))


def _open_postgres(args, corpus):
    """The PostgreSQL flavour of ``open_index``: the database must be empty, or
    hold the bench set built earlier (``--reuse``)."""
    from workbench.store import Store
    from workbench.store import documents as rows
    store = Store(args.db)
    from workbench.store.db import database_name
    name = database_name(args.db)
    common.OUT.mkdir(parents=True, exist_ok=True)
    meta_path = common.OUT / f"match-{args.sentences}-s{args.seed}-pg-{name}.json"
    sets = {s.name for s in rows.list_sets(store)}
    if args.reuse and common.BENCH_SET in sets and meta_path.exists():
        ids = {int(d.path[6:13]): d.id
               for d in rows.list_documents(store, common.BENCH_SET, with_text=False)}
        return store, ids, {**json.loads(meta_path.read_text()), "reused": True}
    if sets:
        raise SystemExit(f"{args.db} already holds sets {sorted(sets)}: give an empty database "
                         "(or --reuse one this benchmark built)")
    return _build(args, corpus, store, store.target, meta_path, lambda: _pg_size_mb(store))


def _pg_size_mb(store) -> float:
    with store.read() as conn:
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return round(size / 2**20, 1)


def _build(args, corpus, store, where: str, meta_path: Path, size_mb):
    from workbench.store.db import redacted
    common.log(f"indexing {args.sentences:,} sentences into {redacted(where)} "
               f"({args.workers} workers)")
    started = time.perf_counter()
    ids = common.build_index(store, corpus.documents(), workers=args.workers, progress_every=50)
    if hasattr(store, "checkpoint"):  # SQLite: fold the WAL in, so the size is the file's
        store.checkpoint()
    index_s = time.perf_counter() - started
    with store.read() as conn:
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "passages", "claims")}
    meta = {"index_pipeline": "rules", "index_workers": args.workers,
            "index_s": round(index_s, 1), "index_mb": size_mb(),
            "index_sentences_per_s": round(args.sentences / index_s),
            "stored_passages": counts["passages"], "stored_claims": counts["claims"],
            "documents": counts["documents"]}
    meta_path.write_text(json.dumps(meta))
    return store, ids, {**meta, "reused": False}


def store_article(store, corpus):
    """The synthetic article, extracted like the corpus, and its claims mapped to
    the planted claims they state."""
    from workbench import settings
    from workbench.extract import analyse_many
    from workbench.store import documents as rows
    bench_article = corpus.article()
    article = common.to_document(bench_article)
    analysis = next(analyse_many([article.text], common.rules_pipeline()))
    name = str(settings.get("articles_set"))
    with store.write() as conn:
        rows.ensure_set(conn, name)
        existing = rows.find_existing(conn, name, article)
        doc_id = rows.write_document(conn, name, article, analysis.passages, analysis.claims,
                                     existing.id if existing else None)
    article = rows.get_document(store, doc_id)
    mapped, seen = [], set()
    for claim in rows.claims_of(store, doc_id):
        planted = corpus.claim_at(claim.start, bench_article)
        if planted is None or planted.id in seen or planted.kind != str(claim.kind):
            continue
        seen.add(planted.id)
        mapped.append((claim, planted))
    missing = [c for c in corpus.claims if c.id not in seen]
    offsets = {c.id: bench_article.text.index(c.sentence) for c in missing}
    mapped += [(_ground_truth_claim(c, offsets[c.id]), c) for c in missing]
    return article, mapped, [c.id for c in missing]


def _ground_truth_claim(planted, offset: int):
    """The claim as the generator planted it, for a sentence the extractors missed,
    so matching is measured on every claim whatever the extractors' recall."""
    from bench.phrases import SI_UNIT
    from workbench.models import Claim, ClaimKind
    if planted.kind == "quote":
        start = offset + planted.sentence.index(planted.quote)
        return Claim(ClaimKind.QUOTE, planted.quote, start, start + len(planted.quote),
                     speaker=planted.speaker, cue="said")
    start = offset + planted.sentence.index(" said ") + 6
    end = offset + len(planted.sentence) - 1
    si_unit = planted.unit if planted.dimension == "money" else SI_UNIT[planted.dimension]
    return Claim(ClaimKind.NUMERIC, planted.sentence[start - offset:-1], start, end,
                 value=planted.value, unit=planted.unit, qualifier=planted.qualifier,
                 si_value=planted.si_value,
                 si_unit=si_unit, dimension=planted.dimension, about=planted.about)


def targets_of(corpus, ids):
    """``{claim id: [(variant, db id, start, end)]}`` for every planted variant."""
    out: dict[int, list] = {}
    for index in sorted({v.doc for c in corpus.claims for v in c.variants}):
        for variant, start, end in corpus.document(index).planted:
            out.setdefault(variant.claim, []).append((variant, ids[index], start, end))
    return out


def decoys_of(corpus, ids):
    """``{claim id: [(decoy, db id, start, end)]}``: sentences about another named
    thing in the claim's shape, which must not be offered as its evidence."""
    out: dict[int, list] = {}
    for index in sorted({v.doc for c in corpus.claims for v in c.decoys}):
        for decoy, start, end in corpus.document(index).decoys:
            out.setdefault(decoy.claim, []).append((decoy, ids[index], start, end))
    return out


def decoys_offered(rows: dict, decoys: dict, k: int = 5) -> int:
    """How many decoys appear in the first ``k`` of each claim's ``found``."""
    return sum(len(hits(row, decoys.get(cid, []), k)) for cid, row in rows.items())


def hits(found: list[tuple[int, int, int]], targets, k: int) -> set:
    """Variants located by the first ``k`` of ``found`` ``(db id, start, end)``."""
    top = found[:k]
    return {v for v, did, s, e in targets if any(d == did and a < e and b > s for d, a, b in top)}


def run_index(store, article, mapped, targets):
    """Each claim timed twice: with the word cache emptied before it (cold, the
    worst case), then all in a row from an empty cache, as checking an article
    does (the reported p50/p95)."""
    from workbench.match import find_evidence
    from workbench.store import postings
    sets = [common.BENCH_SET]
    for claim, _ in mapped[:3]:  # warm up: imports, pint, SQLite page cache
        find_evidence(store, claim, article, sets=sets)
    cold = {}
    for claim, planted in mapped:
        postings.clear_cache()
        t = time.perf_counter()
        find_evidence(store, claim, article, sets=sets)
        cold[planted.id] = time.perf_counter() - t
    postings.clear_cache()
    out = {}
    for claim, planted in mapped:
        t, cpu = time.perf_counter(), time.process_time()
        evidence = find_evidence(store, claim, article, sets=sets)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
        found = [(e.document.id, e.start, e.end) for e in evidence]
        relations = {}
        for v, did, s, e in targets.get(planted.id, []):
            rel = [str(ev.relation) for ev in evidence
                   if ev.document.id == did and ev.start < e and ev.end > s]
            relations[v] = rel[0] if rel else None
        out[planted.id] = {"s": elapsed, "cpu": cpu, "found": found, "relations": relations,
                           "cold_s": cold[planted.id]}
    return out


def recall(rows, targets, ks=KS, within=None) -> dict:
    """Planted variants found in the top k, over ``min(k, variants)`` per claim;
    with ``within`` (claim id -> found list of another method), only the variants
    that method found in its own top k count."""
    out = {}
    for k in ks:
        got = total = 0
        for cid, row in rows.items():
            wanted = targets.get(cid, [])
            if within is not None:
                if cid not in within:
                    continue
                ref = hits(within[cid], wanted, k)
                wanted = [t for t in wanted if t[0] in ref]
                total += len(wanted)
            else:
                total += min(k, len(wanted))
            got += len(hits(row, wanted, k))
        out[k] = round(got / total, 4) if total else None
    return out


def by_kind(index_rows, bf_rows, targets, corpus) -> dict:
    """Per variant kind: planted, found by the index in its top 5 (and with which
    relation), brute-forced, found by brute force in its top 5."""
    table: dict[str, dict] = {}
    for cid, wanted in targets.items():
        if cid not in index_rows:
            continue  # its claim was not extracted from the article: not queried
        for t in wanted:
            kind = f"{corpus.claims[cid].kind}/{t[0].kind}"
            row = table.setdefault(kind, {"variants": 0, "index_at_5": 0, "bf_variants": 0,
                                          "bf_at_5": 0, "relations": {}})
            row["variants"] += 1
            if hits(index_rows[cid]["found"], [t], 5):
                row["index_at_5"] += 1
                rel = index_rows[cid]["relations"].get(t[0])
                row["relations"][rel] = row["relations"].get(rel, 0) + 1
            if cid in bf_rows:
                row["bf_variants"] += 1
                row["bf_at_5"] += bool(hits(bf_rows[cid]["found"], [t], 5))
    return dict(sorted(table.items()))


def main(argv=None) -> dict:
    from workbench.store.db import is_postgres
    args = parse(argv)
    if args.texts:
        from bench import texts
        return texts.main(args)
    corpus = generate(args.sentences, seed=args.seed, quote_claims=args.quote_claims,
                      numeric_claims=args.numeric_claims)
    with common.PeakRss() as rss:
        store, ids, meta = open_index(args, corpus)
        article, mapped, missing = store_article(store, corpus)
        targets = targets_of(corpus, ids)
        common.log(f"querying {len(mapped)} claims ({len(missing)} not extracted from the "
                   "article: built from the generator's ground truth)")
        index_rows = run_index(store, article, mapped, targets)
        peak_index = rss.checkpoint()
        sample = args.bruteforce_sample
        if sample is None:
            sample = max(args.quote_claims, args.numeric_claims) if args.sentences <= 100_000 \
                else 50
        chosen = bruteforce.sample(mapped, sample)
        common.log(f"brute force on {len(chosen)} claims")
        bf_rows = bruteforce.run(store, article, chosen)
    decoys = decoys_of(corpus, ids)
    cold = None
    if args.cold_process:
        from bench import cold as cold_runs
        cold = cold_runs.run(store, article, mapped, args.cold_process)
    quotes = [index_rows[p.id]["s"] for c, p in mapped if p.kind == "quote"]
    numbers = [index_rows[p.id]["s"] for c, p in mapped if p.kind == "numeric"]
    cold_q = [index_rows[p.id]["cold_s"] for c, p in mapped if p.kind == "quote"]
    cold_n = [index_rows[p.id]["cold_s"] for c, p in mapped if p.kind == "numeric"]
    cpu_q = [index_rows[p.id]["cpu"] for c, p in mapped if p.kind == "quote"]
    cpu_n = [index_rows[p.id]["cpu"] for c, p in mapped if p.kind == "numeric"]
    bf_q = [r["s"] for cid, r in bf_rows.items() if r["kind"] == "quote"]
    bf_n = [r["s"] for cid, r in bf_rows.items() if r["kind"] == "numeric"]
    bf_cpu_q = [r["cpu"] for cid, r in bf_rows.items() if r["kind"] == "quote"]
    bf_cpu_n = [r["cpu"] for cid, r in bf_rows.items() if r["kind"] == "numeric"]
    found = {cid: r["found"] for cid, r in index_rows.items()}
    bf_found = {cid: r["found"] for cid, r in bf_rows.items()}
    relative = recall(found, targets, within=bf_found)
    planted = recall(found, targets)
    bf_planted = recall(bf_found, targets)
    pct = common.percentile
    result = {
        "sentences": args.sentences, "documents": corpus.n_documents, "seed": args.seed,
        "backend": "postgres" if is_postgres(store.target) else "sqlite",
        **{k: v for k, v in meta.items() if k != "documents"},
        "match_settings": _match_settings(),
        "quote_claims": len(quotes), "numeric_claims": len(numbers),
        "claims_not_extracted": len(missing),
        "claims_from_ground_truth": len(missing),
        "quote_p50_ms": common.ms(pct(quotes, 50)), "quote_p95_ms": common.ms(pct(quotes, 95)),
        "quote_max_ms": common.ms(max(quotes, default=None)),
        "numeric_p50_ms": common.ms(pct(numbers, 50)),
        "numeric_p95_ms": common.ms(pct(numbers, 95)),
        "numeric_max_ms": common.ms(max(numbers, default=None)),
        "quote_cold_p50_ms": common.ms(pct(cold_q, 50)),
        "quote_cold_p95_ms": common.ms(pct(cold_q, 95)),
        "numeric_cold_p50_ms": common.ms(pct(cold_n, 50)),
        "numeric_cold_p95_ms": common.ms(pct(cold_n, 95)),
        "cold_definition": "each claim alone with the index word cache emptied first; the "
                           "p50/p95 above time the claims in a row from an empty cache",
        "quote_cpu_p50_ms": common.ms(pct(cpu_q, 50)),
        "numeric_cpu_p50_ms": common.ms(pct(cpu_n, 50)),
        "load_average": _load(),
        "recall_at_1": relative[1], "recall_at_5": relative[5],
        "recall_definition": "share of planted variants that brute force finds in its top k "
                             "which the index also finds in its top k",
        "recall_at_1_planted": planted[1], "recall_at_5_planted": planted[5],
        "bruteforce_recall_at_1_planted": bf_planted[1],
        "bruteforce_recall_at_5_planted": bf_planted[5],
        "bruteforce_p50_ms": common.ms(pct(bf_q, 50)),
        "bruteforce_p95_ms": common.ms(pct(bf_q, 95)),
        "bruteforce_numeric_p50_ms": common.ms(pct(bf_n, 50)),
        "bruteforce_numeric_p95_ms": common.ms(pct(bf_n, 95)),
        "bruteforce_sampled": len(bf_q) < len(quotes) or len(bf_n) < len(numbers),
        "bruteforce_claims": {"quote": len(bf_q), "numeric": len(bf_n)},
        "speedup": _ratio(pct(bf_q, 50), pct(quotes, 50)),
        "speedup_numeric": _ratio(pct(bf_n, 50), pct(numbers, 50)),
        "bruteforce_cpu_p50_ms": common.ms(pct(bf_cpu_q, 50)),
        "bruteforce_numeric_cpu_p50_ms": common.ms(pct(bf_cpu_n, 50)),
        "speedup_cpu": _ratio(pct(bf_cpu_q, 50), pct(cpu_q, 50)),
        "speedup_numeric_cpu": _ratio(pct(bf_cpu_n, 50), pct(cpu_n, 50)),
        "peak_rss_mb": peak_index,
        "peak_rss_with_bruteforce_mb": rss.peak_mb,
        "by_kind": by_kind(index_rows, bf_rows, targets, corpus),
        "decoys_planted": sum(len(v) for v in decoys.values()),
        "decoys_in_top5": decoys_offered(found, decoys),
        "bruteforce_decoys_in_top5": decoys_offered(bf_found, decoys),
        "decoys_definition": "sentences in a claim's shape about another named thing (same "
                             "subject words, same or other value) in the top 5 evidence",
        "cold_process": cold,
    }
    result["targets_met"] = {
        "p50_le_50ms": max(result["quote_p50_ms"] or 1e9, result["numeric_p50_ms"] or 1e9) <= 50,
        "p95_le_200ms": max(result["quote_p95_ms"] or 1e9, result["numeric_p95_ms"] or 1e9) <= 200,
        "speedup_ge_100": (result["speedup"] or 0) >= 100,
        "recall_at_5_ge_0.98": (result["recall_at_5"] or 0) >= 0.98,
        "peak_rss_le_2gb": result["peak_rss_mb"] <= 2048,
        "no_decoys_in_top5": result["decoys_in_top5"] == 0,
    }
    common.emit(result, args.out)
    return result


def _load() -> list[float]:
    """The 1, 5 and 15 minute load averages when the run ended (a shared machine
    inflates wall-clock latencies; the CPU figures are less affected)."""
    import os
    return [round(x, 2) for x in os.getloadavg()]


def _match_settings() -> dict:
    from workbench.match import MatchSettings
    match_settings = MatchSettings.from_settings()
    return {k: getattr(match_settings, k) for k in match_settings.__slots__}


def _ratio(a, b):
    return None if not a or not b else round(a / b, 1)


if __name__ == "__main__":
    main()
