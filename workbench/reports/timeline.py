"""A claim's timeline as an inline SVG: one lane per relation, a dot per dated source.

Plain SVG (no script, no external file) so the same drawing works in the HTML
report, in its WeasyPrint PDF and offline; every label is escaped."""

from __future__ import annotations

from datetime import datetime
from html import escape

from ..models import Claim, Relation
from ..provenance import TIMELINE_RELATIONS, timeline

COLOURS = {Relation.SUPPORTS: "#2e7d32", Relation.VARIES: "#ef6c00",
           Relation.BOUND_ONLY: "#6a1b9a", Relation.CONFLICTS: "#c62828",
           Relation.MISATTRIBUTED: "#ad1457"}
WIDTH, LANE, LEFT, RIGHT, TOP = 560, 22, 110, 20, 8


def timeline_svg(claim: Claim) -> str:
    """The SVG of the claim's dated evidence; an empty string when none is dated."""
    points, undated = timeline(claim)
    if not points:
        return ""
    lanes = [r for r in TIMELINE_RELATIONS if any(p.relation is r for p in points)]
    first, last = points[0].moment, points[-1].moment
    span = (last - first).total_seconds() or 1.0
    plot = WIDTH - LEFT - RIGHT
    height = TOP + LANE * len(lanes) + 30

    def x(moment: datetime) -> float:
        if first == last:
            return LEFT + plot / 2
        return LEFT + plot * (moment - first).total_seconds() / span

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="timeline">']
    for i, relation in enumerate(lanes):
        y = TOP + LANE * i + LANE / 2
        parts.append(f'<text x="0" y="{y + 4:.0f}" font-size="11">'
                     f'{escape(str(relation).replace("_", " "))}</text>')
        parts.append(f'<line x1="{LEFT}" y1="{y:.0f}" x2="{WIDTH - RIGHT}" y2="{y:.0f}" '
                     'stroke="#ddd"/>')
        for p in (p for p in points if p.relation is relation):
            label = escape(f"{p.source}, {p.moment:%Y-%m-%d %H:%M} UTC")
            parts.append(f'<circle cx="{x(p.moment):.1f}" cy="{y:.0f}" r="5" '
                         f'fill="{COLOURS[relation]}"><title>{label}</title></circle>')
    axis = TOP + LANE * len(lanes) + 14
    ticks = [first, last] if first != last else [first]
    for moment in ticks:
        anchor = "middle" if first == last else ("start" if moment == first else "end")
        parts.append(f'<text x="{x(moment):.0f}" y="{axis}" font-size="10" '
                     f'text-anchor="{anchor}">{moment:%Y-%m-%d}</text>')
    if undated:
        parts.append(f'<text x="{LEFT}" y="{axis + 13}" font-size="10" fill="#666">'
                     f'+{undated} undated source{"s" * (undated != 1)} not on the line</text>')
    parts.append("</svg>")
    return "".join(parts)
