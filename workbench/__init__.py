"""The claim and quote verification workbench: the public API.

Load source sets, extract quotes and numeric claims, match them against the
other sources, review them and export the verdicts. The Streamlit app and the
CLI call only these names.
"""

from .corpus import add_article, default_sets, delete_set, open_store, seed_demo
from .errors import (
    Locked,
    NotAllowed,
    NotFound,
    PathNotAllowed,
    SourceError,
    StaleReview,
    WorkbenchError,
)
from .export import export_csv, export_json, export_rows, to_csv, to_json
from .extract import analyse
from .identity import Identity, Role, User, add_user, identity_from_claims, list_users, sign_in
from .ingest import IngestReport, ingest, ingest_paths, ingest_uploads, wants_dask
from .match import check_document, find_evidence
from .models import Claim, ClaimKind, Document, Evidence, Rejected, Relation, Status
from .nlp import load_pipeline
from .sources import read_article, read_path, read_upload, resolve_server_folder
from .statements import statements_of
from .store import Store
from .store.documents import get_document, list_documents, list_sets
from .verdicts import (
    Review,
    cite,
    finalise_review,
    get_review,
    history,
    reopen_review,
    reviews_for,
    save_review,
)

__all__ = [
    "Claim", "ClaimKind", "Document", "Evidence", "Identity", "IngestReport", "Locked",
    "NotAllowed", "NotFound", "PathNotAllowed", "Rejected", "Relation", "Review", "Role",
    "SourceError", "StaleReview", "Status", "Store", "User", "WorkbenchError", "add_article",
    "add_user", "analyse", "check_document", "cite", "default_sets", "delete_set",
    "export_csv", "export_json", "export_rows", "finalise_review", "find_evidence",
    "get_document", "get_review", "history", "identity_from_claims", "ingest", "ingest_paths",
    "ingest_uploads", "list_documents", "list_sets", "list_users", "load_pipeline",
    "open_store", "read_article", "read_path", "read_upload", "reopen_review",
    "resolve_server_folder", "reviews_for", "save_review", "seed_demo", "sign_in",
    "statements_of", "to_csv", "to_json", "wants_dask",
]
