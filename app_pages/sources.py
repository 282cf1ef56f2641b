"""Sources: load a set from uploaded files, zips or a server folder; list and delete sets."""

import streamlit as st

import workbench
from workbench import display, settings
from workbench.sources import SUPPORTED_SUFFIXES, count_files

ss = st.session_state
store = ss.store
ss.setdefault("upload_generation", 0)


def load() -> None:
    """Read and store everything chosen in the form; the reports go to session state."""
    name = (ss.get("set_name") or "").strip()
    uploads = ss.get(f"uploads_{ss.upload_generation}") or []
    folder_text = (ss.get("server_folder") or "").strip()
    ss.load_error, ss.load_reports = None, []
    if not name:
        ss.load_error = "Give the set a name first."
        return
    if not uploads and not folder_text:
        ss.load_error = "Choose files (or a .zip) to upload, or type a server folder."
        return
    folder = None
    if folder_text:
        try:
            folder = workbench.resolve_server_folder(folder_text)
        except workbench.WorkbenchError as exc:
            ss.load_error = f"Cannot load that folder: {exc}"
            return
    ss.load_request = (name, [(f.name, f.getvalue()) for f in uploads], folder)
    ss.upload_generation += 1  # empties the uploader once the files are taken


def use_name(name: str) -> None:
    ss.set_name = name


def delete(name: str) -> None:
    try:
        n = workbench.delete_set(store, name, identity=ss.desk.identity)
    except workbench.NotAllowed as exc:
        ss.load_error = str(exc)
        return
    ss.deleted = f"Deleted the set “{name}” and its {n} documents."


st.title("Sources")
admin = ss.desk.can(workbench.Role.admin)  # the library refuses the others anyway
if not admin:
    st.info("Loading and deleting source sets is for the desk's admins.")
if admin:
    with st.container(border=True):
        st.subheader("Load a set")
        st.text_input("Set name", key="set_name", placeholder="e.g. Korval coverage",
                      help="Loading into an existing set re-loads it: changed documents are "
                           "updated, identical ones skipped, new ones added.")
        kinds = ", ".join(sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES))
        st.file_uploader(f"Files or .zip archives ({kinds})",
                         accept_multiple_files=True, key=f"uploads_{ss.upload_generation}")
        roots = ", ".join(str(r) for r in settings.allowed_roots())
        st.text_input("…or a folder on the server", key="server_folder",
                      placeholder="a folder under " + roots,
                      help=f"Only folders under these roots may be loaded: {roots}")
        st.button("Load", type="primary", on_click=load, key="load")

        if ss.get("load_error"):
            st.error(display.md_escape(ss.load_error))
        request = ss.pop("load_request", None)
        if request:
            name, uploads, folder = request
            bar = st.progress(0.0, text="Reading…")
            expected = len(uploads) + count_files(folder)

            def progress(n: float, label: str) -> None:  # n is fractional inside a long text
                bar.progress(display.progress_fraction(n, expected),
                             text=f"{int(n)} read · {display.md_escape(label)}")

            def partition_progress(done: int, total: int, label: str) -> None:
                bar.progress(done / total if total else 0.0,
                             text=display.md_escape(display.partition_progress(done, total, label)))

            kw = {"pipeline": ss.pipeline, "progress": progress, "identity": ss.desk.identity}
            if uploads:
                ss.load_reports.append(workbench.ingest_uploads(store, uploads, name, **kw))
            if folder is not None and workbench.wants_dask(count_files(folder)):
                from workbench.distributed import ingest_dask  # a long load: on the Dask engine

                bar.progress(0.0, text="Starting the Dask workers…")
                ss.load_reports.append(ingest_dask(store, [folder], name,
                                                   model=ss.pipeline.name,
                                                   progress=partition_progress,
                                                   identity=ss.desk.identity))
            elif folder is not None:
                ss.load_reports.append(workbench.ingest_paths(store, [folder], name, **kw))
            bar.empty()

        for report in ss.get("load_reports", []):
            message = display.md_escape(report.summary())
            if report.partitions:
                message += f" (on Dask, {report.partitions} partitions)"
            (st.warning if report.rejected or not report.loaded else st.success)(message)
            if report.rejected:
                st.markdown(f"**{len(report.rejected)} not loaded**, with the reason:")
                st.dataframe(display.rejected_table(report.rejected), hide_index=True,
                             placeholder="",
                             column_config={"name": st.column_config.TextColumn(width="medium"),
                                            "row": st.column_config.NumberColumn(width=60),
                                            "reason": st.column_config.TextColumn(width="large")})
            if report.loaded:
                with st.expander(f"{report.loaded} document{'s' * (report.loaded != 1)} loaded"):
                    st.dataframe(display.report_table(report), hide_index=True)

st.subheader("Sets")
summaries = workbench.list_sets(store)
if ss.get("deleted"):
    st.success(display.md_escape(ss.pop("deleted")))
if not summaries:
    st.info("No sets yet: load one above.")
    st.stop()
st.dataframe(display.sets_table(summaries), hide_index=True,
             column_config={"outlets": st.column_config.TextColumn(width="medium")})

if admin:
    with st.expander("Re-load or delete a set"):
        names = [s.name for s in summaries]
        chosen = st.selectbox("Set", names, key="manage_set")
        st.caption("To re-load a set, load files into it again under the same name: "
                   "changed documents are updated and reviews stay attached to their claims.")
        st.button("Use this name for loading", on_click=use_name, args=(chosen,))
        count = next(s.documents for s in summaries if s.name == chosen)
        confirmed = st.checkbox(f"Yes, delete “{display.md_escape(chosen)}” and its {count} "
                                "documents (reviews already saved are kept and still exported)",
                                key=f"confirm_delete_{chosen}")
        st.button("Delete set", disabled=not confirmed, on_click=delete, args=(chosen,),
                  key="delete_set")
