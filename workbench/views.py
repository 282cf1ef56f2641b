"""What the Streamlit pages show, as pure functions: escaped Markdown, tables, labels.

Every piece of untrusted text (documents, quotes, notes, file names) that reaches
Markdown goes through ``md_escape`` here, so the pages never build Markdown from raw
text. Tables are pandas DataFrames (rendered as plain text by ``st.dataframe``).
This module imports no Streamlit, touches no database and decides no verdict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

import pandas as pd

from .match.wording import word_diff
from .models import Claim, ClaimKind, Document, Evidence, Rejected, Relation, Status
from .verdicts import cite

# Markdown and HTML specials, "$" (LaTeX), ":" (directives, emoji, autolinks), "&" (entities).
_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+\-.!|<>~$:&=\"'])")
_SPACE = re.compile(r"\s+")
# Codes Streamlit replaces in the parsed text, where escapes no longer count: an icon for
# ":material_name:", its logo for ":streamlit:". A word joiner after the colon stops them.
_TEXT_CODES = re.compile(r":(?=material_\w|streamlit:)")
RELATION_ORDER = tuple(Relation)
RELATION_COLOURS = {
    Relation.SUPPORTS: "green", Relation.VARIES: "orange", Relation.MISATTRIBUTED: "red",
    Relation.BOUND_ONLY: "violet", Relation.CONFLICTS: "red", Relation.RELATED: "gray",
}
_PREFIX_UNITS = {"Mach"}


def md_escape(text: str | None) -> str:
    """Text as inert inline Markdown: every special character backslash-escaped and
    whitespace runs (newlines too) folded to one space, so it cannot open a block;
    Streamlit's icon and logo codes are kept from turning into pictures."""
    text = _TEXT_CODES.sub(":\u2060", _SPACE.sub(" ", text or ""))
    # Streamlit also rewrites ":material/" to ":material_" in the source, escaped or not;
    # it leaves ":material\/" alone.
    return _SPECIAL.sub(r"\\\1", text).replace("\\:material/", "\\:material\\/")


def highlight(text: str, start: int, end: int, colour: str = "orange") -> str:
    """Escaped Markdown of ``text`` with ``text[start:end]`` on a coloured background."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start >= end:
        return md_escape(text)
    span = md_escape(text[start:end]).strip()
    if not span:
        return md_escape(text)
    before, after = md_escape(text[:start]), md_escape(text[end:])
    lead = " " if text[start:end][:1].isspace() else ""
    trail = " " if text[start:end][-1:].isspace() else ""
    return f"{before}{lead}:{colour}-background[{span}]{trail}{after}"


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The lines of ``text`` holding ``[start, end)``, with the span's offsets in them."""
    first = text.rfind("\n", 0, max(0, start)) + 1
    last = text.find("\n", max(start, end))
    last = len(text) if last == -1 else last
    return text[first:last], start - first, end - first


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


def speaker_or_value(claim: Claim) -> str:
    if claim.kind is ClaimKind.QUOTE:
        return claim.speaker or "(speaker unknown)"
    return claim_value(claim)


def relation_label(relation: Relation | str) -> str:
    return str(relation).replace("_", " ")


def evidence_summary(claim: Claim) -> str:
    """``2 supports · 1 conflicts``: evidence counted per relation, strongest first."""
    counts = Counter(e.relation for e in claim.evidence)
    parts = [f"{counts[r]} {relation_label(r)}" for r in RELATION_ORDER if counts[r]]
    return " · ".join(parts) or "no evidence"


def best_score(claim: Claim) -> float | None:
    """Highest score of the evidence that bears on the claim (``related`` aside)."""
    scores = [e.score for e in claim.evidence if e.relation is not Relation.RELATED]
    return round(max(scores), 1) if scores else None


def claims_table(claims: Sequence[Claim], reviews: dict) -> pd.DataFrame:
    """One row per claim, indexed by claim key, in the order given."""
    rows = [{
        "kind": str(c.kind), "claim": c.text, "speaker or value": speaker_or_value(c),
        "best score": best_score(c), "evidence": evidence_summary(c),
        "status": str(reviews[c.key].status) if c.key in reviews else str(Status.UNREVIEWED),
    } for c in claims]
    columns = ["kind", "claim", "speaker or value", "status", "best score", "evidence"]
    return pd.DataFrame(rows, columns=columns, index=pd.Index([c.key for c in claims], name="key"))


def filter_claims(claims: Iterable[Claim], reviews: dict, *, kinds: Iterable[str] = (),
                  statuses: Iterable[str] = (), relations: Iterable[str] = ()) -> list[Claim]:
    """Claims of the chosen kinds and statuses having evidence of any chosen relation;
    an empty choice means no filter."""
    kinds, statuses = set(map(str, kinds)), set(map(str, statuses))
    relations = set(map(str, relations))
    out = []
    for c in claims:
        status = str(reviews[c.key].status) if c.key in reviews else str(Status.UNREVIEWED)
        if kinds and str(c.kind) not in kinds or statuses and status not in statuses:
            continue
        if relations and not relations & {str(e.relation) for e in c.evidence}:
            continue
        out.append(c)
    return out


def claim_label(claim: Claim, number: int | None = None, width: int = 90) -> str:
    """One line for a selectbox: (row number,) kind, the words, who or how much."""
    text = f"{claim.kind} · “{claim.text}” — {speaker_or_value(claim)}"
    text = text if number is None else f"{number}. {text}"
    text = _SPACE.sub(" ", text)
    return text if len(text) <= width else text[: width - 1] + "…"


def document_label(doc: Document) -> str:
    return f"{doc.title} — {doc.outlet or 'unknown outlet'} ({doc.source_set})"


def unique_labels(labels: dict) -> dict:
    """The same labels, with `` (2)``, `` (3)``… added to repeats: a selectbox tells its
    options apart by label."""
    seen: Counter = Counter()
    out = {}
    for key, label in labels.items():
        seen[label] += 1
        out[key] = label if seen[label] == 1 else f"{label} ({seen[label]})"
    return out


def format_time(stamp: str | None) -> str:
    """``2026-03-15 10:04 UTC`` from an ISO timestamp; other text unchanged."""
    try:
        moment = datetime.fromisoformat(stamp or "")
    except ValueError:
        return stamp or ""
    if moment.utcoffset() is None or moment.utcoffset().total_seconds():
        return moment.isoformat(sep=" ", timespec="minutes")
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def date_part(published: str | None) -> str:
    return (published or "")[:10]


def describe_value(claim: Claim, evidence: Evidence) -> str | None:
    """``12,348 km/h vs claimed more than 3,200 km/h — 3.9× higher``; the evidence
    value in the claim's unit when the units convert linearly, else in SI."""
    if evidence.si_value is None or claim.si_value is None:
        return None
    linear = claim.value and claim.si_value and claim.dimension != "temperature"
    if linear:
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


def diff_markdown(claim_text: str, evidence_text: str) -> str:
    """The evidence's wording against the claim's: words only in the article struck
    through in red, words only in the source in bold green; all escaped."""
    parts = []
    for change in word_diff(claim_text, evidence_text):
        if change.op == "equal":
            parts.append(md_escape(change.evidence))
            continue
        if change.claim:
            parts.append(f":red[~~{md_escape(change.claim)}~~]")
        if change.evidence:
            parts.append(f":green[**{md_escape(change.evidence)}**]")
    return " ".join(parts)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL percent-encoded so it cannot break out of a Markdown link."""
    if not url or urlsplit(url.strip()).scheme.lower() not in {"http", "https"}:
        return None
    return quote(url.strip(), safe="/:?#@!&'*+,;=%~-._")


def link_markdown(label: str, url: str | None) -> str:
    href = safe_url(url)
    return f"[{md_escape(label)}]({href})" if href else md_escape(label)


def evidence_label(index: int, evidence: Evidence) -> str:
    doc = evidence.document
    where = ", ".join(x for x in (doc.outlet or doc.title, date_part(doc.published)) if x)
    return f"{index}. {relation_label(evidence.relation)} — {where}"


def cited_key(cited: dict) -> tuple:
    return (cited.get("title"), cited.get("passage"))


def review_fields(review) -> dict:
    """The parts of a review a reviewer edits."""
    return {"status": str(review.status), "note": review.note, "cited": list(review.cited)}


def merge_review(base: dict, mine: dict, theirs: dict) -> dict:
    """Three-way merge: each field I changed since ``base`` takes my value, the others
    keep theirs; cited evidence is the union of both."""
    merged = {k: mine[k] if mine[k] != base[k] else theirs[k] for k in ("status", "note")}
    cited = list(theirs["cited"])
    keys = {cited_key(c) for c in cited}
    removed = {cited_key(c) for c in base["cited"]} - {cited_key(c) for c in mine["cited"]}
    cited = [c for c in cited if cited_key(c) not in removed]
    cited += [c for c in mine["cited"] if cited_key(c) not in keys]
    merged["cited"] = cited
    return merged


def sets_table(summaries: Iterable) -> pd.DataFrame:
    return pd.DataFrame([{
        "name": s.name, "documents": s.documents, "outlets": ", ".join(s.outlets),
        "first published": date_part(s.first_published),
        "last published": date_part(s.last_published), "updated": format_time(s.updated_at),
    } for s in summaries], columns=["name", "documents", "outlets", "first published",
                                    "last published", "updated"])


def rejected_table(rejected: Iterable[Rejected]) -> pd.DataFrame:
    return pd.DataFrame([{"name": r.name, "row": r.row, "reason": r.reason} for r in rejected],
                        columns=["name", "row", "reason"]).astype({"row": "Int64"})


def history_table(events: Iterable) -> pd.DataFrame:
    return pd.DataFrame([{
        "when": format_time(e.at), "reviewer": e.reviewer, "from": e.old_status or "",
        "to": e.new_status, "note": e.note, "cited": len(e.cited), "version": e.version,
    } for e in events], columns=["when", "reviewer", "from", "to", "note", "cited", "version"])


def progress_fraction(done: int, expected: int) -> float:
    """Progress for a load whose document count is only estimated (zips, CSV rows):
    never 1.0 before the end, never going backwards."""
    if expected <= 0:
        return 0.0
    if done < expected:
        return done / expected * 0.9
    return min(0.99, 0.9 + 0.09 * (1 - expected / done))


def partition_progress(done: int, total: int, label: str) -> str:
    """The text under a progress bar over Dask partitions (CLI and Sources page)."""
    if not done:
        return f"0 of {total} partitions written"
    return f"{done} of {total} partitions written · {label}"


def count_files(folder) -> int:
    """How many files a server folder holds (an estimate for the progress bar)."""
    if folder is None:
        return 0
    return sum(1 for p in Path(folder).rglob("*") if p.is_file())


def report_table(report) -> pd.DataFrame:
    """What a load did to each document: added, updated or unchanged."""
    rows = [{"document": name, "outcome": outcome}
            for outcome in ("added", "updated", "unchanged")
            for name in getattr(report, outcome)]
    return pd.DataFrame(rows, columns=["document", "outcome"])


def cite_options(evidence: Sequence[Evidence], cited: Sequence[dict]) -> dict[str, dict]:
    """Choices for "evidence cited": label → what a review keeps (``cite``). Items cited
    earlier that are no longer among the evidence (set deleted, text changed) stay listed."""
    options = {evidence_label(i, e): cite(e) for i, e in enumerate(evidence, start=1)}
    known = {cited_key(c) for c in options.values()}
    for n, c in enumerate(cited, start=1):
        if cited_key(c) not in known:
            where = c.get("outlet") or c.get("title") or "unknown source"
            options[f"saved {n}. {relation_label(c.get('relation', ''))} — {where}"] = c
            known.add(cited_key(c))
    return options


def cited_labels(options: dict[str, dict], cited: Sequence[dict]) -> list[str]:
    wanted = {cited_key(c) for c in cited}
    return [label for label, c in options.items() if cited_key(c) in wanted]


def evidence_header(evidence: Evidence) -> str:
    """``:green-badge[supports] **Title** · Outlet · 2026-03-14 · score 93``, escaped."""
    doc, relation = evidence.document, evidence.relation
    colour = RELATION_COLOURS.get(relation, "gray")
    badge = f":{colour}-badge[{md_escape(relation_label(relation))}]"
    parts = [f"**{link_markdown(doc.title or 'untitled', doc.url)}**"]
    parts += [md_escape(x) for x in (doc.outlet, date_part(doc.published) or "undated") if x]
    parts.append(f"score {evidence.score:.0f}")
    return f"{badge} " + " · ".join(parts)


def evidence_passage(evidence: Evidence) -> str:
    """The passage, with the matched words highlighted (not for merely related ones)."""
    if evidence.relation is Relation.RELATED:
        return md_escape(evidence.passage)
    offset = evidence.passage_start
    return highlight(evidence.passage, evidence.start - offset, evidence.end - offset)


def matched_words(evidence: Evidence) -> str:
    offset = evidence.passage_start
    return evidence.quote or evidence.passage[evidence.start - offset:evidence.end - offset]


def claim_details(claim: Claim) -> str:
    """``**Speaker:** Elena Marsh · **Cue:** wrote on Telegram`` or the value in SI."""
    if claim.kind is ClaimKind.QUOTE:
        parts = [("Speaker", claim.speaker or "unknown"), ("Cue", claim.cue)]
    else:
        si = with_unit(claim.si_value, claim.si_unit, claim.si_value_max)
        value = claim_value(claim) + (f" (= {si})" if si and claim.si_unit != claim.unit else "")
        parts = [("Value", value), ("About", claim.about)]
    return " · ".join(f"**{name}:** {md_escape(value)}" for name, value in parts if value)


def evidence_findings(claim: Claim, evidence: Evidence) -> list[str]:
    """What the reviewer should look at in one piece of evidence, as Markdown lines:
    the changed words, both speakers, or both values and their ratio."""
    if evidence.relation is Relation.RELATED:
        return []
    if claim.kind is ClaimKind.NUMERIC:
        described = describe_value(claim, evidence)
        return [md_escape(described)] if described else []
    lines = []
    if evidence.relation is Relation.VARIES:
        lines.append("Wording: " + diff_markdown(claim.text, matched_words(evidence)))
    if evidence.relation is Relation.MISATTRIBUTED:
        lines.append(f"Speaker in the article: **{md_escape(claim.speaker or 'unknown')}** · "
                     f"here: **{md_escape(evidence.speaker or 'unknown')}**")
    elif evidence.speaker:
        lines.append(f"Speaker here: {md_escape(evidence.speaker)}")
    return lines


def conflict_message(theirs, mine: dict) -> str:
    """The warning shown when a save was refused because someone saved first."""
    return (
        f"**{md_escape(theirs.reviewer or 'Someone')}** saved this review while you were "
        f"editing (version {theirs.version}, {md_escape(format_time(theirs.updated_at))}): "
        "status "
        f"**{md_escape(str(theirs.status))}**, note “{md_escape(theirs.note)}”. "
        f"**Your change was not saved**: you had status **{md_escape(mine['status'])}**, "
        f"note “{md_escape(mine['note'])}”. Take theirs, or re-apply yours on top "
        "(the fields you changed win, cited evidence is combined)."
    )
