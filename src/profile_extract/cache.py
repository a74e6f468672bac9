"""The incremental-run cache: which inputs can reuse the record of an earlier run.

OUT/.cache/index.json maps each id to the key its outcome was made from (raw
bytes sha256, pipeline version, path, spaCy model, id warnings) and to the
outcome (a record on disk, or an input error). A missing or corrupt index only
means everything is redone.
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


def load_index(out: Path) -> tuple[dict[str, dict], str | None]:
    """The entries of the index, and a warning when it existed but could not be used."""
    path = index_path(out)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError) as exc:
        return {}, f"cache index {path} unreadable, redoing every input: {exc}"
    entries = data.get("entries") if isinstance(data, dict) and data.get("format") == INDEX_FORMAT else None
    if not isinstance(entries, dict) or not all(isinstance(v, dict) for v in entries.values()):
        return {}, f"cache index {path} has an unknown layout, redoing every input"
    return entries, None


def save_index(out: Path, entries: dict[str, dict]) -> None:
    payload = {"format": INDEX_FORMAT, "entries": dict(sorted(entries.items()))}
    write_text(index_path(out), json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
