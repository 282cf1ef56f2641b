"""Evidence for a quote: the same words elsewhere, and who said them there.

Candidates come from FTS5 (passages sharing the quote's words). Where a passage
holds a quote extracted at ingest, quote is compared with quote (and speaker with
speaker); elsewhere the quote is aligned inside the passage with
``partial_ratio_alignment``. It does not detect paraphrase without shared words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from ..models import Claim, Document, Evidence, Relation
from ..store import search
from ..store.db import Conn
from ..store.search import PassageRecord
from . import explain
from .wording import fold, name_tokens, only_spelling_differs, query_terms, same_speaker

if TYPE_CHECKING:
    from . import MatchSettings

SAME_WORDS = 92.0  # at or above: the same words (punctuation and case aside)
REORDERED = 0.9  # the same words in another order vary: never "supports"
MISATTRIBUTION_MIN = 85.0  # words close enough that another speaker is a finding
SERIAL_BELOW = 2000  # cdist on fewer choices than this is faster in one thread


@dataclass(frozen=True, slots=True)
class PassageMatch:
    """The best match of a quote inside one passage: where, how close, said by whom."""

    score: float
    relation: Relation
    start: int  # offsets in the document
    end: int
    speaker: str | None
    quote: str  # the matched words as the passage has them
    extracted: bool  # a quote extracted there (True) or raw passage text aligned (False)


def quote_score(claim: str, other: str) -> float:
    """Similarity of two quotes: whole-text ratio when they are of similar length
    (or, discounted below ``SAME_WORDS``, the same words with clauses reordered);
    when one is an excerpt of the other, the best partial alignment (slightly
    discounted, so an excerpt never outranks the full quote)."""
    a, b = fold(claim), fold(other)
    shorter, longer = sorted((len(a.split()), len(b.split())))
    if not longer:
        return 0.0
    if shorter / longer >= 0.8:
        return max(fuzz.ratio(a, b), REORDERED * fuzz.token_sort_ratio(a, b))
    return max(fuzz.ratio(a, b), 0.97 * fuzz.partial_ratio(a, b))


def _relation(claim: Claim, words: str, speaker: str | None, score: float,
              min_score: float) -> Relation | None:
    same = same_speaker(claim.speaker, speaker)
    if same is False and score >= MISATTRIBUTION_MIN:
        return Relation.MISATTRIBUTED
    if score >= SAME_WORDS and only_spelling_differs(claim.text, words):
        return Relation.SUPPORTS
    if score >= min_score:
        return Relation.VARIES
    return None


def _mentions(passage: str, speaker: str | None) -> bool:
    tokens = name_tokens(speaker)
    return bool(tokens) and re.search(rf"\b{re.escape(tokens[-1])}\b", passage.lower()) is not None


def quote_evidence(conn: Conn, claim: Claim, article: Document, *,
                   sets: Sequence[str] | None, match_settings: MatchSettings
                   ) -> list[Evidence]:
    rows = [r for r in search.candidate_passages(
        conn, query_terms(claim.text), sets=sets, exclude_hash=article.content_hash,
        limit=match_settings.candidates) if r.document_id != article.id]
    if not rows:
        return []
    # First pass: one fast batch score of the quote against every candidate passage.
    # It bounds the fine score, so only passages that can reach the cutoff go on.
    first = process.cdist([fold(claim.text)], [fold(r.text) for r in rows],
                          scorer=fuzz.partial_ratio,
                          workers=1 if len(rows) < SERIAL_BELOW else -1)[0]
    hopeful = {r.id for r, rough in zip(rows, first, strict=True)
               if rough >= 0.85 * match_settings.quote_min_score}
    quotes = search.quotes_in_passages(conn, sorted(hopeful))
    docs = search.documents_by_id(conn, (r.document_id for r in rows))
    found, related = [], []
    for row, rough in zip(rows, first, strict=True):
        document = docs[row.document_id]
        best = (_best_in_passage(claim, row, quotes.get(row.id, []), match_settings)
                if row.id in hopeful else None)
        if best is not None:
            ev = _evidence(document, row, best)
            ev.why = explain.for_quote(claim, row.text, best.score, best.speaker,
                                       extracted=best.extracted,
                                       min_score=match_settings.quote_min_score)
            found.append(ev)
        elif rough >= 50 or _mentions(row.text, claim.speaker):
            why = explain.Why(words=explain.shared_words(claim.text, row.text),
                              fuzzy=round(float(rough), 1), scorer="partial_ratio, first pass",
                              score=f"below the quote threshold "
                                    f"{match_settings.quote_min_score:.0f}: "
                                    "shares words or names the speaker").to_dict()
            related.append(Evidence(document, row.text, row.start, row.end,
                                    float(rough), Relation.RELATED, passage_start=row.start,
                                    passage_id=row.id, why=why))
    related.sort(key=lambda e: -e.score)  # the closest wording first: a loose translation
    return _dedupe(found) + related[:match_settings.related_max]


def _best_in_passage(claim: Claim, row: PassageRecord, stored_quotes: list[Claim],
                     match_settings: MatchSettings) -> PassageMatch | None:
    """The best match in a passage, preferring a quote extracted there over raw
    passage text; None when nothing in it is close enough."""
    best: PassageMatch | None = None
    for q in stored_quotes:
        score = quote_score(claim.text, q.text)
        relation = _relation(claim, q.text, q.speaker, score, match_settings.quote_min_score)
        if relation and (best is None or score > best.score):
            best = PassageMatch(score, relation, q.start, q.end, q.speaker, q.text, True)
    if best is not None:
        return best
    align = fuzz.partial_ratio_alignment(fold(claim.text), fold(row.text))
    if align is None:
        return None
    words_claim = len(claim.text.split())
    span = row.text[align.dest_start:align.dest_end]
    score = align.score * min(1.0, len(span.split()) / max(1, words_claim))
    speaker = claim.speaker if _mentions(row.text, claim.speaker) else None
    relation = _relation(claim, span, speaker, score, match_settings.quote_min_score)
    if relation is None:
        return None
    return PassageMatch(score, relation, row.start + align.dest_start,
                        row.start + align.dest_end, speaker, span, False)


def _evidence(document: Document, row: PassageRecord, match: PassageMatch) -> Evidence:
    return Evidence(document, row.text, match.start, match.end, float(match.score),
                    match.relation, passage_start=row.start, speaker=match.speaker,
                    quote=match.quote, passage_id=row.id)


def _dedupe(items: list[Evidence]) -> list[Evidence]:
    """One item per quote occurrence: a quote spanning several passages is found
    through each of them."""
    seen, out = set(), []
    for ev in sorted(items, key=lambda e: -e.score):
        key = (ev.document.id, ev.start)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out
