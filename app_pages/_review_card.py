"""The Review page's card for one claim (not a page of its own): a fragment, so editing a
review reruns only the card. The transitions are ``workbench.review_card.ReviewCard``'s;
this module only draws widgets and hands their values over (with the signed-in
identity: the library refuses finalised verdicts and people without the role).
"""

import streamlit as st

import workbench
from app_pages import desk_panel
from workbench import desk_views, display, keyboard
from workbench.display import evidence as evidence_views
from workbench.review_card import ReviewCard, ReviewFields, cited_key, cited_labels

ss = st.session_state


def card_of(key: str) -> ReviewCard:
    """The claim's card, kept for the session (one ``ReviewCard`` per claim)."""
    cards = ss.setdefault("cards", {})
    if key not in cards:
        cards[key] = ReviewCard.load(ss.store, key)
        fill(cards[key])
    return cards[key]


def fill(card: ReviewCard) -> None:
    """Put what the card shows into its status and note widgets (before they are drawn)."""
    status, note, _ = card.widget_keys
    ss[status], ss[note] = card.shown.status, card.shown.note


def _save(card: ReviewCard, fields: ReviewFields | None, *, typed: bool = False) -> None:
    """Save ``fields`` (or, with None, re-apply the refused change on top of theirs);
    ``typed`` when they come from the widgets themselves (``ReviewCard.save``)."""
    claim, before = ss.claims_by_key[card.key], str(card.base.status)
    who = {"reviewer": ss.get("reviewer") or "", "article": ss.article,
           "identity": ss.desk.identity}
    saved = (card.save(ss.store, claim, fields, typed=typed, **who) if fields is not None
             else card.reapply_mine(ss.store, claim, **who))
    if not saved:
        if card.refused:  # locked or no role: the widgets go back to what is stored
            fill(card)
            if str(card.base.status) != before:
                ss.status_changed = True
        return  # a conflict: the widgets keep my values, the warning shows theirs
    fill(card)
    if str(card.base.status) != before:
        ss.status_changed = True  # the claims table shows statuses: rerun the whole page


def save(key: str, generation: int) -> None:
    """Save the card's widgets (every change is saved at once). A change reported for
    widgets not on the page any more (another claim's card, or keys the card has since
    renewed) is the browser's stale copy, sent with a poll: it is not the reviewer's."""
    card = ss.cards[key]
    if ss.get("card_drawn") != key or generation != card.generation:
        return
    status, note, cited = card.widget_keys
    _save(card, card.fields(ss.claims_by_key[key], ss[status], ss[note], ss[cited]),
          typed=True)


def set_status(key: str, status: str, drawing: int) -> None:
    """A status key or button: the status changes, the note and citations stay."""
    card = ss.cards[key]
    shown = card.shown
    card.presses.once(drawing, ("status", status), lambda: _save(
        card, ReviewFields(status, ss.get(card.widget_keys[1], shown.note), shown.cited)))


def toggle_cite(key: str, index: int, drawing: int) -> None:
    """Cite evidence number ``index`` (1-based), or stop citing it."""
    ss.cards[key].presses.once(drawing, ("cite", index), lambda: _toggle_cite(key, index))


def _toggle_cite(key: str, index: int) -> None:
    card, claim = ss.cards[key], ss.claims_by_key[key]
    chosen = workbench.cite(claim.evidence[index - 1])
    shown = card.shown
    cited = [c for c in shown.cited if cited_key(c) != cited_key(chosen)]
    if len(cited) == len(shown.cited):
        cited.append(chosen)
    _save(card, ReviewFields(shown.status, ss.get(card.widget_keys[1], shown.note), cited))


def take_theirs(key: str) -> None:
    ss.cards[key].take_theirs()
    fill(ss.cards[key])


def reapply_mine(key: str) -> None:
    _save(ss.cards[key], None)


@st.fragment
def review_card(key: str) -> None:
    desk_panel.hold_claim(key)
    ss.card_drawn = key
    claim, article = ss.claims_by_key[key], ss.article
    card = card_of(key)
    stored = workbench.get_review(ss.store, key)
    if card.follow(stored):
        st.info(f"{display.md_escape(stored.reviewer or 'Someone')} updated this review "
                f"(version {stored.version}); showing their version.")
        fill(card)
    elif card.widget_keys[0] not in ss:  # Streamlit forgot the widgets (another page)
        fill(card)
    ss[card.widget_keys[2]] = cited_labels(card.options(claim), card.shown.cited)
    drawing = card.presses.drawing()
    claim_column, evidence_column = st.columns([2, 3], gap="large")
    with claim_column:
        claim_panel(claim, article)
        review_controls(card, claim, drawing)
    with evidence_column:
        evidence_panel(card, claim, drawing)
    if ss.pop("status_changed", False):
        st.rerun()  # after drawing the card, so the new status shows before the table's


def claim_panel(claim: workbench.Claim, article: workbench.Document) -> None:
    st.subheader("Claim")
    paragraph, start, end = display.paragraph_around(article.text, claim.start, claim.end)
    with st.container(border=True):
        st.markdown(display.highlight(paragraph, start, end))
        st.caption(display.md_escape(f"{article.title} — {article.outlet or 'unknown outlet'}"))
    st.markdown(display.claim_details(claim))
    if when := evidence_views.time_line(claim):
        st.markdown(when)


def locked(card: ReviewCard) -> bool:
    """The card's fields are disabled: a finalised verdict, or no reviewer role."""
    return card.locked or not ss.desk.can(workbench.Role.reviewer)


def status_buttons(card: ReviewCard, drawing: int) -> None:
    """One button per status, each with its key (Streamlit shows the key on the button)."""
    current = card.shown.status
    with st.container(horizontal=True, gap="small"):
        for status, shortcut in keyboard.STATUS_KEYS.items():
            st.button(str(status), key=f"set_{shortcut}_{card.key}", shortcut=shortcut,
                      on_click=set_status, args=(card.key, str(status), drawing),
                      type="primary" if current == str(status) else "secondary",
                      disabled=locked(card))


def review_controls(card: ReviewCard, claim: workbench.Claim, drawing: int) -> None:
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
    if card.refused:
        st.error(display.md_escape(card.refused))
    off = locked(card)
    status_buttons(card, drawing)
    st.selectbox("Status", [str(s) for s in workbench.Status], key=status,
                 on_change=save, args=(key, card.generation), disabled=off)
    st.text_area("Note", key=note, on_change=save, args=(key, card.generation), height=100,
                 placeholder="what you checked, whom you asked…", disabled=off)
    st.multiselect("Evidence cited", list(card.options(claim)), key=cited, on_change=save,
                   args=(key, card.generation), disabled=off,
                   placeholder="choose the sources that back your verdict")
    desk_panel.decision(card)
    base = card.base
    if card.conflict:
        pass  # the warning above says what is saved
    elif base.version:
        st.caption(display.md_escape(f"Saved: version {base.version}, "
                                     f"{display.format_time(base.updated_at)}, "
                                     f"by {base.reviewer or 'anonymous'}"))
    else:
        st.caption("Not reviewed yet: every change is saved at once.")
    events = workbench.history(ss.store, key)
    with st.expander(f"History ({len(events)} change{'s' * (len(events) != 1)})"):
        st.dataframe(desk_views.history_table(events), hide_index=True)
        st.caption(display.md_escape(desk_views.who_changed(events)))


def evidence_panel(card: ReviewCard, claim: workbench.Claim, drawing: int) -> None:
    """The evidence, copies of one story folded under it; each item keeps its number in
    the claim's evidence (the cite key and the "Evidence cited" label say the same)."""
    st.subheader(f"Evidence ({display.evidence_summary(claim)})")
    if not claim.evidence:
        st.info("Nothing in the chosen sets bears on this claim.")
    evidence_weight(claim)
    cited = {cited_key(c) for c in card.shown.cited}
    number = {id(e): i for i, e in enumerate(claim.evidence, start=1)}
    for folded in evidence_views.fold_copies(claim.evidence):
        evidence, index = folded.evidence, number[id(folded.evidence)]
        with st.container(border=True):
            head, button = st.columns([6, 1], vertical_alignment="center")
            head.markdown(f"**{index}.** " + display.evidence_header(evidence))
            is_cited = cited_key(workbench.cite(evidence)) in cited
            button.button("Cited" if is_cited else "Cite", key=f"cite{index}_{card.key}",
                          shortcut=keyboard.cite_key(index), on_click=toggle_cite,
                          args=(card.key, index, drawing), disabled=locked(card),
                          type="primary" if is_cited else "tertiary")
            st.markdown(display.evidence_passage(evidence))
            for line in display.evidence_findings(claim, evidence):
                st.markdown(line)
            if stale := evidence_views.stale_markdown(evidence):
                st.markdown(stale)
            for item in (evidence, *folded.copies):
                if warning := evidence_views.self_conflict_line(item):
                    st.markdown(warning)
            if why := evidence_views.why_text(evidence):
                st.caption("Why here: " + why)
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
