"""First start: the demo is seeded once, and never comes back after deletion."""

import pytest

from workbench import delete_set, list_sets, open_store, seed_demo

pytestmark = pytest.mark.model


def test_demo_is_seeded_on_first_start_only(db_target, nlp_trained):
    store = open_store(db_target)
    report = seed_demo(store)
    assert report is not None and len(report.added) == 14 and report.rejected == []
    assert seed_demo(store) is None
    for summary in list_sets(store):
        delete_set(store, summary.name)
    assert seed_demo(store) is None and list_sets(store) == []


def test_adding_an_article_finds_its_evidence_so_opening_it_is_cached(db_target, nlp_trained):
    from workbench import add_article, check_document, default_sets
    from workbench.models import Document
    store = open_store(db_target)
    seed_demo(store)
    article = add_article(store, Document("Mine", '"The Korval flew at Mach 10," Anton Drevic '
                                          "said on Telegram.", path="mine.txt"))
    with store.read() as conn:
        cached = {row[0] for row in conn.execute("SELECT claim_id FROM evidence_cache")}
    _, claims = check_document(store, article.id, sets=default_sets(store))
    assert claims and {c.id for c in claims} <= cached  # filled when the article was added
    assert any(c.evidence for c in claims)
