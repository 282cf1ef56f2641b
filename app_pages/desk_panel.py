"""The live desk on the Review page: the poll that brings colleagues' changes in,
presence, finalise/reopen for editors and assigning claims. Imported by
``app_pages/review.py`` and ``app_pages/_review_card.py`` (not a page of its own); the
logic is ``workbench.desk``, ``workbench.review_card``,
``workbench.verdicts`` and ``workbench.desk_views``."""

from __future__ import annotations

import time

import streamlit as st

import workbench
from workbench import desk, desk_views
from workbench.display import md_escape
from workbench.review_card import ReviewCard
from workbench.verdicts import versions

ss = st.session_state


def me() -> str:
    """How the desk names this session's person (e-mail when signed in)."""
    return desk.who(ss.desk.identity, ss.get("reviewer") or "")


def present_now(keys: list[str]) -> dict[str, list[str]]:
    """Who else is on which of ``keys``; remembered, so the poll sees a change."""
    found = desk.present(ss.store, keys, exclude=me())
    ss._presence_sig = desk_views.presence_signature(found)
    return found


def hold_claim(key: str) -> None:
    """In a fragment's run (the poll, the card), keep the claim the page drew (``key``).

    The browser sends its widget values with every request, and a request sent before it
    drew the page's new claim (J, a row) carries the old pick back; only J/K, a row or
    the claim box (which reruns the page) choose a claim, and those say so in
    ``claim_chosen``."""
    if ss.get("claim") != key and ss.get("claim_chosen") != ss.get("claim"):
        ss.claim = key


@st.fragment(run_every=desk_views.live_seconds())
def live(key: str, keys: list[str]) -> None:
    """Every ``live_seconds``: touch this claim (every few seconds), read its version and who
    is on the claims shown; anything new reruns the page, which draws it."""
    if desk_views.live_seconds() is None:
        return
    hold_claim(key)
    person, now = me(), time.time()
    if person and (ss.get("_touched_key") != key
                   or now - ss.get("_touched_at", 0.0) >= desk.HEARTBEAT_SECONDS):
        desk.touch(ss.store, key, person, ss.get("reviewer") or person, at=now)
        ss._touched_key, ss._touched_at = key, now
    card = ss.get("cards", {}).get(key)
    changed = card is not None and card.conflict is None and \
        versions(ss.store, [key])[key] != card.base.version
    moved = desk_views.presence_signature(
        desk.present(ss.store, keys, exclude=person)) != ss.get("_presence_sig")
    if changed or moved:
        st.rerun()


def decision(card: ReviewCard) -> None:
    """Finalise (locks the verdict) or reopen: shown to editors, checked by the library."""
    key, base = card.key, card.base
    if base.final:
        st.info(md_escape(desk_views.final_line(base)))
    if not ss.desk.can(workbench.Role.editor) or not base.version:
        return
    if base.final:
        st.button("Reopen", key=f"reopen_{key}", on_click=_decide, args=(key, False))
    elif str(base.status) != str(workbench.Status.UNREVIEWED):
        st.button("Finalise verdict", key=f"finalise_{key}", on_click=_decide,
                  args=(key, True), help="Locks the verdict: no one can change it until an "
                  "editor reopens it.")


def _decide(key: str, final: bool) -> None:
    card = ss.cards[key]
    act = workbench.finalise_review if final else workbench.reopen_review
    try:
        saved = act(ss.store, key, expected_version=card.base.version,
                    identity=ss.desk.identity, reviewer=ss.get("reviewer") or "")
    except workbench.StaleReview as exc:
        card.decided(exc.current)
        card.refused = str(exc)
    except (workbench.WorkbenchError, ValueError) as exc:
        card.refused = str(exc)
        return
    else:
        card.decided(saved)
    status, note, _ = card.widget_keys
    ss[status], ss[note] = card.shown.status, card.shown.note


def assign_panel(keys: list[str], labels: dict[str, str]) -> None:
    """Editors: give the chosen claims to a reviewer (or take them back)."""
    if not ss.desk.can(workbench.Role.editor):
        return
    with st.expander("Assign claims"):
        st.multiselect("Claims", keys, key="assign_claims", format_func=labels.get,
                       placeholder="choose the claims to assign")
        if ss.desk.identity is None:
            st.text_input("To (name)", key="assign_to", placeholder="a reviewer's name")
        else:
            people = [u.email for u in workbench.list_users(ss.store) if u.role and u.email]
            st.selectbox("To", people, key="assign_to")
        left, right = st.columns(2)
        left.button("Assign", key="assign", on_click=_assign, args=(True,), type="primary")
        right.button("Unassign", key="unassign", on_click=_assign, args=(False,))
        if ss.get("assign_done"):
            st.caption(md_escape(ss.pop("assign_done")))


def _assign(give: bool) -> None:
    chosen = list(ss.get("assign_claims") or [])
    if not chosen:
        ss.assign_done = "Choose at least one claim first."
        return
    to = (ss.get("assign_to") or "") if give else None
    try:
        n = desk.assign(ss.store, chosen, to, identity=ss.desk.identity, by=me())
    except workbench.WorkbenchError as exc:
        ss.assign_done = str(exc)
        return
    ss.assign_claims = []
    ss.assign_done = f"{n} claim{'s' * (n != 1)} " + (f"assigned to {to}" if to else "unassigned")
