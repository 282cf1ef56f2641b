"""The database behind one interface (``db``): SQLite (``sqlite``) or PostgreSQL
(``postgres``) by the target's URL, with numbered migrations (``migrate``). Corpus
rows (``documents``), index lookups (``search``, ``postings``) and reviews
(``reviews``) are written once for both; ``copy`` moves a database between them.
No SQL lives elsewhere."""

from .db import Store, integrity_ok

__all__ = ["Store", "integrity_ok"]
