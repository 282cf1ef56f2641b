"""Listing and partitioning on the client: what each Dask task will read.

A ``Unit`` is one file on disk, or some members of one zip archive. Its name is
the one the in-process readers give (``<folder>/<path inside>``, the file name,
``<archive>/<member>`` inside documents), so a set loaded by either engine has the
same document keys and re-loading with the other engine skips what is there.
Only names and sizes are read here (a zip's central directory, never its data);
the workers read the bytes, so the paths must be visible to them too (the same
machine, or storage mounted at the same path on every node).

Limits: ``max_total_mb`` is judged per path argument from the declared sizes (a
folder stops with one "N more file(s) not read" line, as in-process); an archive
declaring more members than ``max_zip_members``, or one that cannot be listed,
goes to a worker whole, which rejects it by name exactly as the in-process
reader does. Every other limit is enforced by the readers on the workers.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..models import Rejected
from ..sources.filenames import kind
from ..sources.folders import _entries
from ..sources.limits import Limits

PARTITION_UNITS = 32  # files (or zip members) read and extracted by one task
PARTITION_BYTES = 4 * 1024 * 1024  # ... and never more bytes than this


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # the display name: Document.path of what it yields
    path: str  # where the file is on disk, for the worker
    size: int  # declared bytes (file size, or the members' uncompressed sizes)
    members: tuple[str, ...] | None = None  # of a zip: only these members


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    units: tuple[Unit, ...]

    @property
    def label(self) -> str:
        first = self.units[0].name
        return first if len(self.units) == 1 else f"{first} (+{len(self.units) - 1})"


def list_units(paths: Iterable[str | Path], limits: Limits | None = None, *,
               members: int = PARTITION_UNITS) -> Iterator[Unit | Rejected]:
    """Units to read for files, folders and zips (at most ``members`` members of a
    zip each), and what is refused before reading."""
    limits = limits or Limits.from_settings()
    for path in paths:
        target = Path(path)
        try:
            if target.is_dir():
                yield from _folder(target, limits, members)
            elif target.is_file():
                yield from _file(target.name, target, limits, members)
            else:
                yield Rejected(str(path), "no such file or folder")
        except OSError as exc:
            yield Rejected(str(path), f"could not be read ({exc.strerror or exc})")


def _folder(top: Path, limits: Limits, members: int) -> Iterator[Unit | Rejected]:
    name = top.resolve().name
    entries = _entries(top)
    spent = 0
    for done, (rel, full) in enumerate(entries):
        if spent > limits.total_bytes:
            yield Rejected(name, f"{len(entries) - done} more file(s) not read: the folder "
                                 "passed WORKBENCH_MAX_TOTAL_MB")
            return
        if full is None:
            yield Rejected(f"{name}/{rel}", "symlink leads outside the folder; not read")
            continue
        for unit in _file(f"{name}/{rel}", full, limits, members):
            spent += unit.size if isinstance(unit, Unit) else 0
            yield unit


def _file(name: str, path: Path, limits: Limits, members: int) -> Iterator[Unit | Rejected]:
    size = path.stat().st_size
    if kind(name) != "zip":
        yield Unit(name, str(path.resolve()), size)
        return
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        infos = None
    if not infos or len(infos) > limits.zip_members:
        yield Unit(name, str(path.resolve()), size)  # the worker's reader says why
        return
    sizes: dict[str, int] = {}
    for info in infos:  # a duplicated name stays in one unit, so the copy is still refused
        sizes[info.filename] = sizes.get(info.filename, 0) + info.file_size
    group: list[str] = []
    group_bytes = 0
    for member, member_size in sizes.items():
        if group and (len(group) >= members or group_bytes + member_size > PARTITION_BYTES):
            yield Unit(name, str(path.resolve()), group_bytes, tuple(group))
            group, group_bytes = [], 0
        group.append(member)
        group_bytes += member_size
    yield Unit(name, str(path.resolve()), group_bytes, tuple(group))


def partition(units: Iterable[Unit], *, max_units: int = PARTITION_UNITS,
              max_bytes: int = PARTITION_BYTES) -> list[Partition]:
    """Consecutive units in groups of at most ``max_units`` members and ``max_bytes``."""
    parts: list[Partition] = []
    group: list[Unit] = []
    count = size = 0
    for unit in units:
        weight = len(unit.members) if unit.members is not None else 1
        if group and (count + weight > max_units or size + unit.size > max_bytes):
            parts.append(Partition(len(parts), tuple(group)))
            group, count, size = [], 0, 0
        group.append(unit)
        count, size = count + weight, size + unit.size
    if group:
        parts.append(Partition(len(parts), tuple(group)))
    return parts
