"""Quote evidence: which relation a reviewer sees for each kind of difference."""

import pytest
from helpers import quote, store_doc

from workbench.match import find_evidence
from workbench.models import Document, Relation
from workbench.store import documents as rows

CLAIM = ("The ministry will rebuild every bridge before the winter, but the budget for "
         "schools will not grow this year")
SPEAKER = "Anna Berg"


def check(store, source_quote, speaker=SPEAKER):
    text = f'"{source_quote}," {speaker} said on Monday.'
    store_doc(store, "news", Document("Source", text, path="s"), [quote(text, source_quote,
                                                                          speaker)])
    article_text = f'"{CLAIM}," {SPEAKER} said.'
    doc_id = store_doc(store, "articles", Document("Article", article_text, path="a"),
                       [quote(article_text, CLAIM, SPEAKER)])
    article = rows.get_document(store, doc_id)
    [claim] = rows.claims_of(store, doc_id)
    return find_evidence(store, claim, article, sets=["news"])


@pytest.mark.parametrize(
    "source_quote, relation",
    [
        (CLAIM, Relation.SUPPORTS),
        (CLAIM.replace("schools", "schols"), Relation.SUPPORTS),  # a typo in the source
        (CLAIM.replace("will rebuild", "would rebuild"), Relation.VARIES),
        (CLAIM.replace("will not grow", "will grow"), Relation.VARIES),
        (CLAIM.replace("every bridge", "each bridge"), Relation.VARIES),
        ("The budget for schools will not grow this year, but the ministry will rebuild every "
         "bridge before the winter", Relation.VARIES),  # clauses reordered
    ],
)
def test_relation_of_each_kind_of_difference(store, source_quote, relation):
    [first, *_] = check(store, source_quote)
    assert first.relation is relation
    assert first.quote == source_quote


def test_same_words_from_another_speaker_are_misattributed(store):
    [first, *_] = check(store, CLAIM, speaker="Samir Nasser")
    assert (first.relation, first.speaker) == (Relation.MISATTRIBUTED, "Samir Nasser")


def test_a_loose_rewording_is_offered_as_related(store):
    store_doc(store, "news", Document("Other", "The ministry said the winter budget is late.",
                                      path="o"), [])
    loose = ("This ministry shall rebuild all bridges ahead of winter, yet the money for our "
             "schools won't rise in the current year")
    found = check(store, loose)
    assert [e.relation for e in found] == [Relation.RELATED, Relation.RELATED]
    assert found[0].passage.startswith('"This ministry shall rebuild')
