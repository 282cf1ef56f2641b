"""Parsing only where a claim can be: same claims, every sentence kept, less parsed."""

from pathlib import Path

import pytest

from workbench.extract import analyse
from workbench.extract.selective import parse_where_claims_are
from workbench.nlp import load_pipeline

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
TEXT = ("Coach Mark Ruiz left the stadium early on Sunday. The fans stayed behind.\n\n"
        '"We need a new keeper," he said. The club paid €12 million for its striker. '
        "Nobody expected that. The season ends in May.")


def claims(text, monkeypatch, full):
    monkeypatch.setenv("WORKBENCH_FULL_PARSE", "1" if full else "0")
    return [(c.kind, c.start, c.end, c.text, c.speaker, c.value, c.unit, c.qualifier, c.about)
            for c in analyse(text, load_pipeline("en_core_web_sm")).claims]


@pytest.mark.model
@pytest.mark.parametrize("path", [DEMO / "article" / "article_under_review.txt",
                                  DEMO / "sources" / "wire_report.txt",
                                  DEMO / "sources" / "science_desk.txt"], ids=lambda p: p.name)
def test_same_claims_as_parsing_everything(path, monkeypatch, nlp_trained):
    text = path.read_text(encoding="utf-8")
    selective = claims(text, monkeypatch, full=False)
    assert selective == claims(text, monkeypatch, full=True)
    assert len(selective) > 5


@pytest.mark.model
def test_each_sentence_gets_only_what_its_claims_need(nlp_trained):
    [(doc, sentences)] = parse_where_claims_are(nlp_trained, [TEXT])
    assert doc.text == TEXT
    parsed = {t.idx for t in doc if t.dep_}
    named = {t.idx for t in doc if t.ent_iob_}  # "O" once NER has looked at a token
    quote_at, money_at = TEXT.index('"We need'), TEXT.index("€12")
    nobody_at, fans_at = TEXT.index("Nobody"), TEXT.index("The fans")
    assert money_at in parsed and money_at in named  # a number: the full pipeline
    assert quote_at in named and quote_at not in parsed  # a quote: names only
    assert not {nobody_at, fans_at} & (parsed | named)  # nothing to extract: tokenised only
    texts = [TEXT[a:b].strip() for a, b in sentences]
    assert texts == ["Coach Mark Ruiz left the stadium early on Sunday.", "The fans stayed behind.",
                     '"We need a new keeper," he said.',
                     "The club paid €12 million for its striker.", "Nobody expected that.",
                     "The season ends in May."]


@pytest.mark.model
def test_a_speaker_named_in_an_unparsed_sentence_is_still_found(nlp_trained):
    found = analyse(TEXT, load_pipeline("en_core_web_sm")).claims
    assert [(c.text, c.speaker) for c in found if c.kind == "quote"] == [
        ("We need a new keeper", "Mark Ruiz")]
