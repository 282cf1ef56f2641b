"""Evidence for a numeric claim: same-dimension quantities about the same subject.

The subject is the claim's ``about`` plus the proper nouns of its sentence
("Korval", "Dnipro"); only documents that mention it are looked at, and only their
quantities of the claim's dimension (a train's 320 km/h is not evidence about a
missile, and a count of carriages is not a count of warheads), and a figure about
another named storm, company or player is turned away (``names``). Values are compared
in SI units by ``values.compare``. It does not compare quantities across
dimensions or currencies, nor read meaning into "as fast as a rifle bullet".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from ..models import Claim, Document, Evidence, Relation
from ..store import search
from ..store.db import Conn
from ..store.search import PassageRecord, QuantityRecord
from . import explain
from .names import LEAD_CHARS, ClaimSubject
from .values import compare, midpoint, ratio
from .wording import fold, query_terms

if TYPE_CHECKING:
    from . import MatchSettings

_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][\w’'-]*[a-z][\w-]*")
_POSSESSIVE = re.compile(r"[’']s$")
NOT_SUBJECTS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr".split()
)


def subject_terms(claim: Claim, context: str) -> list[str]:
    """Words that say what the number is about: its ``about`` and proper nouns."""
    terms = query_terms(claim.about) if claim.about else []
    for match in _CAPITALISED.finditer(context):
        word = _POSSESSIVE.sub("", match.group().lower())
        if match.start() == 0 or word in STOP_WORDS or word in NOT_SUBJECTS or len(word) < 3:
            continue
        terms.append(word)
    return list(dict.fromkeys(terms))


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _about_overlap(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return bool({_stem(w) for w in query_terms(a)} & {_stem(w) for w in query_terms(b)})


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    return frozenset(fold(text).split())


def _mentions_any(text: str, terms: list[str]) -> float:
    """Share of the subject terms that the text uses (singular or plural)."""
    if not terms:
        return 0.0
    words = _words(text)
    return sum(_stem(t) in words or _stem(t) + "s" in words for t in terms) / len(terms)


def numeric_evidence(conn: Conn, claim: Claim, context: str, article: Document, *,
                     sets: Sequence[str] | None, match_settings: MatchSettings
                     ) -> list[Evidence]:
    if claim.si_value is None or claim.dimension is None:
        return []
    terms = subject_terms(claim, context)
    named = ClaimSubject.of(context, article.title, article.text)
    # A sentence that names nothing ("It has a range of 1,500 km") is looked up
    # with the names of its article's title too.
    query = terms if named.own else subject_terms(claim, f"{context} {article.title}")
    rows = [r for r in search.candidate_passages(
        conn, query, sets=sets, exclude_hash=article.content_hash, limit=match_settings.candidates)
        if r.document_id != article.id]
    doc_ids = sorted({r.document_id for r in rows})
    # Documents about the claim's subject: a quantity there with no subject of its
    # own ("It flew at Mach 10") is taken to be about it too.
    about_docs = {r.document_id for r in rows if claim.about
                  and _mentions_any(r.text, query_terms(claim.about))}
    quantities = search.quantities_in_documents(conn, doc_ids, dimension=claim.dimension,
                                                si_unit=claim.si_unit)
    docs = search.documents_by_id(conn, doc_ids)
    similarity_of, overlap_of = _passage_scores(context, terms, quantities)
    kept: list[tuple[Claim, int, int, str, int, bool, bool]] = []
    for other, passage_id, p_start, p_text, doc_id in quantities:
        if other.si_value is None or p_text is None or passage_id is None or p_start is None:
            continue
        about_same = _about_overlap(claim.about, other.about)
        if claim.dimension == "count" and not about_same:
            continue
        inherits = other.about is None and doc_id in about_docs
        if about_same or overlap_of[passage_id] or similarity_of[passage_id] >= 60 or inherits:
            kept.append((other, passage_id, p_start, p_text, doc_id, about_same, inherits))
    elsewhere = _elsewhere(conn, named, docs)
    found: list[Evidence] = []
    used_passages: set[int] = set()
    claim_mid = midpoint(claim.si_value, claim.si_value_max)
    for other, passage_id, p_start, p_text, doc_id, about_same, inherits in kept:
        if other.si_value is None or elsewhere(doc_id, p_text):
            continue
        relation = compare(claim.si_value, claim.si_value_max, claim.qualifier,
                           other.si_value, other.si_value_max, tolerance=match_settings.tolerance)
        similarity = similarity_of[passage_id]
        subject = max(overlap_of[passage_id], 1.0 if about_same else 0.75 if inherits else 0.0)
        score = 0.5 * similarity + 50 * subject
        found.append(Evidence(
            docs[doc_id], p_text, other.start, other.end, score, relation,
            passage_start=p_start, si_value=other.si_value, si_value_max=other.si_value_max,
            ratio=ratio(claim_mid, midpoint(other.si_value, other.si_value_max)),
            quote=other.text, passage_id=passage_id,
            why=explain.for_number(claim, other, p_text, similarity=similarity, subject=subject,
                                   about_same=about_same, inherits=inherits, terms=query,
                                   tolerance=match_settings.tolerance),
        ))
        used_passages.add(passage_id)
    related = _related(rows, terms, used_passages, elsewhere, docs, match_settings.related_max,
                       claim.dimension)
    return _best_per_passage(found) + related


def _related(rows: list[PassageRecord], terms: list[str], used_passages: set[int],
             elsewhere: Callable[[int, str], bool], docs: dict[int, Document],
             limit: int, dimension: str | None) -> list[Evidence]:
    """Passages on the claim's subject with no comparable figure, in index order."""
    related: list[Evidence] = []
    for row in rows:
        if len(related) >= limit:
            break
        if row.id not in used_passages and _mentions_any(row.text, terms) >= 0.5 \
                and not elsewhere(row.document_id, row.text):
            share = _mentions_any(row.text, terms)
            why = explain.Why(words=explain.shared_words(" ".join(terms), row.text),
                              subject=f"names {share:.0%} of the claim's subject words",
                              score=f"50 × subject {share:.2f}; no {dimension} figure "
                                    "comparable here").to_dict()
            related.append(Evidence(docs[row.document_id], row.text, row.start,
                                    row.end, 50 * share, Relation.RELATED,
                                    passage_start=row.start, passage_id=row.id, why=why))
    return related


def _elsewhere(conn: Conn, named: ClaimSubject, docs: dict[int, Document]
               ) -> Callable[[int, str], bool]:
    """Whether a passage of a document is about another named thing than the claim
    (never, when the claim's side names nothing); a document's lead is read only
    when a sentence of it names no subject of its own."""
    if not named.subjects:
        return lambda doc_id, text: False
    leads: dict[int, str] = {}

    def lead(doc_id: int) -> str:
        if doc_id not in leads:
            leads[doc_id] = search.lead_passages(conn, [doc_id], chars=LEAD_CHARS).get(doc_id, "")
        return leads[doc_id]

    @functools.cache  # per passage, for this claim
    def test(doc_id: int, text: str) -> bool:
        return named.elsewhere(docs[doc_id].title, text, lambda: lead(doc_id))
    return test


def _passage_scores(context: str, terms: list[str], quantities: list[QuantityRecord]
                    ) -> tuple[dict, dict]:
    """Per passage holding a quantity: its wording's similarity to the claim's
    sentence (one rapidfuzz batch) and its share of the subject terms."""
    texts = {pid: text for _, pid, _, text, _ in quantities if text is not None}
    ids = list(texts)
    if not ids:
        return {}, {}
    scores = process.cdist([fold(context)], [fold(texts[i]) for i in ids],
                           scorer=fuzz.token_set_ratio, workers=1)[0]
    return ({pid: float(x) for pid, x in zip(ids, scores, strict=True)},
            {pid: _mentions_any(texts[pid], terms) for pid in ids})


def _best_per_passage(items: list[Evidence]) -> list[Evidence]:
    """One item per passage: a figure and its conversion in parentheses ("3.4 km
    per second (12,240 km/h)") are one piece of evidence, not two."""
    best: dict = {}
    for ev in items:
        key = (ev.document.id, ev.passage_id)
        if key not in best or ev.score > best[key].score:
            best[key] = ev
    return list(best.values())
