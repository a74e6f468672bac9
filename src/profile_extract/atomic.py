"""Atomic file writes: write to a temporary name in the same folder, fsync, rename.

A run killed at any moment leaves either the old file or the new one, never half of one.
The rename alone gives that when a process dies; the fsync also covers a machine that
loses power, and costs about half a millisecond a file, so per-record files, which the
cache index re-checks (size, modification time) before reusing them, skip it (`durable=False`).
"""
from __future__ import annotations

import itertools
import os
from pathlib import Path


_TEMP_NUMBERS = itertools.count()


def write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a name no other writer uses (process id + counter), created exclusively: no random names to try
    tmp = path.parent / f".{path.name}.{os.getpid()}-{next(_TEMP_NUMBERS)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileExistsError:  # left by a killed process that had this id
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, durable: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), durable)
