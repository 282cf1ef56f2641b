"""Files and folders on disk, and the check that keeps server folders inside allowed roots.

``read_path`` reads a file, a zip or a folder. Folders are walked recursively in
sorted order; hidden files and folders (and ``__MACOSX``) are skipped; a symlink is
read only when it stays inside the folder (one leading outside is Rejected, a
symlinked folder is never descended). Every file of one call shares one ``Budget``,
so ``max_total_mb`` bounds a whole folder. Document paths are ``<folder name>/<path
inside it>`` for folders and the file name for a single file.

``resolve_server_folder`` turns what a user typed into a path under one of the
allowed roots, or raises ``PathNotAllowed``. It refuses NUL bytes, '~', '..' parts,
drive letters and anything (symlinks included) that resolves outside every root.

This module does not read formats itself and does not watch folders for changes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from .. import settings
from ..errors import NotFound, PathNotAllowed
from ..models import Document, Rejected
from .filenames import is_hidden
from .limits import Budget, ReadOptions
from .readers import read_source

_DRIVE = re.compile(r"[A-Za-z]:")


def read_path(path: str | Path, *, source_set: str | None = None,
              columns: dict[str, str] | None = None) -> Iterator[Document | Rejected]:
    """Documents of a file, a zip or a whole folder on disk; failures as Rejected."""
    opts = ReadOptions(source_set=source_set, columns=columns)
    budget = Budget(opts.limits)
    target = Path(path)
    try:
        if target.is_dir():
            yield from _read_folder(target, opts, budget)
        elif target.is_file():
            yield from read_source(target.name, target, opts, budget)
        else:
            yield Rejected(str(path), "no such file or folder")
    except OSError as exc:
        yield Rejected(str(path), f"could not be read ({exc.strerror or exc})")


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def _entries(top: Path) -> list[tuple[str, Path | None]]:
    """(path relative to top, path) for every visible file, sorted; None marks a symlink
    that leads outside the folder."""
    root = top.resolve()
    found: list[tuple[str, Path | None]] = []
    for folder, dirs, files in os.walk(top, followlinks=False):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for entry, is_file in [(d, False) for d in dirs] + [(f, True) for f in files]:
            full = base / entry
            rel = full.relative_to(top).as_posix()
            if full.is_symlink() and not _inside(full, root):
                found.append((rel, None))
            elif is_file and not is_hidden(entry):
                found.append((rel, full))
    return sorted(found, key=lambda item: item[0].split("/"))


def _read_folder(top: Path, opts: ReadOptions, budget: Budget) -> Iterator[Document | Rejected]:
    name = top.resolve().name
    entries = _entries(top)
    for done, (rel, full) in enumerate(entries):
        if budget.exhausted:
            yield Rejected(name, f"{len(entries) - done} more file(s) not read: the folder "
                                 "passed WORKBENCH_MAX_TOTAL_MB")
            return
        if full is None:
            yield Rejected(f"{name}/{rel}", "symlink leads outside the folder; not read")
        else:
            yield from read_source(f"{name}/{rel}", full, opts, budget)


def resolve_server_folder(user_path: str, roots: list[Path] | None = None) -> Path:
    """The real path of a folder (or file) under an allowed root; PathNotAllowed otherwise."""
    roots = [Path(r).resolve() for r in (roots if roots is not None else settings.allowed_roots())]
    if not roots:
        raise PathNotAllowed("no server folders are allowed (set WORKBENCH_ALLOWED_ROOTS)")
    raw = str(user_path).strip()
    if "\x00" in raw or raw.startswith("~") or _DRIVE.match(raw):
        raise PathNotAllowed(f"{raw!r} is not allowed: give a folder inside {_names(roots)}")
    if ".." in raw.replace("\\", "/").split("/"):
        raise PathNotAllowed(f"{raw!r} is not allowed: '..' may not be used")
    candidate = Path(raw) if Path(raw).is_absolute() else roots[0] / raw
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError) as exc:
        raise PathNotAllowed(f"{raw!r} cannot be resolved ({exc})") from None
    if not any(resolved.is_relative_to(root) for root in roots):
        raise PathNotAllowed(f"{raw!r} is outside the allowed folders {_names(roots)}")
    if not resolved.exists():
        raise NotFound(f"no folder {raw!r} under {_names(roots)}")
    return resolved


def _names(roots: list[Path]) -> str:
    return ", ".join(str(r) for r in roots)


def count_files(folder: Path | None) -> int:
    """How many files a server folder holds: the estimate behind the progress bar."""
    if folder is None:
        return 0
    return sum(1 for p in Path(folder).rglob("*") if p.is_file())
