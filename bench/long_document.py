"""One very long document: how long it takes, whether the progress moves, when it is refused.

A desk loads a 10 MB transcript (one file, even without line breaks). This script
builds one from the synthetic corpus (speaker turns, sentences joined by spaces, no
newline at all), then in the same process:

1. **baseline**: the same words as ordinary ~3 KB articles, ingested in-process;
2. **long**: the same words as one document of ``--mb`` MB (at most the
   ``max_document_mb`` limit), ingested in-process, recording every progress call;
3. **refusal**: a ``--refuse-mb`` MB file, over the limit, read through the same
   path: how many seconds until it is rejected, and the reason it gives.

Prints words/s of both loads (their ratio shows whether a long text costs more than
its words), the longest gap between two progress updates, and the refusal time.

    python bench/long_document.py --mb 2 --refuse-mb 10 --json
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import generate


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, default=2.0, help="size of the long document loaded")
    p.add_argument("--refuse-mb", type=float, default=10.0, help="size of the refused one")
    p.add_argument("--json", action="store_true", help="print a JSON line last")
    return p.parse_args(argv)


def transcript(chars: int, seed: int = 7) -> str:
    """Speaker turns ("MS ADEYEMI: …") of the corpus's sentences, one line, ``chars`` long."""
    corpus = generate(chars // 60 + 1000, seed=seed, quote_claims=5, numeric_claims=5)
    speakers = ("THE CHAIR", "MS ADEYEMI", "MR KOWALSKI", "DR TAN", "SENATOR RUIZ")
    parts, size, turn = [], 0, 0
    for doc in corpus.documents():
        for a, b in doc.spans:
            if turn % 4 == 0:
                parts.append(f"{speakers[(turn // 4) % len(speakers)]}:")
            parts.append(doc.text[a:b])
            size += b - a + 1
            turn += 1
            if size >= chars:
                return " ".join(parts)[:chars]
    return " ".join(parts)[:chars]


def articles(text: str, size: int = 3000) -> list[str]:
    """The same words cut at spaces into articles of about ``size`` characters."""
    out, start = [], 0
    while start < len(text):
        cut = text.rfind(" ", start, start + size) if start + size < len(text) else len(text)
        cut = cut if cut > start else min(len(text), start + size)
        out.append(text[start:cut])
        start = cut + 1
    return out


def main(argv=None) -> dict:
    args = parse(argv)
    import workbench
    from workbench import settings
    from workbench.nlp import load_pipeline
    from workbench.sources.limits import MB

    pipeline = load_pipeline()
    limit_mb = float(settings.get("max_document_mb"))
    chars = int(min(args.mb, limit_mb) * MB)
    text = transcript(chars)
    words = len(text.split())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        short = folder / "articles"
        short.mkdir()
        for k, body in enumerate(articles(text)):
            (short / f"{k:05d}.txt").write_text(body, encoding="utf-8")
        (folder / "long.txt").write_text(text, encoding="utf-8")
        store = workbench.open_store(str(folder / "bench.db"))

        t = time.perf_counter()
        workbench.ingest_paths(store, [short], "baseline", pipeline=pipeline)
        baseline_s = time.perf_counter() - t

        calls: list[float] = []
        t = time.perf_counter()
        report = workbench.ingest_paths(store, [folder / "long.txt"], "long", pipeline=pipeline,
                                        progress=lambda n, label: calls.append(time.perf_counter()))
        long_s = time.perf_counter() - t
        marks = [t, *calls, t + long_s]
        gap = max(b - a for a, b in itertools.pairwise(marks))

        big = folder / "refused.txt"
        big.write_text(transcript(int(args.refuse_mb * MB), seed=8), encoding="utf-8")
        t = time.perf_counter()
        refused = workbench.ingest_paths(store, [big], "refused", pipeline=pipeline)
        refuse_s = time.perf_counter() - t
        store.close()
    result = {
        "pipeline": pipeline.name, "limit_mb": limit_mb, "long_mb": round(len(text) / MB, 2),
        "words": words, "baseline_s": round(baseline_s, 1), "long_s": round(long_s, 1),
        "baseline_words_per_s": round(words / baseline_s),
        "long_words_per_s": round(words / long_s),
        "long_vs_baseline": round(baseline_s / long_s, 2), "long_loaded": len(report.added),
        "progress_updates": len(calls), "longest_progress_gap_s": round(gap, 1),
        "refused_mb": args.refuse_mb, "refuse_s": round(refuse_s, 2),
        "refused_reason": str(refused.rejected[0]) if refused.rejected else None,
    }
    for key, value in result.items():
        print(f"{key:>24}: {value}")
    if args.json:
        print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
