"""The database: schema and connections (``db``), corpus rows (``documents``),
index lookups (``search``) and reviews (``reviews``). No SQL lives elsewhere."""

from .db import Store, integrity_ok

__all__ = ["Store", "integrity_ok"]
