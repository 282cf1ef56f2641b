"""What the review card shows of syndication and provenance (issue 13), as escaped
Markdown: copies folded under their origin, independent confirmations, first seen.

Pure functions, like the rest of ``display``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..models import Claim, Evidence
from ..provenance import date_key, shown_date, timeline
from ..reports.timeline import COLOURS as TIMELINE_COLOURS
from ..timescope import label as span_label
from ..timescope import stale_line
from .markdown import md_escape


@dataclass(slots=True)
class Folded:
    """One evidence item shown, with the copies of its document folded under it."""

    evidence: Evidence
    copies: list[Evidence] = field(default_factory=list)


def _rank(ev: Evidence) -> tuple:
    """Who represents a group: its origin, else the earliest dated, else the first."""
    moment = date_key(ev.document.published)
    return (not ev.document.origin, moment is None, moment.timestamp() if moment else 0.0)


def fold_copies(evidence: Sequence[Evidence]) -> list[Folded]:
    """Evidence of one near-duplicate group with the same relation shown once, at the
    place of its first item, represented by the group's origin; the rest are copies."""
    slots: dict[tuple, Folded] = {}
    out: list[Folded] = []
    for ev in evidence:
        if ev.group is None:
            out.append(Folded(ev))
            continue
        key = (ev.group, ev.relation)
        if key not in slots:
            slots[key] = Folded(ev)
            out.append(slots[key])
        else:
            slots[key].copies.append(ev)
    for folded in slots.values():
        members = sorted([folded.evidence, *folded.copies], key=_rank)
        folded.evidence, folded.copies = members[0], members[1:]
    return out


def source_name(ev: Evidence) -> str:
    doc = ev.document
    return f"{doc.outlet or doc.title or 'untitled'} ({shown_date(doc.published)})"


def copies_line(folded: Folded) -> str | None:
    """``+2 copies: The Harbour Courier (2026-03-15), Lakeside Gazette (undated)``."""
    n = len(folded.copies)
    if not n:
        return None
    names = ", ".join(source_name(e) for e in folded.copies)
    return md_escape(f"+{n} cop{'ies' if n > 1 else 'y'}: {names}")


def confirmations_line(claim: Claim) -> str | None:
    """``**2 independent confirmations** (4 supporting documents, 2 of them copies)``."""
    c = claim.confirmations
    if not c or not (c["independent"] or c["copies"]):
        return None
    n, copies = c["independent"], c["copies"]
    head = f"**{n} independent confirmation{'s' * (n != 1)}**"
    if not copies:
        return head
    total = n + copies
    return (f"{head} ({total} supporting document{'s' * (total != 1)}, "
            f"{copies} of them {'copies' if copies > 1 else 'a copy'})")


def first_seen_line(claim: Claim) -> str | None:
    """``First seen: **Northwire**, 2026-03-14``."""
    seen = claim.first_seen
    if not seen:
        return None
    doc = seen["document"]
    name = doc.get("outlet") or doc.get("title") or "untitled"
    return f"First seen: **{md_escape(name)}**, {md_escape(shown_date(seen['published']))}"


def timeline_chart(claim: Claim) -> tuple[pd.DataFrame, dict, int] | None:
    """Data and Vega-Lite spec of the claim's timeline (a dot per dated source and
    relation, one row per relation), and the number of undated sources; None when
    no bearing source is dated."""
    points, undated = timeline(claim)
    if not points:
        return None
    frame = pd.DataFrame({
        "published": [p.moment.isoformat() for p in points],
        "relation": [str(p.relation).replace("_", " ") for p in points],
        "source": [p.source for p in points],
    })
    lanes = frame["relation"].nunique()
    names = [str(r).replace("_", " ") for r in TIMELINE_COLOURS]
    spec = {
        "mark": {"type": "circle", "size": 110, "opacity": 0.9},
        "height": 34 * lanes + 16,
        "encoding": {
            "x": {"field": "published", "type": "temporal", "title": None,
                  "axis": {"format": "%b %d", "tickCount": {"interval": "day", "step": 1},
                           "grid": False}},
            "y": {"field": "relation", "type": "nominal", "title": None, "sort": names},
            "color": {"field": "relation", "type": "nominal", "legend": None,
                      "scale": {"domain": names, "range": list(TIMELINE_COLOURS.values())}},
            "tooltip": [{"field": "source", "type": "nominal"},
                        {"field": "published", "type": "temporal", "format": "%Y-%m-%d %H:%M"}],
        },
    }
    return frame, spec, undated


def self_conflict_line(ev: Evidence) -> str | None:
    """``Lakeside Gazette contradicts itself: 5,500 km vs 2,400 miles (a wrong
    conversion)``; said of a folded copy too, so folding never hides it."""
    if not ev.self_conflict:
        return None
    pairs = "; ".join(f"{p['first']} vs {p['second']}"
                      + (" (a wrong conversion)" if p["kind"] == "conversion" else "")
                      for p in ev.self_conflicts)
    name = ev.document.outlet or ev.document.title or "This source"
    return ":red-badge[self-contradiction] " + md_escape(f"{name} contradicts itself: {pairs}")


def time_line(claim: Claim) -> str | None:
    """``Time of the claim: on Saturday (2026-03-14, from the article's lead)``."""
    scope = claim.time_scope
    if not scope:
        return None
    span = span_label(scope)
    where = ", from the article's lead" if scope["from"] == "lead" else ""
    return f"**Time of the claim:** {md_escape(scope['text'])} ({md_escape(span + where)})"


def stale_markdown(ev: Evidence) -> str | None:
    """``:gray-badge[stale] about another period: in November 2025 (…); the claim: …``."""
    line = stale_line(ev)
    return f":gray-badge[stale] {md_escape(line)}" if line else None


WHY_PARTS = (("words", "matched words"), ("fuzzy", "wording score"), ("scorer", "by"),
             ("conversion", "conversion"), ("claim_conversion", "the claim"),
             ("tolerance", "tolerance"), ("subject", "subject"), ("speaker", "speaker"),
             ("score", "score"))


def why_text(ev: Evidence) -> str | None:
    """Why the item ranks here, one escaped line: ``matched words: korval, missile ·
    wording score 74 · conversion: 7,600 mph = 3,397 m/s · subject: names Korval``."""
    why = ev.why
    if not why:
        return None
    parts = []
    for key, label in WHY_PARTS:
        value = why.get(key)
        if value in (None, "", []):
            continue
        if key == "words":
            value = ", ".join(value)
        elif key == "tolerance":
            value = f"{value:.0%}"
        elif key == "fuzzy":
            value = f"{value:.1f}"
        parts.append(f"{label}: {value}")
    return md_escape(" · ".join(parts)) if parts else None
