"""Check-worthy statements (issue 13 §7): sentences with no quote and no figure that
still state something checkable, ranked by a transparent feature scorer.

Each sentence of the article under review that holds none of its quote or numeric
claims is parsed with the spaCy pipeline and scored by a sum of named features, each
with a fixed weight (``WEIGHTS``), so the score explains itself: named entities,
superlatives and "first / only / never", comparatives, negation, causal cues, a time
expression and a finite verb in the past count for; a modal or a forecast ("may",
"expect"), a question, an opinion attribution ("critics say") and a very short
sentence count against. Statements are ``Claim`` records of kind ``statement`` with
``checkworthy: {score, features}``; they are not stored, so their keys are made the
way stored claims' are, and a reviewer promotes one by saving a review for it. The
scorer reads English function words and the parse; it knows nothing of the facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .models import Claim, ClaimKind, Document
from .nlp import Pipeline, load_pipeline
from .store import Store, search
from .store import documents as doc_rows
from .timescope import find_period

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WEIGHTS = {
    "entities": 0.8,  # per named entity, up to two
    "superlative": 1.5,  # largest, most, first, only, last
    "never_or_first": 1.0,  # never, ever, no longer, for the first time
    "comparative": 1.0,  # bigger, more … than, overtaken
    "negation": 0.5,
    "causal": 1.0,  # because, after, caused, led to, forced, blamed
    "time": 0.7,  # a date or a time reference
    "past_event": 0.8,  # a finite verb in the past tense
    "modal_or_forecast": -1.8,  # may, could, will, expect, likely, hope
    "question": -3.0,
    "opinion": -1.5,  # critics say, many fear, it is hard to imagine
    "first_or_second_person": -0.8,
    "short": -1.0,  # fewer than six words
}
_SUPERLATIVE = {"first", "only", "last", "largest", "biggest", "worst", "best", "most",
                "least", "oldest", "youngest", "highest", "lowest"}
_NEVER = re.compile(r"\b(never|ever|no longer|for the first time|until)\b", re.IGNORECASE)
_COMPARE = re.compile(r"\b(than|overt[ao]ok|overtaken|outsold|surpass\w*|older|younger|"
                      r"fewer|more|less)\b", re.IGNORECASE)
_CAUSAL = re.compile(r"\b(because|after|due to|caused?|led to|leads? to|forc\w+|blam\w+|"
                     r"followed|as a result|so that|therefore|since)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(may|might|could|would|will|should|expect\w*|likely|hope\w*|"
                    r"plans? to|is set to|soon|future)\b", re.IGNORECASE)
_OPINION = re.compile(r"\b(critics|observers|analysts|many|experts|people|some)\s+"
                      r"(say|says|call|calls|fear|feel|think|believe|expect|advise|wonder)\b",
                      re.IGNORECASE)
_PERSON = re.compile(r"\b(I|we|you|our|us|your)\b", re.IGNORECASE)
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW",
                 "WORK_OF_ART"}


def features(sent: Span | Doc) -> dict[str, float]:  # noqa: C901 (one check per feature)
    """The features a parsed sentence (a spaCy Span or Doc) has, each weighted."""
    text = sent.text
    found: dict[str, float] = {}
    ents = [e for e in sent.ents if e.label_ in ENTITY_LABELS]
    if ents:
        found["entities"] = WEIGHTS["entities"] * min(2, len(ents))
    words = {t.lower_ for t in sent}
    if any(t.tag_ in ("JJS", "RBS") for t in sent) or words & _SUPERLATIVE:
        found["superlative"] = WEIGHTS["superlative"]
    checks = (("never_or_first", _NEVER), ("comparative", _COMPARE), ("causal", _CAUSAL),
              ("modal_or_forecast", _MODAL), ("opinion", _OPINION),
              ("first_or_second_person", _PERSON))
    for name, pattern in checks:
        if pattern.search(text):
            found[name] = WEIGHTS[name]
    if any(t.tag_ in ("JJR", "RBR") for t in sent):
        found["comparative"] = WEIGHTS["comparative"]
    if any(t.dep_ == "neg" for t in sent) or re.search(r"\b(not|no|nobody|n't)\b", text, re.I):
        found["negation"] = WEIGHTS["negation"]
    if any(e.label_ in ("DATE", "TIME") for e in sent.ents) or find_period(text, "2000-01-01"):
        found["time"] = WEIGHTS["time"]
    if any(t.tag_ == "VBD" or (t.tag_ == "VBN" and t.dep_ != "amod") for t in sent):
        found["past_event"] = WEIGHTS["past_event"]
    if text.rstrip().endswith("?"):
        found["question"] = WEIGHTS["question"]
    if len([t for t in sent if t.is_alpha]) < 6:
        found["short"] = WEIGHTS["short"]
    return found


_SCORED: dict[tuple[int, str], dict] = {}  # the Review page asks again on every rerun
_SCORED_MAX = 20_000


def score_sentences(texts: Sequence[str], pipeline: Pipeline | None = None) -> list[dict]:
    """``{score, features}`` for each text, in order (remembered per pipeline and text)."""
    nlp = (pipeline or load_pipeline()).nlp
    todo = [t for t in dict.fromkeys(texts) if (id(nlp), t) not in _SCORED]
    if len(_SCORED) + len(todo) > _SCORED_MAX:
        _SCORED.clear()
    for text, doc in zip(todo, nlp.pipe(todo), strict=True):
        found = features(doc)
        _SCORED[(id(nlp), text)] = {"score": round(sum(found.values()), 2),
                                    "features": {k: round(v, 2) for k, v in found.items()}}
    return [dict(_SCORED[(id(nlp), t)]) for t in texts]


def statements_of(store: Store, article: Document, claims: Sequence[Claim], *,
                  pipeline: Pipeline | None = None, limit: int = 10,
                  min_score: float = 1.5) -> list[Claim]:
    """The article's check-worthy statements, best first: sentences holding none of
    its quote or numeric claims, scoring at least ``min_score``, at most ``limit``."""
    with store.read() as conn:
        passages = search.passages_of(conn, article.id) if article.id else []
    taken = [(c.start, c.end) for c in claims]
    free = [p for p in passages
            if not any(p.start < end and start < p.end for start, end in taken)
            and len(p.text.split()) >= 3]
    scored = score_sentences([p.text for p in free], pipeline)
    source_set = article.source_set or ""
    doc_key = doc_rows.document_key(article)
    out = []
    for p, result in zip(free, scored, strict=True):
        if result["score"] < min_score:
            continue
        text = " ".join(p.text.split()).rstrip(" \"“”'‘")  # a next quote's opening mark
        claim = Claim(ClaimKind.STATEMENT, text, p.start, p.start + len(p.text.rstrip()),
                      checkworthy=result)
        claim.key = doc_rows.claim_key(source_set, doc_key, claim, 0)
        out.append(claim)
    out.sort(key=lambda c: -(c.checkworthy or {}).get("score", 0.0))
    return out[:limit]


def features_text(claim: Claim) -> str:
    """``score 3.1: entities +1.6, superlative +1.5, modal_or_forecast −1.8``."""
    cw = claim.checkworthy or {}
    parts = [f"{k.replace('_', ' ')} {v:+.1f}".replace("-", "−")
             for k, v in cw.get("features", {}).items()]
    return f"score {cw.get('score', 0):.1f}: " + (", ".join(parts) or "no feature")
