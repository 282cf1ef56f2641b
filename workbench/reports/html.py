"""The editor report of one article as a self-contained HTML page.

Every piece of document text, quote, note and name goes through ``html.escape``;
links are http(s) only (``display.safe_url``); there is no script and nothing the page
loads from elsewhere, so it can be mailed, archived or printed to PDF as it is."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..display import claim_value, safe_url
from ..models import ClaimKind
from ..provenance import shown_date
from ..store import Store
from . import ArticleReport, ClaimEntry, article_report
from .timeline import timeline_svg

STYLE = """
body { font-family: sans-serif; font-size: 11pt; color: #222; max-width: 46em; margin: 2em auto; }
h1 { font-size: 17pt; margin-bottom: .2em; } h2 { font-size: 13pt; margin-top: 1.6em; }
.meta, .small { color: #555; font-size: 9.5pt; }
.claim { border: 1px solid #ccc; border-radius: 4px; padding: .6em .9em; margin: .8em 0;
         page-break-inside: avoid; }
.status { font-weight: bold; text-transform: uppercase; font-size: 9pt; }
blockquote { margin: .3em 0 .3em 1em; color: #333; }
ul { padding-left: 1.2em; }
"""


def _link(label: str, url: str | None) -> str:
    href = safe_url(url)
    return f'<a href="{escape(href)}">{escape(label)}</a>' if href else escape(label)


def _who(entry: ClaimEntry) -> str:
    c = entry.claim
    if c.kind is ClaimKind.QUOTE:
        return f"quote by {c.speaker or 'unknown speaker'}"
    return f"number: {claim_value(c)}" + (f" ({c.about})" if c.about else "")


def _summary_list(title: str, entries: list[tuple[int, ClaimEntry]], anchor: str) -> str:
    items = "".join(f'<li><a href="#{escape(anchor)}-{i}">“{escape(e.claim.text)}”</a> — '
                    f"{escape(_who(e))}</li>" for i, e in entries)
    body = f"<ul>{items}</ul>" if entries else '<p class="small">none</p>'
    return f"<h2>{escape(title)} ({len(entries)})</h2>{body}"


def _cited(entry: ClaimEntry) -> str:
    if not entry.review.cited:
        return '<p class="small">No evidence cited.</p>'
    items = []
    for c in entry.review.cited:
        source = ", ".join(x for x in (c.get("outlet"), shown_date(c.get("published"))) if x)
        items.append(f"<li>{_link(c.get('title') or 'untitled', c.get('url'))} "
                     f'<span class="small">({escape(source)}; '
                     f"{escape(str(c.get('relation') or '').replace('_', ' '))})</span>"
                     f"<blockquote>{escape(c.get('passage') or '')}</blockquote></li>")
    return f"<p>Cited evidence:</p><ul>{''.join(items)}</ul>"


def _weight(entry: ClaimEntry) -> str:
    c = entry.claim
    parts = []
    if c.confirmations:
        parts.append(f"{c.confirmations['independent']} independent confirmation(s), "
                     f"{c.confirmations['copies']} copies")
    if c.first_seen:
        doc = c.first_seen["document"]
        parts.append(f"first seen: {doc.get('outlet') or doc.get('title')}, "
                     f"{shown_date(c.first_seen['published'])}")
    counts: dict[str, int] = {}
    for ev in c.evidence:
        counts[str(ev.relation)] = counts.get(str(ev.relation), 0) + 1
    parts.append(", ".join(f"{n} {r.replace('_', ' ')}" for r, n in counts.items())
                 or "no evidence")
    selfish = sorted({f"{ev.document.outlet or ev.document.title} ("
                      + "; ".join(f"{p['first']} vs {p['second']}" for p in ev.self_conflicts)
                      + ")" for ev in c.evidence if ev.self_conflict})
    if selfish:
        parts.append("contradicting itself: " + ", ".join(selfish))
    stale = sorted({f"{ev.document.outlet or ev.document.title} ({ev.time_scope['reason']})"
                    for ev in c.evidence if ev.stale and ev.time_scope})
    if stale:  # issue 13 §4
        parts.append("stale: " + ", ".join(stale))
    if c.time_scope:
        parts.append(f"time of the claim: {c.time_scope['text']} ({c.time_scope['start']}"
                     + (f" – {c.time_scope['end']}" if c.time_scope["end"] != c.time_scope["start"]
                        else "") + ")")
    return f'<p class="small">{escape(" · ".join(parts))}</p>'


def _claim(entry: ClaimEntry, anchors: list[str]) -> str:
    review = entry.review
    ids = "".join(f'<a id="{escape(a)}"></a>' for a in anchors)
    by = f" by {escape(review.reviewer)}" if review.reviewer else ""
    note = f"<p>{escape(review.note)}</p>" if review.note else ""
    return (f'<div class="claim">{ids}<p><span class="status">{escape(str(review.status))}'
            f"</span>{by} · {escape(_who(entry))}</p>"
            f"<blockquote>“{escape(entry.claim.text)}”</blockquote>{note}{_weight(entry)}"
            f"{timeline_svg(entry.claim)}{_cited(entry)}</div>")


def to_html(report: ArticleReport) -> str:
    """The whole report page."""
    a = report.article
    lists = (("Claims with no supporting evidence", report.unsupported, "unsupported"),
             ("Conflicts", report.conflicts, "conflict"),
             ("Misattributions", report.misattributions, "misattributed"))
    anchors: dict[int, list[str]] = {}
    summary = []
    for title, entries, name in lists:
        numbered = []
        for i, entry in enumerate(entries):
            anchors.setdefault(id(entry), []).append(f"{name}-{i}")
            numbered.append((i, entry))
        summary.append(_summary_list(title, numbered, name))
    meta = " · ".join(escape(x) for x in (a.outlet or "unknown outlet", shown_date(a.published)))
    claims = "".join(_claim(e, anchors.get(id(e), [])) for e in report.entries)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Editor report: {escape(a.title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{_link(a.title, a.url)}</h1><p class=\"meta\">{meta} · matched against "
        f"{escape(', '.join(report.sets) or 'no set')}</p>"
        f"{''.join(summary)}<h2>Every claim ({len(report.entries)})</h2>{claims}</body></html>"
    )


def editor_page(store: Store, doc_id: int, *, sets: Sequence[str] | None = None) -> str:
    """The editor report page of a stored article, built now (reviews as saved)."""
    return to_html(article_report(store, doc_id, sets=sets))
