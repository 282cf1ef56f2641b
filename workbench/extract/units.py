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
    "Pa": ("pascal", "pressure"), "hPa": ("hectopascal", "pressure"),
    "kPa": ("kilopascal", "pressure"), "mbar": ("millibar", "pressure"), "bar": ("bar", "pressure"),
    "psi": ("psi", "pressure"), "inHg": ("inch_Hg", "pressure"),
    "mmHg": ("millimeter_Hg", "pressure"), "atm": ("atmosphere", "pressure"),
    "W": ("watt", "power"), "hp": ("horsepower", "power"), "TW": ("terawatt", "power"),
    "J": ("joule", "energy"), "kJ": ("kilojoule", "energy"), "MJ": ("megajoule", "energy"),
    "cal": ("calorie", "energy"), "kcal": ("kilocalorie", "energy"),
    "B": ("byte", "data"), "kB": ("kilobyte", "data"), "MB": ("megabyte", "data"),
    "GB": ("gigabyte", "data"), "TB": ("terabyte", "data"), "PB": ("petabyte", "data"),
    "bit/s": ("bit / second", "data_rate"), "kbit/s": ("kilobit / second", "data_rate"),
    "Mbit/s": ("megabit / second", "data_rate"), "Gbit/s": ("gigabit / second", "data_rate"),
    "Hz": ("hertz", "frequency"), "kHz": ("kilohertz", "frequency"),
    "MHz": ("megahertz", "frequency"), "GHz": ("gigahertz", "frequency"),
    "rpm": ("hertz / 60", "frequency"),
    "oz": ("ounce", "mass"), "ct": ("carat", "mass"), "mcg": ("microgram", "mass"),
    "ft2": ("foot ** 2", "area"), "ft3": ("foot ** 3", "volume"),
    "m3/s": ("meter ** 3 / second", "flow"), "cfs": ("foot ** 3 / second", "flow"),
    "bbl/day": ("oil_barrel / day", "flow"),
}
# Units pint does not convert linearly, or that are their own SI unit: (dimension, SI unit).
SPECIAL: dict[str, tuple[str, str]] = {
    "mpg": ("fuel_economy", "km/L"), "L/100km": ("fuel_economy", "km/L"),
    "mAh": ("charge", "mAh"), "TEU": ("count", "count"), "fraction": ("percent", "%"),
    "per 100000": ("rate", "per one"), "per 1000": ("rate", "per one"),
    "per 10000": ("rate", "per one"), "per 1000000": ("rate", "per one"),
    "points": ("index", "points"), "score": ("score", "score"),
}
CURRENCIES = ("USD", "EUR", "GBP", "RUB", "UAH", "JPY", "CNY", "INR", "CHF", "AUD", "CAD",
              "MYR", "HKD", "SGD", "NZD", "ZAR", "SEK", "NOK", "DKK", "PLN", "KRW", "NGN",
              "PHP", "THB", "IDR", "BRL", "MXN", "TWD", "AED", "SAR", "TRY", "PKR", "BDT",
              "KES", "EGP", "ILS", "CZK", "HUF", "VND", "QAR")
# A money rate keeps its per-part ("MYR/month"): these are the parts it may have.
PER_PARTS = {"month": "month", "year": "year", "annum": "year", "week": "week", "day": "day",
             "hour": "h", "gallon": "gal", "litre": "L", "liter": "L", "barrel": "bbl",
             "tonne": "t", "ton": "t", "kilogram": "kg", "kilo": "kg", "kg": "kg",
             "person": "person", "head": "person", "capita": "person", "share": "share",
             "night": "night", "unit": "unit", "kilowatt-hour": "kWh", "kwh": "kWh"}
# dimension -> (SI unit as reported, pint target)
SI: dict[str, tuple[str, str]] = {
    "speed": ("m/s", "meter / second"), "length": ("m", "meter"), "mass": ("kg", "kilogram"),
    "time": ("s", "second"), "percent": ("%", "percent"), "area": ("m2", "meter ** 2"),
    "percentage_points": ("pp", "percentage_point"), "volume": ("m3", "meter ** 3"),
    "energy": ("J", "joule"), "power": ("W", "watt"), "temperature": ("K", "kelvin"),
    "pressure": ("Pa", "pascal"), "data": ("B", "byte"), "data_rate": ("bit/s", "bit / second"),
    "frequency": ("Hz", "hertz"), "flow": ("m3/s", "meter ** 3 / second"),
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
    "zł": "PLN", "kr": "SEK", "pc": "%",
    **{code: code for code in ("MYR", "HKD", "SGD", "NZD", "ZAR", "SEK", "NOK", "DKK", "PLN",
                               "KRW", "NGN", "PHP", "THB", "IDR", "BRL", "MXN", "TWD", "AED",
                               "SAR", "TRY", "PKR", "BDT", "KES", "EGP", "ILS", "CZK", "HUF",
                               "VND", "QAR")},
    "Pa": "Pa", "hPa": "hPa", "kPa": "kPa", "mb": "mbar", "mbar": "mbar", "psi": "psi",
    "inHg": "inHg", "mmHg": "mmHg", "atm": "atm", "W": "W", "hp": "hp", "bhp": "hp",
    "TW": "TW", "J": "J", "kJ": "kJ", "MJ": "MJ", "kcal": "kcal", "cal": "cal",
    "kB": "kB", "KB": "kB", "MB": "MB", "GB": "GB", "TB": "TB", "PB": "PB",
    "kbps": "kbit/s", "Kbps": "kbit/s", "Mbps": "Mbit/s", "Gbps": "Gbit/s", "Mb/s": "Mbit/s",
    "Gb/s": "Gbit/s", "Mbit/s": "Mbit/s", "Gbit/s": "Gbit/s",
    "Hz": "Hz", "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "rpm": "rpm", "RPM": "rpm",
    "oz": "oz", "ct": "ct", "mcg": "mcg", "µg": "mcg", "μg": "mcg",
    "sq ft": "ft2", "ft²": "ft2", "ft2": "ft2", "cu ft": "ft3", "m³/s": "m3/s", "m3/s": "m3/s",
    "cfs": "cfs", "bpd": "bbl/day", "b/d": "bbl/day", "mpg": "mpg", "MPG": "mpg",
    "l/100km": "L/100km", "L/100km": "L/100km", "L/100 km": "L/100km", "l/100 km": "L/100km",
    "mAh": "mAh", "TEU": "TEU", "TEUs": "TEU", "L": "L", "l": "L", "ltr": "L",
    "knots": "kn", "kt": "kn",
}
# Currency signs and codes written before a figure ("RM23.50", "Rs 400 crore", "HK$3.4bn").
PREFIXES: dict[str, str] = {
    "$": "USD", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL",
    "MX$": "MXN", "€": "EUR", "£": "GBP", "₽": "RUB", "₴": "UAH", "¥": "JPY", "₹": "INR",
    "₩": "KRW", "₦": "NGN", "₱": "PHP", "฿": "THB", "RM": "MYR", "Rs": "INR", "Rs.": "INR",
    "R": "ZAR", "Y": "JPY", "Y=": "JPY", "Rp": "IDR", "kr": "SEK", "zł": "PLN",
    **{code: code for code in CURRENCIES},
}
# Minor units, written after the figure, and the major units they may belong to (the
# first is the default when the text names none of them).
MINOR_UNITS: dict[str, tuple[str, ...]] = {
    "p": ("GBP",), "pence": ("GBP",), "penny": ("GBP",), "sen": ("MYR", "IDR"),
    "cents": ("USD", "AUD", "CAD", "NZD", "SGD", "HKD", "EUR", "ZAR"),
    "cent": ("USD", "AUD", "CAD", "NZD", "SGD", "HKD", "EUR", "ZAR"),
    "c": ("USD", "AUD", "CAD", "NZD", "SGD", "HKD", "EUR", "ZAR"),
    "kopecks": ("RUB", "UAH"), "kopeks": ("RUB", "UAH"), "paise": ("INR",),
}
# Single-letter symbols that only count glued to the figure ("35C", never "35 C").
GLUED_ONLY = frozenset({"C", "F", "t", "g", "pc"})

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
    "MYR": ("ringgit",), "ZAR": ("rand",), "SEK": ("swedish krona", "swedish kronor"),
    "NOK": ("norwegian krone", "norwegian kroner"), "DKK": ("danish krone", "danish kroner"),
    "PLN": ("zloty", "zlotys", "zlotych"), "KRW": ("won",), "NGN": ("naira",),
    "THB": ("baht",), "IDR": ("rupiah",), "AED": ("dirham",), "SAR": ("riyal",),
    "TRY": ("lira", "liras", "lire"), "BRL": ("real", "reais"),
    "Pa": ("pascal",), "hPa": ("hectopascal",), "kPa": ("kilopascal",),
    "mbar": ("millibar", "millibars", "mbar"), "bar": ("bar",),
    "psi": ("pounds per square inch", "pound per square inch"),
    "inHg": ("inches of mercury", "inch of mercury"), "mmHg": ("millimetres of mercury",
    "millimeters of mercury"), "atm": ("atmosphere",),
    "W": ("watt",), "hp": ("horsepower", "horse power", "brake horsepower"), "TW": ("terawatt",),
    "J": ("joule",), "kJ": ("kilojoule",), "MJ": ("megajoule",),
    "kcal": ("kilocalorie", "calorie", "kcal"),
    "B": ("byte",), "kB": ("kilobyte",), "MB": ("megabyte",), "GB": ("gigabyte",),
    "TB": ("terabyte",), "PB": ("petabyte",),
    "bit/s": ("bits per second", "bit per second"), "kbit/s": ("kilobits per second",),
    "Mbit/s": ("megabits per second", "megabit per second"),
    "Gbit/s": ("gigabits per second", "gigabit per second"),
    "Hz": ("hertz",), "kHz": ("kilohertz",), "MHz": ("megahertz",), "GHz": ("gigahertz",),
    "rpm": ("revolutions per minute", "revolution per minute"),
    "oz": ("ounce",), "ct": ("carat",), "mcg": ("microgram",),
    "ft2": ("square foot", "square feet"), "ft3": ("cubic foot", "cubic feet"),
    "m3/s": ("cubic metres per second", "cubic meters per second", "cumecs"),
    "cfs": ("cubic feet per second",),
    "bbl/day": ("barrels per day", "barrels a day", "barrel per day", "barrels of oil per day",
                "barrels of oil a day"),
    "mpg": ("miles per gallon", "mile per gallon"),
    "L/100km": ("litres per 100 km", "liters per 100 km", "litres per 100 kilometres",
                "liters per 100 kilometers", "litres per 100km", "liters per 100km"),
    "mAh": ("milliamp hours", "milliamp-hours", "milliampere-hours", "milliamp hour"),
    "TEU": ("twenty-foot equivalent units", "twenty-foot equivalent unit"),
}


_INVARIABLE = ("s", "feet", "sterling", "celsius", "fahrenheit", "centigrade", "yen", "yuan",
               "mach", "sound", "cent", " c", " f", "hryvni", "per day", "a day", "per second",
               "per gallon", "per minute", "100 km", "100km", "mercury", "square inch", "ringgit",
               "rand", "won", "naira", "baht", "rupiah", "kronor", "kroner", "zlotych", "reais",
               "lire", "bar", "cumecs", "kcal", "mbar", "units")


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
    if text in UNITS or text in CURRENCIES or ("/" in text and text.split("/")[0] in CURRENCIES):
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
    if unit in CURRENCIES or unit.split("/")[0] in CURRENCIES:
        return "money"
    if unit in SPECIAL:
        return SPECIAL[unit][0]
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
    canon = unit if unit in SPECIAL else canonical_unit(unit)
    if canon is None:
        raise ValueError(f"unknown unit {unit!r}")
    dimension = dimension_of(canon)
    if dimension == "money":
        return float(value), canon, dimension
    if canon in SPECIAL:
        return _special_si(float(value), canon), SPECIAL[canon][1], dimension
    si_unit, target = SI[dimension]
    if dimension == "temperature":  # offset units: convert the value itself
        quantity = _registry().Quantity(float(value), UNITS[canon][0])
        return float(quantity.to(target).magnitude), si_unit, dimension
    return float(value) * _factor(canon, float(mach_mps)), si_unit, dimension


def _special_si(value: float, canon: str) -> float:
    """SI value of the units pint does not convert for us (or not linearly)."""
    if canon == "mpg":
        return value * 0.425144  # US miles per gallon in km per litre
    if canon == "L/100km":
        return 100.0 / value if value else 0.0
    if canon == "fraction":
        return value * 100.0
    if canon.startswith("per "):
        return value / float(canon[4:])
    return value


def temperature_difference(value: float, unit: str) -> float:
    """A change of temperature in kelvin ("3°C warmer" is 3 K, "5F higher" 2.78 K)."""
    return value * 5 / 9 if unit == "°F" else value


@functools.cache
def _factor(canon: str, mach_mps: float) -> float:
    """SI value of one ``canon`` (pint does the conversion; cached per unit)."""
    source = _mach_unit(mach_mps) if canon == "Mach" else UNITS[canon][0]
    quantity = _registry().parse_expression(source)  # "kilometer / hour", "10 * year"
    return float(quantity.to(SI[UNITS[canon][1]][1]).magnitude)
