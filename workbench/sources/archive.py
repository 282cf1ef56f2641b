"""Zip archives, read member by member with every limit enforced while reading.

Before opening: the end-of-central-directory record is read, and an archive declaring
more members than ``max_zip_members`` (or a central directory too large for that
many) is refused without parsing it. For each member, in archive order:

    directories, ``__MACOSX/`` and hidden files          skipped silently
    '..', absolute paths, drive letters, NUL in the name  Rejected (unsafe path)
    symlinks (S_IFLNK in external_attr), encryption       Rejected
    a name already seen                                   later copy Rejected
    an unsupported suffix                                 Rejected (before reading)
    declared size over max_file_mb or ratio over
    max_zip_ratio ("looks like a zip bomb")               Rejected (before reading)
    a nested zip deeper than max_zip_depth                Rejected (before reading)

Data is read in 64 KiB chunks; reading stops as soon as the member passes max_file_mb
or the ratio limit (declared sizes can lie) and the shared ``Budget`` counts every
byte and member, so the whole upload stops once max_total_mb or max_zip_members is
passed. The ratio is only judged for members above 1 MiB: small files cannot be
bombs, and short texts legitimately compress well.

``ReadOptions.members`` limits a top-level archive to some member names (one Dask
partition reads only its members; the checks above are the same).

This module never writes to disk (no extraction), never follows a symlink, and does
not parse member contents: ``read_member`` (the dispatcher) does.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import LimitExceeded, SourceError
from ..models import Document, Rejected
from .filenames import is_hidden, kind, member_display, unsafe_member, unsupported_reason
from .limits import MB, Budget, ReadOptions

ReadMember = Callable[[str, bytes, int], Iterator["Document | Rejected"]]
CHUNK = 65536
RATIO_FLOOR = MB


class _Refused(Exception):
    """A member is refused; the archive goes on."""


def _declared(fp: BinaryIO) -> tuple[int, int] | None:
    """(member count, central directory size) from the end record, or None if absent."""
    fp.seek(0, io.SEEK_END)
    size = fp.tell()
    span = min(size, 65536 + 22)
    fp.seek(size - span)
    tail = fp.read(span)
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(tail):
        return None
    count = int.from_bytes(tail[pos + 10:pos + 12], "little")
    cd_size = int.from_bytes(tail[pos + 12:pos + 16], "little")
    locator = tail[pos - 20:pos] if pos >= 20 else b""
    if locator[:4] == b"PK\x06\x07":  # zip64: the real figures are in its own record
        fp.seek(int.from_bytes(locator[8:16], "little"))
        record = fp.read(56)
        if record[:4] == b"PK\x06\x06":
            count = int.from_bytes(record[32:40], "little")
            cd_size = int.from_bytes(record[40:48], "little")
    return count, cd_size


def _open(name: str, source: bytes | Path, opts: ReadOptions, budget: Budget) -> zipfile.ZipFile:
    if isinstance(source, bytes) and not source:
        raise SourceError(name, "empty file")
    try:
        if isinstance(source, bytes):
            declared = _declared(io.BytesIO(source))
        else:
            with open(source, "rb") as fp:
                declared = _declared(fp)
        if declared is None:
            raise SourceError(name, "not a valid zip archive (no end record)")
        allowed = opts.limits.zip_members - budget.members
        if declared[0] > allowed or declared[1] > max(allowed, 1) * 4096:
            raise LimitExceeded(name, f"archive declares {declared[0]} members, more than the "
                                      f"{allowed} allowed (WORKBENCH_MAX_ZIP_MEMBERS)")
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise SourceError(name, f"not a valid zip archive ({exc})") from None


def _check_before(info: zipfile.ZipInfo, display: str, opts: ReadOptions, depth: int) -> None:
    limits = opts.limits
    if stat.S_ISLNK(info.external_attr >> 16):
        raise _Refused("symlink member; not read")
    if info.flag_bits & 0x1:
        raise _Refused("encrypted member; not read")
    if kind(display) is None:
        raise _Refused(unsupported_reason(display))
    if info.file_size > RATIO_FLOOR and (
        info.compress_size <= 0 or info.file_size / info.compress_size > limits.zip_ratio
    ):
        raise _Refused(f"looks like a zip bomb (compression ratio over {limits.zip_ratio:g}:1)")
    if info.file_size > limits.file_bytes:
        raise _Refused(f"member is larger than the limit of {limits.file_bytes / MB:.1f} MB "
                       "(WORKBENCH_MAX_FILE_MB)")
    if kind(display) == "zip" and depth + 1 > limits.zip_depth:
        raise _Refused(f"zip nested deeper than {limits.zip_depth} level(s) "
                       "(WORKBENCH_MAX_ZIP_DEPTH)")


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, display: str, opts: ReadOptions,
          budget: Budget) -> bytes:
    limits, out, size = opts.limits, [], 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(CHUNK):
                size += len(chunk)
                budget.spend_bytes(display, len(chunk))
                if size > limits.file_bytes:
                    raise _Refused("member is larger than the limit of "
                                   f"{limits.file_bytes / MB:.1f} MB (WORKBENCH_MAX_FILE_MB)")
                if size > RATIO_FLOOR and size / max(info.compress_size, 1) > limits.zip_ratio:
                    raise _Refused("looks like a zip bomb (compression ratio over "
                                   f"{limits.zip_ratio:g}:1)")
                out.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError) as exc:
        raise _Refused(f"corrupt or unsupported member ({exc})") from None
    return b"".join(out)


def read_zip(name: str, source: bytes | Path, opts: ReadOptions, budget: Budget, depth: int,
             read_member: ReadMember) -> Iterator[Document | Rejected]:
    """Documents and rejections of every member; LimitExceeded once the budget is spent."""
    seen: set[str] = set()
    with _open(name, source, opts, budget) as zf:
        for info in zf.infolist():
            if info.is_dir() or (depth == 0 and opts.members is not None
                                 and info.filename not in opts.members):
                continue
            display = member_display(name, info.filename)
            if reason := unsafe_member(info.filename):
                yield Rejected(display, f"{reason} ({info.filename[:200]!r}); not read")
                continue
            if is_hidden(info.filename):
                continue
            budget.spend_member(display)
            if display in seen:
                yield Rejected(display, "duplicate member name; only the first one was read")
                continue
            seen.add(display)
            try:
                _check_before(info, display, opts, depth)
                data = _read(zf, info, display, opts, budget)
            except _Refused as exc:
                yield Rejected(display, str(exc))
                continue
            yield from read_member(display, data, depth + 1)
