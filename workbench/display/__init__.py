"""What the pages show, as pure functions: escaped Markdown, labels, values and tables.

    markdown.py   md_escape, highlight, diff_markdown, link_markdown: untrusted text, inert
    values.py     numbers with units, ratios, timestamps
    labels.py     one-line labels for selectboxes and counts
    tables.py     the DataFrames the pages show
    panels.py     the review card's Markdown (claim details, evidence, conflict warning)
    evidence.py   the card's copies, confirmations, first appearance, timeline, why

Nothing here imports Streamlit, touches a database or decides a verdict.
"""

from .labels import (
    RELATION_COLOURS,
    RELATION_ORDER,
    best_score,
    claim_label,
    document_label,
    evidence_label,
    evidence_summary,
    partition_progress,
    progress_fraction,
    relation_label,
    speaker_or_value,
    unique_labels,
)
from .markdown import diff_markdown, highlight, link_markdown, md_escape, paragraph_around, safe_url
from .panels import (
    claim_details,
    conflict_message,
    evidence_findings,
    evidence_header,
    evidence_passage,
    matched_words,
)
from .tables import claims_table, history_table, rejected_table, report_table, sets_table
from .values import (
    claim_value,
    date_part,
    describe_value,
    format_number,
    format_time,
    ratio_text,
    with_unit,
)

__all__ = [
    "RELATION_COLOURS", "RELATION_ORDER", "best_score", "claim_details", "claim_label",
    "claim_value", "claims_table", "conflict_message", "date_part", "describe_value",
    "diff_markdown", "document_label", "evidence_findings", "evidence_header", "evidence_label",
    "evidence_passage", "evidence_summary", "format_number", "format_time", "highlight",
    "history_table", "link_markdown", "matched_words", "md_escape", "paragraph_around",
    "partition_progress", "progress_fraction", "ratio_text", "rejected_table", "relation_label",
    "report_table",
    "safe_url", "sets_table", "speaker_or_value", "unique_labels", "with_unit",
]
