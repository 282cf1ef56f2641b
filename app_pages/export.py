"""Export: preview the reviewed claims and download them as CSV or JSON."""

import pandas as pd
import streamlit as st

import workbench
import workbench.export

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
