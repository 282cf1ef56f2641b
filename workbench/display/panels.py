"""The review card's Markdown: the claim's details, each piece of evidence, the conflict
warning. All untrusted text is escaped here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Claim, ClaimKind, Evidence, Relation
from .labels import RELATION_COLOURS, relation_label
from .markdown import diff_markdown, highlight, link_markdown, md_escape
from .values import claim_value, date_part, describe_value, format_time, with_unit

if TYPE_CHECKING:  # the card imports display: no cycle at run time
    from ..review_card import ReviewFields
    from ..verdicts import Review


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


def conflict_message(theirs: Review, mine: ReviewFields) -> str:
    """The warning shown when a save was refused because someone saved first."""
    return (
        f"**{md_escape(theirs.reviewer or 'Someone')}** saved this review while you were "
        f"editing (version {theirs.version}, {md_escape(format_time(theirs.updated_at))}): "
        "status "
        f"**{md_escape(str(theirs.status))}**, note “{md_escape(theirs.note)}”. "
        f"**Your change was not saved**: you had status **{md_escape(mine.status)}**, "
        f"note “{md_escape(mine.note)}”. Take theirs, or re-apply yours on top "
        "(the fields you changed win, cited evidence is combined)."
    )
