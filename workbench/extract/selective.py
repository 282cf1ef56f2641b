"""Run the trained pipeline only on the sentences that can hold a claim.

Most sentences of a news archive hold neither a quotation mark nor a number, and
the tagger, parser and NER are nearly all of spaCy's cost. The tokenizer and a
rule-based sentencizer read the whole text (cheap); the quote-mark and number
scanners the extractors use anyway pick the sentences with a quoted span or a
number; consecutive picked sentences go through the full pipeline together
(``nlp.pipe``), the rest stay tokenised only. ``Doc.from_docs`` joins the pieces
back into one ``Doc`` with the original text and offsets, so the extractors run
unchanged: quotes and numbers lie in parsed sentences, and names elsewhere are
read by the capitalised-run heuristics that serve the rule-based pipeline.

It does NOT parse sentences without a claim: a name mentioned only there is not
confirmed or vetoed by NER.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from . import numbers, quotemarks

_SENTENCIZER = Sentencizer()


def claim_positions(text: str) -> list[tuple[int, int]]:
    """Character ranges where a claim can be: quoted spans and number mentions."""
    spans = [(s.open_pos, s.close_pos + 1) for s in quotemarks.scan(text)]
    spans += [(n.start, n.end) for n in numbers.scan(text)]
    return sorted(spans)


def segments(doc: Doc, positions: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """``(start, end, picked)`` character ranges covering the whole text: runs of
    sentences that overlap a claim position, and runs that do not."""
    sents = list(doc.sents)
    bounds = [0] + [s.start_char for s in sents[1:]]
    picked = [False] * len(sents)
    for a, b in positions:
        first = max(0, bisect.bisect_right(bounds, a) - 1)
        last = bisect.bisect_left(bounds, b) - 1
        for k in range(first, last + 1):
            picked[k] = True
    out: list[tuple[int, int, bool]] = []
    for k, start in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else len(doc.text)
        if out and out[-1][2] == picked[k]:
            out[-1] = (out[-1][0], end, picked[k])
        else:
            out.append((start, end, picked[k]))
    return out


def parse_where_claims_are(
    nlp: Language, texts: Iterable[str], group: int = 32
) -> Iterator[tuple[Doc, list[tuple[int, int]]]]:
    """For each text, one ``Doc`` fully annotated where a claim can be, and its
    sentences as ``(start, end)`` (parser sentences there, rule-based elsewhere).
    The picked sentences of ``group`` texts share one ``nlp.pipe`` call (the
    network is fastest on full batches); memory stays bounded by the group."""
    texts = iter(texts)
    while batch := list(itertools.islice(texts, group)):
        plans = [(text, segments(_SENTENCIZER(nlp.make_doc(text)), claim_positions(text)))
                 for text in batch]
        picked = nlp.pipe([text[a:b] for text, parts in plans for a, b, p in parts if p])
        for text, parts in plans:
            docs, sentences = [], []
            for a, b, p in parts:
                doc = next(picked) if p else _SENTENCIZER(nlp.make_doc(text[a:b]))
                doc.tensor = np.zeros((len(doc), 0), dtype="float32")  # from_docs joins tensors
                docs.append(doc)
                sentences.extend((a + s.start_char, a + s.end_char) for s in doc.sents)
            joined = Doc.from_docs(docs, ensure_whitespace=False) if docs else nlp.make_doc(text)
            yield joined, sentences
