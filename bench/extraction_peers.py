"""Dedicated peers on the gold passages, scored like ``python -m workbench evaluate``.

    .venv/bin/python bench/extraction_peers.py [--heldout] [--json] [--failures FILE]

For each gold collection (``catalogue`` and ``news``; ``heldout`` only with
``--heldout``) the same rows go through the workbench (``workbench.evaluate.evaluate``
with the trained pipeline), quantulum3 (quantities) and textacy's
``extract.triples.direct_quotations`` (quotes, on a Doc of the same trained
pipeline), and every prediction is scored by ``workbench.evaluate.score_rows``.
Prints one table (a peer's figures for the kind it does not extract are "-"), and
with ``--json`` the figures as one JSON line last.

How the peers' output is mapped (a mapping mistake is our bug, not theirs):

- quantulum3 (``bench/peer_units.py``): ``value``; a range (given as mean ± half
  the range) as ``value``/``value_max``; the unit by quantulum3's unit *name* to the
  guide's unit strings (``tests/gold/news/GUIDE.md``), minor currencies ("penny",
  "cent") divided into their major unit, "dozen" as 12; ``si_value`` by
  ``workbench.extract.units.to_si`` on the mapped unit (money unconverted);
  ``dimension`` by ``dimension_of``; qualifier, direction and ``about`` None.
  Charitable readings of names: "per cent" (1/cent to quantulum3) is %, "cubic
  centimetre" (its reading of "ml") is ml, "calorie" is kcal (the guide's food
  calorie), a bare rate of time ("1,000 a year" = "per year") is a count.
  Run without its optional classifier (``quantulum3.classifier.USE_CLF = False``), as
  ``pip install quantulum3`` installs it: scikit-learn is only here for textacy, and
  the classifier quantulum3 ships does not unpickle with scikit-learn 1.9 (retrained
  from quantulum3's own training set it still read "34.2C" as centavos in a sentence).
- textacy: ``text`` = the content span (marks included; the scorer ignores marks),
  ``speaker`` = the text from the first to the last speaker token, ``cue`` = the cue
  tokens. A quote split by its own attribution ("A," she said, "B.") comes out as two
  triples with one cue between them: they are joined into one quote, as the gold
  writes it, unless a paragraph break or a reporting verb after the second part
  ("B," he added) makes the second part a quote of its own. textacy refuses a whole
  Doc with an odd number of quote marks (a quote carried over paragraphs): such a
  passage is retried paragraph by paragraph (``retried_by_paragraph`` in the JSON).

Limits the mapping does not hide: quantulum3 reads what it reads ("£52m" is £52
times a metre, "34.2C" coulombs, "60 minutes" minutes of arc, "RM4.50" nothing); those
keep quantulum3's unit name, which matches no gold unit (value F1 still counts them).
It has no ages, temperature differences, scores, index points or counted nouns, so
SI values of ages (years in seconds) and differences (as levels) miss. textacy gives
a pronoun as the speaker ("she") and yields no quote without a speaker and cue verb.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.peer_units import PeerClaim, from_quantity
from workbench.evaluate import GOLD_SETS, evaluate, load_gold, score_rows
from workbench.nlp import Pipeline, load_pipeline

QUANTITY_FIGURES = ("value_f1", "value_unit_f1", "si_correct", "qualifier_accuracy",
                    "direction_accuracy", "about_accuracy")
QUOTE_FIGURES = ("precision", "recall", "f1", "speaker_accuracy", "speaker_f1")


def quantulum_numbers(text: str) -> list[PeerClaim]:
    """quantulum3's quantities of ``text`` as scorer records."""
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    return [from_quantity(q) for q in parser.parse(text)]


def _span_text(tokens) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text


def _triples(doc, stats: dict) -> list:
    from textacy.extract.triples import direct_quotations

    try:
        return list(direct_quotations(doc))
    except ValueError:  # an odd number of quote marks: try each paragraph alone
        stats["retried_by_paragraph"] = stats.get("retried_by_paragraph", 0) + 1
        out, start = [], 0
        for part in [*doc.text.split("\n\n")]:
            span = doc.char_span(start, start + len(part), alignment_mode="expand")
            start += len(part) + 2
            if span is not None and len(span):
                try:
                    out += direct_quotations(span.as_doc())
                except ValueError:
                    continue
        return out


def _continues(first, cue: list, second) -> bool:
    """Whether ``second`` goes on the quote ``first`` began: the same attribution
    between them ("A," she said, "B."), in one paragraph, and nothing attributing
    ``second`` anew after it in its sentence ("B," he added)."""
    from textacy.constants import REPORTING_VERBS

    doc = second.doc
    if first.doc is not doc or not first.end <= min(t.i for t in cue) < second.start:
        return False
    if "\n\n" in doc.text[first.end_char:second.start_char]:
        return False
    verbs = REPORTING_VERBS[doc.lang_]
    after = doc[second.end:doc[second.end - 1].sent.end]
    return not any(t.pos_ == "VERB" and t.lemma_ in verbs for t in after)


def textacy_quotes(doc, stats: dict | None = None) -> list[PeerClaim]:
    """textacy's direct quotations of a parsed ``doc`` as scorer records; the two
    halves of a quote split by its attribution joined into one. ``stats`` counts
    the passages retried paragraph by paragraph."""
    quotes: list[PeerClaim] = []
    last = None
    for triple in _triples(doc, {} if stats is None else stats):
        part, cue = triple.content, sorted(t.i for t in triple.cue)
        if (last is not None and cue == sorted(t.i for t in last.cue)
                and _continues(last.content, triple.cue, part)):
            quotes[-1].text += " " + part.text
        else:
            quotes.append(PeerClaim(text=part.text, speaker=_span_text(triple.speaker),
                                    cue=" ".join(t.text for t in triple.cue)))
        last = triple
    return quotes


def compare(gold_dir: Path, pipeline: Pipeline) -> dict:
    """Figures of the workbench and both peers on the passages of ``gold_dir``; a
    peer's figures for the kind it does not extract are None."""
    rows = load_gold(gold_dir)
    docs = pipeline.nlp.pipe(r["text"] for r in rows)
    quantulum = score_rows(rows, (([], quantulum_numbers(r["text"])) for r in rows),
                           "quantulum3 0.10.0")
    stats = {"retried_by_paragraph": 0}
    textacy = score_rows(rows, ((textacy_quotes(d, stats), []) for d in docs),
                         f"textacy 0.13.0 direct_quotations on {pipeline.name}")
    textacy.update(stats)
    quantulum["quotes"] = textacy["numbers"] = None
    for result, kind in ((quantulum, "numbers"), (textacy, "quotes")):
        result["failures"] = [f for f in result["failures"]
                              if f["extractor"] in (kind, "furniture")]
    return {"workbench": evaluate(pipeline, gold_dir), "quantulum3": quantulum,
            "textacy": textacy}


def _cells(result: dict) -> list[str]:
    q, n = result["quotes"], result["numbers"]
    return ([f"{q[k]:.3f}" if q else "-" for k in QUOTE_FIGURES]
            + [f"{n[k]:.3f}" if n else "-" for k in QUANTITY_FIGURES]
            + [str(result["furniture_claims"])])


HEADER = ("gold", "extractor", "n", "quote P", "R", "F1", "spk acc", "spk F1", "value F1",
          "v+unit F1", "SI 1%", "qual", "dir", "about", "furniture")


def table(figures: dict) -> list[str]:
    """The figures as a Markdown table, one row per gold collection and extractor."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for gold, results in figures.items():
        for label, result in results.items():
            name = f"workbench ({result['pipeline']})" if label == "workbench" else label
            cells = [gold, name, str(result["passages"]), *_cells(result)]
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def parse(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--heldout", action="store_true", help="also the held-out collection")
    p.add_argument("--json", action="store_true", help="the figures as one JSON line last")
    p.add_argument("--failures", help="write every extractor's failures to this JSON file")
    return p.parse_args(argv)


def main(argv=None) -> dict:
    args = parse(argv)
    pipeline = load_pipeline()
    if not pipeline.trained:
        raise SystemExit("no trained spaCy pipeline installed (see requirements-model.txt)")
    names = ["catalogue", "news", *(["heldout"] if args.heldout else [])]
    figures = {name: compare(GOLD_SETS[name], pipeline) for name in names}
    failures = {g: {k: r.pop("failures") for k, r in res.items()} for g, res in figures.items()}
    for results in figures.values():
        for result in results.values():
            result.pop("by_beat")
    if args.failures:
        Path(args.failures).parent.mkdir(parents=True, exist_ok=True)
        Path(args.failures).write_text(json.dumps(failures, indent=1, ensure_ascii=False))
    print("\n".join(table(figures)), flush=True)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False), flush=True)
    return figures


if __name__ == "__main__":
    main()
