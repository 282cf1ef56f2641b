"""analyse(): passages carry the original words, and hostile runs cannot stall spaCy."""

import pytest

from workbench.extract import analyse, chunks, defuse
from workbench.nlp import Pipeline, rule_based_pipeline


@pytest.fixture(scope="module")
def rules():
    return Pipeline(rule_based_pipeline(), "rules", trained=False)


@pytest.mark.parametrize("text", ['"' * 5000, '" ' * 5000, "«»“”" * 1000, "1" * 5000,
                                  "a" * 5000, "x " * 10 + "-" * 300])
def test_defuse_keeps_length_and_blanks_only_junk(text):
    out = defuse(text)
    assert len(out) == len(text)
    assert out.strip() == "" or out.startswith("x x")


@pytest.mark.parametrize("text", ['The road is 12 km long. "We will build it," Ana Lee said.',
                                  "Price: $3.5 million (about €3.2 million)."])
def test_defuse_leaves_ordinary_text_alone(text):
    assert defuse(text) == text


def test_passages_keep_the_original_words(rules):
    url = "https://example.com/" + "a" * 60
    analysis = analyse(f"See {url} for the 12 km route.", rules)
    assert url in analysis.passages[0].text
    assert [c.text for c in analysis.claims] == ["12 km"]


def test_offsets_survive_chunking(rules, monkeypatch):
    paragraph = "The bridge is 400 metres long. " * 40
    text = "\n\n".join([paragraph] * 10)
    pieces = list(chunks(text, limit=3000))
    assert "".join(p for _, p in pieces) == text and len(pieces) > 3
    monkeypatch.setattr("workbench.extract.CHUNK_CHARS", 3000)
    claims = analyse(text, rules).claims
    assert len(claims) == 400
    assert all(text[c.start:c.end] == c.text for c in claims)
