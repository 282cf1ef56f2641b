"""Near-duplicate grouping (issue 13): cost and accuracy on the synthetic corpus.

Every tenth document of the corpus gets a planted copy, in turn trimmed (the last
40 % of its paragraphs cut), extended (a paragraph of another document added) or
re-headlined (same text, new title). All documents are written to a fresh store
with their passages (no claims: the baseline is the store's own write), then
``workbench.syndication.group_documents`` places them. Prints, as one JSON line:
write and grouping seconds and their ratio, documents per second, the share of
planted copies grouped with their original (recall) and the documents grouped
with anything but their planted twin (false merges).

    .venv/bin/python bench/syndication.py --sentences 100000 --json
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.corpus import generate


def copy_of(doc, other, k: int) -> tuple[str, str]:
    """(title, text) of the k-th kind of copy of ``doc``."""
    paragraphs = doc.text.split("\n\n")
    if k % 3 == 0:
        keep = max(1, round(len(paragraphs) * 0.6))
        return doc.title, "\n\n".join(paragraphs[:keep])
    if k % 3 == 1:
        return doc.title, doc.text + "\n\n" + other.text.split("\n\n")[0]
    return "Republished: " + doc.title, doc.text + " "


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sentences", type=int, default=20000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--out")
    args = p.parse_args(argv)

    from workbench.models import Document, Passage
    from workbench.store import Store
    from workbench.store import documents as rows
    from workbench.syndication import group_documents

    corpus = generate(args.sentences, seed=args.seed)
    docs = list(corpus.documents())
    planted: dict[str, str] = {}  # copy path -> original path
    items = []
    for doc in docs:
        items.append((common.doc_path(doc.index), doc.title, doc.text))
        if doc.index % 10 == 0:
            title, text = copy_of(doc, docs[(doc.index + 1) % len(docs)], doc.index // 10)
            path = f"copy/{doc.index:07d}.txt"
            planted[path] = common.doc_path(doc.index)
            items.append((path, title, text))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "s.db")
        started = time.perf_counter()
        with store.write() as conn:
            rows.ensure_set(conn, common.BENCH_SET)
            for path, title, text in items:
                passages, start = [], 0
                for part in text.split("\n\n"):
                    passages.append(Passage(start, start + len(part), part))
                    start += len(part) + 2
                rows.write_document(conn, common.BENCH_SET,
                                    Document(title=title, text=text, path=path), passages, [])
        write_s = time.perf_counter() - started
        common.log(f"wrote {len(items)} documents in {write_s:.1f} s")
        started = time.perf_counter()
        placed = group_documents(store)
        group_s = time.perf_counter() - started
        with store.read() as conn:
            group = dict(conn.execute(
                "SELECT d.path, g.group_id FROM documents d JOIN document_groups g "
                "ON g.document_id = d.id").fetchall())
    members: dict[int, set[str]] = {}
    for path, gid in group.items():
        members.setdefault(gid, set()).add(path)
    found = sum(group[c] == group[o] for c, o in planted.items())
    twins = {o: c for c, o in planted.items()} | planted
    false = sum(1 for path, gid in group.items()
                if members[gid] - {path, twins.get(path)})
    common.emit({
        "sentences": args.sentences, "documents": len(items), "planted_copies": len(planted),
        "placed": placed, "write_s": round(write_s, 2), "group_s": round(group_s, 2),
        "group_over_write": round(group_s / write_s, 2),
        "group_docs_per_s": round(placed / group_s), "copy_recall": round(found / len(planted), 3),
        "false_merges": false,
    }, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
