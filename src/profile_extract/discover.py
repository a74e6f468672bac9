"""Find the input pages of a run and give each a safe, unique id.

An id is the input's path relative to its input root, without the extension
(contract section 1). Ids become file names under OUT/records/, so they are
sanitised: a path separator becomes `__`, no id is empty, `.`/`..` or hidden,
and overly long ids are shortened with a hash. Ids that still clash (two roots
with the same relative file, or names differing only in case, which clash on
case-insensitive file systems) are all kept: later ones get `~2`, `~3`, ...
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_ID_BYTES = 200  # leaves room for ".json" and temp-file affixes within the usual 255-byte limit
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")


class UsageError(Exception):
    """A problem with the command line itself (exit status 2)."""


@dataclass(slots=True)
class Input:
    id: str
    path: str  # as given on the command line, joined with the path below the root
    warnings: list[str] = field(default_factory=list)


def discover(inputs: list[Path], exclude: Path | None = None) -> tuple[list[Input], list[str]]:
    """All inputs under `inputs`, in a deterministic order, with unique ids, and the id warnings.

    `exclude` (the output folder) is never searched, so a run over `.` does not read its own output.
    """
    found: list[tuple[str, str]] = []  # (base id, path)
    seen_files: set[object] = set()
    skip = os.path.realpath(exclude) if exclude is not None else None
    for root in inputs:
        if not root.exists():
            raise UsageError(f"input not found: {root}")
        if root.is_dir():
            files = _walk(root, skip)
        else:
            files = [(root, PurePosixPath(root.name))]
        for path, rel in files:
            real = _file_key(path)
            if real in seen_files:  # the same file reached twice (symlink, hard link, two roots) is one input
                continue
            seen_files.add(real)
            found.append((make_id(rel), str(path)))
    return _dedupe(found)


def _walk(root: Path, skip: str | None) -> list[tuple[Path, PurePosixPath]]:
    """Files under `root` with a known suffix, following directory symlinks but never a loop."""
    seen_dirs: set[str] = set()
    files: list[tuple[Path, PurePosixPath]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen_dirs or real == skip:
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        below = PurePosixPath(here.relative_to(root).as_posix())
        for name in filenames:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            files.append((here / name, below / name))
    files.sort(key=lambda item: item[1].as_posix())
    return files


def _file_key(path: Path) -> object:
    """What identifies a file whatever the path to it: device and inode (its real path where stat fails)."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino) if st.st_ino else os.path.realpath(path)


def make_id(rel: PurePosixPath) -> str:
    """The id of a file at `rel` below its root: safe as a single file name, never empty."""
    parts = [*rel.parent.parts, rel.stem] if rel.parent != PurePosixPath(".") else [rel.stem]
    clean = []
    for part in parts:
        part = _UNSAFE.sub("_", unicodedata.normalize("NFC", part)).strip()
        if part in ("", ".", ".."):
            part = "_"
        clean.append(part)
    doc_id = "__".join(clean)
    if doc_id.startswith("."):
        doc_id = "_" + doc_id[1:]
    if len(doc_id.encode("utf-8")) > MAX_ID_BYTES:
        digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:10]
        doc_id = doc_id.encode("utf-8")[: MAX_ID_BYTES - 11].decode("utf-8", "ignore") + "~" + digest
    return doc_id


def _dedupe(found: list[tuple[str, str]]) -> tuple[list[Input], list[str]]:
    """Unique ids: the first input keeps its id, later clashing ones get `~2`, `~3`, ..."""
    taken = {base.casefold() for base, _ in found}
    groups: dict[str, list[Input]] = {}
    items: list[Input] = []
    for base, path in found:
        group = groups.setdefault(base.casefold(), [])
        doc_id = base
        if group:
            n = len(group) + 1
            while f"{base}~{n}".casefold() in taken:
                n += 1
            doc_id = f"{base}~{n}"
            taken.add(doc_id.casefold())
        item = Input(id=doc_id, path=path)
        group.append(item)
        items.append(item)
    warnings = []
    for group in groups.values():
        if len(group) > 1:
            message = "id collision: " + ", ".join(f"{i.path} -> {i.id}" for i in group)
            warnings.append(message)
            for item in group:
                item.warnings.append(message)
    return items, warnings
