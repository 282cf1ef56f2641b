"""Numbers, units, ratios and timestamps as a reviewer reads them (plain text, not Markdown)."""

from __future__ import annotations

from datetime import datetime

from ..models import Claim, Evidence

_PREFIX_UNITS = {"Mach"}


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.3g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")


def with_unit(value: float | None, unit: str | None, value_max: float | None = None) -> str:
    number = format_number(value)
    if value_max is not None:
        number = f"{number}–{format_number(value_max)}"
    if not unit:
        return number
    if unit in _PREFIX_UNITS:
        return f"{unit} {number}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def claim_value(claim: Claim) -> str:
    """``more than 3,200 km/h``: qualifier, value (or range) and unit."""
    text = with_unit(claim.value, claim.unit, claim.value_max)
    return f"{claim.qualifier} {text}" if claim.qualifier and text else text


def describe_value(claim: Claim, evidence: Evidence) -> str | None:
    """``12,348 km/h vs claimed more than 3,200 km/h — 3.9× higher``; the evidence
    value in the claim's unit when the units convert linearly, else in SI."""
    if evidence.si_value is None or claim.si_value is None:
        return None
    if claim.value and claim.si_value and claim.dimension != "temperature":  # linear units
        factor = claim.si_value / claim.value
        low = evidence.si_value / factor
        high = None if evidence.si_value_max is None else evidence.si_value_max / factor
        theirs = with_unit(low, claim.unit, high)
    else:
        theirs = with_unit(evidence.si_value, claim.si_unit, evidence.si_value_max)
    text = f"{theirs} vs claimed {claim_value(claim)}"
    comparison = ratio_text(evidence.ratio)
    return f"{text} — {comparison}" if comparison else text


def ratio_text(ratio: float | None) -> str:
    """``3.9× higher``, ``8% lower``, ``same value``."""
    if ratio is None or ratio <= 0:
        return ""
    if 0.5 < ratio < 2:
        pct = round((ratio - 1) * 100)
        return "same value" if pct == 0 else f"{abs(pct)}% {'higher' if pct > 0 else 'lower'}"
    return f"{ratio:.1f}× higher" if ratio > 1 else f"{1 / ratio:.1f}× lower"


def format_time(stamp: str | None) -> str:
    """``2026-03-15 10:04 UTC`` from an ISO timestamp; other text unchanged."""
    try:
        moment = datetime.fromisoformat(stamp or "")
    except ValueError:
        return stamp or ""
    offset = moment.utcoffset()
    if offset is None or offset.total_seconds():
        return moment.isoformat(sep=" ", timespec="minutes")
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def date_part(published: str | None) -> str:
    return (published or "")[:10]
