"""The reading limits of one upload, folder or archive, and the budget spent so far.

Limits come from the settings (``WORKBENCH_MAX_*`` environment variables) when a
read starts, so a test or an admin can lower them without touching code. A
``Budget`` is shared by everything read from one upload: nested archives draw on
the same byte and member allowance, which bounds the work any single upload can
cause.

This module does not read anything itself and does not decide what is a zip bomb:
the archive reader asks it whether the bytes it is about to read still fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import settings
from ..errors import LimitExceeded

MB = 1024 * 1024


def _mb(n: float) -> str:
    return f"{n / MB:.1f} MB" if n >= MB / 10 else f"{n} bytes"


@dataclass(frozen=True, slots=True)
class Limits:
    """Sizes in bytes; read from the settings by ``from_settings``."""

    file_bytes: int
    total_bytes: int
    zip_members: int
    zip_ratio: float
    zip_depth: int
    csv_columns: int
    document_chars: int = 2 * MB

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            file_bytes=int(float(settings.get("max_file_mb")) * MB),
            total_bytes=int(float(settings.get("max_total_mb")) * MB),
            zip_members=int(settings.get("max_zip_members")),
            zip_ratio=float(settings.get("max_zip_ratio")),
            zip_depth=int(settings.get("max_zip_depth")),
            csv_columns=int(settings.get("max_csv_columns")),
            document_chars=int(float(settings.get("max_document_mb")) * MB),
        )

    def check_file(self, name: str, size: int) -> None:
        """LimitExceeded when one file (or member) is larger than max_file_mb."""
        if size > self.file_bytes:
            raise LimitExceeded(
                name,
                f"file is larger than the limit of {_mb(self.file_bytes)} "
                "(raise WORKBENCH_MAX_FILE_MB to read it)",
            )


    def check_document(self, name: str, chars: int, row: int | None = None) -> None:
        """LimitExceeded when one document's text is longer than max_document_mb: it
        is refused at once rather than stalling the load for minutes."""
        if chars > self.document_chars:
            raise LimitExceeded(
                name,
                f"its text ({_mb(chars)}) is longer than the {_mb(self.document_chars)} one "
                "document may have; extraction takes about a minute per 2 MB on one core "
                "(split the text, or raise WORKBENCH_MAX_DOCUMENT_MB to wait for it)",
                row,
            )


@dataclass(slots=True)
class Budget:
    """Bytes and archive members used so far by one upload, folder or archive."""

    limits: Limits
    bytes_read: int = 0
    members: int = 0

    @property
    def exhausted(self) -> bool:
        return self.bytes_read > self.limits.total_bytes

    def spend_bytes(self, name: str, n: int) -> None:
        """Count ``n`` more bytes; LimitExceeded once the total passes max_total_mb."""
        self.bytes_read += n
        if self.bytes_read > self.limits.total_bytes:
            raise LimitExceeded(
                name,
                f"stopped here: more than {_mb(self.limits.total_bytes)} read in total "
                "(raise WORKBENCH_MAX_TOTAL_MB or load fewer files at once)",
            )

    def spend_member(self, name: str) -> None:
        """Count one more archive member; LimitExceeded past max_zip_members."""
        self.members += 1
        if self.members > self.limits.zip_members:
            raise LimitExceeded(
                name,
                f"stopped here: more than {self.limits.zip_members} archive members "
                "(raise WORKBENCH_MAX_ZIP_MEMBERS or split the archive)",
            )


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the caller asked for, carried down to every reader."""

    source_set: str | None = None
    columns: dict[str, str] | None = None
    limits: Limits = field(default_factory=Limits.from_settings)
    # Only these member names of a top-level zip (a Dask partition of one archive).
    members: frozenset[str] | None = None
