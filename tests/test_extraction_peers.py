"""bench/extraction_peers.py: the peers really run on gold rows and are scored by the
workbench's scorer; quantulum3's unit names map onto units the workbench knows."""

from __future__ import annotations

import json

import pytest

from bench.extraction_peers import compare, table, textacy_quotes
from bench.peer_units import CURRENCIES, PER_PARTS, UNITS, map_unit
from workbench.extract.units import dimension_of
from workbench.nlp import Pipeline

ROWS = [
    {"id": "p-1", "beat": "weather", "text": '"This is not a storm to ride out," Mayor Elena '
     'Vazquez said on Tuesday. The storm brought winds of 140 mph and a surge of 8 to 12 feet.',
     "quotes": [{"text": "This is not a storm to ride out,", "speaker": "Elena Vazquez"}],
     "numbers": [
         {"value": 140, "value_max": None, "unit": "mph", "qualifier": None, "direction": None,
          "si_value": 62.5856, "dimension": "speed", "about": "winds"},
         {"value": 8, "value_max": 12, "unit": "ft", "qualifier": None, "direction": None,
          "si_value": 2.4384, "si_value_max": 3.6576, "dimension": "length", "about": "surge"}]},
    {"id": "p-2", "beat": "business", "text": '"The plan is sound," Jane Smith said, "and the '
     'money is already there." The company will spend $40 million on 12 new stores.',
     "quotes": [{"text": "The plan is sound, and the money is already there.",
                 "speaker": "Jane Smith"}],
     "numbers": [
         {"value": 4e7, "value_max": None, "unit": "USD", "qualifier": None, "direction": None,
          "si_value": 4e7, "dimension": "money", "about": "spend"},
         {"value": 12, "value_max": None, "unit": None, "qualifier": None, "direction": None,
          "si_value": 12, "dimension": "count", "about": "stores"}]},
    {"id": "p-3", "beat": "furniture", "furniture": True, "text": "Share this article",
     "quotes": [], "numbers": []},
]


@pytest.fixture
def gold_dir(tmp_path):
    (tmp_path / "tiny.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    return tmp_path


@pytest.mark.model
def test_peers_are_scored_on_the_same_rows(gold_dir, nlp_trained):
    figures = compare(gold_dir, Pipeline(nlp_trained, "en_core_web_sm", trained=True))
    assert {r["passages"] for r in figures.values()} == {3}
    quantities = figures["quantulum3"]["numbers"]
    assert quantities["tp"] == 4 and quantities["value_unit_f1"] > 0.5
    assert quantities["si_correct"] == 1.0  # mph and feet converted by the workbench's to_si
    assert figures["quantulum3"]["quotes"] is None and figures["textacy"]["numbers"] is None
    quotes = figures["textacy"]["quotes"]
    assert quotes["tp"] == 2 and quotes["speaker_accuracy"] == 1.0  # split quote joined
    assert figures["workbench"]["quotes"]["tp"] == 2
    lines = table({"tiny": figures})
    assert len(lines) == 5 and lines[3].startswith("| tiny | quantulum3 | 3 | - |")


@pytest.mark.model
def test_textacy_split_quote_becomes_one(nlp_trained):
    doc = nlp_trained('"The plan is sound," Jane Smith said, "and the money is there."')
    [quote] = textacy_quotes(doc)
    assert (quote.speaker, quote.cue) == ("Jane Smith", "said")
    assert quote.text == '"The plan is sound," "and the money is there."'


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"We can now tell a couple what their risks are," she said. '
    '"That is a huge change for families," he added.',
    '"The constitution allows this in an emergency," Katrin Albrecht told the chamber.\n\n'
    '"A permanent emergency is not an emergency at all."',
])
def test_textacy_quotes_with_their_own_turn_stay_apart(nlp_trained, text):
    assert len(textacy_quotes(nlp_trained(text))) == 2


@pytest.mark.parametrize(("name", "expected"), [
    ("mile per hour", ("mph", 1.0, True)), ("dozen", (None, 12.0, True)),
    ("penny", ("GBP", 0.01, True)), ("dollar per gallon", ("USD/gal", 1.0, True)),
    ("per year", (None, 1.0, True)), ("pound sterling metre", ("pound sterling metre", 1.0,
                                                               False)),
])
def test_unit_names(name, expected):
    assert map_unit(name) == expected


def test_every_mapped_unit_is_a_workbench_unit():
    units = [u for u in UNITS.values() if u] + [c for c, _ in CURRENCIES.values()]
    units += [f"USD/{p}" for p in PER_PARTS.values()]
    assert all(dimension_of(u) for u in units)


@pytest.mark.model
def test_textacy_unclosed_quote_loses_only_its_paragraph(nlp_trained):
    text = ('"We will hold the line on prices this year," Jane Smith said.\n\n'
            '"The first paragraph of a long statement goes on\n\n'
            '"and ends here," the ministry said.')
    stats: dict = {}
    quotes = textacy_quotes(nlp_trained(text), stats)
    assert stats == {"retried_by_paragraph": 1}
    assert [q.speaker for q in quotes][:1] == ["Jane Smith"]
