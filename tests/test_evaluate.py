"""The evaluation harness: matching rules, gold validation, and the targets per pipeline."""

from __future__ import annotations

import importlib
import json

import pytest

from workbench import evaluate as ev
from workbench.evaluate import evaluate, load_gold, normalise_quote, same_speaker

SPEAKERS = [
    ("Volodymyr Zelensky", "Volodymyr Zelensky", True),
    ("Volodymyr Zelensky", "Zelensky", True),
    ("Zelensky", "Volodymyr Zelensky", True),
    ("Rustem Umerov", "Defense Minister Rustem Umerov", True),
    ("the ministry", "ministry", True),
    ("Defense Ministry", "Ukraine's Defense Ministry", True),
    ("Tom Baxter Jr.", "Tom Baxter Jr", True),
    ("JANE SMITH", "Jane Smith", True),
    (None, None, True),
    ("Volodymyr Zelensky", "Vladimir Putin", False),
    ("Jane Smith", "Smithson", False),
    ("Ana Ribeiro", "Ribeiro Santos", False),
    ("Jane Smith", None, False),
    (None, "Jane Smith", False),
]


@pytest.mark.parametrize(("gold", "guess", "same"), SPEAKERS)
def test_same_speaker(gold, guess, same):
    assert same_speaker(gold, guess) is same


@pytest.mark.parametrize(("a", "b"), [
    ("“We will win,”", '"we will WIN"'),
    ("He said ‘no’  to me,", "he said 'no' to me"),
    ("  spaced\nout. ", "spaced out"),
])
def test_normalise_quote(a, b):
    assert normalise_quote(a) == normalise_quote(b)


def _write(tmp_path, rows, name="gold.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows),
                    encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("rows", "message"), [
    (["{not json"], "not JSON"),
    ([{"id": "a"}], "needs an 'id' and a 'text'"),
    ([{"id": "a", "text": "x"}, {"id": "a", "text": "y"}], "duplicate id"),
    ([{"id": "a", "text": "x", "quotes": {}}], "must be a list"),
    ([], "no gold passages"),
])
def test_load_gold_rejects_bad_files(tmp_path, rows, message):
    with pytest.raises(ValueError, match=message):
        load_gold(_write(tmp_path, rows))


def test_evaluate_counts_and_failures(tmp_path, nlp_blank, monkeypatch):
    monkeypatch.setattr(ev, "_quantities", lambda: (None, "numeric part skipped: test"))
    gold = _write(tmp_path, [
        {"id": "hit", "text": '"We will win the vote," said Jane Smith.',
         "quotes": [{"text": "We will win the vote,", "speaker": "Jane Smith", "cue": "said"}]},
        {"id": "wrong-speaker", "text": '"We will win the vote," said Jane Smith.',
         "quotes": [{"text": "We will win the vote,", "speaker": "Tom Reyes", "cue": "said"}]},
        {"id": "missed", "text": "No quote here.",
         "quotes": [{"text": "Something else entirely", "speaker": None, "cue": None}]},
        {"id": "spurious", "text": '"This is a full sentence," said Ann Lee.', "quotes": []},
        {"id": "not-annotated", "text": '"Not scored at all," said Ann Lee.'},
        {"id": "furniture", "text": "Updated 5:04 PM", "quotes": [], "numbers": [],
         "furniture": True},
    ])
    result = evaluate(nlp_blank, gold)
    q = result["quotes"]
    assert (q["tp"], q["fp"], q["fn"]) == (2, 1, 1)
    assert q["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert q["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert q["speaker_accuracy"] == 0.5
    assert result["passages"] == 6 and result["furniture_claims"] == 0
    assert result["numbers"] == {"skipped": "numeric part skipped: test"}
    problems = {(f["id"], f["problem"]) for f in result["failures"]}
    assert problems == {("wrong-speaker", "speaker"), ("missed", "missed"),
                        ("spurious", "spurious")}


def test_evaluate_accepts_a_pipeline_record(nlp_blank, tmp_path):
    from workbench.nlp import Pipeline

    gold = _write(tmp_path, [{"id": "a", "text": "Nothing.", "quotes": []}])
    result = evaluate(Pipeline(nlp=nlp_blank, name="rules", trained=False), gold)
    assert result["pipeline"] == "rules" and result["quotes"]["f1"] == 1.0


def test_default_gold_dir_is_under_the_project():
    assert ev.DEFAULT_GOLD.parts[-2:] == ("tests", "gold")
    rows = load_gold(ev.DEFAULT_GOLD)
    quote_rows = [r for r in rows if "quotes" in r and not r.get("furniture")]
    assert len(quote_rows) >= 60
    assert sum(bool(r.get("furniture")) for r in rows) >= 20
    assert sum(r["quotes"] == [] for r in quote_rows) >= 10


@pytest.mark.model
def test_trained_pipeline_meets_quote_targets(nlp_trained):
    result = evaluate(nlp_trained)
    q = result["quotes"]
    failures = [f for f in result["failures"] if f["extractor"] == "quotes"]
    assert q["f1"] >= 0.95, failures
    assert q["speaker_accuracy"] >= 0.95, failures
    assert result["furniture_quote_claims"] == 0, failures


def test_fallback_pipeline_stays_usable(nlp_blank):
    result = evaluate(nlp_blank)
    q = result["quotes"]
    failures = [f for f in result["failures"] if f["extractor"] == "quotes"]
    assert q["f1"] >= 0.85, failures
    assert q["speaker_accuracy"] >= 0.7, failures
    assert result["furniture_quote_claims"] == 0, failures


def _quantities_available() -> bool:
    try:
        importlib.import_module("workbench.extract.quantities")
    except ImportError:
        return False
    return True


@pytest.mark.model
@pytest.mark.skipif(not _quantities_available(), reason="numeric extractor not yet merged")
def test_trained_pipeline_meets_numeric_targets(nlp_trained):
    result = evaluate(nlp_trained)
    n = result["numbers"]
    failures = [f for f in result["failures"] if f["extractor"] == "numbers"]
    assert "skipped" not in n, n
    assert n["f1"] >= 0.95, failures
    assert n["si_correct"] >= 0.98, failures
    assert n["qualifier_accuracy"] >= 0.95, failures
    assert result["furniture_claims"] == 0, failures
