"""A source that contradicts itself (issue 13): wrong conversions in brackets and two
values of one quantity of one subject; parts, changes and other subjects are not."""

import pytest

from workbench.consistency import self_conflicts
from workbench.extract import analyse
from workbench.models import ClaimKind
from workbench.store.consistency import TAIL


def found(text, pipeline, tolerance=0.1):
    claims = [c for c in analyse(text, pipeline).claims if c.kind is ClaimKind.NUMERIC]
    with_tails = [(c, text[c.end:c.end + TAIL]) for c in claims]
    return [(s.first, s.second, s.kind) for s in self_conflicts(with_tails, tolerance=tolerance)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The missile flew at Mach 10 (3,400 km/h).", [("Mach 10", "3,400 km/h", "conversion")]),
    ("The missile flew at Mach 10 (12,300 km/h).", []),
    ("The Korval has a range of 5,500 km (2,400 miles).",
     [("5,500 km", "2,400 miles", "conversion")]),
    ("The Korval has a range of 5,500 km (about 3,400 miles).", []),
    ("The missile reached 12,000 km/h. Later that day officials said the missile only "
     "managed 3,000 km/h.", [("12,000 km/h", "3,000 km/h", "values")]),
    ("The missile reached more than 3,200 km/h. The missile reached 12,000 km/h.", []),
    ("The missile reached 12,000 km/h. The train reached 320 km/h.", []),
    ("The Korval carried six warheads. Two warheads failed to separate.", []),
    ("The bridge is 400 metres long. Its span grew by 40 metres.", []),
    ("The tunnel is 12 km long. The tunnel is 12.5 km long.", []),  # within 10 %
])
def test_self_conflicts_table(rules, text, expected):
    assert found(text, rules) == expected


def test_the_tolerance_decides(rules):
    text = "The missile reached 12,000 km/h. Later the missile reached 14,000 km/h."
    assert found(text, rules, tolerance=0.1) == [("12,000 km/h", "14,000 km/h", "values")]
    assert found(text, rules, tolerance=0.2) == []
