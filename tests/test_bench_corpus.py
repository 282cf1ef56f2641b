"""The benchmark corpus generator: deterministic, truthful about where it planted
each variant, and streaming (memory flat whatever the number of sentences)."""

from __future__ import annotations

import inspect
import tracemalloc

import pytest

from bench import phrases
from bench.corpus import NUMERIC_KINDS, QUOTE_KINDS, generate


def small(seed: int = 7, sentences: int = 3000):
    return generate(sentences, seed=seed, quote_claims=14, numeric_claims=12)


def test_same_seed_same_text_other_seed_other_text():
    a, b, c = small(), small(), small(seed=8)
    assert [d.text for d in a.documents()] == [d.text for d in b.documents()]
    assert a.claims == b.claims
    assert a.article().text == b.article().text
    assert [d.text for d in a.documents()] != [d.text for d in c.documents()]


def test_a_document_rebuilt_alone_is_the_same():
    corpus = small()
    docs = list(corpus.documents())
    assert corpus.document(5) == docs[5]


@pytest.mark.parametrize("sentences", [1000, 3000, 10_001])
def test_exactly_n_sentences_in_documents_of_20_to_40(sentences):
    corpus = generate(sentences, seed=1, quote_claims=5, numeric_claims=5)
    lengths = [len(d.spans) for d in corpus.documents()]
    assert sum(lengths) == sentences
    assert all(20 <= n <= 40 for n in lengths[:-1])


def test_planted_variants_are_where_the_plan_says():
    corpus = small()
    planted = 0
    for claim in corpus.claims:
        assert 2 <= len(claim.variants) <= 4
        for v in claim.variants:
            doc = corpus.document(v.doc)
            start, end = doc.spans[v.sentence]
            assert doc.text[start:end] == v.text
            assert (v, start, end) in doc.planted
            planted += 1
    assert planted == sum(len(d.planted) for d in corpus.documents())


def test_every_variant_kind_is_planted():
    corpus = generate(20_000, seed=2)
    kinds = {v.kind.split(":")[0] for c in corpus.claims for v in c.variants}
    assert set(QUOTE_KINDS) | set(NUMERIC_KINDS) <= kinds
    units = {v.kind for c in corpus.claims for v in c.variants if v.kind.startswith("unit:")}
    assert {"unit:Mach", "unit:mph", "unit:km/s", "unit:km/h"} <= units


@pytest.mark.parametrize("kind, differs", [
    ("exact", False), ("speaker", False), ("changed", True), ("dropped", True),
    ("reordered", True), ("typo", True), ("translation", True),
])
def test_quote_variants_keep_or_change_the_words(kind, differs):
    corpus = generate(20_000, seed=4)
    found = [(c, v) for c in corpus.claims if c.kind == "quote" for v in c.variants
             if v.kind == kind]
    assert found
    for claim, v in found:
        assert (f'"{claim.quote}' not in v.text and f'"{claim.quote[:-1]}' not in v.text) == differs
        assert (claim.speaker.split()[-1] in v.text) != (kind == "speaker")


def test_claims_are_stated_in_the_article_and_found_by_offset():
    corpus = small()
    article = corpus.article()
    for claim in corpus.claims:
        offset = article.text.index(claim.sentence)
        assert corpus.claim_at(offset, article) is claim
    assert corpus.claim_at(len(article.text) + 5, article) is None


def test_numeric_claim_subjects_never_appear_in_filler():
    corpus = small()
    subjects = {c.subject for c in corpus.claims if c.kind == "numeric"}
    for doc in corpus.documents():
        text = doc.text
        for _v, start, end in doc.planted:
            text = text[:start] + " " * (end - start) + text[end:]
        assert not any(s in text for s in subjects)


@pytest.mark.parametrize("value, unit, target, expected", [
    (3200, "km/h", "Mach", 2.6),
    (3200, "km/h", "mph", 2000.0),  # 1,988: two significant figures, as reported
    (3200, "km/h", "km/s", 0.9),
    (3200, "km/h", "m/s", 890.0),
    (5500, "km", "mi", 3400.0),
    (41.5, "%", "%", 41.5),
    (2.6, "Mach", "km/h", 3200.0),
    (12, None, None, 12.0),
    (0.9, "km/s", "km/h", 3200.0),
])
def test_restated_quantities_are_rounded_conversions(value, unit, target, expected):
    assert phrases.convert(phrases.to_si(value, unit), target) == pytest.approx(expected)


def test_too_few_sentences_for_the_plan_is_refused():
    with pytest.raises(ValueError, match="too few"):
        generate(500)


def test_documents_stream_with_flat_memory():
    corpus = generate(100_000, seed=3)
    stream = corpus.documents()
    assert inspect.isgenerator(stream)
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        sentences = sum(len(doc.spans) for doc in stream)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert sentences == 100_000
    assert peak < 1_000_000  # the text alone is ~15 MB; a list of it would show


def test_numeric_claims_have_decoys_about_other_named_things():
    corpus = small()
    numeric = [c for c in corpus.claims if c.kind == "numeric"]
    for claim in numeric:
        assert len(claim.decoys) == 2 and {v.kind for v in claim.decoys} == {"decoy"}
        for v in claim.decoys:
            doc = corpus.document(v.doc)
            start, end = doc.spans[v.sentence]
            assert doc.text[start:end] == v.text and (v, start, end) in doc.decoys
            assert claim.subject not in v.text
            assert claim.about.split()[-1].lower() in v.text.lower() or claim.about == "warheads"
        assert not set(claim.decoys) & set(claim.variants)
    assert all(not c.decoys for c in corpus.claims if c.kind == "quote")
