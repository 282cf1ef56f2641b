"""Check-worthy statements (issue 13 §7): the features, the ranking on the gold set
(precision@10), and statements of a stored article a reviewer can promote (both
backends)."""

import importlib.util

import pytest

from workbench import export_rows, list_documents, open_store, save_review, seed_demo
from workbench.match import check_document
from workbench.models import ClaimKind
from workbench.nlp import Pipeline
from workbench.settings import PROJECT_ROOT
from workbench.statements import features_text, score_sentences, statements_of

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipe(nlp_trained):
    return Pipeline(nlp=nlp_trained, name="en_core_web_sm", trained=True)


@pytest.mark.parametrize(("text", "has", "lacks"), [
    ("Northgate has overtaken Bexley as the biggest carmaker.", {"superlative", "entities"},
     {"question"}),
    ("Opposition leaders have never formed a government without them.", {"never_or_first",
                                                                         "negation"}, set()),
    ("The ward closed because its last two doctors resigned.", {"causal", "past_event"}, set()),
    ("Elections could be held before the summer.", {"modal_or_forecast"}, {"superlative"}),
    ("Is this the end of Bexley's dominance?", {"question"}, set()),
    ("Critics call the decision a victory.", {"opinion"}, set()),
    ("People are angry.", {"short"}, {"past_event"}),
])
def test_features(pipe, text, has, lacks):
    [result] = score_sentences([text], pipe)
    assert has <= set(result["features"]) and not lacks & set(result["features"]), result


def test_a_fact_outranks_a_forecast_and_a_question(pipe):
    fact, forecast, question = score_sentences([
        "The Supreme Court struck down the city's ban on street vendors on Friday.",
        "The mayor may appeal to parliament for a new law.",
        "Can they do it again?"], pipe)
    assert fact["score"] > forecast["score"] > question["score"]


def test_precision_at_10_on_the_gold_set(pipe):
    spec = importlib.util.spec_from_file_location("bench_statements",
                                                  PROJECT_ROOT / "bench" / "statements.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.evaluate(pipe)
    print(result)
    assert result["candidates"] >= 80 and 0.4 < result["base_rate"] < 0.6
    assert result["precision_at_10"] >= 0.9  # measured 1.0 (not a blind set: see GUIDE.md)
    assert result["mean_precision_at_3"] >= 0.85 and result["r_precision"] >= 0.75
    blind = bench.evaluate(pipe, gold=bench.GOLD.parent.parent / "statements_blind"
                           / "articles.jsonl")
    assert blind["candidates"] >= 150  # blind set, scored once: 1.0 / 0.958 / 0.843
    assert blind["precision_at_10"] >= 0.9
    assert blind["mean_precision_at_3"] >= 0.85 and blind["r_precision"] >= 0.75


def test_demo_statements_can_be_promoted_to_review(new_db, pipe):
    store = open_store(new_db("statements"))
    seed_demo(store)
    [article] = list_documents(store, "articles under review")
    article, claims = check_document(store, article.id)
    found = statements_of(store, article, claims, pipeline=pipe)
    assert found and all(s.kind is ClaimKind.STATEMENT for s in found)
    scores = [s.checkworthy["score"] for s in found]
    assert scores == sorted(scores, reverse=True)
    texts = [s.text for s in found]
    assert any(t.startswith("Varosia on Saturday test-fired") for t in texts)
    assert not any("Enter your email" in t or "six warheads" in t for t in texts)
    assert not any(any(c.start < s.end and s.start < c.end for c in claims) for s in found)
    top = found[0]
    assert features_text(top).startswith(f"score {top.checkworthy['score']:.1f}: ")
    assert top.to_dict()["kind"] == "statement" and top.to_dict()["checkworthy"]
    assert statements_of(store, article, claims, pipeline=pipe)[0].key == top.key
    save_review(store, top, status="needs follow-up", note="check the launch site",
                expected_version=0, article=article)
    [row] = [r for r in export_rows(store) if r["kind"] == "statement"]
    assert row["claim"] == top.text and row["status"] == "needs follow-up"
