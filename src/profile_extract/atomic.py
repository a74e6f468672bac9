"""Atomic file writes: write to a temporary name in the same folder, fsync, rename.

A run killed at any moment leaves either the old file or the new one, never half of one.
The rename alone gives that when a process dies; the fsync also covers a machine that
loses power, and costs about half a millisecond a file, so per-record files, which the
cache index checks against their content before reusing them, skip it (`durable=False`).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text(path: Path, text: str, durable: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), durable)
