"""Export: preview the reviewed claims and download them as CSV, JSON or ClaimReview
JSON-LD; an article's editor report (findings, HTML, PDF)."""

import pandas as pd
import streamlit as st

import workbench
import workbench.export
from workbench import display, settings
from workbench.reports import article_report
from workbench.reports.claimreview import claim_reviews, to_jsonld
from workbench.reports.html import to_html
from workbench.reports.pdf import html_to_pdf

ss = st.session_state
store = ss.store

st.title("Export")
left, middle, right = st.columns([1, 1, 2])
include_all = left.toggle("Include unreviewed claims", key="export_all", persist_state="session",
                          help="Without a set chosen, only articles with at least one review "
                               "are exported.")
names = [s.name for s in workbench.list_sets(store)]
source_set = middle.selectbox("Set", names, index=None, key="export_set", persist_state="session",
                              placeholder="all sets", help="The set of the reviewed articles.")
statuses = right.multiselect("Status", [str(s) for s in workbench.Status], key="export_status",
                             placeholder="any status", persist_state="session")

rows = workbench.export_rows(store, include_all=include_all, source_set=source_set,
                             status=statuses or None)
st.caption(f"{len(rows)} claim{'s' * (len(rows) != 1)}")
if not rows:
    st.info("Nothing to export yet: review claims on the Review page, or include unreviewed "
            "claims.")
FIRST = ("status", "claim", "kind", "speaker", "value", "unit", "note", "reviewer",
         "reviewed_at", "article_title")
st.dataframe(pd.DataFrame(rows, columns=workbench.export.COLUMNS), hide_index=True,
             placeholder="", column_order=[*FIRST, *(c for c in workbench.export.COLUMNS
                                                    if c not in FIRST)],
             column_config={"claim": st.column_config.TextColumn(width="large"),
                            "note": st.column_config.TextColumn(width="medium")})
csv_column, json_column, _ = st.columns([1, 1, 4])
csv_column.download_button("Download CSV", workbench.export.to_csv(rows),
                           file_name="claims.csv", mime="text/csv", on_click="ignore",
                           icon=":material/download:", disabled=not rows)
json_column.download_button("Download JSON", workbench.export.to_json(rows),
                            file_name="claims.json", mime="application/json",
                            on_click="ignore", icon=":material/download:", disabled=not rows)
st.caption("The CSV opens safely in spreadsheets: text cells that would run as formulas are "
           "prefixed with an apostrophe. Several cited sources are separated by line breaks.")


def claimreview_download(source_set: str | None) -> None:
    """Issue 13: the verdicts as schema.org ClaimReview."""
    reviews = claim_reviews(store, source_set=source_set)
    st.download_button("Download ClaimReview JSON-LD", to_jsonld(reviews),
                       file_name="claimreview.json", mime="application/ld+json",
                       on_click="ignore", icon=":material/download:", disabled=not reviews,
                       help=f"{len(reviews)} verdict{'s' * (len(reviews) != 1)} with a rating")


def editor_report() -> None:
    """Issue 13: what an article still lacks, and its report as a page or a PDF."""
    st.subheader("Editor report")
    articles = workbench.list_documents(store, str(settings.get("articles_set")),
                                        with_text=False)
    if not articles:
        st.info("No article under review yet: add one on the Review page.")
        return
    labels = display.unique_labels({d.id: display.document_label(d) for d in articles})
    doc_id = st.selectbox("Article", list(labels), format_func=labels.get, key="report_doc")
    sets = workbench.default_sets(store)
    report = article_report(store, doc_id, sets=sets)
    st.caption(display.md_escape(
        f"{len(report.unsupported)} claims without supporting evidence · "
        f"{len(report.conflicts)} with conflicts · {len(report.misattributions)} "
        f"misattributed · matched against {', '.join(sets) or 'no set'}"))
    st.dataframe(pd.DataFrame(report.findings(),
                              columns=["finding", "kind", "claim", "speaker", "status"]),
                 hide_index=True, placeholder="", key="report_findings")
    page = to_html(report)
    html_column, pdf_column, _ = st.columns([1, 1, 3])
    html_column.download_button("Editor report (HTML)", page, file_name="editor-report.html",
                                mime="text/html", on_click="ignore", icon=":material/article:")
    pdf_column.download_button("Editor report (PDF)", lambda: html_to_pdf(page),
                               file_name="editor-report.pdf", mime="application/pdf",
                               on_click="ignore", icon=":material/picture_as_pdf:")


claimreview_download(source_set)
editor_report()
