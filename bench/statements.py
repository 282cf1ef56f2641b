"""Precision of the check-worthy statement ranking on the gold set (issue 13 §7).

Each gold article's sentences are joined into one text and run through the same
extraction as an article under review; sentences holding a quote or a figure are left
out (they are quote / numeric claims already), the rest are scored by
``workbench.statements`` and ranked. Prints one JSON line: precision@10 over all
candidates ranked together, mean precision@3 per article, and the base rate.

    python bench/statements.py --json
    python bench/statements.py --gold tests/gold/statements_blind/articles.jsonl --json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.extract import analyse
from workbench.nlp import load_pipeline
from workbench.statements import score_sentences

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "statements" / "articles.jsonl"


def evaluate(pipeline=None, gold: Path = GOLD) -> dict:
    pipeline = pipeline or load_pipeline()
    pooled, per_article, candidates = [], [], 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        labelled = article["sentences"]
        text = " ".join(s for s, _ in labelled)
        claims = analyse(text, pipeline).claims
        spans, offset = [], 0
        for sentence, label in labelled:
            start = text.index(sentence, offset)
            spans.append((start, start + len(sentence), sentence, label))
            offset = start + len(sentence)
        free = [(s, lab) for a, b, s, lab in spans
                if not any(a < c.end and c.start < b for c in claims)]
        candidates += len(free)
        scores = score_sentences([s for s, _ in free], pipeline)
        ranked = sorted(zip(free, scores, strict=True), key=lambda x: -x[1]["score"])
        per_article.append(sum(lab for (_, lab), _ in ranked[:3]) / min(3, len(ranked)))
        pooled += [(r["score"], lab, s) for (s, lab), r in ranked]
    pooled.sort(key=lambda x: -x[0])
    relevant = sum(lab for _, lab, _ in pooled)
    return {"articles": len(per_article), "candidates": candidates,
            "base_rate": round(sum(lab for _, lab, _ in pooled) / len(pooled), 3),
            "precision_at_10": sum(lab for _, lab, _ in pooled[:10]) / 10,
            "mean_precision_at_3": round(sum(per_article) / len(per_article), 3),
            "precision_at_20": sum(lab for _, lab, _ in pooled[:20]) / 20,
            "r_precision": round(sum(lab for _, lab, _ in pooled[:relevant]) / relevant, 3),
            "highest_negatives": [s for _, lab, s in pooled if not lab][:3],
            "top_10": [s for _, _, s in pooled[:10]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--gold", type=Path, default=GOLD, help="articles.jsonl to score")
    args = parser.parse_args()
    result = evaluate(gold=args.gold)
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
