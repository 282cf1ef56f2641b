"""quantulum3's quantities as records the workbench's scorer reads (``PeerClaim``).

Only unit *names* are mapped: quantulum3's unit name (``Quantity.unit.name``, e.g.
"mile per hour") goes to the canonical unit string of ``tests/gold/news/GUIDE.md``
("mph") through ``UNITS``; what quantulum3 read stays what it read. A name that is
not in the table keeps quantulum3's own name as its unit (it then matches no gold
unit: value F1 still counts it) with no SI value or dimension. See the limits in
``bench/extraction_peers.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.extract.units import dimension_of, to_si

# quantulum3 unit name -> the gold guide's unit (None: a plain count).
UNITS: dict[str, str | None] = {
    "dimensionless": None, "count": None, "set": None,
    "percentage": "%", "per cent": "%",  # quantulum3 names "11.2 per cent" 1/cent
    "basis point": "bp", "percentage point": "pp",
    "kilometre per hour": "km/h", "mile per hour": "mph", "metre per second": "m/s",
    "kilometre per second": "km/s", "knot": "kn",
    "kilometre": "km", "metre": "m", "centimetre": "cm", "millimetre": "mm", "mile": "mi",
    "foot": "ft", "yard": "yd", "inch": "in",
    "kilogram": "kg", "gram": "g", "milligram": "mg", "microgram": "mcg", "tonne": "t",
    "ton": "t", "short ton": "t", "long ton": "t", "pound-mass": "lb", "ounce": "oz",
    "carat": "ct",
    "second": "s", "minute": "min", "hour": "h", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade",
    "degree Celsius": "°C", "degree fahrenheit": "°F",
    "square kilometre": "km2", "square metre": "m2", "square mile": "mi2", "hectare": "ha",
    "acre": "acre", "square foot": "ft2",
    "litre": "L", "cubic centimetre": "ml", "cubic metre": "m3", "cubic foot": "ft3",
    "gallon": "gal", "barrel": "bbl",
    "cubic metre per second": "m3/s", "cubic foot per second": "cfs",
    "barrel per day": "bbl/day",
    "joule": "J", "kilojoule": "kJ", "kilowatt hour": "kWh", "megawatt hour": "MWh",
    "gigawatt hour": "GWh", "terawatt hour": "TWh",
    "calorie": "kcal", "kilocalorie": "kcal",  # the guide: food "calories" are kcal
    "watt": "W", "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW", "horsepower": "hp",
    "pascal": "Pa", "hectopascal": "hPa", "kilopascal": "kPa", "millibar": "mbar",
    "bar": "bar", "pound per square inch": "psi", "inch of mercury": "inHg",
    "millimeter of mercury": "mmHg",
    "byte": "B", "kilobyte": "kB", "megabyte": "MB", "gigabyte": "GB", "terabyte": "TB",
    "bit per second": "bit/s", "kilobit per second": "kbit/s",
    "megabit per second": "Mbit/s", "gigabit per second": "Gbit/s",
    "hertz": "Hz", "kilohertz": "kHz", "megahertz": "MHz", "gigahertz": "GHz",
    "revolutions per minute": "rpm", "milliampere-hour": "mAh", "mile per gallon": "mpg",
}
# Counting units: quantulum3 gives "a dozen" as 1 dozen; the gold counts 12.
COUNT_FACTORS = {"dozen": 12.0, "baker's dozen": 13.0, "pair": 2.0, "gross": 144.0}
# quantulum3's currencies -> (ISO 4217 code, how many of the major unit one is).
CURRENCIES: dict[str, tuple[str, float]] = {
    "dollar": ("USD", 1.0), "united states dollar": ("USD", 1.0), "cent": ("USD", 0.01),
    "dime": ("USD", 0.1), "australian dollar": ("AUD", 1.0), "canadian dollar": ("CAD", 1.0),
    "new zealand dollar": ("NZD", 1.0), "euro": ("EUR", 1.0),
    "pound sterling": ("GBP", 1.0), "penny": ("GBP", 0.01), "japanese yen": ("JPY", 1.0),
    "chinese yuan": ("CNY", 1.0), "indian rupee": ("INR", 1.0),
    "russian ruble": ("RUB", 1.0), "south african rand": ("ZAR", 1.0),
    "swiss franc": ("CHF", 1.0), "south korean won": ("KRW", 1.0),
    "brazilian real": ("BRL", 1.0), "mexican peso": ("MXN", 1.0),
    "centavo": ("MXN", 0.01), "rappen": ("CHF", 0.01),
}
# The per-part of a rate of money ("dollar per gallon" -> "USD/gal").
PER_PARTS = {"gallon": "gal", "litre": "L", "barrel": "bbl", "month": "month",
             "year": "year", "week": "week", "day": "day", "hour": "h",
             "square foot": "ft2", "square metre": "m2", "tonne": "t", "kilogram": "kg"}
TIMES = frozenset({"s", "min", "h", "day", "week", "month", "year", "decade"})


@dataclass(slots=True)
class PeerClaim:
    """What the scorer reads of a claim (the ``Claim`` fields), for a peer's output."""

    text: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    si_value: float | None = None
    si_value_max: float | None = None
    dimension: str | None = None
    speaker: str | None = None
    cue: str | None = None
    qualifier: str | None = None
    direction: str | None = None
    about: str | None = None


def map_unit(name: str) -> tuple[str | None, float, bool]:
    """(gold unit, factor on the value, known) for a quantulum3 unit name."""
    if name in UNITS:
        return UNITS[name], 1.0, True
    if name in COUNT_FACTORS:
        return None, COUNT_FACTORS[name], True
    if name in CURRENCIES:
        code, factor = CURRENCIES[name]
        return code, factor, True
    if name.startswith("per ") and UNITS.get(name[4:]) in TIMES:
        return None, 1.0, True  # "1,000 a year": a count, as the guide writes it
    head, sep, tail = name.partition(" per ")
    if sep and head in CURRENCIES and tail in PER_PARTS:
        code, factor = CURRENCIES[head]
        return f"{code}/{PER_PARTS[tail]}", factor, True
    return name, 1.0, False


def _si(value: float | None, unit: str | None) -> float | None:
    if value is None:
        return None
    try:
        return to_si(value, unit)[0]
    except ValueError:
        return None


def from_quantity(quantity) -> PeerClaim:
    """One quantulum3 ``Quantity`` as a ``PeerClaim``: a range ("8 to 12 feet", which
    quantulum3 gives as 10 ± 2) becomes value / value_max; no qualifier, direction or
    ``about`` (quantulum3 gives none)."""
    unit, factor, known = map_unit(quantity.unit.name)
    value, spread = float(quantity.value), quantity.uncertainty
    low, high = (value - spread, value + spread) if spread else (value, None)
    low *= factor
    high = high * factor if high is not None else None
    claim = PeerClaim(text=quantity.surface, value=low, value_max=high, unit=unit)
    if not known:
        return claim
    money = unit is not None and (unit.split("/")[0] in {c for c, _ in CURRENCIES.values()})
    if money:  # the guide: money is never converted
        claim.si_value, claim.si_value_max, claim.dimension = low, high, "money"
        return claim
    claim.si_value, claim.si_value_max = _si(low, unit), _si(high, unit)
    try:
        claim.dimension = dimension_of(unit)
    except ValueError:
        claim.dimension = None
    return claim
