"""Claim extraction: a document's text in, its passages and claims out.

``analyse`` runs the spaCy pipeline once per text (in paragraph-aligned chunks
for texts longer than the pipeline accepts; a trained pipeline only on the
sentences that can hold a claim, see ``selective``) and hands the same ``Doc`` to
the quote and quantity extractors. It does not store anything.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .. import settings
from ..models import Claim, Passage
from ..nlp import Pipeline, load_pipeline
from .quantities import extract_quantities
from .quotes import extract_quotes
from .selective import parse_where_claims_are

CHUNK_CHARS = 100_000
LONG_RUN = re.compile(r"\S{41,}")  # no number, unit or name we extract is this long
PUNCTUATION_RUN = re.compile(r"[^\w\s]{8,}|(?:[^\w\s]+\s+){8,}")  # decoration


def defuse(text: str) -> str:
    """Blank out what can hold no claim but could stall spaCy: runs of
    punctuation (8+ marks, spaced or not) and tokens of 41+ characters.

    spaCy's tokenizer and parser are superlinear on such runs (100 KB of quote
    marks took minutes). Blanking keeps the length, so every offset still points
    into the original text, from which passages and claims take their words."""
    text = PUNCTUATION_RUN.sub(lambda m: " " * len(m.group()), text)
    return LONG_RUN.sub(lambda m: " " * len(m.group()), text)


@dataclass(slots=True)
class Analysis:
    passages: list[Passage]
    claims: list[Claim]


def chunks(text: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """Split at paragraph breaks (else at any newline or space) into pieces of at
    most ``limit`` (default ``CHUNK_CHARS``) characters, yielding ``(offset, piece)``."""
    limit = limit or CHUNK_CHARS
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut + 1 if cut > limit // 2 else limit
        yield start, text[start:start + cut]
        start += cut
    if start < len(text):
        yield start, text[start:]


def analyse(text: str, pipeline: Pipeline | None = None) -> Analysis:
    """Passages (sentences) and claims (quotes, numbers) of one text."""
    return next(analyse_many([text], pipeline))


def analyse_many(texts: Iterable[str], pipeline: Pipeline | None = None, *,
                 on_piece: Callable[[int, int], None] | None = None) -> Iterator[Analysis]:
    """``analyse`` over a stream of texts, in order; pieces of several texts go
    through spaCy together, but only a bounded group at a time, so memory stays
    flat however many texts there are. ``on_piece(i, chars)`` hears after each
    piece how far into text ``i`` extraction is, so a long text shows progress."""
    pipeline = pipeline or load_pipeline()
    mach = float(settings.get("mach_mps"))
    pieces = ((i, text, offset, piece) for i, text in enumerate(texts)
              for offset, piece in (list(chunks(defuse(text))) or [(0, "")]))
    meta, strings = itertools.tee(pieces)
    parsed = zip(meta, _parsed(pipeline, (piece for *_, piece in strings)), strict=True)
    for _, group in itertools.groupby(parsed, key=lambda item: item[0][0]):
        passages: list[Passage] = []
        claims: list[Claim] = []
        for (i, text, offset, piece), (doc, sentences) in group:
            for a, b in sentences:
                start, end = offset + a, offset + b
                if text[start:end].strip():
                    passages.append(Passage(start, end, text[start:end]))
            for claim in (*extract_quotes(doc), *extract_quantities(doc, mach_mps=mach)):
                claim.start += offset
                claim.end += offset
                claims.append(claim)
            if on_piece:
                on_piece(i, offset + len(piece))
        claims.sort(key=lambda c: (c.start, c.end))
        yield Analysis(passages, claims)


def _parsed(pipeline: Pipeline, pieces: Iterable[str]):
    """``(doc, sentence ranges)`` per piece: a trained pipeline runs only where a
    claim can be (``selective``) unless the ``full_parse`` setting asks otherwise."""
    if pipeline.trained and not settings.get("full_parse"):
        yield from parse_where_claims_are(pipeline.nlp, pieces)
        return
    for doc in pipeline.nlp.pipe(pieces):
        yield doc, [(sent.start_char, sent.end_char) for sent in doc.sents]
