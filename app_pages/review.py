"""Review: pick an article and the sets to match against, then review its claims one by one.

Every change to a review is saved at once with the version it was based on; if someone
else saved in between, their review is shown and nothing is overwritten.
"""

import streamlit as st

import workbench
from workbench import display, evidence_views, settings
from workbench.claim_filters import filter_claims
from workbench.review_card import ReviewCard, cited_labels

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
        doc = workbench.add_article(store, doc, pipeline=ss.pipeline)
    except (workbench.WorkbenchError, ValueError) as exc:
        ss.add_error = f"Could not add the article: {exc}"
        return
    ss.doc = ss._doc = doc.id
    ss.new_text, ss.new_title = "", ""


def pick_from_table() -> None:
    rows = ss.claims_table["selection"]["rows"]
    if rows:
        ss.claim = ss.visible_claims[rows[0]]


# --- the review card: a fragment, so editing a review reruns only the card -----------------
def card_of(key: str) -> ReviewCard:
    """The claim's card, kept for the session (one ``ReviewCard`` per claim)."""
    cards = ss.setdefault("cards", {})
    if key not in cards:
        cards[key] = ReviewCard.load(store, key)
        fill(cards[key])
    return cards[key]


def fill(card: ReviewCard) -> None:
    """Put what the card shows into its status and note widgets (before they are drawn)."""
    status, note, _ = card.widget_keys
    ss[status], ss[note] = card.shown.status, card.shown.note


def after(card: ReviewCard, saved: bool, status_before: str) -> None:
    if not saved:
        return  # a conflict: the widgets keep my values, the warning shows theirs
    fill(card)
    if str(card.base.status) != status_before:
        ss.status_changed = True  # the claims table shows statuses: rerun the whole page


def save(key: str) -> None:
    """Save the card's widgets (every change is saved at once)."""
    card, claim = ss.cards[key], ss.claims_by_key[key]
    status, note, cited = card.widget_keys
    before = str(card.base.status)
    fields = card.fields(claim, ss[status], ss[note], ss[cited])
    after(card, card.save(store, claim, fields, reviewer=ss.get("reviewer") or "",
                          article=ss.article), before)


def take_theirs(key: str) -> None:
    ss.cards[key].take_theirs()
    fill(ss.cards[key])


def reapply_mine(key: str) -> None:
    card, claim = ss.cards[key], ss.claims_by_key[key]
    before = str(card.base.status)
    after(card, card.reapply_mine(store, claim, reviewer=ss.get("reviewer") or "",
                                  article=ss.article), before)


@st.fragment
def review_card(key: str) -> None:
    if ss.pop("status_changed", False):
        st.rerun()
    claim, article = ss.claims_by_key[key], ss.article
    card = card_of(key)
    stored = workbench.get_review(store, key)
    if card.follow(stored):
        st.info(f"{display.md_escape(stored.reviewer or 'Someone')} updated this review "
                f"(version {stored.version}); showing their version.")
        fill(card)
    elif card.widget_keys[0] not in ss:  # Streamlit forgot the widgets (another page)
        fill(card)
    ss[card.widget_keys[2]] = cited_labels(card.options(claim), card.shown.cited)
    claim_column, evidence_column = st.columns([2, 3], gap="large")
    with claim_column:
        claim_panel(claim, article)
        review_controls(card, claim)
    with evidence_column:
        evidence_panel(claim)


def claim_panel(claim: workbench.Claim, article: workbench.Document) -> None:
    st.subheader("Claim")
    paragraph, start, end = display.paragraph_around(article.text, claim.start, claim.end)
    with st.container(border=True):
        st.markdown(display.highlight(paragraph, start, end))
        st.caption(display.md_escape(f"{article.title} — {article.outlet or 'unknown outlet'}"))
    st.markdown(display.claim_details(claim))


def review_controls(card: ReviewCard, claim: workbench.Claim) -> None:
    key, (status, note, cited) = card.key, card.widget_keys
    st.subheader("Your review")
    if card.conflict:
        st.warning(display.conflict_message(card.conflict.theirs, card.conflict.mine))
        left, right = st.columns(2)
        left.button("Take theirs", on_click=take_theirs, args=(key,), key=f"theirs_{key}")
        right.button("Re-apply mine on top", on_click=reapply_mine, args=(key,),
                     key=f"merge_{key}", type="primary")
    if not (ss.get("reviewer") or "").strip():
        st.caption("Tip: type your name as Reviewer in the sidebar; it is saved with your review.")
    st.selectbox("Status", [str(s) for s in workbench.Status], key=status,
                 on_change=save, args=(key,))
    st.text_area("Note", key=note, on_change=save, args=(key,), height=100,
                 placeholder="what you checked, whom you asked…")
    st.multiselect("Evidence cited", list(card.options(claim)), key=cited, on_change=save,
                   args=(key,), placeholder="choose the sources that back your verdict")
    base = card.base
    if card.conflict:
        pass  # the warning above says what is saved
    elif base.version:
        st.caption(display.md_escape(f"Saved: version {base.version}, "
                                     f"{display.format_time(base.updated_at)}, "
                                     f"by {base.reviewer or 'anonymous'}"))
    else:
        st.caption("Not reviewed yet: every change is saved at once.")
    events = workbench.history(store, key)
    with st.expander(f"History ({len(events)} change{'s' * (len(events) != 1)})"):
        st.dataframe(display.history_table(events), hide_index=True)


def evidence_panel(claim: workbench.Claim) -> None:
    st.subheader(f"Evidence ({display.evidence_summary(claim)})")
    if not claim.evidence:
        st.info("Nothing in the chosen sets bears on this claim.")
    evidence_weight(claim)
    for folded in evidence_views.fold_copies(claim.evidence):
        evidence = folded.evidence
        with st.container(border=True):
            st.markdown(display.evidence_header(evidence))
            st.markdown(display.evidence_passage(evidence))
            for line in display.evidence_findings(claim, evidence):
                st.markdown(line)
            for item in (evidence, *folded.copies):
                if warning := evidence_views.self_conflict_line(item):
                    st.markdown(warning)
            if copies := evidence_views.copies_line(folded):
                st.caption(copies)


def evidence_weight(claim: workbench.Claim) -> None:
    """Issue 13: independent confirmations and first appearance, above the evidence."""
    lines = [evidence_views.confirmations_line(claim), evidence_views.first_seen_line(claim)]
    if any(lines):
        st.markdown(" · ".join(x for x in lines if x))
    chart = evidence_views.timeline_chart(claim)
    if chart:
        frame, spec, undated = chart
        st.vega_lite_chart(frame, spec, width="stretch", alt="Timeline of the dated sources")
        if undated:
            st.caption(f"+{undated} undated source{'s' * (undated != 1)} not on the timeline")


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
if not sets:
    st.info("Choose at least one set to match the article's claims against.")
with st.spinner("Matching the claims against the sources…"):
    article, claims = workbench.check_document(store, doc_id, sets=sets)
reviews = workbench.reviews_for(store, [c.key for c in claims])
if not claims:
    st.info("No quotes or numbers were found in this article.")
    st.stop()

# --- the claims table -----------------------------------------------------------------------
kinds, statuses, relations = st.columns(3)
for column, key, label, options in (
    (kinds, "f_kind", "Kind", [str(k) for k in workbench.ClaimKind]),
    (statuses, "f_status", "Status", [str(s) for s in workbench.Status]),
    (relations, "f_relation", "Evidence", [str(r) for r in workbench.Relation]),
):
    remember(key, [])
    column.multiselect(label, options, key=key, format_func=display.relation_label,
                       placeholder="any")
    keep(key)
visible = filter_claims(claims, reviews, kinds=ss.f_kind, statuses=ss.f_status,
                              relations=ss.f_relation)
if not visible:
    st.info("No claim matches these filters.")
    st.stop()
ss.visible_claims = [c.key for c in visible]
ss.claims_by_key = {c.key: c for c in claims}
ss.article = article
wanted = st.query_params.get("claim", "")
remember("claim", wanted if wanted in ss.visible_claims else ss.visible_claims[0])
if ss.claim not in ss.visible_claims:
    ss.claim = ss.visible_claims[0]
ss.claims_table = {"selection": {"rows": [ss.visible_claims.index(ss.claim)], "columns": [],
                                 "cells": []}}
st.dataframe(
    display.claims_table(visible, reviews), key="claims_table", on_select=pick_from_table,
    selection_mode="single-row", hide_index=True, placeholder="—",
    column_config={
        "kind": st.column_config.TextColumn(width=80),
        "claim": st.column_config.TextColumn(width=360),
        "speaker or value": st.column_config.TextColumn(width=160),
        "status": st.column_config.TextColumn(width=120),
        "best score": st.column_config.NumberColumn(format="%.0f", width=80),
        "evidence": st.column_config.TextColumn(width=240),
    },
)
st.caption(f"{len(visible)} of {len(claims)} claims · select a row, or pick the claim below")
claim_labels = display.unique_labels({c.key: display.claim_label(c, n)
                                    for n, c in enumerate(visible, start=1)})
claim_key = st.selectbox("Claim", ss.visible_claims, key="claim", format_func=claim_labels.get)
keep("claim")
st.query_params.update(doc=str(doc_id), claim=claim_key)
review_card(claim_key)
