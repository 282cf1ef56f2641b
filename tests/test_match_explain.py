"""Why an evidence item ranks where it does (issue 13 §5): the record's parts, and
that the matcher fills it for quotes and numbers on both backends."""

import pytest

from tests.helpers import number, quote, store_doc
from workbench.display.evidence import why_text
from workbench.match import check_document
from workbench.match.explain import conversion, shared_words, speaker_comparison
from workbench.models import Claim, ClaimKind, Document, Relation
from workbench.store import Store


@pytest.mark.parametrize(("args", "expected"), [
    ((7600, None, "mph", 3397.5, None, "m/s"), "7,600 mph = 3,398 m/s"),
    ((10, None, "Mach", 3430, None, "m/s"), "Mach 10 = 3,430 m/s"),
    ((3.4, None, "km/s", 3400, None, "m/s"), "3.4 km/s = 3,400 m/s"),
    ((5, 6, "km", 5000, 6000, "m"), "5–6 km = 5,000–6,000 m"),
    ((720, None, "s", 720, None, "s"), None),  # already SI: nothing converted
    ((6, None, None, 6, None, "count"), None),
])
def test_conversion_text(args, expected):
    assert conversion(*args) == expected


def test_conversion_keeps_the_claims_qualifier():
    assert conversion(3200, None, "km/h", 888.9, None, "m/s", "more than") == \
        "more than 3,200 km/h = 889 m/s"


@pytest.mark.parametrize(("claim_speaker", "here", "expected"), [
    ("Elena Marsh", "Marsh", "same speaker: Marsh"),
    ("Anton Drevic", "Ilya Sorn", "another speaker: Ilya Sorn (the article: Anton Drevic)"),
    ("Anton Drevic", None, "no speaker named here"),
    (None, "Ilya Sorn", "speaker here: Ilya Sorn; the article names none"),
    (None, None, "no speaker on either side"),
])
def test_speaker_comparison(claim_speaker, here, expected):
    claim = Claim(ClaimKind.QUOTE, "words", 0, 5, speaker=claim_speaker)
    assert speaker_comparison(claim, here) == expected


def test_shared_words_are_the_claims_search_words_in_the_passage():
    assert shared_words("The launch of the Korval is reckless", "Korval launch: reckless!") == [
        "launch", "korval", "reckless"]


ARTICLE = ('The Korval flew at 7,600 mph. "Our tests threaten no one," said Anton Drevic.')
SOURCE = ('The Korval flew at 12,300 km/h on the day. "Our tests threaten no one," '
          "said Ilya Sorn.")


def test_the_matcher_explains_numbers_and_quotes(db_target):
    store = Store(db_target)
    article_id = store_doc(store, "articles", Document(title="Korval", text=ARTICLE), [
        number(ARTICLE, "7,600 mph", 7600, "mph", 3397.5, "speed", about="Korval"),
        quote(ARTICLE, "Our tests threaten no one", "Anton Drevic")])
    store_doc(store, "sources", Document(title="Korval report", text=SOURCE, outlet="Wire"), [
        number(SOURCE, "12,300 km/h", 12300, "km/h", 3416.7, "speed", about="Korval"),
        quote(SOURCE, "Our tests threaten no one", "Ilya Sorn")])
    _, claims = check_document(store, article_id, sets=["sources"], tolerance=0.1)
    speed, words = (next(c for c in claims if c.kind is k)
                    for k in (ClaimKind.NUMERIC, ClaimKind.QUOTE))
    [ev] = [e for e in speed.evidence if e.relation is Relation.SUPPORTS]
    assert ev.why["conversion"] == "12,300 km/h = 3,417 m/s"
    assert ev.why["claim_conversion"] == "7,600 mph = 3,398 m/s"
    assert ev.why["subject"] == "both are about Korval" and ev.why["tolerance"] == 0.1
    assert ev.why["score"].startswith("0.5 × wording")
    [mis] = [e for e in words.evidence if e.relation is Relation.MISATTRIBUTED]
    assert mis.why["speaker"] == "another speaker: Ilya Sorn (the article: Anton Drevic)"
    assert mis.why["words"] == ["tests", "threaten"] and mis.why["fuzzy"] == 100.0
    assert "conversion: 12,300 km/h = 3,417 m/s" in why_text(ev).replace("\\", "")
    # the record travels in the JSON and through the evidence cache
    assert ev.to_dict()["why"] == ev.why
    _, again = check_document(store, article_id, sets=["sources"], tolerance=0.1)
    assert [e.why for c in again for e in c.evidence] == [e.why for c in claims for e in c.evidence]
    # another tolerance is another computation, and the record says which one was used
    _, loose = check_document(store, article_id, sets=["sources"], tolerance=0.3)
    assert {e.why["tolerance"] for c in loose for e in c.evidence if c.kind is ClaimKind.NUMERIC
            and e.relation is not Relation.RELATED} == {0.3}
