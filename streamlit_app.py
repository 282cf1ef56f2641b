"""The workbench in the browser: page config, the shared sidebar and the pages.

The database and the spaCy pipeline are opened once per process (``st.cache_resource``)
and handed to the pages through ``st.session_state``; the pages call ``workbench.*``.
"""

from pathlib import Path

import streamlit as st

import workbench
from workbench import settings, signin
from workbench.display import md_escape
from workbench.store.db import redacted


@st.cache_resource(show_spinner="Opening the database (the first start loads the demo set)…")
def get_store(path: str) -> workbench.Store:
    """One store per database file; an empty database gets the demo set and article."""
    store = workbench.open_store(path)
    workbench.seed_demo(store)
    return store


@st.cache_resource(show_spinner="Loading the language pipeline…")
def get_pipeline(name: str):
    return workbench.load_pipeline(name)


# A file icon, served by the app itself: a ":material/…:" page icon is fetched from a CDN.
ICON = str(Path(__file__).parent / "assets" / "icon.png")
st.set_page_config(page_title="Claim workbench", page_icon=ICON, layout="wide")
pipeline = get_pipeline(settings.get("model"))
st.session_state.pipeline = pipeline
st.session_state.store = get_store(settings.db_path())

ss = st.session_state
if signin.configured(st.secrets):  # [auth] in .streamlit/secrets.toml: OpenID Connect
    if not st.user.is_logged_in:
        st.title("Claim workbench")
        st.write("This desk signs its reviewers in: every verdict carries who made it.")
        st.button("Sign in", on_click=st.login, type="primary", key="sign_in")
        st.stop()
    ss.desk = signin.session(ss.store, st.user.to_dict(), first_run="desk" not in ss)
    ss.reviewer = ss.desk.identity.label
else:
    ss.desk = signin.Session(None)

with st.sidebar:
    if ss.desk.identity is None:
        st.text_input("Reviewer", key="reviewer", placeholder="your name",
                      bind="query-params",
                      help="Saved with every review you make (and kept in the page address).")
        st.caption(signin.NOT_VERIFIED)
    else:
        role = ss.desk.role.name if ss.desk.role else "no role"
        who = ss.desk.identity
        st.markdown(f"Signed in as **{md_escape(who.label)}** "
                    f"({md_escape(who.email or who.subject)}) · {role}")
        st.button("Sign out", on_click=st.logout, key="sign_out")
        if ss.desk.role is None:
            st.warning(signin.NO_ROLE)
    st.caption(f"Pipeline: `{pipeline.name}`")
    if pipeline.warning:
        st.warning(pipeline.warning)
    st.caption(f"Database: {md_escape(redacted(settings.db_path()))}")

pages = [
    st.Page("app_pages/sources.py", title="Sources", icon=":material/library_books:"),
    st.Page("app_pages/review.py", title="Review", icon=":material/rate_review:"),
    st.Page("app_pages/export.py", title="Export", icon=":material/download:"),
]
if ss.desk.identity is not None and ss.desk.can(workbench.Role.admin):
    pages.append(st.Page("app_pages/users.py", title="Users", icon=":material/group:"))
page = st.navigation(pages)
page.run()
