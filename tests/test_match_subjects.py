"""Evidence about the same named thing: decoys that share everything but the name.

Each case is an article, a source about the same storm, company, missile or player,
and a decoy source written the same way about another one (same sentences, same
places, other figures). Both sources are ingested into a real store with the
trained pipeline and with the rule-based one; the decoy's figures must never be
offered as supporting, conflicting or bounding evidence, the right source's must.
"""

from __future__ import annotations

import pytest

from workbench.ingest import ingest
from workbench.match import check_document
from workbench.models import ClaimKind, Document, Relation
from workbench.nlp import Pipeline
from workbench.store import Store

COMPARABLE = {Relation.SUPPORTS, Relation.CONFLICTS, Relation.BOUND_ONLY}

# (case, article title, article text, source title, source text, decoy title, decoy text)
CASES = [
    ("storm",
     "Hurricane Milton makes landfall in Florida",
     "Hurricane Milton made landfall near Siesta Key, Florida, on Wednesday night with winds "
     "of 120 mph, the National Hurricane Center said. It pushed a storm surge of up to 10 feet "
     "into the coast south of Tampa. More than 3 million homes lost power.",
     "Milton comes ashore in Florida",
     "Hurricane Milton came ashore near Siesta Key, Florida, late on Wednesday. The storm made "
     "landfall with sustained winds of 120 mph, forecasters said. It pushed a storm surge of "
     "8 feet into the coast south of Tampa.",
     "Helene comes ashore in Florida",
     "Hurricane Helene came ashore near Siesta Key, Florida, late on Wednesday. The storm made "
     "landfall with sustained winds of 140 mph, forecasters said. It pushed a storm surge of "
     "15 feet into the coast south of Tampa."),
    ("company",
     "Northgate Motors recalls SUVs over faulty brakes",
     "Northgate Motors is recalling 460 vehicles in the United States because of a brake fault, "
     "the company said on Tuesday. Its shares fell 3.2% in New York.",
     "Northgate recalls SUVs over brakes",
     "Northgate Motors said on Tuesday it would recall 460 vehicles in the United States over "
     "a brake fault. The company's shares fell 3.2% in New York.",
     "Bexley recalls SUVs over brakes",
     "Bexley Motors said on Tuesday it would recall 2,300 vehicles in the United States over "
     "a brake fault. The company's shares fell 5.1% in New York."),
    ("missile",
     "Tarsen tests Vireo cruise missile",
     "Tarsen test-fired its Vireo cruise missile over the sea on Friday. The Vireo flew at more "
     "than 900 km/h, the navy said. It has a range of 1,500 km.",
     "Vireo missile flies in navy test",
     "The Tarsen navy test-fired a Vireo cruise missile on Friday. The Vireo flew at 950 km/h "
     "over the sea, officials said. It has a range of 1,500 km.",
     "Strix missile flies in navy test",
     "The Tarsen navy test-fired a Strix cruise missile on Friday. The Strix flew at 2,400 km/h "
     "over the sea, officials said. It has a range of 3,000 km."),
    ("player",
     "Ortiz scores 31 as Harbor Hawks beat Bay Otters",
     "Lena Ortiz scored 31 points as the Harbor Hawks beat the Bay Otters on Sunday. Ortiz also "
     "had 12 rebounds in 34 minutes.",
     "Ortiz leads Hawks past Otters",
     "Lena Ortiz finished with 31 points as the Harbor Hawks beat the Bay Otters on Sunday. "
     "She added 12 rebounds.",
     "Brandt leads Hawks past Otters",
     "Maya Brandt finished with 24 points as the Harbor Hawks beat the Bay Otters on Sunday. "
     "She added 9 rebounds."),
]

# (case, a surface of the claim, the relation the right source gives it)
EXPECTED = [
    ("storm", "120 mph", Relation.SUPPORTS),  # the source's sentence names no storm
    ("storm", "10 feet", Relation.BOUND_ONLY),  # neither sentence names the storm
    ("company", "460", Relation.SUPPORTS),
    ("company", "3.2%", Relation.SUPPORTS),
    ("missile", "900 km/h", Relation.SUPPORTS),
    ("missile", "1,500 km", Relation.SUPPORTS),  # "It has a range of ...", both sides
    ("player", "31 points", Relation.SUPPORTS),
    ("player", "12 rebounds", Relation.SUPPORTS),  # "She added 12 rebounds."
]


def _pipeline(request, name):
    nlp = request.getfixturevalue(name)
    return Pipeline(nlp, name, trained=name == "nlp_trained")


@pytest.fixture(scope="module", params=[
    pytest.param("nlp_blank", id="rules"),
    pytest.param("nlp_trained", id="trained", marks=pytest.mark.model)])
def checked(request, tmp_path_factory):
    """Every case's article checked against one set holding all sources and decoys."""
    pipeline = _pipeline(request, request.param)
    store = Store(tmp_path_factory.mktemp("subjects") / "w.db")
    sources = []
    for case, _, _, title, text, decoy_title, decoy_text in CASES:
        sources.append(Document(title, text, outlet=f"{case} source", path=f"{case}-source"))
        sources.append(Document(decoy_title, decoy_text, outlet=f"{case} decoy",
                                path=f"{case}-decoy"))
    report = ingest(store, sources, "wires", pipeline=pipeline)
    assert report.rejected == [] and len(report.added) == 2 * len(CASES)
    claims = {}
    for case, title, text, *_ in CASES:
        article = Document(title, text, outlet="Ledger", path=f"{case}-article")
        [doc_id] = ingest(store, [article], "articles", pipeline=pipeline).document_ids
        claims[case] = check_document(store, doc_id, sets=["wires"])[1]
    return claims


def _claim(claims, surface):
    found = [c for c in claims if c.kind is ClaimKind.NUMERIC and surface in c.text]
    assert found, f"no numeric claim {surface!r} in {[c.text for c in claims]}"
    return found[0]


@pytest.mark.parametrize("case, surface, relation", EXPECTED)
def test_the_decoy_is_not_evidence_and_the_source_is(checked, case, surface, relation):
    claim = _claim(checked[case], surface)
    offered = {(e.document.outlet, e.relation) for e in claim.evidence}
    assert (f"{case} source", relation) in offered, offered
    assert not any(outlet == f"{case} decoy" and rel in COMPARABLE for outlet, rel in offered), \
        offered


# The rules behind it, as tables (no store, no pipeline).

@pytest.mark.parametrize("text, subjects, context", [
    ("Hurricane Milton made landfall near Siesta Key, Florida, on Wednesday with winds of "
     "120 mph, the National Hurricane Center said.",
     [{"milton"}], [{"siesta", "key"}, {"florida"}, {"national", "center"}]),
    ("Its shares fell 3.2% in New York.", [], [{"new", "york"}]),
    ("Officials said the flight lasted about 12 minutes.", [], []),
    ("The missile reached 3,200 km/h, according to officials in the capital, Drenna.",
     [], [{"drenna"}]),
    ("Lena Ortiz scored 31 points, coach Tom Reyes said.", [{"lena", "ortiz"}],
     [{"tom", "reye"}]),
    ("Speed is only half of the story: at that speed the air glows.", [], []),
    ("The Strix flew at 2,400 km/h over the sea, officials said.", [{"strix"}], []),
    ('"We are ready," said President Anton Drevic.', [], [{"anton", "drevic"}]),
    ("Varosian officials said the Korval's range is 5,500 km.", [{"varosia"}, {"korval"}], []),
])
def test_names_of_a_sentence_subjects_and_context(text, subjects, context):
    from workbench.match.names import names_in
    found = names_in(text)
    assert [set(n) for n in found.subjects] == subjects
    assert [set(n) for n in found.known if n not in found.subjects] == context


def test_a_lone_word_opening_a_sentence_is_a_name_when_the_document_says_so():
    from workbench.match.names import names_in
    assert names_in("Ortiz also had 12 rebounds.", "Lena Ortiz scored 31 points.").subjects \
        == (frozenset({"ortiz"}),)
    assert names_in("Residents also had 12 complaints.", "Residents of the city.").subjects == ()


@pytest.mark.parametrize("a, b, same", [
    ("Hurricane Milton", "Milton", True),
    ("Tropical Storm Milton", "Hurricane Milton", True),
    ("Northgate Motors", "Bexley Motors", False),
    ("Varosian", "Varosia", True),
    ("Lena Ortiz", "Ortiz", True),
    ("Jane Smith", "John Smith", False),
    ("Harbor Hawks", "Hawks", True),
])
def test_same_name(a, b, same):
    from workbench.match.names import names_in, same_name
    [x], [y] = names_in(f"It was {a}.").known, names_in(f"It was {b}.").known
    assert same_name(x, y) is same


CLAIM_SENTENCE = "Hurricane Milton made landfall with winds of 155 mph."


@pytest.mark.parametrize("title, sentence, lead, elsewhere", [
    ("Helene hits Florida", "Hurricane Helene made landfall with winds of 155 mph.", "", True),
    ("Helene hits Florida", "It made landfall with winds of 155 mph.",
     "Hurricane Helene made landfall in Florida on Thursday.", True),  # the lead says which
    ("Milton hits Florida", "It made landfall with winds of 155 mph.",
     "Hurricane Milton made landfall in Florida on Wednesday.", False),
    ("Storm season in review", "It made landfall with winds of 155 mph.",
     "Forecasters looked back on the season.", False),  # names nothing: not turned away
    ("Florida counts the cost", "Milton made landfall with winds of 155 mph.", "", False),
    ("Helene hits Florida", "Forecasters in Miami said winds reached 155 mph.",
     "Hurricane Helene made landfall in Florida on Thursday.", True),  # Miami is context
])
def test_a_figure_about_another_named_thing(title, sentence, lead, elsewhere):
    from workbench.match.names import ClaimSubject
    claim = ClaimSubject.of(CLAIM_SENTENCE, "Milton hits Florida", CLAIM_SENTENCE)
    assert claim.elsewhere(title, sentence, lambda: lead) is elsewhere


def test_a_claim_that_names_nothing_turns_nothing_away():
    from workbench.match.names import ClaimSubject
    claim = ClaimSubject.of("It made landfall with winds of 155 mph.", "Storm update",
                            "It made landfall with winds of 155 mph.")
    assert claim.subjects == ()
    assert not claim.elsewhere("Helene hits Florida", "Helene made landfall at 155 mph.",
                               lambda: "")
