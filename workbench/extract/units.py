"""Units of numeric claims: surface forms to canonical names, canonical names to SI.

Why: a claim says "more than 3,200 kilometers per hour" and a source says "Mach 2.6";
both must land on one scale (m/s) before the matcher can compare them. This module
maps what writers type ("kph", "kilometres an hour", "per cent", "US$") to one
canonical unit string, and converts a value in a canonical unit to SI with ``pint``
(one registry, created lazily on first use; the factor of each unit is asked of pint
once and cached, temperatures are converted value by value). Mach N is N x
``mach_mps`` m/s (a unit defined in the registry per speed of sound used); money keeps
its currency code as its "SI unit" and its value. Single letters "C", "F", "t", "g"
only count glued to the figure ("35C"), which the extractor checks.

What it does NOT do: find numbers in text (see ``quantities``/``numbers``), convert
between currencies or adjust for inflation, guess ambiguous bare forms beyond the
documented rules: "pounds" is mass (lb) unless written "pounds sterling" or after a
"£" sign (the extractor handles the sign); "degrees" alone (angle or temperature?)
and "in" (inches) are not units here; "t" is the metric tonne, never a short ton;
ounces (troy or avoirdupois?), calories and bytes are not covered.
"""

from __future__ import annotations

import functools
import re
import threading

# canonical unit -> (pint expression, dimension); Mach and money are special-cased.
UNITS: dict[str, tuple[str, str]] = {
    "km/h": ("kilometer / hour", "speed"), "mph": ("mile / hour", "speed"),
    "m/s": ("meter / second", "speed"), "km/s": ("kilometer / second", "speed"),
    "kn": ("knot", "speed"), "Mach": ("", "speed"),
    "km": ("kilometer", "length"), "m": ("meter", "length"), "cm": ("centimeter", "length"),
    "mm": ("millimeter", "length"), "mi": ("mile", "length"), "ft": ("foot", "length"),
    "yd": ("yard", "length"), "in": ("inch", "length"), "nmi": ("nautical_mile", "length"),
    "kg": ("kilogram", "mass"), "g": ("gram", "mass"), "mg": ("milligram", "mass"),
    "t": ("metric_ton", "mass"), "lb": ("pound", "mass"),
    "s": ("second", "time"), "min": ("minute", "time"), "h": ("hour", "time"),
    "day": ("day", "time"), "week": ("week", "time"), "month": ("month", "time"),
    "year": ("year", "time"), "decade": ("10 * year", "time"), "century": ("century", "time"),
    "%": ("percent", "percent"),
    "pp": ("percentage_point", "percentage_points"),
    "bp": ("basis_point", "percentage_points"),
    "km2": ("kilometer ** 2", "area"), "m2": ("meter ** 2", "area"),
    "mi2": ("mile ** 2", "area"), "ha": ("hectare", "area"), "acre": ("acre", "area"),
    "L": ("liter", "volume"), "ml": ("milliliter", "volume"), "m3": ("meter ** 3", "volume"),
    "gal": ("gallon", "volume"), "bbl": ("oil_barrel", "volume"),
    "kWh": ("kilowatt_hour", "energy"), "MWh": ("megawatt_hour", "energy"),
    "GWh": ("gigawatt_hour", "energy"), "TWh": ("terawatt_hour", "energy"),
    "kW": ("kilowatt", "power"), "MW": ("megawatt", "power"), "GW": ("gigawatt", "power"),
    "°C": ("degC", "temperature"), "°F": ("degF", "temperature"),
}
CURRENCIES = ("USD", "EUR", "GBP", "RUB", "UAH", "JPY", "CNY", "INR", "CHF", "AUD", "CAD")
# dimension -> (SI unit as reported, pint target)
SI: dict[str, tuple[str, str]] = {
    "speed": ("m/s", "meter / second"), "length": ("m", "meter"), "mass": ("kg", "kilogram"),
    "time": ("s", "second"), "percent": ("%", "percent"), "area": ("m2", "meter ** 2"),
    "percentage_points": ("pp", "percentage_point"), "volume": ("m3", "meter ** 3"),
    "energy": ("J", "joule"), "power": ("W", "watt"), "temperature": ("K", "kelvin"),
}

# Surface forms matched exactly (case matters: "M" is not "m", "Mach" is a unit).
SYMBOLS: dict[str, str] = {
    "kph": "km/h", "kmh": "km/h", "km/hr": "km/h", "kmph": "km/h", "km/h": "km/h",
    "mph": "mph", "m/s": "m/s", "km/s": "km/s", "kts": "kn", "kn": "kn",
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "mi": "mi", "ft": "ft", "yd": "yd",
    "nmi": "nmi", "kg": "kg", "kgs": "kg", "g": "g", "mg": "mg", "t": "t", "lb": "lb", "lbs": "lb",
    "sec": "s", "secs": "s", "min": "min", "mins": "min", "h": "h", "hr": "h", "hrs": "h",
    "yr": "year", "yrs": "year", "%": "%", "pp": "pp", "bp": "bp", "bps": "bp",
    "km2": "km2", "km²": "km2", "sq km": "km2", "m2": "m2", "m²": "m2", "sq m": "m2",
    "sq mi": "mi2", "mi2": "mi2", "mi²": "mi2", "ha": "ha", "ml": "ml", "mL": "ml",
    "m3": "m3", "m³": "m3", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh",
    "kW": "kW", "MW": "MW", "GW": "GW", "°C": "°C", "ºC": "°C", "°F": "°F", "ºF": "°F",
    "C": "°C", "F": "°F", "Mach": "Mach", "MACH": "Mach",
    "$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP",
    "GBP": "GBP", "₽": "RUB", "RUB": "RUB", "₴": "UAH", "UAH": "UAH", "JPY": "JPY",
    "CNY": "CNY", "INR": "INR", "CHF": "CHF", "A$": "AUD", "AUD": "AUD", "C$": "CAD",
    "CAD": "CAD",
}
# Single-letter symbols that only count glued to the figure ("35C", never "35 C").
GLUED_ONLY = frozenset({"C", "F", "t", "g"})

_LENGTHS = {"km": ("kilometer", "kilometre", "km"), "m": ("meter", "metre", "m"),
            "mi": ("mile", "mi")}
_TIMES = {"h": ("hour", "hr", "h"), "s": ("second", "sec", "s")}
_SPEEDS = {("km", "h"): "km/h", ("mi", "h"): "mph", ("m", "s"): "m/s", ("km", "s"): "km/s"}
_WORD_FORMS: dict[str, tuple[str, ...]] = {
    "km": ("kilometer", "kilometre"), "m": ("meter", "metre"), "cm": ("centimeter",
    "centimetre"), "mm": ("millimeter", "millimetre"), "mi": ("mile",), "ft": ("foot", "feet"),
    "yd": ("yard",), "in": ("inch", "inches"), "nmi": ("nautical mile",), "kn": ("knot",),
    "kg": ("kilogram", "kilo", "kilogramme"), "g": ("gram", "gramme"),
    "mg": ("milligram", "milligramme"),
    "t": ("tonne", "ton", "metric ton"), "lb": ("pound",),
    "s": ("second",), "min": ("minute",), "h": ("hour",), "day": ("day",), "week": ("week",),
    "month": ("month",), "year": ("year",), "decade": ("decade",),
    "century": ("century", "centuries"), "%": ("percent", "per cent"),
    "pp": ("percentage point", "percent point"), "bp": ("basis point",),
    "km2": ("square kilometer", "square kilometre", "sq kilometre", "sq kilometer"),
    "m2": ("square meter", "square metre"), "mi2": ("square mile",), "ha": ("hectare",),
    "acre": ("acre",), "L": ("liter", "litre"), "ml": ("milliliter", "millilitre"),
    "m3": ("cubic meter", "cubic metre"), "gal": ("gallon",), "bbl": ("barrel",),
    "kWh": ("kilowatt hour", "kilowatt-hour"), "MWh": ("megawatt hour", "megawatt-hour"),
    "GWh": ("gigawatt hour", "gigawatt-hour"), "TWh": ("terawatt hour", "terawatt-hour"),
    "kW": ("kilowatt",), "MW": ("megawatt",), "GW": ("gigawatt",),
    "°C": ("degrees celsius", "degree celsius", "degrees c", "celsius", "centigrade"),
    "°F": ("degrees fahrenheit", "degree fahrenheit", "degrees f", "fahrenheit"),
    "Mach": ("mach", "times the speed of sound"),
    "USD": ("dollar", "us dollar", "u.s. dollar"), "EUR": ("euro",),
    "GBP": ("pounds sterling", "pound sterling", "sterling"), "RUB": ("ruble", "rouble"),
    "UAH": ("hryvnia", "hryvnias", "hryvnya", "hryvni"), "JPY": ("yen",), "CNY": ("yuan",),
    "INR": ("rupee",), "CHF": ("swiss franc",),
}


_INVARIABLE = ("s", "feet", "sterling", "celsius", "fahrenheit", "centigrade", "yen", "yuan",
               "mach", "sound", "cent", " c", " f", "hryvni")


def _word_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canon, forms in _WORD_FORMS.items():
        for form in forms:
            table[form] = canon
            if not form.endswith(_INVARIABLE):
                table[form + "s"] = canon
    for (length, time), canon in _SPEEDS.items():
        article = " an " if time == "h" else " a "
        for lform in _LENGTHS[length]:
            lforms = (lform, lform + "s") if len(lform) > 2 else (lform,)
            for tform in _TIMES[time]:
                joints = ("/", " per ", article) if len(tform) > 3 else ("/", " per ")
                for joint in joints:
                    for lf in lforms:
                        table[f"{lf}{joint}{tform}"] = canon
    return table


WORDS: dict[str, str] = _word_table()
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009-]+")


def canonical_unit(surface: str) -> str | None:
    """The canonical unit for a surface form ("kilometres an hour" -> "km/h"), else None.

    Symbols are matched with their case ("Mach", "MW", "C"); words case-insensitively
    with runs of spaces/hyphens collapsed. "pounds" is mass ("lb"): the caller passes
    "pounds sterling" (or sees the "£" sign) for money. Canonical names map to themselves
    ("in", "s", "day"), though the extractor never reads "in" or a bare "s" as a unit.
    """
    text = surface.strip()
    if text in SYMBOLS:
        return SYMBOLS[text]
    if text in UNITS or text in CURRENCIES:
        return text
    folded = _SPACES.sub(" ", text.lower()).strip().rstrip(".")
    return WORDS.get(folded) or WORDS.get(folded.replace(" ", "-"))


def _surface_pattern(surface: str) -> str:
    return r"[\s\u00a0-]{1,3}".join(re.escape(part) for part in surface.split(" "))


@functools.cache
def _unit_patterns() -> dict[str, re.Pattern[str]]:
    """One alternation per first character (longest surface first), so matching a unit
    after a figure tries a handful of literals, not every surface."""
    groups: dict[str, list[str]] = {}
    for surface in WORDS:
        for first in {surface[0].lower(), surface[0].upper()}:
            groups.setdefault(first, []).append(f"(?i:{_surface_pattern(surface)})")
    for surface in SYMBOLS:
        groups.setdefault(surface[0], []).append(_surface_pattern(surface))
    return {first: re.compile("(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")"
                              r"(?![A-Za-z])")
            for first, alts in groups.items()}


def match_unit(text: str, pos: int) -> re.Match[str] | None:
    """The unit surface starting exactly at ``pos`` (longest first), else None."""
    if pos >= len(text):
        return None
    pattern = _unit_patterns().get(text[pos])
    return pattern.match(text, pos) if pattern else None


_LOCK = threading.RLock()


_REGISTRY = None


def _registry():
    """The pint registry, built on first use (it takes ~0.2 s) and only once."""
    global _REGISTRY
    with _LOCK:
        if _REGISTRY is None:
            import pint

            ureg = pint.UnitRegistry()
            ureg.define("percentage_point = [percentage_point] = pp")
            ureg.define("basis_point = 0.01 * percentage_point = bp")
            _REGISTRY = ureg
        return _REGISTRY


@functools.cache
def _mach_unit(mach_mps: float) -> str:
    """Define (once per speed of sound) a pint unit for Mach 1 and return its name."""
    if not mach_mps > 0:
        raise ValueError(f"mach_mps must be positive, not {mach_mps!r}")
    name = "mach" if mach_mps == 343.0 else "mach_" + re.sub(r"\W", "_", repr(mach_mps))
    ureg = _registry()
    with _LOCK:
        if name not in ureg:
            ureg.define(f"{name} = {mach_mps!r} * meter / second")
    return name


def dimension_of(unit: str | None) -> str:
    """The dimension of a canonical unit ("count" for None, "money" for currencies)."""
    if unit is None:
        return "count"
    if unit in CURRENCIES:
        return "money"
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    return UNITS[unit][1]


def to_si(value: float, unit: str | None, *, mach_mps: float = 343.0) -> tuple[float, str, str]:
    """(si_value, si_unit, dimension) for ``value`` in ``unit`` (canonical or a surface).

    Counts (unit None) stay as they are with si_unit "count"; money keeps the value and
    uses the currency code as its unit; Mach uses ``mach_mps`` m/s per Mach 1.
    Raises ValueError for a unit it does not know.
    """
    if unit is None:
        return float(value), "count", "count"
    canon = canonical_unit(unit)
    if canon is None:
        raise ValueError(f"unknown unit {unit!r}")
    dimension = dimension_of(canon)
    if dimension == "money":
        return float(value), canon, dimension
    si_unit, target = SI[dimension]
    if dimension == "temperature":  # offset units: convert the value itself
        quantity = _registry().Quantity(float(value), UNITS[canon][0])
        return float(quantity.to(target).magnitude), si_unit, dimension
    return float(value) * _factor(canon, float(mach_mps)), si_unit, dimension


@functools.cache
def _factor(canon: str, mach_mps: float) -> float:
    """SI value of one ``canon`` (pint does the conversion; cached per unit)."""
    source = _mach_unit(mach_mps) if canon == "Mach" else UNITS[canon][0]
    quantity = _registry().parse_expression(source)  # "kilometer / hour", "10 * year"
    return float(quantity.to(SI[UNITS[canon][1]][1]).magnitude)
