"""Users (admins): who may do what on this desk. The library refuses these changes
to anyone but an admin; this page is only shown to admins."""

import pandas as pd
import streamlit as st

import workbench
from workbench.display import format_time, md_escape
from workbench.identity import Role, remove_user, set_role

ss = st.session_state
store, me = ss.store, ss.desk.identity
ROLES = [r.name for r in Role]


def add() -> None:
    try:
        user = workbench.add_user(store, ss.new_email, ss.new_role, by=me)
    except (workbench.WorkbenchError, ValueError) as exc:
        ss.users_error = str(exc)
        return
    ss.users_error, ss.new_email = None, ""
    ss.users_done = f"{user.email} is {user.role.name}"


def change(user_id: int, key: str) -> None:
    try:
        value = ss[key]
        if value == "remove":
            remove_user(store, user_id, by=me)
        else:
            set_role(store, user_id, None if value == "no role" else value, by=me)
        ss.users_error = None
    except (workbench.WorkbenchError, ValueError) as exc:
        ss.users_error = str(exc)


st.title("Users")
st.caption("Roles: reviewer (reviews, notes, cites) · editor (also finalises and reopens "
           "verdicts, assigns claims) · admin (also loads and deletes source sets, "
           "manages roles). People who sign in unannounced wait without a role.")
if ss.get("users_error"):
    st.error(md_escape(ss.users_error))
users = workbench.list_users(store)
st.dataframe(pd.DataFrame([{
    "e-mail": u.email, "name": u.name, "role": u.role.name if u.role else "no role",
    "last signed in": format_time(u.last_seen) if u.last_seen else "not yet",
} for u in users], columns=["e-mail", "name", "role", "last signed in"]), hide_index=True)

st.subheader("Change a role")
for u in users:
    key = f"role_{u.id}"
    ss[key] = u.role.name if u.role else "no role"
    st.selectbox(md_escape(u.email or u.subject or str(u.id)), [*ROLES, "no role", "remove"],
                 key=key, on_change=change, args=(u.id, key))

st.subheader("Add someone by e-mail")
left, right = st.columns([3, 1])
left.text_input("E-mail", key="new_email", placeholder="name@desk.example")
right.selectbox("Role", ROLES, key="new_role")
st.button("Add", on_click=add, key="add_user")
if ss.get("users_done"):
    st.success(md_escape(ss.pop("users_done")))
