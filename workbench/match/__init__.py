"""Finding the evidence for a claim in the chosen source sets.

The index proposes, rapidfuzz decides: FTS5 fetches candidate passages (and the
quotes and quantities extracted from them at ingest), then quotes are scored by
rapidfuzz and quantities compared in SI units. A claim is never matched against
its own document or a duplicate of it (same content hash). This package does not
store reviews; ``check_document`` caches evidence until the corpus changes.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .. import consistency, provenance, settings, syndication, timescope
from ..models import Claim, ClaimKind, Document, Evidence, Relation
from ..store import Store, search
from ..store import documents as doc_rows
from ..store.db import Snapshot
from .names import LEAD_CHARS
from .numbers import numeric_evidence
from .quotes import quote_evidence
from .serialize import evidence_from_dict, evidence_to_dict

__all__ = ["MatchSettings", "check_document", "find_evidence"]

# Part of the evidence cache's key: raise it when a change to matching changes what it
# finds, so evidence cached by older code is never served as if it were current.
MATCHER_VERSION = 4
ORDER = {Relation.RELATED: 1}


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """The matching settings (``WORKBENCH_*``), read once per check; part of the
    evidence cache's key, so a change of any of them is never served stale."""

    tolerance: float
    quote_min_score: float
    candidates: int
    max_evidence: int
    related_max: int  # passages on the subject with nothing comparable, after the rest

    @classmethod
    def from_settings(cls) -> MatchSettings:
        return cls(float(settings.get("tolerance")), float(settings.get("quote_min_score")),
                   int(settings.get("candidates")), int(settings.get("max_evidence")),
                   int(settings.get("related_max")))

    def signature(self) -> str:
        return "|".join(str(getattr(self, name)) for name in self.__slots__)


def find_evidence(
    store: Store | Snapshot,
    claim: Claim,
    article: Document,
    *,
    sets: Sequence[str] | None = None,
    match_settings: MatchSettings | None = None,
) -> list[Evidence]:
    """Ranked evidence for one claim of a stored article."""
    match_settings = match_settings or MatchSettings.from_settings()
    with store.read() as conn:
        row = search.passage_containing(conn, article.id, claim.start) if article.id else None
        context = row.text if row else article.text[max(0, claim.start - 200):claim.end + 200]
        if claim.kind is ClaimKind.QUOTE:
            found = quote_evidence(conn, claim, article, sets=sets,
                                   match_settings=match_settings)
        else:
            found = numeric_evidence(conn, claim, context, article, sets=sets,
                                     match_settings=match_settings)
        lead = search.lead_passages(conn, [article.id], chars=LEAD_CHARS).get(article.id, "") \
            if article.id else ""
        timescope.mark(found, timescope.claim_period(context, lead, article))  # issue 13 §4
        found.sort(key=lambda e: (ORDER.get(e.relation, 0), e.stale, -e.score))
        comparable = [e for e in found if e.relation is not Relation.RELATED]
        related = [e for e in found if e.relation is Relation.RELATED]
        # issue 13: copies of one wire story fill one place, not the whole list
        return (syndication.cap_by_group(conn, comparable, match_settings.max_evidence)
                + syndication.cap_by_group(conn, related, match_settings.related_max))


def check_document(
    store: Store, doc_id: int, *, sets: Sequence[str] | None = None,
    match_settings: MatchSettings | None = None, window_days: int | None = None,
    tolerance: float | None = None, quote_min_score: float | None = None,
) -> tuple[Document, list[Claim]]:
    """The article's claims, each with its evidence; cached until the corpus,
    the chosen sets or the matching settings change. ``window_days`` (default: the
    setting; 0 = none) keeps only evidence dated that near the claim's time;
    ``tolerance`` and ``quote_min_score`` override the settings (the Review page's
    controls), and evidence is recomputed for values not seen before."""
    match_settings = match_settings or MatchSettings.from_settings()
    if tolerance is not None or quote_min_score is not None:
        match_settings = dataclasses.replace(
            match_settings,
            tolerance=match_settings.tolerance if tolerance is None else float(tolerance),
            quote_min_score=(match_settings.quote_min_score if quote_min_score is None
                             else float(quote_min_score)))
    if window_days is None:
        window_days = int(settings.get("date_window_days"))
    article = doc_rows.get_document(store, doc_id)
    if article is None:
        from ..errors import NotFound
        raise NotFound(f"no document with id {doc_id}")
    claims = doc_rows.claims_of(store, doc_id)
    scope = "*" if sets is None else "\x1f".join(sorted(sets))
    signature = f"{store.corpus_version()}|{scope}|{match_settings.signature()}|m{MATCHER_VERSION}"
    cached = _load_cache(store, [c.id for c in claims if c.id is not None], signature)
    fresh: dict[int, list[Evidence]] = {}
    with store.snapshot() as snapshot:  # one connection and one view of the corpus
        for claim in claims:
            if claim.id in cached:
                claim.evidence = cached[claim.id]
            else:
                claim.evidence = find_evidence(snapshot, claim, article, sets=sets,
                                               match_settings=match_settings)
                if claim.id is not None:  # stored claims all have one
                    fresh[claim.id] = claim.evidence
    if fresh:
        _save_cache(store, fresh, signature)
    _time_scope(store, article, claims, window_days)  # issue 13 §4: stale evidence last
    syndication.annotate(store, article, claims)  # issue 13: after the cache, since groups
    provenance.annotate(claims)  # are placed just after the corpus version moves
    consistency.annotate(store, claims, tolerance=match_settings.tolerance)
    return article, claims


def _time_scope(store: Store, article: Document, claims: list[Claim], window_days: int) -> None:
    if article.id is None:
        return
    with store.read() as conn:
        lead = search.lead_passages(conn, [article.id], chars=LEAD_CHARS).get(article.id, "")
        contexts: dict[int, str] = {}
        for claim in claims:
            row = search.passage_containing(conn, article.id, claim.start)
            contexts[claim.id or 0] = row.text if row else ""
    timescope.annotate(article, claims, contexts, lead, window_days=window_days)


def _load_cache(store: Store, claim_ids: list[int], signature: str) -> dict[int, list[Evidence]]:
    out = {}
    with store.read() as conn:
        for claim_id, payload in search.cached_evidence(conn, claim_ids, signature):
            out[claim_id] = [evidence_from_dict(d) for d in json.loads(payload)]
    return out


def _save_cache(store: Store, fresh: dict[int, list[Evidence]], signature: str) -> None:
    with store.write() as conn:
        search.cache_evidence(conn, [
            (claim_id, signature, json.dumps([evidence_to_dict(e) for e in evidence]))
            for claim_id, evidence in fresh.items()
        ])
