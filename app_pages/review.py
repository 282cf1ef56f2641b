"""Review: pick an article and the sets to match against, then review its claims one by one.

Every change to a review is saved at once with the version it was based on; if someone
else saved in between, their review is shown and nothing is overwritten. The filters
live in the page address, so a link opens the same view. The card is
``_review_card.py``; the keys are ``workbench.keyboard``'s.
"""

import streamlit as st

import workbench
from app_pages import desk_panel
from app_pages._review_card import review_card
from workbench import desk, desk_views, display, keyboard, settings
from workbench.claim_filters import filter_claims
from workbench.review_card import set_status_of_many
from workbench.statements import features_text as statements_features

ss = st.session_state
store = ss.store


def remember(key: str, default) -> None:
    """Give a widget its value from the last visit (or ``default``) before it is drawn;
    Streamlit forgets widget values when the user switches pages."""
    if key not in ss:
        ss[key] = ss.get("_" + key, default)


def keep(key: str) -> None:
    ss["_" + key] = ss[key]


def add_article() -> None:
    upload, text = ss.get("new_file"), (ss.get("new_text") or "").strip()
    title = (ss.get("new_title") or "").strip()
    ss.add_error = None
    if upload is None and not text:
        ss.add_error = "Paste the article's text or choose a file first."
        return
    name, data = (upload.name, upload.getvalue()) if upload else ("pasted.txt", text.encode())
    try:
        doc = workbench.read_article(name, data)
        if title:
            doc.title = title
        doc = workbench.add_article(store, doc, pipeline=ss.pipeline, identity=ss.desk.identity)
    except (workbench.WorkbenchError, ValueError) as exc:
        ss.add_error = f"Could not add the article: {exc}"
        return
    ss.doc = ss._doc = doc.id
    ss.new_text, ss.new_title = "", ""


def promote(key: str) -> None:
    """Issue 13 §7: a check-worthy statement becomes a claim under review."""
    try:
        workbench.save_review(store, ss.statements_by_key[key], status="needs follow-up",
                              reviewer=ss.get("reviewer") or "", expected_version=0,
                              article=ss.article, identity=ss.desk.identity)
    except workbench.StaleReview:
        pass  # a colleague promoted it first: it is a claim under review all the same
    except workbench.NotAllowed as exc:
        ss.promote_error = str(exc)
        return
    ss.claim = ss._claim = ss.claim_chosen = key


def pick_from_table() -> None:
    """Rows picked in the table: one opens that claim; several are offered for one status."""
    rows = ss.claims_table["selection"]["rows"]
    keys = [ss.visible_claims[r] for r in rows if r < len(ss.visible_claims)]
    ss.selected_rows = keys
    if (keys and ss.claim not in keys) or len(keys) == 1:
        ss.claim = ss.claim_chosen = keys[-1]


def step(offset: int, drawing: int) -> None:
    """Next (+1) or previous (-1) claim of the list, stopping at either end; the same
    press dispatched again goes to the same claim (``keyboard.Presses``)."""
    visible = ss.visible_claims

    def target() -> str:
        at = visible.index(ss.claim) if ss.claim in visible else 0
        return visible[max(0, min(len(visible) - 1, at + offset))]

    ss.claim = ss.claim_chosen = ss.claim_presses.once(drawing, offset, target)
    ss.selected_rows = [ss.claim]


def apply_bulk() -> None:
    keys = [k for k in ss.get("selected_rows", []) if k in ss.claims_by_key]
    try:
        result = set_status_of_many(store, [ss.claims_by_key[k] for k in keys], ss.bulk_status,
                                    ss.bulk_note or "", reviewer=ss.get("reviewer") or "",
                                    article=ss.article, identity=ss.desk.identity)
    except workbench.NotAllowed as exc:
        ss.bulk_done = str(exc)
        return
    ss.bulk_done = (f"Set {ss.bulk_status} on {len(result.saved)} claim"
                    f"{'s' * (len(result.saved) != 1)}.")
    if result.refused:
        ss.bulk_done += (f" {len(result.refused)} changed by someone else meanwhile were left "
                         "as they are: open them to see.")
    if result.locked:
        ss.bulk_done += (f" {len(result.locked)} finalised verdict"
                         f"{'s were' if len(result.locked) != 1 else ' was'} left as "
                         f"{'they are' if len(result.locked) != 1 else 'it is'}.")
    ss.bulk_note = ""
    ss.selected_rows = [ss.claim]


# --- the article and the sets -------------------------------------------------------------
st.title("Review")
with st.expander("Paste or upload a new article"):
    st.text_input("Title", key="new_title", placeholder="taken from the text when left empty")
    st.text_area("Article text", key="new_text", height=160)
    st.file_uploader("…or an article file (txt, md, html)", key="new_file")
    st.button("Add article", on_click=add_article, key="add_article")
    if ss.get("add_error"):
        st.error(display.md_escape(ss.add_error))

documents = workbench.list_documents(store, with_text=False)
if not documents:
    st.info("No documents yet: load a set on the Sources page first.")
    st.stop()
labels = display.unique_labels({d.id: display.document_label(d) for d in documents})
articles = [d.id for d in documents if d.source_set == settings.get("articles_set")]
wanted = st.query_params.get("doc", "")
default_doc = int(wanted) if wanted.isdigit() and int(wanted) in labels else (articles or
                                                                               list(labels))[0]
remember("doc", default_doc)
if ss.doc not in labels:
    ss.doc = default_doc
names = [s.name for s in workbench.list_sets(store)]
remember("sets", workbench.default_sets(store))
ss.sets = [s for s in ss.sets if s in names]

left, right = st.columns([3, 2])
doc_id = left.selectbox("Article under review", list(labels), key="doc", format_func=labels.get)
sets = right.multiselect("Match against", names, key="sets",
                         placeholder="choose the sets to match against")
keep("doc")
keep("sets")
# Matching controls: the defaults are the settings; a change re-ranks at once.
remember("tolerance", round(float(settings.get("tolerance")) * 100))
remember("quote_min", int(float(settings.get("quote_min_score"))))
remember("window", int(settings.get("date_window_days")))
tol_col, quote_col, window_col = st.columns(3)
tol_col.slider("Tolerance (%)", 0, 50, key="tolerance",
               help="Relative difference under which two values support each other")
quote_col.slider("Quote threshold", 50, 100, key="quote_min",
                 help="Lowest wording score (0-100) for a passage to count as the same quote")
window_col.number_input("Date window (days, 0 = any)", 0, 3650, key="window",
                        help="Only evidence dated within this many days of the claim's time")
for key in ("tolerance", "quote_min", "window"):
    keep(key)
if not sets:
    st.info("Choose at least one set to match the article's claims against.")
with st.spinner("Matching the claims against the sources…"):
    article, claims = workbench.check_document(
        store, doc_id, sets=sets, tolerance=ss.tolerance / 100, quote_min_score=ss.quote_min,
        window_days=int(ss.window))
ss.article = article
statements = workbench.statements_of(store, article, claims, pipeline=ss.pipeline)
ss.statements_by_key = {s.key: s for s in statements}
reviews = workbench.reviews_for(store, [c.key for c in claims + statements])
claims = claims + [s for s in statements if reviews[s.key].version]  # promoted ones
if statements:
    with st.expander(f"Check-worthy statements ({len(statements)}): sentences with no quote "
                     "or number that state something checkable"):
        for s in statements:
            text, button = st.columns([5, 1])
            text.markdown(display.md_escape(s.text))
            text.caption(display.md_escape(statements_features(s)))
            if reviews[s.key].version:
                button.caption("under review")
            else:
                button.button("Promote to review", key=f"promote_{s.key}", on_click=promote,
                              args=(s.key,))
        if ss.get("promote_error"):
            st.error(display.md_escape(ss.pop("promote_error")))
if not claims:
    st.info("No quotes or numbers were found in this article.")
    st.stop()

# --- the claims table: filters in the address, one row or several picked ----------------------
kinds, statuses, relations, search = st.columns([1, 1, 1, 2])
for column, key, label, options in (
    (kinds, "kind", "Kind", [str(k) for k in workbench.ClaimKind]),
    (statuses, "status", "Status", [str(s) for s in workbench.Status]),
    (relations, "evidence", "Evidence", [str(r) for r in workbench.Relation]),
):
    column.multiselect(label, options, key=key, format_func=display.relation_label,
                       placeholder="any", bind="query-params")
search.text_input("Search claims and evidence", key="q", bind="query-params",
                  placeholder="words in the claim, its speaker or its sources")
visible = filter_claims(claims, reviews, kinds=ss.kind, statuses=ss.status,
                        relations=ss.evidence, search=ss.q)
assigned = desk.assignments(store, [c.key for c in claims])
remember("f_mine", False)
if st.toggle("My claims", key="f_mine", help="only the claims assigned to you"):
    mine = set(desk.mine([c.key for c in visible], assigned, desk_panel.me()))
    visible = [c for c in visible if c.key in mine]
keep("f_mine")
if not visible:
    st.info("No claim matches these filters.")
    st.stop()
ss.visible_claims = [c.key for c in visible]
ss.claims_by_key = {c.key: c for c in claims}
wanted = st.query_params.get("claim", "")
remember("claim", wanted if wanted in ss.visible_claims else ss.visible_claims[0])
if ss.claim not in ss.visible_claims:
    ss.claim = ss.visible_claims[0]
selected = [k for k in ss.get("selected_rows", []) if k in ss.visible_claims]
if ss.claim not in selected:
    selected = [ss.claim]
ss.selected_rows = selected
ss.claims_table = {"selection": {"rows": [ss.visible_claims.index(k) for k in selected],
                                 "columns": [], "cells": []}}
st.dataframe(
    desk_views.with_desk_columns(display.claims_table(visible, reviews),
                                 desk_panel.present_now(ss.visible_claims), assigned),
    key="claims_table", on_select=pick_from_table,
    selection_mode="multi-row", hide_index=True, placeholder="—",
    column_config={
        "kind": st.column_config.TextColumn(width=80),
        "claim": st.column_config.TextColumn(width=360),
        "speaker or value": st.column_config.TextColumn(width=160),
        "status": st.column_config.TextColumn(width=120),
        "best score": st.column_config.NumberColumn(format="%.0f", width=80),
        "evidence": st.column_config.TextColumn(width=240),
        "on it now": st.column_config.TextColumn(width=120),
        "assigned to": st.column_config.TextColumn(width=140),
    },
)
if ss.get("bulk_done"):
    st.success(display.md_escape(ss.pop("bulk_done")))
if len(selected) > 1:
    with st.form("bulk", border=True):
        st.markdown(f"**One status for the {len(selected)} selected claims** (each keeps its "
                    "cited evidence; the note is added below its own)")
        left, right = st.columns([1, 3])
        left.selectbox("Status", [str(s) for s in workbench.Status if s != "unreviewed"],
                       key="bulk_status")
        right.text_input("Note", key="bulk_note",
                         placeholder="e.g. all supported by the ministry transcript")
        st.form_submit_button(f"Set the status of {len(selected)} claims", on_click=apply_bulk,
                              type="primary")
claim_labels = display.unique_labels({c.key: display.claim_label(c, n)
                                      for n, c in enumerate(visible, start=1)})
pick, back, forward, keys = st.columns([6, 1.4, 1.1, 1], vertical_alignment="bottom")
claim_key = pick.selectbox("Claim", ss.visible_claims, key="claim",
                           format_func=claim_labels.get)
drawing = ss.setdefault("claim_presses", keyboard.Presses()).drawing()
back.button("Previous", key="previous_claim", shortcut=keyboard.PREVIOUS_CLAIM, on_click=step,
            args=(-1, drawing), width="stretch")
forward.button("Next", key="next_claim", shortcut=keyboard.NEXT_CLAIM, on_click=step,
               args=(1, drawing), width="stretch")
with keys.popover("Keys", width="stretch"):
    st.markdown(keyboard.help_markdown())
keep("claim")
ss.claim_chosen = None  # drawn: from here a fragment's run keeps it (desk_panel.hold_claim)
st.caption(f"{len(visible)} of {len(claims)} claims · select a row (several for one status), "
           "or pick the claim above")
if (st.query_params.get("doc"), st.query_params.get("claim")) != (str(doc_id), claim_key):
    # Only on a change: the backend's copy of the address can lag the filters the browser
    # has just written there, and sending it on every run could drop them.
    st.query_params.update(doc=str(doc_id), claim=claim_key)
desk_panel.assign_panel(ss.visible_claims, claim_labels)
review_card(claim_key)
desk_panel.live(claim_key, ss.visible_claims)
