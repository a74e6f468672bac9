"""The incremental-run cache: which inputs can reuse the record of an earlier run.

OUT/.cache/index.json maps each id to the key its outcome was made from (raw
bytes sha256, pipeline version, path, spaCy model, id warnings) and to the
outcome (a record on disk, known by its file's size and modification time, or an
input error). It also holds a fingerprint of the dataset files, so a run that
changes nothing rewrites nothing. A missing or corrupt index only means
everything is redone.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from . import __version__
from .atomic import write_text

INDEX_FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Package version + hashes of the rule data and of the code, so editing either invalidates records."""
    data = _tree_hash(PACKAGE_DIR / "data", "*")
    code = _tree_hash(PACKAGE_DIR, "*.py")
    return f"{__version__}+data.{data}.code.{code}"


def _tree_hash(folder: Path, pattern: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def index_path(out: Path) -> Path:
    return out / ".cache" / "index.json"


def load_index(out: Path) -> tuple[dict[str, dict], str | None, str | None]:
    """The entries of the index, the fingerprint of the dataset files written with it, and a
    warning when the index existed but could not be used."""
    path = index_path(out)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None, None
    except (OSError, ValueError) as exc:
        return {}, None, f"cache index {path} unreadable, redoing every input: {exc}"
    entries = data.get("entries") if isinstance(data, dict) and data.get("format") == INDEX_FORMAT else None
    if not isinstance(entries, dict) or not all(isinstance(v, dict) for v in entries.values()):
        return {}, None, f"cache index {path} has an unknown layout, redoing every input"
    dataset = data.get("dataset")
    return entries, dataset if isinstance(dataset, str) else None, None


def save_index(out: Path, entries: dict[str, dict], dataset: str | None = None) -> None:
    """`dataset`: the fingerprint of the dataset files as they stand (None while they are being rebuilt)."""
    payload = {"format": INDEX_FORMAT, "dataset": dataset, "entries": dict(sorted(entries.items()))}
    # compact: json's C encoder (an indented dump is pure Python, many times slower on big batches)
    write_text(index_path(out), json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n")


def dataset_fingerprint(entries: dict[str, dict], errors: dict[str, dict], exports: list[str]) -> str:
    """What the dataset files were made from: every cached outcome, every error, the export formats."""
    payload = json.dumps([sorted(entries.items()), sorted(errors.items()), exports], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
