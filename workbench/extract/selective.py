"""Run the trained pipeline only where a claim can be, and only what it needs.

Most sentences of a news archive hold neither a quotation mark nor a number, and
the tagger, parser and NER are nearly all of spaCy's cost. The tokenizer and a
rule-based sentencizer read the whole text (cheap); the quote-mark and number
scanners the extractors use anyway pick the sentences: with a number, the full
pipeline (the subject of a number comes from the parse); with only a quote, NER
alone when the model's NER has its own features (the quote extractor reads names,
not the parse); the rest stay tokenised only. ``Doc.from_docs`` joins the pieces
back into one ``Doc`` with the original text and offsets, so the extractors run
unchanged; names in unannotated sentences are read by the capitalised-run
heuristics that serve the rule-based pipeline.

It does NOT annotate sentences without a claim: a name mentioned only there is
not confirmed or vetoed by NER.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.tokens import Doc

from . import numbers, quotemarks

_SENTENCIZER = Sentencizer()


NOTHING, NAMES, FULL = 0, 1, 2  # what a sentence needs: nothing, NER (a quote), everything


def claim_positions(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, need)`` where a claim can be: quoted spans need names (NER:
    the quote extractor reads no parse), number mentions the full pipeline (the
    subject of a number comes from the parse)."""
    spans = [(s.open_pos, s.close_pos + 1, NAMES) for s in quotemarks.scan(text)]
    spans += [(n.start, n.end, FULL) for n in numbers.scan(text)]
    return sorted(spans)


def sentence_bounds(doc: Doc) -> list[int]:
    """Character offsets where the sentences of a sentencized ``doc`` start (the
    first is 0), read as arrays: a Span per sentence costs more than the split."""
    if not len(doc):
        return [0]
    rows = doc.to_array([IDX, SENT_START])
    return [0] + [int(i) for i in rows[1:][rows[1:, 1] == 1, 0]]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace around it."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip())


def segments(text: str, bounds: list[int],
             positions: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``(start, end, need)`` character ranges covering the whole text: runs of
    sentences (starting at ``bounds``) needing the same annotation, the most any
    claim position in them needs."""
    need = [NOTHING] * len(bounds)
    for a, b, level in positions:
        first = max(0, bisect.bisect_right(bounds, a) - 1)
        last = bisect.bisect_left(bounds, b) - 1
        for k in range(first, last + 1):
            need[k] = max(need[k], level)
    out: list[tuple[int, int, int]] = []
    for k, start in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else len(text)
        if out and out[-1][2] == need[k]:
            out[-1] = (out[-1][0], end, need[k])
        else:
            out.append((start, end, need[k]))
    return out


def parse_where_claims_are(
    nlp: Language, texts: Iterable[str], group: int = 32
) -> Iterator[tuple[Doc, list[tuple[int, int]]]]:
    """For each text, one ``Doc`` annotated as much as each sentence needs, and its
    sentences as ``(start, end)`` (parser sentences where parsed, rule-based
    elsewhere). The sentences of ``group`` texts needing the same components share
    one ``pipe`` call (the network is fastest on full batches); memory stays
    bounded by the group."""
    ner = _standalone_ner(nlp)
    texts = iter(texts)
    while batch := list(itertools.islice(texts, group)):
        plans = []
        for text in batch:
            bounds = sentence_bounds(_SENTENCIZER(nlp.make_doc(text)))
            parts = segments(text, bounds, claim_positions(text))
            if ner is None:  # NER shares the parser's features: names need everything
                parts = [(a, b, FULL if n else NOTHING) for a, b, n in parts]
            plans.append((text, bounds, parts))
        full = nlp.pipe([text[a:b] for text, _, parts in plans for a, b, n in parts if n == FULL])
        names = ner.pipe(nlp.make_doc(text[a:b]) for text, _, parts in plans
                         for a, b, n in parts if n == NAMES) if ner is not None else iter(())
        for text, bounds, parts in plans:
            docs, sentences = [], []
            for a, b, n in parts:
                if n == FULL:
                    doc = next(full)
                    sentences.extend((a + s.start_char, a + s.end_char) for s in doc.sents)
                else:
                    doc = next(names) if n == NAMES else nlp.make_doc(text[a:b])
                    inside = bounds[bisect.bisect_left(bounds, a):bisect.bisect_left(bounds, b)]
                    inside.append(b)
                    sentences.extend(trimmed(text, x, y) for x, y in itertools.pairwise(inside))
                doc.tensor = np.zeros((len(doc), 0), dtype="float32")  # from_docs joins tensors
                docs.append(doc)
            joined = Doc.from_docs(docs, ensure_whitespace=False) if docs else nlp.make_doc(text)
            joined.user_data["text"] = text  # the same string; see ``words.doc_text``
            yield joined, sentences


def _standalone_ner(nlp: Language):
    """The pipeline's NER if it computes its own features (as in ``en_core_web_sm``),
    so it can run without the tagger and parser; else None."""
    if "ner" not in nlp.pipe_names:
        return None
    ner = nlp.get_pipe("ner")
    model = getattr(ner, "model", None)
    if model is None or any(isinstance(node, Tok2VecListener) for node in model.walk()):
        return None
    return ner
