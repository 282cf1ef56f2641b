"""The workbench's exceptions.

    WorkbenchError               base: anything the workbench raises on purpose
    ├── SourceError              a file, row or member cannot be read (name and row kept)
    │   └── LimitExceeded        a size, member, ratio or nesting limit was hit
    ├── PathNotAllowed           a server folder outside the allowed roots
    ├── NotFound                 no such set, document or claim
    ├── StaleReview              a review was changed by someone else since it was read
    ├── NotAllowed               the signed-in user's role does not allow this
    └── Locked                   the verdict is finalised: an editor must reopen it

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


class NotAllowed(WorkbenchError):
    """Raised by the library (not only hidden in the UI) when a signed-in user asks
    for something outside their role."""

    def __init__(self, who: str, role: str | None, action: str, needs: str) -> None:
        self.who, self.role, self.action, self.needs = who, role, action, needs
        had = f"is {role}" if role else "has no role on this desk"
        super().__init__(f"{who} {had}: {action} needs the {needs} role "
                         "(an admin can change roles on the Users page or with "
                         "`python -m workbench users add EMAIL --role ROLE`)")


class Locked(WorkbenchError):
    """Raised when saving a finalised verdict; ``current`` is the locked review."""

    def __init__(self, current: Review) -> None:
        self.current = current
        super().__init__(f"this verdict was finalised by {current.finalised_by or 'an editor'} "
                         f"on {current.finalised_at}: an editor must reopen it before it changes")
