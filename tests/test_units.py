"""Unit surfaces to canonical names, and canonical names to SI through pint."""

from __future__ import annotations

import math

import pytest

from workbench.extract.units import (
    CURRENCIES,
    SPECIAL,
    SYMBOLS,
    UNITS,
    WORDS,
    canonical_unit,
    dimension_of,
    match_unit,
    to_si,
)


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        # speed
        ("km/h", "km/h"), ("kph", "km/h"), ("kmh", "km/h"), ("km per hour", "km/h"),
        ("kilometers per hour", "km/h"), ("kilometres an hour", "km/h"),
        ("Kilometres  per  hour", "km/h"), ("kilometres-per-hour", "km/h"),
        ("mph", "mph"), ("miles per hour", "mph"), ("miles an hour", "mph"),
        ("m/s", "m/s"), ("meters per second", "m/s"), ("metres a second", "m/s"),
        ("km/s", "km/s"), ("km per second", "km/s"), ("kilometres per second", "km/s"),
        ("knots", "kn"), ("Mach", "Mach"), ("mach", "Mach"),
        ("times the speed of sound", "Mach"),
        # length, mass, time
        ("km", "km"), ("kilometers", "km"), ("kilometres", "km"), ("m", "m"), ("meters", "m"),
        ("metres", "m"), ("mi", "mi"), ("miles", "mi"), ("ft", "ft"), ("feet", "ft"),
        ("foot", "ft"), ("nautical miles", "nmi"), ("cm", "cm"), ("millimetres", "mm"),
        ("kg", "kg"), ("kilograms", "kg"), ("tonnes", "t"), ("tons", "t"), ("t", "t"),
        ("metric tons", "t"), ("pounds", "lb"), ("lb", "lb"), ("lbs", "lb"), ("mg", "mg"),
        ("seconds", "s"), ("secs", "s"), ("minutes", "min"), ("min", "min"), ("hours", "h"),
        ("h", "h"), ("hrs", "h"), ("days", "day"), ("weeks", "week"), ("months", "month"),
        ("years", "year"), ("decades", "decade"), ("centuries", "century"),
        # percent and points
        ("%", "%"), ("percent", "%"), ("per cent", "%"), ("percentage points", "pp"),
        ("basis points", "bp"),
        # money: "pounds" alone is mass, "pounds sterling" and "£" are money
        ("$", "USD"), ("US$", "USD"), ("dollars", "USD"), ("US dollars", "USD"),
        ("€", "EUR"), ("euros", "EUR"), ("£", "GBP"), ("pounds sterling", "GBP"),
        ("rubles", "RUB"), ("roubles", "RUB"), ("hryvnias", "UAH"), ("hryvnia", "UAH"),
        # area, volume, energy, power, temperature
        ("square kilometres", "km2"), ("km2", "km2"), ("km²", "km2"), ("sq km", "km2"),
        ("square miles", "mi2"), ("hectares", "ha"), ("litres", "L"), ("liters", "L"),
        ("cubic metres", "m3"), ("barrels", "bbl"), ("MW", "MW"), ("megawatts", "MW"),
        ("TWh", "TWh"), ("°C", "°C"), ("degrees Celsius", "°C"), ("°F", "°F"),
        ("degrees Fahrenheit", "°F"),
        # canonical names map to themselves
        ("USD", "USD"), ("day", "day"), ("year", "year"),
        # not units here (ambiguous or unknown)
        ("kilometres a second", "km/s"), ("inches", "in"), ("in", "in"), ("s", "s"),
        # not units here (ambiguous or unknown)
        ("M", None), ("degrees", None), ("xyz", None), ("", None), ("metres an hour", None),
        ("pc", "%"), ("secondss", None),
    ],
)
def test_canonical_unit(surface, canonical):
    assert canonical_unit(surface) == canonical


@pytest.mark.parametrize(
    ("value", "unit", "mach", "si", "si_unit", "dimension"),
    [
        (3200, "km/h", 343.0, 888.889, "m/s", "speed"),
        (3200, "kilometers per hour", 343.0, 888.889, "m/s", "speed"),
        (100, "mph", 343.0, 44.704, "m/s", "speed"),
        (14, "km/s", 343.0, 14000, "m/s", "speed"),
        (22, "kn", 343.0, 11.3178, "m/s", "speed"),
        (10, "Mach", 343.0, 3430, "m/s", "speed"),
        (2.5, "Mach", 343.0, 857.5, "m/s", "speed"),
        (2, "Mach", 340.29, 680.58, "m/s", "speed"),  # the speed of sound is a setting
        (5500, "km", 343.0, 5.5e6, "m", "length"),
        (435, "mi", 343.0, 700064.64, "m", "length"),
        (30, "ft", 343.0, 9.144, "m", "length"),
        (200, "nmi", 343.0, 370400, "m", "length"),
        (40, "t", 343.0, 40000, "kg", "mass"),
        (1247, "lb", 343.0, 565.63, "kg", "mass"),
        (500, "mg", 343.0, 0.0005, "kg", "mass"),
        (15, "min", 343.0, 900, "s", "time"),
        (2.5, "h", 343.0, 9000, "s", "time"),
        (14, "week", 343.0, 8467200, "s", "time"),
        (8, "year", 343.0, 252460800, "s", "time"),  # Julian year, 365.25 days
        (1, "decade", 343.0, 315576000, "s", "time"),
        (12, "%", 343.0, 12, "%", "percent"),
        (12, "per cent", 343.0, 12, "%", "percent"),
        (25, "bp", 343.0, 0.25, "pp", "percentage_points"),
        (3e9, "EUR", 343.0, 3e9, "EUR", "money"),  # money keeps its value and currency
        (300, "£", 343.0, 300, "GBP", "money"),
        (1500, "km2", 343.0, 1.5e9, "m2", "area"),
        (4.5e7, "m3", 343.0, 4.5e7, "m3", "volume"),
        (2, "L", 343.0, 0.002, "m3", "volume"),
        (2.1, "TWh", 343.0, 7.56e15, "J", "energy"),
        (640, "MW", 343.0, 6.4e8, "W", "power"),
        (44.6, "°C", 343.0, 317.75, "K", "temperature"),
        (-5, "°C", 343.0, 268.15, "K", "temperature"),
        (98.6, "°F", 343.0, 310.15, "K", "temperature"),
        (6, None, 343.0, 6, "count", "count"),
    ],
)
def test_to_si(value, unit, mach, si, si_unit, dimension):
    got = to_si(value, unit, mach_mps=mach)
    assert got[1:] == (si_unit, dimension)
    assert math.isclose(got[0], si, rel_tol=1e-4)


@pytest.mark.parametrize("unit", ["furlongs", "degrees", "M", "metres an hour"])
def test_to_si_rejects_unknown_units(unit):
    with pytest.raises(ValueError):
        to_si(1, unit)


@pytest.mark.parametrize("mach", [0.0, -343.0])
def test_mach_needs_a_positive_speed_of_sound(mach):
    with pytest.raises(ValueError):
        to_si(1, "Mach", mach_mps=mach)


def test_every_canonical_unit_converts():
    for unit in (*UNITS, *CURRENCIES, *SPECIAL):
        si, si_unit, dimension = to_si(1, unit)
        assert dimension == dimension_of(unit)
        assert si_unit and (si > 0 or dimension == "temperature")
    for table in (SYMBOLS, WORDS):
        for surface, canonical in table.items():
            assert canonical in UNITS or canonical in CURRENCIES or canonical in SPECIAL, surface


@pytest.mark.parametrize(
    ("text", "pos", "surface"),
    [
        ("3,200 kilometers per hour.", 6, "kilometers per hour"),
        ("3,200 km/h", 6, "km/h"),
        ("3,200 km away", 6, "km"),
        ("5 Mach", 2, "Mach"),
        ("12 per cent", 3, "per cent"),
        ("12 percentage points", 3, "percentage points"),
        ("40 kmph", 3, "kmph"),
        ("5 kilometresque", 2, None),  # a unit must end at a word boundary
        ("5 in", 2, None),  # "in" is never read as inches
        ("5 s", 2, None),
        ("5 people", 2, None),
        ("5", 1, None),
    ],
)
def test_match_unit(text, pos, surface):
    m = match_unit(text, pos)
    assert (m.group() if m else None) == surface
