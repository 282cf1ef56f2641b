"""Evidence for a numeric claim: same-dimension quantities about the same subject.

The subject is the claim's ``about`` plus the proper nouns of its sentence
("Korval", "Dnipro"); only documents that mention it are looked at, and only their
quantities of the claim's dimension (a train's 320 km/h is not evidence about a
missile, and a count of carriages is not a count of warheads). Values are compared
in SI units by ``values.compare``. It does not compare quantities across
dimensions or currencies, nor read meaning into "as fast as a rifle bullet".
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from ..models import Claim, Document, Evidence, Relation
from ..store import search
from .names import LEAD_CHARS, ClaimSubject
from .quotes import fold, query_terms
from .values import compare, midpoint, ratio

RELATED_MAX = 2
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


def numeric_evidence(conn, claim: Claim, context: str, article: Document, *, sets,
                     knobs) -> list[Evidence]:
    if claim.si_value is None or claim.dimension is None:
        return []
    terms = subject_terms(claim, context)
    rows = [r for r in search.candidate_passages(
        conn, terms, sets=sets, exclude_hash=article.content_hash, limit=knobs.candidates)
        if r["document_id"] != article.id]
    doc_ids = sorted({r["document_id"] for r in rows})
    # Documents about the claim's subject: a quantity there with no subject of its
    # own ("It flew at Mach 10") is taken to be about it too.
    about_docs = {r["document_id"] for r in rows if claim.about
                  and _mentions_any(r["text"], query_terms(claim.about))}
    quantities = search.quantities_in_documents(conn, doc_ids, dimension=claim.dimension,
                                                si_unit=claim.si_unit)
    docs = search.documents_by_id(conn, doc_ids)
    leads = search.lead_passages(conn, doc_ids, chars=LEAD_CHARS)
    named = ClaimSubject.of(context, article.title, article.text)

    def elsewhere(doc_id: int, text: str) -> bool:  # about another named thing
        return named.elsewhere(docs[doc_id].title, leads.get(doc_id, ""), text)

    found, used_passages = [], set()
    claim_mid = midpoint(claim.si_value, claim.si_value_max)
    similarity_of, overlap_of = _passage_scores(context, terms, quantities)
    for other, passage_id, p_start, p_text, doc_id in quantities:
        if other.si_value is None or p_text is None:
            continue
        about_same = _about_overlap(claim.about, other.about)
        if claim.dimension == "count" and not about_same:
            continue
        overlap = overlap_of[passage_id]
        similarity = similarity_of[passage_id]
        inherits = other.about is None and doc_id in about_docs
        if not (about_same or overlap or similarity >= 60 or inherits) or elsewhere(doc_id,
                                                                                   p_text):
            continue
        relation = compare(claim.si_value, claim.si_value_max, claim.qualifier,
                           other.si_value, other.si_value_max, tolerance=knobs.tolerance)
        subject = max(overlap, 1.0 if about_same else 0.75 if inherits else 0.0)
        score = 0.5 * similarity + 50 * subject
        found.append(Evidence(
            docs[doc_id], p_text, other.start, other.end, score, relation,
            passage_start=p_start, si_value=other.si_value, si_value_max=other.si_value_max,
            ratio=ratio(claim_mid, midpoint(other.si_value, other.si_value_max)),
            quote=other.text, passage_id=passage_id,
        ))
        used_passages.add(passage_id)
    related = []
    for row in rows:
        if len(related) >= RELATED_MAX:
            break
        if row["id"] not in used_passages and _mentions_any(row["text"], terms) >= 0.5 \
                and not elsewhere(row["document_id"], row["text"]):
            related.append(Evidence(docs[row["document_id"]], row["text"], row["start"],
                                    row["end"], 50 * _mentions_any(row["text"], terms),
                                    Relation.RELATED, passage_start=row["start"],
                                    passage_id=row["id"]))
    return _best_per_passage(found) + related


def _passage_scores(context: str, terms: list[str], quantities) -> tuple[dict, dict]:
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
