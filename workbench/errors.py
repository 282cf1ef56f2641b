"""The workbench's exceptions.

    WorkbenchError               base: anything the workbench raises on purpose
    ├── SourceError              a file, row or member cannot be read (name and row kept)
    │   └── LimitExceeded        a size, member, ratio or nesting limit was hit
    ├── PathNotAllowed           a server folder outside the allowed roots
    ├── NotFound                 no such set, document or claim
    └── StaleReview              a review was changed by someone else since it was read

Messages say what happened and how to fix it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .verdicts import Review


class WorkbenchError(Exception):
    """Base class of the workbench's own errors."""


class SourceError(WorkbenchError):
    def __init__(self, name: str, reason: str, row: int | None = None) -> None:
        self.name, self.reason, self.row = name, reason, row
        where = f"{name} (row {row})" if row is not None else name
        super().__init__(f"{where}: {reason}")


class LimitExceeded(SourceError):
    pass


class PathNotAllowed(WorkbenchError):
    pass


class NotFound(WorkbenchError):
    pass


class StaleReview(WorkbenchError):
    """Raised when saving a review whose version is no longer the current one.

    ``current`` holds the review as it is now, so the reviewer can see the other
    person's change and merge.
    """

    def __init__(self, current: Review) -> None:
        self.current = current
        super().__init__(
            f"{current.reviewer or 'someone'} changed this claim since you opened it "
            f"(now version {current.version}, status {current.status!s}); "
            "reload it and apply your change again"
        )
