"""First start: the demo is seeded once, and never comes back after deletion."""

import pytest

from workbench import delete_set, list_sets, open_store, seed_demo

pytestmark = pytest.mark.model


def test_demo_is_seeded_on_first_start_only(tmp_path, nlp_trained):
    store = open_store(tmp_path / "w.db")
    report = seed_demo(store)
    assert report is not None and len(report.added) == 11 and report.rejected == []
    assert seed_demo(store) is None
    for summary in list_sets(store):
        delete_set(store, summary.name)
    assert seed_demo(store) is None and list_sets(store) == []
