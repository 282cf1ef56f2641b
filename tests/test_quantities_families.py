"""Numbers of every beat: money in local forms, minor units and rates, pressure, data,
power, fuel economy, fractions, ages, scores, index points, and which way a change goes.

Rows are ``(text, [(value, value_max, unit, dimension, direction), ...])``; ``[]`` means
no claim. Every row runs on the rule-based fallback and on the trained pipeline."""

from __future__ import annotations

import math

import pytest

from workbench.extract.quantities import extract_quantities


@pytest.fixture(params=[pytest.param("nlp_blank", id="blank"),
                        pytest.param("nlp_trained", id="trained", marks=pytest.mark.model)])
def nlp(request):
    return request.getfixturevalue(request.param)


def _got(nlp, text):
    return [(c.value, c.value_max, c.unit, c.dimension, c.direction)
            for c in extract_quantities(nlp(text))]


def _check(got, want):
    assert len(got) == len(want), (got, want)
    for g, w in zip(got, want, strict=True):
        assert g[2:] == w[2:], (got, want)
        assert math.isclose(g[0], w[0], rel_tol=1e-6), (got, want)
        assert (g[1] is None) == (w[1] is None), (got, want)


ROWS = [
    # money: signs, prefixes glued or spaced, codes, magnitudes
    ("Shares closed at RM23.50.", [(23.5, None, "MYR", "money", None)]),
    ("It signed a EUR50m contract.", [(5e7, None, "EUR", "money", None)]),
    ("The state will spend Rs 400 crore on roads.", [(4e9, None, "INR", "money", None)]),
    ("About 2 lakh people attended.", [(2e5, None, None, "count", None)]),
    ("Exports reached ¥590 billion.", [(5.9e11, None, "JPY", "money", None)]),
    ("The fund raised A$1.2bn.", [(1.2e9, None, "AUD", "money", None)]),
    ("The bid was HK$3.4 billion.", [(3.4e9, None, "HKD", "money", None)]),
    ("Eskom reported R2.5bn in costs.", [(2.5e9, None, "ZAR", "money", None)]),
    ("The club paid 40 million zlotys.", [(4e7, None, "PLN", "money", None)]),
    ("The grant is 300 million ringgit.", [(3e8, None, "MYR", "money", None)]),
    # minor units take the currency of the story
    ("Maybank rose 18 sen to RM4.50.", [(0.18, None, "MYR", "money", "up"),
                                        (4.5, None, "MYR", "money", "up")]),
    ("BP shares were down 1.95p.", [(0.0195, None, "GBP", "money", "down")]),
    ("The A$ fare rose 50 cents.", [(0.5, None, "AUD", "money", "up")]),
    ("A stamp costs 85 cents.", [(0.85, None, "USD", "money", None)]),
    # rates
    ("Rents average RM79 a month.", [(79, None, "MYR/month", "money", None)]),
    ("Petrol costs $3 a gallon.", [(3, None, "USD/gal", "money", None)]),
    ("It earned $5m a year ago.", [(5e6, None, "USD", "money", None)]),
    ("There were 27 cases per 100,000 people.", [(27, None, "per 100000", "rate", None)]),
    # units of every beat
    ("Pressure fell to 897 millibars.", [(897, None, "mbar", "pressure", "down")]),
    ("The gauge read 26.5 inches of mercury.", [(26.5, None, "inHg", "pressure", None)]),
    ("The central pressure was 940 hPa.", [(940, None, "hPa", "pressure", None)]),
    ("It has 256GB of storage and 12 GB of memory.",
     [(256, None, "GB", "data", None), (12, None, "GB", "data", None)]),
    ("Speeds reach 100 Mbps.", [(100, None, "Mbit/s", "data_rate", None)]),
    ("The chip runs at 3.2GHz.", [(3.2, None, "GHz", "frequency", None)]),
    ("The battery holds 5,000mAh.", [(5000, None, "mAh", "charge", None)]),
    ("The engine makes 300 hp.", [(300, None, "hp", "power", None)]),
    ("The plant produces 1.2 GW.", [(1.2, None, "GW", "power", None)]),
    ("The car does 40 mpg.", [(40, None, "mpg", "fuel_economy", None)]),
    ("The field pumps 2 million barrels per day.", [(2e6, None, "bbl/day", "flow", None)]),
    ("The river ran at 500 cubic metres per second.", [(500, None, "m3/s", "flow", None)]),
    ("The port handled 4,000 TEU.", [(4000, None, "TEU", "count", None)]),
    # fractions and ratios are shares, compared as percentages
    ("Two-thirds of voters backed it.", [(0.6667, None, "fraction", "percent", None)]),
    ("One in five adults smoke.", [(0.2, None, "fraction", "percent", None)]),
    ("Only 3 in 10 adults exercise.", [(0.3, None, "fraction", "percent", None)]),
    ("The evacuation took a quarter of an hour.", [(15, None, "min", "time", None)]),
    ("He scored ten out of ten.", []),
    # ages
    ("A man aged 19 was arrested.", [(19, None, "year", "age", None)]),
    ("The 34-year-old was charged.", [(34, None, "year", "age", None)]),
    ("He served 12 years in prison.", [(12, None, "year", "time", None)]),
    # temperature: a level or a difference
    ("Temperatures were 3C warmer than average.",
     [(3, None, "°C", "temperature_difference", None)]),
    ("Temperatures rose to 35C.", [(35, None, "°C", "temperature", "up")]),
    # sport and markets
    ("United won 3-1 at home.", [(3, 1, "score", "score", None)]),
    ("The FTSE 100 was up 58.06 points at 7,512.3.",
     [(58.06, None, "points", "index", "up"), (7512.3, None, "points", "index", None)]),
    ("The striker scored 23 points.", [(23, None, None, "count", None)]),
    # direction
    ("Sales fell 3% in May.", [(3, None, "%", "percent", "down")]),
    ("The death toll fell from 208 to 193.", [(208, None, None, "count", "down"),
                                        (193, None, None, "count", "down")]),
    ("Turnout was 64%, up from 58%.", [(64, None, "%", "percent", None),
                                       (58, None, "%", "percent", "up")]),
    ("Prices were 4% higher.", [(4, None, "%", "percent", "up")]),
    ("It posted a 5% rise in sales.", [(5, None, "%", "percent", "up")]),
    ("Up to 40 people were hurt.", [(40, None, None, "count", None)]),
    ("Troops set up 12 camps.", [(12, None, None, "count", None)]),
    ("The army shot down 12 drones.", [(12, None, None, "count", None)]),
]


@pytest.mark.parametrize(("text", "want"), ROWS)
def test_families(nlp, text, want):
    _check(_got(nlp, text), want)
