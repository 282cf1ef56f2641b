"""Claim extraction: a document's text in, its passages and claims out.

``analyse`` runs the spaCy pipeline once per text (in paragraph-aligned chunks
for texts longer than the pipeline accepts) and hands the same ``Doc`` to the
quote and quantity extractors. It does not store anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import settings
from ..models import Claim, Passage
from ..nlp import Pipeline, load_pipeline
from .quantities import extract_quantities
from .quotes import extract_quotes

CHUNK_CHARS = 100_000
LONG_RUN = re.compile(r"\S{64,}")  # no word, number or URL we extract is this long
PUNCTUATION_RUN = re.compile(r"[^\w\s]{8,}")  # decoration, never a claim


def defuse(text: str) -> str:
    """Blank out runs of 8+ punctuation marks and break runs of 64+ non-space
    characters with a space every 32.

    spaCy's tokenizer is superlinear on long runs of punctuation (100 KB of quote
    marks would stall it for minutes); no claim lives inside such a run, and the
    length, hence every offset, is unchanged."""
    text = PUNCTUATION_RUN.sub(lambda m: " " * len(m.group()), text)
    if not LONG_RUN.search(text):
        return text
    return LONG_RUN.sub(lambda m: " ".join(
        m.group()[i:i + 31] for i in range(0, len(m.group()), 32)).ljust(len(m.group())), text)


@dataclass(slots=True)
class Analysis:
    passages: list[Passage]
    claims: list[Claim]


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split at paragraph breaks (else at any newline or space) into pieces of at
    most ``limit`` characters, yielding ``(offset, piece)``."""
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


def analyse_many(texts: Iterable[str], pipeline: Pipeline | None = None) -> Iterator[Analysis]:
    """``analyse`` over a stream of texts, batching them through ``nlp.pipe``."""
    pipeline = pipeline or load_pipeline()
    mach = float(settings.get("mach_mps"))
    for text in texts:
        passages: list[Passage] = []
        claims: list[Claim] = []
        pieces = list(chunks(defuse(text)))
        for (offset, _), doc in zip(pieces, pipeline.nlp.pipe(p for _, p in pieces), strict=True):
            for sent in doc.sents:
                if sent.text.strip():
                    passages.append(
                        Passage(offset + sent.start_char, offset + sent.end_char, sent.text)
                    )
            for claim in (*extract_quotes(doc), *extract_quantities(doc, mach_mps=mach)):
                claim.start += offset
                claim.end += offset
                claims.append(claim)
        claims.sort(key=lambda c: (c.start, c.end))
        yield Analysis(passages, claims)
