"""Review: pick an article and the sets to match against, then review its claims one by one.

Every change to a review is saved at once with the version it was based on; if someone
else saved in between, their review is shown and nothing is overwritten.
"""

import streamlit as st

import workbench
from app_pages import desk_panel
from workbench import desk, desk_views, evidence_views, settings, views

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


def pick_from_table() -> None:
    rows = ss.claims_table["selection"]["rows"]
    if rows:
        ss.claim = ss.visible_claims[rows[0]]


# --- the review card: a fragment, so editing a review reruns only the card -----------------
def widget_keys(key: str) -> tuple[str, str, str]:
    """The card's widget keys; they change when a colleague's version is brought in
    (``refresh``), so a poll that carries the browser's previous values cannot fire
    a save of them."""
    gen = ss.get(f"gen_{key}", 0)
    suffix = f"_{gen}" if gen else ""
    return f"status_{key}{suffix}", f"note_{key}{suffix}", f"cited_{key}{suffix}"


def cited_now(key: str) -> list[dict]:
    """The evidence the reviewer has cited: theirs while a conflict is open, else saved."""
    conflict = ss.get(f"conflict_{key}")
    return conflict["mine"]["cited"] if conflict else ss[f"base_{key}"].cited


def cite_options(key: str) -> dict[str, dict]:
    """Labels of the "Evidence cited" choices; they number the evidence shown, so they
    are rebuilt from the saved citations on every render (the evidence may change)."""
    return views.cite_options(ss.claims_by_key[key].evidence, cited_now(key))


def show_review(key: str, review: workbench.Review) -> None:
    """Put a stored review into the card's widgets and remember its version."""
    status, note, _ = widget_keys(key)
    ss[status], ss[note] = str(review.status), review.note
    ss[f"base_{key}"] = review


def mine(key: str) -> dict:
    status, note, cited = widget_keys(key)
    options = cite_options(key)
    return {"status": ss[status], "note": ss[note], "cited": [options[x] for x in ss[cited]]}


def save(key: str, fields: dict | None = None, version: int | None = None) -> None:
    """Save the card's values (or ``fields``); on a conflict keep both sides for the
    reviewer to choose, never overwriting."""
    fields = fields or mine(key)
    base = ss[f"base_{key}"]
    if version is None and base.version and fields == views.review_fields(base):
        return  # nothing changed (a widget re-sent the value it shows): no new version
    try:
        saved = workbench.save_review(
            store, ss.claims_by_key[key], status=fields["status"], note=fields["note"],
            reviewer=ss.get("reviewer") or "", cited=fields["cited"],
            expected_version=base.version if version is None else version, article=ss.article,
            identity=ss.desk.identity)
    except workbench.StaleReview as exc:
        ss[f"conflict_{key}"] = {"theirs": exc.current, "mine": fields}
        return
    except (workbench.Locked, workbench.NotAllowed) as exc:  # refused: show what is saved
        ss[f"refused_{key}"] = str(exc)
        show_review(key, exc.current if isinstance(exc, workbench.Locked) else base)
        return
    ss.pop(f"conflict_{key}", None)
    ss.pop(f"refused_{key}", None)
    if saved.status != base.status:
        ss.status_changed = True  # the claims table shows statuses: rerun the whole page
    show_review(key, saved)


def take_theirs(key: str) -> None:
    show_review(key, ss.pop(f"conflict_{key}")["theirs"])


def reapply_mine(key: str) -> None:
    conflict = ss[f"conflict_{key}"]
    theirs = conflict["theirs"]
    merged = views.merge_review(views.review_fields(ss[f"base_{key}"]), conflict["mine"],
                                views.review_fields(theirs))
    ss[f"base_{key}"] = theirs
    save(key, merged, version=theirs.version)


@st.fragment
def review_card(key: str) -> None:
    if ss.pop("status_changed", False):
        st.rerun()
    claim, article = ss.claims_by_key[key], ss.article
    stored = workbench.get_review(store, key)
    base = ss.get(f"base_{key}")
    conflict = ss.get(f"conflict_{key}")
    if base is None or widget_keys(key)[0] not in ss or (
            conflict is None and stored.version != base.version):
        if base is not None and stored.version != base.version:
            st.info(f"{views.md_escape(stored.reviewer or 'Someone')} updated this review "
                    f"(version {stored.version}); showing their version.")
            ss[f"gen_{key}"] = ss.get(f"gen_{key}", 0) + 1  # fresh widgets for their values
        show_review(key, stored)
    ss[widget_keys(key)[2]] = views.cited_labels(cite_options(key), cited_now(key))
    claim_column, evidence_column = st.columns([2, 3], gap="large")
    with claim_column:
        claim_panel(claim, article)
        review_controls(key, claim, conflict)
    with evidence_column:
        evidence_panel(claim)


def claim_panel(claim: workbench.Claim, article: workbench.Document) -> None:
    st.subheader("Claim")
    paragraph, start, end = views.paragraph_around(article.text, claim.start, claim.end)
    with st.container(border=True):
        st.markdown(views.highlight(paragraph, start, end))
        st.caption(views.md_escape(f"{article.title} — {article.outlet or 'unknown outlet'}"))
    st.markdown(views.claim_details(claim))


def review_controls(key: str, claim: workbench.Claim, conflict: dict | None) -> None:
    status, note, cited = widget_keys(key)
    base = ss[f"base_{key}"]
    st.subheader("Your review")
    if conflict:
        theirs, yours = conflict["theirs"], conflict["mine"]
        st.warning(views.conflict_message(theirs, yours))
        left, right = st.columns(2)
        left.button("Take theirs", on_click=take_theirs, args=(key,), key=f"theirs_{key}")
        right.button("Re-apply mine on top", on_click=reapply_mine, args=(key,),
                     key=f"merge_{key}", type="primary")
    if not (ss.get("reviewer") or "").strip():
        st.caption("Tip: type your name as Reviewer in the sidebar; it is saved with your review.")
    if ss.get(f"refused_{key}"):
        st.error(views.md_escape(ss[f"refused_{key}"]))
    locked = base.final or not ss.desk.can(workbench.Role.reviewer)
    st.selectbox("Status", [str(s) for s in workbench.Status], key=status,
                 on_change=save, args=(key,), disabled=locked)
    st.text_area("Note", key=note, on_change=save, args=(key,), height=100,
                 placeholder="what you checked, whom you asked…", disabled=locked)
    st.multiselect("Evidence cited", list(cite_options(key)), key=cited, on_change=save,
                   args=(key,), disabled=locked,
                   placeholder="choose the sources that back your verdict")
    desk_panel.decision(key, base)
    if conflict:
        pass  # the warning above says what is saved
    elif base.version:
        st.caption(views.md_escape(f"Saved: version {base.version}, "
                                   f"{views.format_time(base.updated_at)}, "
                                   f"by {base.reviewer or 'anonymous'}"))
    else:
        st.caption("Not reviewed yet: every change is saved at once.")
    events = workbench.history(store, key)
    with st.expander(f"History ({len(events)} change{'s' * (len(events) != 1)})"):
        st.dataframe(desk_views.history_table(events), hide_index=True)
        st.caption(views.md_escape(desk_views.who_changed(events)))


def evidence_panel(claim: workbench.Claim) -> None:
    st.subheader(f"Evidence ({views.evidence_summary(claim)})")
    if not claim.evidence:
        st.info("Nothing in the chosen sets bears on this claim.")
    evidence_weight(claim)
    for folded in evidence_views.fold_copies(claim.evidence):
        evidence = folded.evidence
        with st.container(border=True):
            st.markdown(views.evidence_header(evidence))
            st.markdown(views.evidence_passage(evidence))
            for line in views.evidence_findings(claim, evidence):
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
        st.error(views.md_escape(ss.add_error))

documents = workbench.list_documents(store, with_text=False)
if not documents:
    st.info("No documents yet: load a set on the Sources page first.")
    st.stop()
labels = views.unique_labels({d.id: views.document_label(d) for d in documents})
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
    column.multiselect(label, options, key=key, format_func=views.relation_label,
                       placeholder="any")
    keep(key)
visible = views.filter_claims(claims, reviews, kinds=ss.f_kind, statuses=ss.f_status,
                              relations=ss.f_relation)
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
ss.article = article
wanted = st.query_params.get("claim", "")
remember("claim", wanted if wanted in ss.visible_claims else ss.visible_claims[0])
if ss.claim not in ss.visible_claims:
    ss.claim = ss.visible_claims[0]
ss.claims_table = {"selection": {"rows": [ss.visible_claims.index(ss.claim)], "columns": [],
                                 "cells": []}}
st.dataframe(
    desk_views.with_desk_columns(views.claims_table(visible, reviews),
                                 desk_panel.present_now(ss.visible_claims), assigned),
    key="claims_table", on_select=pick_from_table,
    selection_mode="single-row", hide_index=True, placeholder="—",
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
st.caption(f"{len(visible)} of {len(claims)} claims · select a row, or pick the claim below")
claim_labels = views.unique_labels({c.key: views.claim_label(c, n)
                                    for n, c in enumerate(visible, start=1)})
claim_key = st.selectbox("Claim", ss.visible_claims, key="claim", format_func=claim_labels.get)
keep("claim")
st.query_params.update(doc=str(doc_id), claim=claim_key)
desk_panel.assign_panel(ss.visible_claims, claim_labels)
review_card(claim_key)
desk_panel.live(claim_key, ss.visible_claims)
